"""Pictures of the Prompts tab at 80x24 with fixed answers (accept changes with --snapshot-update)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.snapshots.snapshot_app import snapshot_app
from tui import content
from tui.app import MicroRomanceApp

SIZE = (80, 24)


def prompts_app(tmp_path: Path) -> MicroRomanceApp:
    """Two answers, on two days, to prompts of two themes."""
    app = snapshot_app(tmp_path)
    deck = content.prompts()
    seen = next(p for p in deck if p.topic == "seen")
    repair = next(p for p in deck if p.topic == "repair")
    app.store.add_answer(seen.id, "When you listen without trying to fix it.", date(2026, 11, 20))
    app.store.add_answer(
        repair.id, "A short walk, then talking.\nAnd saying sorry first, even if it is hard.", date(2026, 11, 23)
    )
    return app


async def settle(pilot) -> None:
    await pilot.pause()


def test_prompts_tab(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(prompts_app(tmp_path), press=["4"], terminal_size=SIZE, run_before=settle)


def test_prompts_theme_filter(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(prompts_app(tmp_path), press=["4", "t", "tab"], terminal_size=SIZE, run_before=settle)
