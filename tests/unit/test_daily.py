"""Today's gesture: the same for the tab and the shell, and apart-friendly on grace days."""

from __future__ import annotations

from datetime import date, timedelta

from tui import content
from tui.daily import another_gesture, todays_gesture
from tui.model import GraceSpan, Settings
from tui.storage import Store

DAY = date(2026, 11, 25)


def test_recorded_gesture_wins_and_another_differs(store: Store) -> None:
    first = todays_gesture(store, DAY)
    store.show_gesture(DAY, first.id)
    other = another_gesture(store, DAY)
    assert other.id != first.id
    store.show_gesture(DAY, other.id)
    assert todays_gesture(store, DAY).id == other.id


def test_grace_days_suggest_gestures_that_work_apart(store: Store) -> None:
    store.save_settings(Settings(together="together", welcomed=True))
    store.save_grace(GraceSpan("trip", DAY, DAY + timedelta(days=9), "travel"))
    apart = {g.id for g in content.gestures() if "apart" in g.tags}
    for n in range(10):
        assert todays_gesture(store, DAY + timedelta(days=n)).id in apart
