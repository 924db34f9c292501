"""The app as the snapshots see it: a fixed day and a small, fixed data set."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui.app import MicroRomanceApp
from tui.clock import ManualClock
from tui.record import replace
from tui.storage import Store

DAY = date(2026, 11, 25)


def snapshot_app(tmp_path: Path) -> MicroRomanceApp:
    store = Store(tmp_path / "data", backups=False)
    store.save_settings(replace(store.settings(), welcomed=True))
    return MicroRomanceApp(store=store, clock=ManualClock(DAY))
