"""The full screen when the disk says no, and when midnight passes while it is open.

Saving is made to fail at the store's own file calls (``os.open`` /
``os.replace``), as a full disk or a read-only folder would, rather than by
replacing store methods: the whole path from the key to the file is real.
"""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Static

from tui.dialogs.editor import EditorScreen
from tui.storage import Store

NEW_YEARS_EVE = date(2026, 12, 31)

FAULTS = {
    "disk full": ("replace", OSError(errno.ENOSPC, "No space left on device")),
    "read-only folder": ("open", OSError(errno.EROFS, "Read-only file system")),
}


def break_writes(monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
    where, error = FAULTS[fault]
    real = getattr(os, where)

    def failing(path, *args, **kwargs):
        target = args[0] if where == "replace" else path
        if str(target).endswith((".json", ".tmp")):
            raise error
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, where, failing)


def data_bytes(data_dir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and "backups" not in p.parts and p.suffix in (".json", ".tmp")
    }


async def open_gratitude(pilot) -> None:
    await pilot.pause()
    await pilot.press("3")
    await pilot.pause()


async def write_note(app, pilot, typed: str, pasted: str) -> EditorScreen:
    """Open the editor with ``a``, type some keys and paste the rest."""
    await pilot.press("a")
    await pilot.pause()
    editor = app.screen
    assert isinstance(editor, EditorScreen)
    await pilot.press(*[("space" if ch == " " else ch) for ch in typed])
    editor.text_area.insert(pasted)
    await pilot.pause()
    return editor


@pytest.mark.parametrize("fault", FAULTS)
async def test_a_refused_save_keeps_the_text_in_the_editor(
    make_app, data_dir: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    app = make_app()
    app.store.add_note("an earlier note", NEW_YEARS_EVE)
    text = "thank you for [bold]the soup[/] [@click=app.quit]x[/]"
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gratitude(pilot)
        editor = await write_note(app, pilot, "thank you", " for [bold]the soup[/] [@click=app.quit]x[/]")
        before = data_bytes(data_dir)
        break_writes(monkeypatch, fault)
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Still writing, every word there, the reason shown.
        assert app.screen is editor
        assert editor.text == text
        message = str(editor.query_one("#editor-error", Static).render())
        assert FAULTS[fault][1].strerror in message
        assert "your text is still here" in message
        assert editor.query_one("#editor-error").region.height >= 1
        # Nothing half-written: the files are as they were, no temporary file.
        assert data_bytes(data_dir) == before
        assert [n.text for n in app.store.notes()] == ["an earlier note"]
        # The disk is back: the same ctrl+s saves it.
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, EditorScreen)
    app.store.close()
    with Store(data_dir, readonly=True) as again:
        assert sorted(n.text for n in again.notes()) == ["an earlier note", text]


async def test_a_refused_tick_is_not_shown_as_ticked(make_app, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(today=NEW_YEARS_EVE)
    ritual = app.store.add_ritual("Goodnight", created=date(2026, 12, 1))
    told: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        before = data_bytes(data_dir)
        real_notify = app.notify
        monkeypatch.setattr(app, "notify", lambda message, **kw: (told.append(message), real_notify(message, **kw)))
        break_writes(monkeypatch, "disk full")
        await pilot.press("space")
        await pilot.pause()
        assert not app.store.is_ticked(ritual.id, NEW_YEARS_EVE)
        assert any("No space left on device" in m for m in told), told
        assert data_bytes(data_dir) == before


# --------------------------------------------------------------------------- midnight


async def test_notes_and_ticks_across_midnight_are_dated_by_the_day_they_were_made(
    make_app, clock, data_dir: Path
) -> None:
    app = make_app(today=NEW_YEARS_EVE)
    ritual = app.store.add_ritual("Goodnight", created=date(2026, 12, 1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "space")  # tick on the 31st
        await pilot.pause()
        # Midnight passes with the app open.
        clock.advance()
        app.check_day()
        await pilot.pause()
        await pilot.press("space")  # the checklist now shows the 1st
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        await write_note(app, pilot, "new year", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # The clock is set back a day (a wrong setting corrected).
        clock.advance(-1)
        app.check_day()
        await pilot.pause()
        await write_note(app, pilot, "back in the old year", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
    app.store.close()
    with Store(data_dir, readonly=True) as again:
        assert again.ticked_days(ritual.id) == {NEW_YEARS_EVE, date(2027, 1, 1)}
        assert sorted((n.day, n.text) for n in again.notes()) == [
            (NEW_YEARS_EVE, "back in the old year"),
            (date(2027, 1, 1), "new year"),
        ]
    assert (data_dir / "history" / "2026.json").exists()  # the old year moved out whole
