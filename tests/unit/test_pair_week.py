"""The week of both partners counts only what crossed between them, inside the week."""

from __future__ import annotations

from datetime import date, timedelta

from tui.domain.pair_week import PairWeek, pair_lines, pair_week
from tui.model import GestureDay, Note, Ritual

MONDAY = date(2026, 11, 23)
SUNDAY = MONDAY + timedelta(days=6)


def test_ticks_gestures_and_notes_are_split_between_the_two() -> None:
    tea = Ritual("tea", "Tea", (), 0, created=MONDAY)
    walk = Ritual("walk", "Walk", (), 1, created=MONDAY, personal=True)
    ticks = {"tea": {MONDAY, MONDAY + timedelta(days=1), SUNDAY + timedelta(days=1)}, "walk": {MONDAY}}
    notes = [
        Note("n1", MONDAY, "mine, shared"),
        Note("n2", MONDAY, "mine, private"),
        Note("n3", SUNDAY, "theirs"),
        Note("n4", MONDAY - timedelta(days=1), "last week"),
    ]
    week = pair_week(
        MONDAY,
        SUNDAY,
        "Alex",
        [tea, walk],
        ticks,
        {f"tea:{MONDAY.isoformat()}"},
        [
            GestureDay(MONDAY, "g", done=True),
            GestureDay(SUNDAY, "h"),
            GestureDay(SUNDAY + timedelta(days=1), "i", done=True),
        ],
        [SUNDAY, MONDAY - timedelta(days=1)],
        notes,
        {"n1", "n4"},
        {"n3"},
    )
    assert week == PairWeek("Alex", ticks=(1, 1), gestures=(1, 1), notes=(1, 1))
    heading, lines = pair_lines(week)
    assert heading == "You and Alex"
    assert lines[0] == "Shared rituals: you ticked 1, Alex ticked 1"


def test_a_quiet_week_says_so_in_words() -> None:
    week = pair_week(MONDAY, SUNDAY, "Alex", [], {}, set(), [], [], [], set(), set())
    assert week.empty
    assert pair_lines(week)[1] == ["Nothing has crossed between you and Alex this week yet."]
