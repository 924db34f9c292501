"""A picture of the Today tab at 80x24 with a fixed day, settings and a little history."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.snapshots.snapshot_app import DAY
from tui.app import MicroRomanceApp
from tui.clock import ManualClock
from tui.model import GestureDay
from tui.record import replace
from tui.storage import Store

SIZE = (80, 24)


@pytest.fixture
def today_app(tmp_path: Path):
    store = Store(tmp_path / "data", backups=False)
    store.save_settings(
        replace(
            store.settings(),
            partner_name="Alex",
            love_languages=("touch", "words"),
            together="together",
            welcomed=True,
        )
    )
    history = [
        (1, "red-light-squeeze", "They squeezed back twice."),
        (2, "mirror-note", ""),
    ]
    for days_ago, gesture_id, note in history:
        day = DAY - timedelta(days=days_ago)
        store.save_gesture_day(GestureDay(day=day, gesture_id=gesture_id, shown=(gesture_id,), done=True, note=note))
    store.set_favourite("mirror-note", True)
    yield MicroRomanceApp(store=store, clock=ManualClock(DAY))
    store.close()


def test_today_tab(snap_compare, today_app: MicroRomanceApp) -> None:
    assert snap_compare(today_app, press=["1"], terminal_size=SIZE)


def test_today_favourites(snap_compare, today_app: MicroRomanceApp) -> None:
    assert snap_compare(today_app, press=["1", "v"], terminal_size=SIZE)
