"""Pictures of the days that matter at 80x24: the Today card around a partner's interview, and the list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.snapshots.snapshot_app import DAY
from tui.app import MicroRomanceApp
from tui.clock import ManualClock
from tui.model import DayThatMatters
from tui.record import replace
from tui.storage import Store

SIZE = (80, 24)


@pytest.fixture
def days_app(tmp_path: Path):
    store = Store(tmp_path / "data", backups=False)
    store.save_settings(replace(store.settings(), partner_name="Alex", together="together", welcomed=True))
    store.put("days", DayThatMatters("i1", "big", date(DAY.year, DAY.month, DAY.day + 1), "interview"))
    store.put("days", DayThatMatters("b1", "yearly", date(1991, 12, 3), "birthday"))
    store.put("days", DayThatMatters("t1", "away", date(2026, 12, 10), "conference", date(2026, 12, 12), "mine"))
    yield MicroRomanceApp(store=store, clock=ManualClock(DAY))
    store.close()


def test_today_around_a_big_day(snap_compare, days_app: MicroRomanceApp) -> None:
    assert snap_compare(days_app, press=["1"], terminal_size=SIZE)


def test_days_that_matter_list(snap_compare, days_app: MicroRomanceApp) -> None:
    assert snap_compare(days_app, press=["1", "a"], terminal_size=SIZE)
