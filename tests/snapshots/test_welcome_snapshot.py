"""Pictures of the first-run welcome and of the settings screen at 80x24."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.snapshots.snapshot_app import DAY
from tui.app import MicroRomanceApp
from tui.clock import ManualClock
from tui.storage import Store

SIZE = (80, 24)


def test_welcome(snap_compare, tmp_path: Path) -> None:
    store = Store(tmp_path / "data", backups=False)
    try:
        assert snap_compare(MicroRomanceApp(store=store, clock=ManualClock(DAY)), terminal_size=SIZE)
    finally:
        store.close()


def test_settings(snap_compare, tmp_path: Path) -> None:
    store = Store(tmp_path / "data", backups=False)
    store.save_settings(
        replace(store.settings(), partner_name="Alex", love_languages=("touch", "words"), together="together", welcomed=True)
    )
    try:
        assert snap_compare(MicroRomanceApp(store=store, clock=ManualClock(DAY)), press=["s"], terminal_size=SIZE)
    finally:
        store.close()
