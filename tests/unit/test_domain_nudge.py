"""What the nudge says: one line when something is due now, nothing otherwise, and its quiet time."""

from __future__ import annotations

from datetime import date

from tui.domain.nudge import EVENING_HOUR, QUIET_HOURS, Due, Shared, all_due, quiet, to_say
from tui.domain.occasions import pick_occasion
from tui.model import DayThatMatters, Occasion

TODAY = date(2026, 11, 25)
GOOD_LUCK = Occasion("luck", "big", "before", True, "Leave {partner} a good-luck note for the {what}.", "told")


def occasion(day: date = date(2026, 11, 26)):
    interview = DayThatMatters("i1", "big", day, "interview")
    return pick_occasion([interview], TODAY, [GOOD_LUCK], partner="Sam")


def due(**kw):
    base = dict(today=TODAY, hour=10, partner="Sam", occasion=None, occasion_done=False)
    found = all_due(**{**base, **kw})
    return found[0] if found else None


def test_nothing_due_says_nothing() -> None:
    assert due() is None
    assert due(occasion=occasion(date(2026, 12, 9))) is None
    assert due(open_rituals=["Evening walk"]) is None  # not the evening yet


def test_a_day_that_matters_names_the_day_until_its_gesture_is_done() -> None:
    said = due(occasion=occasion())
    assert said == Due(
        "day:i1:2026-11-25:before", "Sam's interview is tomorrow. Leave Sam a good-luck note for the interview."
    )
    assert due(occasion=occasion(), occasion_done=True) is None


def test_rituals_open_in_the_evening_unless_a_grace_day() -> None:
    said = due(hour=EVENING_HOUR, open_rituals=["Evening walk", "Tea"])
    assert said is not None and said.line == "Still open this evening, if you have a moment: Evening walk, Tea."
    assert due(hour=EVENING_HOUR, open_rituals=["Tea"], grace=True) is None


def test_what_the_partner_shared() -> None:
    one = due(shared=[Shared("n1", "note", "Alex")])
    assert one.line.startswith("Alex shared a note with you")
    two = due(shared=[Shared("n1", "note", "Alex"), Shared("a1", "answer", "Alex"), Shared("n2", "note", "Alex")])
    assert two.line.startswith("Alex shared 2 notes and an answer with you") and two.key != one.key
    many = due(shared=[Shared(f"n{i}", "note", "Alex") for i in range(11)] + [Shared("a1", "answer", "Alex")])
    assert many.line.startswith("Alex shared 11 notes and an answer with you")  # not "1a notes"


def test_the_day_comes_first() -> None:
    said = due(occasion=occasion(), hour=21, open_rituals=["Tea"], shared=[Shared("n1", "note", "Alex")])
    assert said.key.startswith("day:")


def test_the_same_thing_stays_quiet_for_a_few_hours() -> None:
    it = Due("rituals:2026-11-25", "...")
    assert not quiet(it, {}, 1000.0)
    assert quiet(it, {it.key: 1000.0}, 1000.0 + QUIET_HOURS * 3600 - 1)
    assert not quiet(it, {it.key: 1000.0}, 1000.0 + QUIET_HOURS * 3600)
    assert not quiet(Due("day:x", "..."), {it.key: 1000.0}, 1001.0)  # something else may speak sooner


def test_something_else_due_speaks_while_the_first_keeps_quiet() -> None:
    note = Shared("n1", "note", "Alex")
    both = all_due(today=TODAY, hour=10, partner="Sam", occasion=occasion(), occasion_done=False, shared=[note])
    assert [d.key[:6] for d in both] == ["day:i1", "shared"]
    assert to_say(both, {}, 1000.0) == both[0]
    assert to_say(both, {both[0].key: 1000.0}, 1060.0) == both[1]  # the day was named a minute ago
    assert to_say(both, {both[0].key: 1000.0, both[1].key: 1000.0}, 1060.0) is None


def test_words_that_end_a_sentence_get_no_second_stop() -> None:
    news = DayThatMatters("n1", "news", TODAY, "Sam got the job!")
    good = Occasion("cheer", "news", "day", True, "Send {partner} a cheer.", "x")
    said = due(occasion=pick_occasion([news], TODAY, [good], partner="Sam"))
    assert said.line == "Good news for Sam: Sam got the job! Send Sam a cheer."
    said = due(hour=EVENING_HOUR, open_rituals=["Tea", "Walk the dog..."])
    assert said.line == "Still open this evening, if you have a moment: Tea, Walk the dog..."
