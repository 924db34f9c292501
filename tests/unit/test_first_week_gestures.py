"""Someone new meets gestures they can do today, never one that waits for an occasion."""

from __future__ import annotations

from datetime import date, timedelta

from tui import content
from tui.domain.gestures import pick_gesture
from tui.model import GestureDay, Settings

START = date(2026, 1, 5)


def test_the_first_week_never_suggests_a_gesture_that_waits_for_an_occasion() -> None:
    catalog = content.gestures()
    assert any("occasion" in g.tags for g in catalog)
    for together in ("together", "apart", ""):
        settings = Settings(together=together)
        for offset in range(400):  # as many first days as people start on
            day = START + timedelta(days=offset)
            assert "occasion" not in pick_gesture(day, catalog, settings, []).tags
            later = [GestureDay(day - timedelta(days=6), "specific-compliment")]
            assert "occasion" not in pick_gesture(day, catalog, settings, later).tags


def test_after_the_first_week_occasions_come_back_in_turn() -> None:
    catalog = content.gestures()
    settings = Settings(together="together")
    history = [GestureDay(START - timedelta(days=30), "specific-compliment")]
    picked = {pick_gesture(START + timedelta(days=d), catalog, settings, history).id for d in range(400)}
    assert any("occasion" in g.tags for g in catalog if g.id in picked)
