"""The ritual dialog says, in words, whether a ritual is shared with the partner or personal."""

from __future__ import annotations

from tests.conftest import DAY
from tests.ui.screen_text import screen_text
from tui.dialogs.ritual import RitualDialog, SharedChoice


async def open_rituals(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("2")
    await pilot.pause()


async def test_a_new_ritual_is_shared_unless_made_personal(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_rituals(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert "[x] Shared with your partner" in screen_text(app)
        await pilot.press(*"Journal alone", "tab", "tab")
        assert isinstance(app.screen.focused, SharedChoice)
        await pilot.press("space")
        await pilot.pause()
        assert "[ ] Shared with your partner: personal, your devices only" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, RitualDialog)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Walk together", "enter")
        await pilot.pause()
        kept = {r.name: r.personal for r in app.store.rituals()}
        assert kept == {"Journal alone": True, "Walk together": False}


async def test_editing_shows_and_changes_the_choice(make_app) -> None:
    app = make_app()
    alone = app.store.add_ritual("Journal alone", created=DAY, personal=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_rituals(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, RitualDialog)
        assert "[ ] Shared with your partner: personal" in screen_text(app)
        app.screen.query_one(SharedChoice).focus()
        await pilot.press("space", "enter")
        await pilot.pause()
        assert app.store.ritual(alone.id).personal is False


async def test_once_paired_the_checklist_says_which_rituals_are_personal(tmp_path, data_dir, make_app, capsys) -> None:
    from tests.ui.pairing import paired
    from tests.ui.screen_text import checklist_rows

    alone = make_app()
    alone.store.add_ritual("Journal alone", created=DAY, personal=True)
    alone.store.add_ritual("Walk together", created=DAY)
    async with alone.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert not any("personal" in row for row in checklist_rows(alone))  # nothing is shared yet
    alone.store.close()
    paired(tmp_path, data_dir, capsys)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        rows = checklist_rows(app)
    assert any("Journal alone  personal" in row for row in rows), rows
    assert not any("Walk together  personal" in row for row in rows)


async def test_the_checklist_says_which_ticks_the_partner_made(tmp_path, data_dir, make_app, capsys) -> None:
    """Both see who ticked: a shared ritual Alex ticked reads "by Alex" in Sam's checklist."""
    from tests.ui.pairing import cli, paired
    from tests.ui.screen_text import checklist_rows
    from tui.storage import Store

    alex = paired(tmp_path, data_dir, capsys)
    with Store(alex) as store:
        store.add_ritual("Walk together", created=DAY, ritual_id="walk")
        store.add_ritual("Goodnight kiss", created=DAY, ritual_id="kiss")
    cli(alex, "done", "walk")
    cli(data_dir, "sync")
    with Store(data_dir) as store:
        store.set_tick("kiss", DAY, True)  # ticked here, by Sam
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await app.workers.wait_for_complete()  # the first round of Together, which redraws
        await pilot.pause()
        rows = checklist_rows(app)
    assert any("[x] Walk together  by Alex" in row for row in rows), rows
    assert any("[x] Goodnight kiss" in row and "by" not in row for row in rows), rows


def test_who_ticked_is_said_whole_or_not_at_all() -> None:
    """On a narrow terminal "by Alex" is left out rather than cut to "by Al…"."""
    from tui.model import Ritual
    from tui.tabs.ritual_rows import ritual_row

    walk = Ritual("walk", "Morning coffee together", (), 0, created=DAY)
    wide = ritual_row(walk, frozenset({DAY}), (), 40, day=DAY, today=DAY, by="Alex").plain
    narrow = ritual_row(walk, frozenset({DAY}), (), 30, day=DAY, today=DAY, by="Alex").plain
    assert "Morning coffee together  by Alex" in wide
    assert "Morning coffee together" in narrow and "by" not in narrow
