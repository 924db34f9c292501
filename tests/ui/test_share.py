"""Sharing a gratitude note: c copies it as a message ready to send."""

from __future__ import annotations

from datetime import date

import pytest

from tui.record import replace
from tui.storage import Store
from tui.tabs.gratitude import GratitudeTab

HOSTILE = "Thank you for [bold]the soup[/] [@click=app.quit]x[/]\nand {partner} too [/]"


def seed(store: Store) -> None:
    store.add_note("Your laugh at breakfast", date(2026, 11, 24), created="2026-11-24T08:00:00")
    store.add_note(HOSTILE, date(2026, 11, 25), created="2026-11-25T08:00:00")


def spy_notify(app, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict]]:
    """Every notification the app shows, with its options."""
    told: list[tuple[str, dict]] = []
    real = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **kw: (told.append((message, kw)), real(message, **kw))[1])
    return told


async def open_gratitude(pilot) -> GratitudeTab:
    await pilot.pause()
    await pilot.press("3")
    await pilot.pause()
    return pilot.app.query_one(GratitudeTab)


async def test_c_copies_the_selected_note_as_a_message(make_app, monkeypatch) -> None:
    app = make_app()
    seed(app.store)
    told = spy_notify(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_gratitude(pilot)
        assert tab.selected_note().text == HOSTILE  # the newest note
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == f"I was thinking about this today: {HOSTILE} ♥"
        assert app.is_running
        assert told == [("Copied — ready to send or say out loud", {"markup": False})]

        await pilot.press("down")
        await pilot.pause()
        assert tab.selected_note().text == "Your laugh at breakfast"
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == "I was thinking about this today: Your laugh at breakfast ♥"


async def test_the_message_greets_the_partner_by_name(make_app) -> None:
    app = make_app()
    seed(app.store)
    app.store.save_settings(replace(app.store.settings(), partner_name="Alex [b]"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gratitude(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == f"Alex [b], I was thinking about this today: {HOSTILE} ♥"


async def test_nothing_to_copy_says_so_and_leaves_the_clipboard(make_app, monkeypatch) -> None:
    app = make_app()
    told = spy_notify(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gratitude(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == ""
        assert [message for message, _ in told] == ["There is no note to copy yet. Press a to write one."]


async def test_c_in_the_filter_box_types_a_letter(make_app) -> None:
    app = make_app()
    seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_gratitude(pilot)
        await pilot.press("slash", "c")
        await pilot.pause()
        assert tab.filter_input.value == "c"
        assert app.clipboard == ""


async def test_sharing_with_a_hand_edited_together_file_says_which_file(make_app, monkeypatch) -> None:
    app = make_app()
    seed(app.store)
    state = app.store.data_dir / "sync"
    state.mkdir(parents=True, exist_ok=True)
    (state / "together.json").write_text('{"shared_notes": [1]}')
    told = spy_notify(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gratitude(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert app.is_running
    assert any("together.json is not as micro-romance writes it" in text for text, _ in told), told
    assert (state / "together.json").read_text() == '{"shared_notes": [1]}'


async def test_p_says_when_the_note_reaches_the_partner_as_the_shell_does(make_app, monkeypatch) -> None:
    """Not paired yet: the note waits for the pairing, said as `gratitude --share` says it (tests/sync)."""
    app = make_app()
    seed(app.store)
    app.store.save_settings(replace(app.store.settings(), partner_name="Sam"))
    told = spy_notify(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gratitude(pilot)
        await pilot.press("p")
        await pilot.pause()
    assert [text for text, _ in told] == [
        "Marked to share: it goes to Sam once you pair (Together… in ctrl+p, or micro-romance pair start FOLDER)."
    ]
