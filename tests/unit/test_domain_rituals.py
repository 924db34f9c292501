"""Tests for tui.domain.rituals: day states, consistency, forgiving streaks, heatmap."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tui.domain.rituals import (
    STREAK_RULE,
    consistency,
    day_state,
    end_position,
    forgiving_streak,
    heatmap,
    last_days,
    open_rituals,
    same_name,
)
from tui.model import GraceSpan, Ritual

TODAY = date(2025, 6, 18)  # a Wednesday


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def daily(created_days_ago: int = 100, archived: bool = False) -> Ritual:
    return Ritual(id="r", name="Morning coffee", created=days_ago(created_days_ago), archived=archived)


MWF = Ritual(id="mwf", name="Walk", weekdays=(0, 2, 4), created=days_ago(100))


# --- day_state -------------------------------------------------------------------------


def test_day_states() -> None:
    r = daily(created_days_ago=5)
    ticked = {days_ago(1)}
    grace = [GraceSpan("g", days_ago(3), days_ago(2))]
    assert day_state(r, days_ago(6), ticked, TODAY, grace) == "rest"  # before created
    assert day_state(r, days_ago(4), ticked, TODAY, grace) == "missed"
    assert day_state(r, days_ago(3), ticked, TODAY, grace) == "grace"
    assert day_state(r, days_ago(1), ticked, TODAY, grace) == "done"
    assert day_state(r, TODAY, ticked, TODAY, grace) == "open"
    assert day_state(r, TODAY, ticked | {TODAY}, TODAY, grace) == "done"
    assert day_state(r, TODAY + timedelta(days=1), ticked, TODAY, grace) == "future"


def test_weekday_schedule_states() -> None:
    # TODAY is a Wednesday: Tuesday is rest, Monday missed when unticked.
    assert day_state(MWF, days_ago(1), set(), TODAY) == "rest"
    assert day_state(MWF, days_ago(2), set(), TODAY) == "missed"
    assert day_state(MWF, TODAY, set(), TODAY) == "open"


def test_last_days_oldest_first() -> None:
    states = last_days(MWF, {days_ago(2)}, TODAY, n=7)
    assert [d for d, _ in states] == [days_ago(i) for i in range(6, -1, -1)]
    # Thu rest, Fri missed, Sat rest, Sun rest, Mon done, Tue rest, Wed open.
    assert [s for _, s in states] == ["rest", "missed", "rest", "rest", "done", "rest", "open"]


# --- consistency -----------------------------------------------------------------------


def test_consistency_hand_computed() -> None:
    # Every day, created 40 days ago. Window = today and the 29 days before it.
    # Ticked on 21 of those 29 earlier days: days 1..21 ago; days 22..29 ago missed (8 days).
    r = daily(created_days_ago=40)
    ticked = {days_ago(n) for n in range(1, 22)}
    assert len(ticked) == 21
    assert consistency(r, ticked, TODAY) == pytest.approx(21 / 29)  # today open: not counted
    assert consistency(r, ticked | {TODAY}, TODAY) == pytest.approx(22 / 30)  # today kept
    # A tick 30 days ago lies outside the window and changes nothing.
    assert consistency(r, ticked | {days_ago(30)}, TODAY) == pytest.approx(21 / 29)


def test_consistency_new_ritual_created_today() -> None:
    r = daily(created_days_ago=0)
    assert consistency(r, set(), TODAY) is None
    assert consistency(r, {TODAY}, TODAY) == 1.0


def test_consistency_weekday_schedule() -> None:
    # Window of 14 days = Thu 5 .. Wed 18 June. M/W/F days in it: 6, 9, 11, 13, 16, 18.
    # Today (18) is open, so 5 countable days; kept 9, 13, 16 -> 3/5.
    # 4 June is outside the window and Tue 17 is a rest day: neither counts.
    ticked = {date(2025, 6, 4), date(2025, 6, 9), date(2025, 6, 13), date(2025, 6, 16), date(2025, 6, 17)}
    assert consistency(MWF, ticked, TODAY, window=14) == pytest.approx(3 / 5)
    assert consistency(MWF, ticked | {TODAY}, TODAY, window=14) == pytest.approx(4 / 6)


def test_consistency_backfill_counts() -> None:
    r = daily(created_days_ago=3)
    # Days 3, 2, 1 ago are countable; ticked 3 and 2 days ago.
    before = consistency(r, {days_ago(3), days_ago(2)}, TODAY)
    assert before == pytest.approx(2 / 3)
    after = consistency(r, {days_ago(3), days_ago(2), days_ago(1)}, TODAY)  # yesterday backfilled
    assert after == 1.0


def test_consistency_grace_excluded() -> None:
    r = daily(created_days_ago=10)
    ticked = {days_ago(n) for n in range(6, 11)}  # 10..6 ago kept
    grace = [GraceSpan("trip", days_ago(5), days_ago(1))]
    assert consistency(r, ticked, TODAY, grace=grace) == 1.0
    assert consistency(r, ticked, TODAY) == pytest.approx(5 / 10)


def test_consistency_none_when_only_rest() -> None:
    sunday_only = Ritual(id="s", name="Date night", weekdays=(6,), created=days_ago(2))
    assert consistency(sunday_only, set(), TODAY) is None


# --- forgiving streak ------------------------------------------------------------------


def test_streak_rule_text() -> None:
    assert "7 days" in STREAK_RULE and "forgiven" in STREAK_RULE


def test_streak_every_day_ten_days() -> None:
    r = daily(created_days_ago=9)
    ticked = {days_ago(n) for n in range(10)}
    assert forgiving_streak(r, ticked, TODAY) == 10


def test_streak_unticked_today_not_a_miss() -> None:
    r = daily(created_days_ago=9)
    ticked = {days_ago(n) for n in range(1, 10)}
    assert forgiving_streak(r, ticked, TODAY) == 9


def test_streak_one_miss_in_a_week_forgiven() -> None:
    r = daily(created_days_ago=19)
    ticked = {days_ago(n) for n in range(20)} - {days_ago(3)}
    assert forgiving_streak(r, ticked, TODAY) == 19


def test_streak_misses_seven_days_apart_forgiven() -> None:
    r = daily(created_days_ago=19)
    ticked = {days_ago(n) for n in range(20)} - {days_ago(3), days_ago(10)}
    assert forgiving_streak(r, ticked, TODAY) == 18


def test_streak_two_misses_within_seven_days_stop() -> None:
    r = daily(created_days_ago=19)
    ticked = {days_ago(n) for n in range(20)} - {days_ago(3), days_ago(8)}
    # Kept: today, 1, 2, 4, 5, 6, 7 -> 7; the walk stops at the miss 8 days ago.
    assert forgiving_streak(r, ticked, TODAY) == 7


def test_streak_without_created_stops_at_second_miss() -> None:
    r = Ritual(id="r", name="Hug")
    ticked = {days_ago(n) for n in range(5)}
    assert forgiving_streak(r, ticked, TODAY) == 5


def test_streak_weekday_schedule_ignores_rest_days() -> None:
    # Scheduled M/W/F over the last three weeks: 30 May .. 18 June, all ticked.
    ticked = {date(2025, 6, d) for d in (2, 4, 6, 9, 11, 13, 16, 18)} | {date(2025, 5, 30)}
    r = Ritual(id="mwf", name="Walk", weekdays=(0, 2, 4), created=date(2025, 5, 30))
    assert forgiving_streak(r, ticked, TODAY) == 9


def test_streak_grace_pauses() -> None:
    r = daily(created_days_ago=19)
    ticked = {days_ago(n) for n in range(20)} - {days_ago(n) for n in range(3, 9)}
    grace = [GraceSpan("flu", days_ago(8), days_ago(3))]
    assert forgiving_streak(r, ticked, TODAY, grace=grace) == 14
    # Without grace the six missed days end it: today, 1, 2 kept, stops 4 days ago.
    assert forgiving_streak(r, ticked, TODAY) == 3


def test_streak_archived_ritual_is_computed_the_same() -> None:
    r = daily(created_days_ago=4, archived=True)
    assert forgiving_streak(r, {days_ago(n) for n in range(5)}, TODAY) == 5


@hsettings(max_examples=60, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=60)))
def test_streak_bounded_by_ticks(offsets: set[int]) -> None:
    r = daily(created_days_ago=60)
    ticked = {days_ago(n) for n in offsets}
    streak = forgiving_streak(r, ticked, TODAY)
    assert 0 <= streak <= len(ticked)
    # Ticking one more day never shortens the streak.
    missing = [n for n in range(61) if n not in offsets]
    if missing:
        assert forgiving_streak(r, ticked | {days_ago(missing[0])}, TODAY) >= streak


# --- heatmap and open rituals ----------------------------------------------------------


def test_heatmap_shape_and_cells() -> None:
    r = daily(created_days_ago=100)
    archived = Ritual(id="old", name="Old", archived=True)
    ticked = {"r": {TODAY, days_ago(1)}, "mwf": {days_ago(2)}}
    grid = heatmap([r, MWF, archived], ticked, TODAY, weeks=12)
    assert len(grid) == 12 and all(len(week) == 7 for week in grid)
    last = grid[-1]
    assert last[0] == (date(2025, 6, 16), 1, 2)  # Monday: MWF kept, daily missed
    assert last[1] == (date(2025, 6, 17), 1, 1)  # Tuesday: MWF rests
    assert last[2] == (TODAY, 1, 2)  # today: daily ticked, MWF open
    assert last[3:] == [None, None, None, None]
    assert grid[0][0] == (date(2025, 3, 31), 0, 2)  # Monday 11 weeks earlier, both missed


def test_heatmap_grace_not_scheduled() -> None:
    r = daily(created_days_ago=100)
    grid = heatmap([r], {}, TODAY, weeks=1, grace=[GraceSpan("g", date(2025, 6, 16), date(2025, 6, 16))])
    assert grid[0][0] == (date(2025, 6, 16), 0, 0)
    assert grid[0][1] == (date(2025, 6, 17), 0, 1)


def test_open_rituals() -> None:
    a = Ritual(id="a", name="A", position=2, created=days_ago(5))
    b = Ritual(id="b", name="B", position=1, created=days_ago(5))
    ticked_one = Ritual(id="c", name="C", position=0)
    archived = Ritual(id="d", name="D", archived=True)
    rest = Ritual(id="e", name="E", weekdays=(5, 6))
    tomorrow_new = Ritual(id="f", name="F", created=TODAY + timedelta(days=1))
    result = open_rituals([a, b, ticked_one, archived, rest, tomorrow_new], {"c": {TODAY}}, TODAY)
    assert [r.id for r in result] == ["b", "a"]


def test_a_name_is_taken_whatever_its_case_except_by_the_ritual_itself() -> None:
    coffee = Ritual(id="a", name="Morning coffee", position=0)
    walk = Ritual(id="b", name="Evening walk", position=1, archived=True)
    assert same_name("MORNING coffee", [coffee, walk]) is coffee
    assert same_name("evening walk", [coffee, walk]) is walk  # archived names count too
    assert same_name("Morning coffee", [coffee, walk], keep_id="a") is None
    assert same_name("Tea", [coffee, walk]) is None


def test_the_end_position_follows_the_last_ritual() -> None:
    assert end_position([]) == 0
    assert end_position([Ritual(id="a", name="A", position=3), Ritual(id="b", name="B", position=1)]) == 4
