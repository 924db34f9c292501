"""The Rituals tab in three of Textual's themes, set in config.toml: ticks, rest days, today and the
focused row as they read in nord, gruvbox and textual-light."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.snapshots.snapshot_app import DAY
from tests.snapshots.test_rituals_snapshot import SIZE, fill, show_rituals
from tui.app import MicroRomanceApp
from tui.clock import ManualClock
from tui.record import replace
from tui.storage import Store


@pytest.mark.parametrize("theme", ["nord", "gruvbox", "textual-light"])
def test_rituals_in_a_theme(snap_compare, theme: str, tmp_path: Path, own_config_folder: Path) -> None:
    config = own_config_folder / "micro-romance" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'theme = "{theme}"\n', encoding="utf-8")
    store = Store(tmp_path / "data", backups=False)
    store.save_settings(replace(store.settings(), welcomed=True))
    fill(store)
    try:
        app = MicroRomanceApp(store=store, clock=ManualClock(DAY))
        assert snap_compare(app, run_before=show_rituals, press=["down"], terminal_size=SIZE)
    finally:
        store.close()
