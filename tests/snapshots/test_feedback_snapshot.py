"""Pictures of the Today tab with "did it land?" and the ledger, and of the grace days dialog (80x24)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.snapshots.snapshot_app import DAY
from tests.snapshots.test_rituals_snapshot import fill, show_rituals
from tui.app import MicroRomanceApp
from tui.clock import ManualClock
from tui.model import GestureDay
from tui.record import replace
from tui.storage import Store

SIZE = (80, 24)

HISTORY = [
    # days ago, gesture, answer, note
    (1, "mirror-note", "landed", "They kept it on the fridge."),
    (2, "door-hug", "landed", ""),
    (4, "red-light-squeeze", "so_so", ""),
    (6, "specific-compliment", "", ""),
    (9, "forehead-kiss", "landed", ""),
]
"""Nine days of use in which quality time, a ranked language, has not come up."""


@pytest.fixture
def answered_app(tmp_path: Path):
    store = Store(tmp_path / "data", backups=False)
    store.save_settings(
        replace(
            store.settings(),
            partner_name="Alex",
            love_languages=("touch", "words", "time"),
            together="together",
            welcomed=True,
            last_review="2026-11-23",
        )
    )
    for days_ago, gesture_id, feedback, note in HISTORY:
        day = DAY - timedelta(days=days_ago)
        store.save_gesture_day(GestureDay(day, gesture_id, (gesture_id,), done=True, note=note, feedback=feedback))
    store.save_gesture_day(GestureDay(DAY, "six-second-kiss", ("six-second-kiss",), done=True))
    yield MicroRomanceApp(store=store, clock=ManualClock(DAY))
    store.close()


@pytest.fixture
def rituals_app(tmp_path: Path):
    store = Store(tmp_path / "data", backups=False)
    store.save_settings(replace(store.settings(), welcomed=True, last_review="2026-11-23"))
    fill(store)
    yield MicroRomanceApp(store=store, clock=ManualClock(DAY))
    store.close()


def test_today_feedback_and_ledger(snap_compare, answered_app: MicroRomanceApp) -> None:
    """Done today, not answered yet: the "did it land?" line, the waiting language, the ledger."""
    assert snap_compare(answered_app, press=["1"], terminal_size=SIZE)


def test_grace_dialog(snap_compare, rituals_app: MicroRomanceApp) -> None:
    """g on the Rituals tab: why (a hard week chosen) and which days."""
    assert snap_compare(rituals_app, run_before=show_rituals, press=["g", "right", "right"], terminal_size=SIZE)
