"""Pictures of the first-run welcome and of the settings screen at 80x24."""

from __future__ import annotations

from pathlib import Path

from tests.snapshots.snapshot_app import DAY
from tui.app import MicroRomanceApp
from tui.clock import ManualClock
from tui.record import replace
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
        replace(
            store.settings(), partner_name="Alex", love_languages=("touch", "words"), together="together", welcomed=True
        )
    )
    try:
        assert snap_compare(MicroRomanceApp(store=store, clock=ManualClock(DAY)), press=["s"], terminal_size=SIZE)
    finally:
        store.close()


def test_settings_with_the_partners_own_ranking(snap_compare, tmp_path: Path) -> None:
    """Once Alex shared how they feel loved (Together), a line under the guess says theirs counts."""
    import json

    store = Store(tmp_path / "data", backups=False)
    store.save_settings(
        replace(
            store.settings(),
            partner_name="Alex",
            love_languages=("gifts",),
            own_love_languages=("time", "words"),
            welcomed=True,
        )
    )
    state = tmp_path / "data" / "sync"
    state.mkdir(mode=0o700)
    (state / "together.json").write_text(
        json.dumps({"their_languages": {"alex": {"by": "Alex", "languages": ["touch", "words"]}}})
    )
    try:
        assert snap_compare(MicroRomanceApp(store=store, clock=ManualClock(DAY)), press=["s"], terminal_size=SIZE)
    finally:
        store.close()
