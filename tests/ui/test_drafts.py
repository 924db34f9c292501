"""Drafts: words in an open editor are kept as they are typed and offered back, never saved by themselves."""

from __future__ import annotations

import json
import stat

import pytest

from tests.ui.screen_text import screen_text
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
