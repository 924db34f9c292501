"""Tests for tui.domain.weekly: week bounds and the weekly summary."""

from __future__ import annotations

from datetime import date

from tui.domain.calendar import week_bounds
from tui.domain.weekly import WeekSummary, summarise_week
from tui.model import Gesture, GestureDay, GraceSpan, Note, Ritual

# The week of Monday 9 .. Sunday 15 June 2025.
MON, TUE, WED, THU, FRI, SAT, SUN = (date(2025, 6, d) for d in range(9, 16))

CATALOG = {
    "t1": Gesture("t1", "Hold hands", "touch", "minute"),
    "w1": Gesture("w1", "Say thanks", "words", "minute"),
    "g1": Gesture("g1", "A flower", "gifts", "ten_minutes"),
}

COFFEE = Ritual(id="coffee", name="Morning coffee", position=0, created=date(2025, 1, 1))
WALK = Ritual(id="walk", name="Evening walk", weekdays=(0, 2, 4), position=1, created=date(2025, 1, 1))
DATE = Ritual(id="date", name="Date night", weekdays=(5,), position=2, created=date(2025, 1, 1))
OLD = Ritual(id="old", name="Old habit", archived=True)
NEW = Ritual(id="new", name="Next week", created=date(2025, 6, 16))

TICKS = {
    "coffee": {MON, TUE, WED, THU, FRI, SAT},  # 6 of 7
    "walk": {MON},  # 1 of 3
    "date": {SAT},  # 1 of 1
    "old": {MON},
}
GESTURES = [
    GestureDay(date(2025, 6, 8), "t1", done=True),  # the Sunday before
    GestureDay(MON, "t1", done=True),
    GestureDay(TUE, "w1", done=False),
    GestureDay(WED, "t1", done=True),
    GestureDay(THU, "g1", done=True),
    GestureDay(FRI, "zz", done=True),  # unknown id: ignored
    GestureDay(date(2025, 6, 16), "w1", done=True),  # next Monday
]
NOTES = [
    Note("n0", date(2025, 6, 8), "before"),
    Note("n1", MON, "coffee", said_aloud=True),
    Note("n2", WED, "walk"),
    Note("n3", SUN, "lunch", said_aloud=True),
    Note("n4", date(2025, 6, 16), "after", said_aloud=True),
]


def test_week_bounds() -> None:
    assert week_bounds(WED) == (MON, SUN)
    assert week_bounds(MON) == (MON, SUN)
    assert week_bounds(SUN) == (MON, SUN)
    assert week_bounds(date(2025, 1, 1)) == (date(2024, 12, 30), date(2025, 1, 5))


def test_full_week_summary() -> None:
    rituals = [DATE, WALK, COFFEE, OLD, NEW]
    summary = summarise_week(SUN, rituals, TICKS, GESTURES, CATALOG, NOTES, today=date(2025, 6, 16))
    assert summary == WeekSummary(
        start=MON,
        end=SUN,
        rituals_kept=8,  # 6 + 1 + 1
        rituals_scheduled=11,  # 7 + 3 + 1
        per_ritual=[("Morning coffee", 6, 7), ("Evening walk", 1, 3), ("Date night", 1, 1)],
        gestures_by_language={"words": 0, "touch": 2, "service": 0, "time": 0, "gifts": 1},
        notes_written=3,
        notes_said_aloud=2,
        slipped=["Evening walk"],
    )


def test_mid_week_summary_counts_up_to_today() -> None:
    # As of Wednesday: coffee Mon, Tue, Wed kept -> 3/3. Walk: Mon kept; Wednesday is
    # today and unticked, so it is open and not counted -> 1/1. Date night: Saturday is
    # still ahead -> 0/0.
    summary = summarise_week(WED, [COFFEE, WALK, DATE], TICKS, GESTURES, CATALOG, NOTES)
    assert summary.per_ritual == [("Morning coffee", 3, 3), ("Evening walk", 1, 1), ("Date night", 0, 0)]
    assert (summary.rituals_kept, summary.rituals_scheduled) == (4, 4)
    assert summary.gestures_by_language["touch"] == 2
    assert summary.gestures_by_language["gifts"] == 0  # Thursday is after today
    assert (summary.notes_written, summary.notes_said_aloud) == (2, 1)
    assert summary.slipped == []


def test_grace_days_left_out() -> None:
    grace = [GraceSpan("trip", THU, SUN)]
    rituals = [COFFEE, WALK, DATE]
    summary = summarise_week(SUN, rituals, TICKS, [], CATALOG, [], grace, today=date(2025, 6, 20))
    # Coffee: Mon-Wed kept, Thu-Sat ticked (ticks win over grace), Sun grace -> 6/6.
    # Walk: Mon kept, Wed missed, Fri grace -> 1/2 (not below half, so not slipped).
    # Date: Sat kept -> 1/1.
    assert summary.per_ritual == [("Morning coffee", 6, 6), ("Evening walk", 1, 2), ("Date night", 1, 1)]
    assert summary.slipped == []
    assert summary.gestures_by_language == {"words": 0, "touch": 0, "service": 0, "time": 0, "gifts": 0}
