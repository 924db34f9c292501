"""Days that matter: the countdown, yearly days, and the gesture that fits the day (pure, injected day)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tui.content import occasions as shipped
from tui.domain.occasions import TIMINGS, coming_days, countdown, moments, pick_occasion, yearly_date
from tui.model import DayThatMatters, Occasion

WED = date(2026, 11, 25)  # a Wednesday
ONE = timedelta(days=1)


def a_day(kind: str, day: date, text: str = "interview", **kw) -> DayThatMatters:
    return DayThatMatters(id=kw.pop("id", f"{kind}-{day}"), kind=kind, day=day, text=text, **kw)


def catalog() -> list[Occasion]:
    """Three gestures for every kind and moment: two that work apart, one that needs being together."""
    return [
        Occasion(f"{kind}-{when}-{n}", kind, when, n < 2, f"{kind} {when} {n} for {{partner}}: {{what}}", "told")
        for kind, whens in TIMINGS.items()
        for when in whens
        for n in range(3)
    ]


def pick(days, today, **kw):
    return pick_occasion(days, today, catalog(), partner="Sam", **kw)


# --------------------------------------------------------------------------- countdown


def test_countdown_words() -> None:
    assert countdown(WED, WED) == "today"
    assert countdown(WED + ONE, WED) == "tomorrow"
    assert countdown(date(2026, 11, 29), WED) == "Sunday (in 4 days)"
    assert countdown(date(2026, 12, 2), WED) == "2 December (in 7 days)"
    assert countdown(date(2027, 1, 3), WED) == "3 January 2027 (in 39 days)"


def test_coming_days_soonest_first_and_past_ones_gone() -> None:
    days = [
        a_day("big", WED + 3 * ONE, "exam"),
        a_day("hard", WED - ONE, "dentist"),
        a_day("news", WED, "new job"),
        a_day("yearly", date(1990, 11, 26), "birthday"),
    ]
    lines = [c.line("Sam") for c in coming_days(days, WED)]
    assert lines == ["today: Sam's new job", "tomorrow: Sam's birthday", "Saturday (in 3 days): Sam's exam"]
    assert len(coming_days(days, WED, limit=2)) == 2


def test_a_trip_under_way_says_when_they_are_back() -> None:
    trip = a_day("away", WED - 2 * ONE, "trip to Lisbon", end=WED + 2 * ONE)
    (c,) = coming_days([trip], WED)
    assert c.line("Sam") == "away, back Friday: Sam's trip to Lisbon"
    assert coming_days([trip], WED + 3 * ONE) == []


def test_whose_day_reads_in_the_line() -> None:
    mine = a_day("big", WED + ONE, "presentation", whose="mine")
    ours = a_day("yearly", date(2019, 11, 26), "the day we met", whose="both")
    assert [c.line("") for c in coming_days([mine, ours], WED)] == [
        "tomorrow: your presentation",
        "tomorrow: the day we met",
    ]


# --------------------------------------------------------------------------- yearly days


def test_yearly_day_comes_back_and_crosses_the_year() -> None:
    birthday = a_day("yearly", date(1990, 1, 2), "birthday")
    (c,) = coming_days([birthday], date(2026, 12, 31))
    assert (c.on, c.words) == (date(2027, 1, 2), "Saturday (in 2 days)")
    assert moments(birthday, date(2027, 1, 1)) == [("before", date(2027, 1, 2))]


def test_new_years_day_the_evening_before_is_in_the_old_year() -> None:
    day = a_day("yearly", date(2000, 1, 1), "the day we met", whose="both")
    chosen = pick([day], date(2026, 12, 31))
    assert chosen is not None and chosen.when == "before"
    assert chosen.reason == "The day we met is tomorrow"


def test_february_29_falls_on_the_28th_in_other_years() -> None:
    leap = a_day("yearly", date(2024, 2, 29), "birthday")
    assert yearly_date(leap.day, 2027) == date(2027, 2, 28)
    assert yearly_date(leap.day, 2028) == date(2028, 2, 29)
    assert [c.on for c in coming_days([leap], date(2027, 2, 1))] == [date(2027, 2, 28)]
    assert moments(leap, date(2027, 2, 27)) == [("before", date(2027, 2, 28))]


def test_a_yearly_day_set_in_a_future_year_waits_for_it() -> None:
    day = a_day("yearly", date(2028, 5, 1), "wedding")
    assert coming_days([day], WED)[0].on == date(2028, 5, 1)
    assert moments(day, date(2027, 5, 1)) == []


# --------------------------------------------------------------------------- the picker


def test_the_evening_before_the_day_and_after_a_big_day() -> None:
    interview = a_day("big", WED + ONE)
    before, on, after = (pick([interview], WED + n * ONE) for n in range(3))
    assert (before.when, on.when, after.when) == ("before", "day", "after")
    assert before.reason == "Sam's interview is tomorrow"
    assert on.reason == "Sam's interview is today"
    assert after.reason == "Sam's interview was yesterday"
    assert before.occasion.kind == "big" and before.text("Sam").endswith("for Sam: interview")
    assert pick([interview], WED - ONE) is None and pick([interview], WED + 3 * ONE) is None


def test_across_midnight_the_moment_changes_with_the_day_only() -> None:
    exam = a_day("hard", date(2027, 1, 1), "surgery")
    assert pick([exam], date(2026, 12, 31)).when == "before"
    assert pick([exam], date(2027, 1, 1)).when == "day"
    assert pick([exam], date(2027, 1, 2)).reason == "Sam's surgery was yesterday"


def test_away_before_during_and_return() -> None:
    trip = a_day("away", WED, "trip to Lisbon", end=WED + 3 * ONE)
    assert pick([trip], WED - ONE).reason == "Sam leaves tomorrow: trip to Lisbon"
    assert pick([trip], WED).reason == "Sam is away, back Saturday: trip to Lisbon"
    assert pick([trip], WED + 2 * ONE).reason == "Sam is away, back tomorrow: trip to Lisbon"
    assert pick([trip], WED + 3 * ONE).reason == "Sam is back today: trip to Lisbon"
    assert pick([trip], WED + 4 * ONE) is None
    assert pick([trip], WED + ONE).occasion.when == "during"


def test_good_news_the_day_and_after() -> None:
    news = a_day("news", WED, "the new job")
    assert pick([news], WED).reason == "Good news for Sam: the new job"
    assert pick([news], WED + ONE).reason == "Good news for Sam yesterday: the new job"
    assert pick([news], WED - ONE) is None


def test_own_days_bring_no_gesture_here() -> None:
    mine = a_day("big", WED, "presentation", whose="mine")
    assert pick([mine], WED) is None
    assert pick([mine, a_day("news", WED, "raise", whose="both")], WED).day.kind == "news"


def test_the_day_itself_comes_before_the_evening_before_another() -> None:
    today = a_day("news", WED, "raise")
    tomorrow = a_day("hard", WED + ONE, "scan")
    assert pick([tomorrow, today], WED).day is today


def test_apart_picks_gestures_that_work_at_a_distance() -> None:
    trip = a_day("away", WED, "conference", end=WED + ONE)
    for n in range(10):
        assert pick([trip], WED, apart=True, skip=[f"x{i}" for i in range(n)]).occasion.apart


def test_while_away_only_gestures_that_work_at_a_distance() -> None:
    trip = a_day("away", WED, "conference", end=WED + 3 * ONE)
    for n in range(10):
        chosen = pick([trip], WED + ONE, skip=[f"x{i}" for i in range(n)])
        assert chosen.when == "during" and chosen.occasion.apart


def test_another_skips_what_was_shown() -> None:
    day = a_day("big", WED)
    first = pick([day], WED)
    second = pick([day], WED, skip=[first.occasion.id])
    assert second.occasion.id != first.occasion.id and second.occasion.when == "day"


@given(
    today=st.dates(min_value=date(1901, 1, 1), max_value=date(2998, 12, 1)),
    offset=st.integers(-5, 5),
    kind=st.sampled_from(sorted(TIMINGS)),
)
def test_a_moment_only_of_its_kind_and_the_same_all_day(today: date, offset: int, kind: str) -> None:
    day = a_day(kind, today + timedelta(days=offset), "it")
    chosen = pick([day], today)
    again = pick([day], today)
    assert chosen == again
    if chosen is not None:
        assert chosen.when in TIMINGS[kind] and chosen.occasion.kind == kind
        assert chosen.occasion.when == chosen.when
    if kind in ("big", "hard"):
        assert (chosen is not None) == (-1 <= offset <= 1)


@given(today=st.dates(min_value=date(1901, 1, 1), max_value=date(2998, 1, 1)), ahead=st.integers(0, 400))
def test_countdown_reads_the_distance(today: date, ahead: int) -> None:
    words = countdown(today + timedelta(days=ahead), today)
    if ahead >= 2:
        assert f"in {ahead} days" in words
    else:
        assert words == ("today", "tomorrow")[ahead]


def test_the_shipped_catalog_has_every_kind_and_moment() -> None:
    found = {(o.kind, o.when) for o in shipped()}
    assert found == {(kind, when) for kind, whens in TIMINGS.items() for when in whens}
    assert all("{what}" in o.text or "{partner}" in o.text for o in shipped())
