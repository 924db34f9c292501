"""Drafts: words in an open editor are kept as they are typed and offered back, never saved by themselves."""

from __future__ import annotations

import json
import signal
import stat

import pytest

from tests.ui.screen_text import screen_text, shown
from tests.ui.waiting import settle
from tui.dialogs.editor import EditorScreen
from tui.dialogs.ritual import RitualDialog
from tui.widgets import text_dialog


@pytest.fixture(autouse=True)
def no_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """The draft is kept as soon as the typing pauses (the next turn of the loop)."""
    monkeypatch.setattr(text_dialog, "DRAFT_DELAY", 0.001)


def drafts_on_disk(data_dir) -> dict:
    path = data_dir / "drafts.json"
    if not path.exists():
        return {}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    return json.loads(path.read_text(encoding="utf-8"))["drafts"]


async def kept(pilot, data_dir, draft_id: str, field: str, words: str) -> dict[str, str]:
    """The draft's fields once ``words`` in ``field`` reached the disk (kept when the typing pauses)."""

    def holds() -> bool:
        return drafts_on_disk(data_dir).get(draft_id, {}).get("fields", {}).get(field) == words

    await settle(pilot, holds)
    return drafts_on_disk(data_dir)[draft_id]["fields"]


async def test_a_note_typed_is_kept_offered_back_and_saved_only_when_asked(make_app, data_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a")
        await pilot.pause()
        await pilot.press(*"tea in bed")
        assert await kept(pilot, data_dir, "note.new", "editor-text", "tea in bed") == {"editor-text": "tea in bed"}
    app.store.close()

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        told = " ".join(str(n.message) for n in app._notifications)
        assert "kept as drafts: “A note of thanks · Wed 25 Nov” (Wed 25 Nov at 12:00)" in told
        await pilot.press("3", "a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen) and editor.text == "tea in bed"
        assert "A draft from Wed 25 Nov at 12:00, not saved yet" in screen_text(app)
        assert app.store.notes() == []  # never a note by itself
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [note.text for note in app.store.notes()] == ["tea in bed"]
        assert drafts_on_disk(data_dir) == {}  # saved: the draft is gone


async def test_a_ritual_name_draft_let_go_with_esc_is_gone(make_app, data_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a")
        await pilot.pause()
        await pilot.press(*"Slow Sunday")
        await kept(pilot, data_dir, "RitualDialog:A new ritual", "ritual-name", "Slow Sunday")
    app.store.close()  # the app ended with the dialog open: the draft stays
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a")
        await pilot.pause()
        assert isinstance(app.screen, RitualDialog)
        assert "Slow Sunday" in screen_text(app)
        await pilot.press("escape", "d")
        await pilot.pause()
        assert drafts_on_disk(data_dir) == {}
        assert [r.name for r in app.store.rituals()] == []


def test_a_damaged_drafts_file_is_set_aside_not_written_over(tmp_path) -> None:
    from datetime import datetime

    from tui.storage.drafts import Drafts

    (tmp_path / "drafts.json").write_bytes(b'{"drafts": {"note.new": {"fields": {"editor-text": "half')
    drafts = Drafts(tmp_path, lambda: datetime(2026, 11, 25, 21, 14))
    assert drafts.get("note.new") is None
    drafts.keep("note.new", {"editor-text": "new words"}, "A note of thanks")
    assert (tmp_path / "drafts.json.damaged").read_bytes().endswith(b"half")
    assert Drafts(tmp_path, datetime.now).get("note.new").fields == {"editor-text": "new words"}


def test_a_second_damaged_drafts_file_does_not_replace_the_first_set_aside(tmp_path) -> None:
    from datetime import datetime

    from tui.storage.drafts import Drafts

    (tmp_path / "drafts.json").write_bytes(b'{"drafts": {"note.new": {"fields": {"editor-text": "first')
    assert Drafts(tmp_path, datetime.now).get("note.new") is None
    (tmp_path / "drafts.json").write_bytes(b'{"drafts": {"note.new": {"fields": {"editor-text": "second')
    assert Drafts(tmp_path, datetime.now).get("note.new") is None
    kept = sorted(p.read_bytes() for p in tmp_path.glob("drafts.json.damaged*"))
    assert [k[-6:] for k in kept] == [b'"first', b"second"]


async def end_as_a_closed_terminal_does(app, pilot) -> None:
    """What SIGHUP does in the app's loop: keep every open editor's draft, then end."""
    app.end_on_signal(signal.SIGHUP)
    await pilot.pause()


async def test_a_personal_ritual_kept_as_a_draft_comes_back_personal(make_app, data_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a")
        await pilot.pause()
        await pilot.press(*"Secret journal", "tab", "space", "tab", "space")  # Monday off, then just me
        await pilot.pause()
        await end_as_a_closed_terminal_does(app, pilot)
    app.store.close()
    kept = drafts_on_disk(data_dir)["RitualDialog:A new ritual"]
    assert kept["choices"] == {"ritual-days": [1, 2, 3, 4, 5, 6], "ritual-shared": False}

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a")
        await pilot.pause()
        text = screen_text(app)
        assert "Secret journal" in text and "personal, your devices only" in text
        assert "[ ]Mon [x]Tue" in text
        await pilot.press("ctrl+s")  # as the draft's line invites
        await pilot.pause()
        [ritual] = app.store.rituals()
        assert (ritual.name, ritual.personal, ritual.weekdays) == ("Secret journal", True, (1, 2, 3, 4, 5, 6))


async def test_a_days_kind_whose_and_sharing_come_back_with_its_words(make_app, data_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "a", "right", "tab", "tab", *"exam", "tab", "right", "tab", "right")
        await pilot.pause()
        await end_as_a_closed_terminal_does(app, pilot)
    app.store.close()

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "a")
        await pilot.pause()
        text = screen_text(app)
        assert "(•) hard day" in text and "(•) mine" in text and "(•) share it" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        [day] = app.store.entries("days")
        assert (day.kind, day.text, day.whose, day.shared) == ("hard", "exam", "mine", True)


async def test_a_draft_kept_before_choices_were_says_to_look_them_over(make_app, data_dir) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    words = {"fields": {"ritual-name": "Slow Sunday"}, "place": "A new ritual", "kept": "2026-11-25T09:00:00"}
    (data_dir / "drafts.json").write_text(json.dumps({"version": 1, "drafts": {"RitualDialog:A new ritual": words}}))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a")
        await pilot.pause()
        assert "Only its words were kept: look over the choices before saving." in shown(app.screen, ".draft-note")


async def test_the_settings_rankings_and_together_or_apart_come_back_with_the_name(make_app, data_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"Sam", "tab", "tab", "tab", "space")  # not sure -> mostly together
        await pilot.press("tab", "down", "space", "up", "space")  # touch first, then words
        await pilot.pause()
        await end_as_a_closed_terminal_does(app, pilot)
    app.store.close()
    kept = drafts_on_disk(data_dir)["SettingsScreen:Settings"]
    assert kept["choices"] == {"love-languages": [], "own-languages": ["touch", "words"], "together": "together"}

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        assert "Physical touch       1st" in text and "Words of affirmation 2nd" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        settings = app.store.settings()
        assert (settings.partner_name, settings.own_love_languages, settings.together) == (
            "Sam",
            ("touch", "words"),
            "together",
        )


async def test_a_choice_changed_after_the_words_is_kept_a_moment_later_too(make_app, data_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a", *"Secret journal")
        await kept(pilot, data_dir, "RitualDialog:A new ritual", "ritual-name", "Secret journal")
        await pilot.press("tab", "tab", "space")  # only the switch changes: just me

        def personal() -> bool:
            return drafts_on_disk(data_dir)["RitualDialog:A new ritual"]["choices"]["ritual-shared"] is False

        await settle(pilot, personal)


async def test_the_question_on_esc_shows_all_three_answers_on_a_narrow_terminal(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("3", "a")
        await pilot.pause()
        await pilot.press(*"tea", "escape")
        await pilot.pause()
        text = screen_text(app)
        assert "Keep editing (k)" in text and "Discard (d)" in text and "Save (s)" in text
