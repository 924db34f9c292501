"""Pictures of the Gratitude tab at 80x24 with fixed notes (accept changes with --snapshot-update)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.snapshots.snapshot_app import snapshot_app
from tui.app import MicroRomanceApp
from tui.record import replace

SIZE = (80, 24)


def gratitude_app(tmp_path: Path) -> MicroRomanceApp:
    """Four notes over three days this week, one of them said aloud."""
    app = snapshot_app(tmp_path)
    store = app.store
    store.add_note("The way you hummed while making breakfast", date(2026, 11, 23), created="2026-11-23T08:00:00")
    store.add_note(
        "You picked me up from the station in the rain,\nand had the heating on already.",
        date(2026, 11, 24),
        created="2026-11-24T19:00:00",
    )
    said = store.add_note("Thank you for listening to me tonight", date(2026, 11, 25), created="2026-11-25T21:00:00")
    store.save_note(replace(said, said_aloud=True))
    store.add_note("Your laugh at breakfast", date(2026, 11, 25), created="2026-11-25T08:00:00")
    return app


async def settle(pilot) -> None:
    await pilot.pause()


def test_gratitude_notes(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(gratitude_app(tmp_path), press=["3", "down", "down"], terminal_size=SIZE, run_before=settle)


def test_gratitude_filter(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(
        gratitude_app(tmp_path), press=["3", "slash", "b", "r", "e"], terminal_size=SIZE, run_before=settle
    )


def test_gratitude_editor(snap_compare, tmp_path: Path) -> None:
    async def open_editor(pilot) -> None:
        await pilot.pause()
        await pilot.press("3", "a")
        await pilot.pause()
        editor = pilot.app.screen
        editor.text_area.cursor_blink = False
        editor.text_area.insert("The soup you left for me,\n\twith a note on the lid. [bold]x[/]")

    assert snap_compare(gratitude_app(tmp_path), terminal_size=SIZE, run_before=open_editor)


def test_editor_holding_a_draft(snap_compare, tmp_path: Path) -> None:
    """The note editor opened again after the terminal closed on it: the words back, under the line saying so."""
    app = gratitude_app(tmp_path)
    app.drafts.keep(
        "note.new", {"editor-text": "The soup you left for me,\nstill warm"}, "A note of thanks · Wed 25 Nov"
    )

    async def opened(pilot) -> None:
        await pilot.pause()
        await pilot.press("3", "a")
        await pilot.pause()
        app.screen.text_area.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=opened)
