"""The .ics file: days that matter and rituals, read back with icalendar."""

from __future__ import annotations

from datetime import UTC, date, datetime

from icalendar import Calendar

from tui.exchange.calendar import calendar_bytes
from tui.model import DayThatMatters, Ritual

STAMP = datetime(2026, 11, 25, 12, tzinfo=UTC)
TODAY = date(2026, 11, 25)


def events(data: bytes) -> dict[str, object]:
    cal = Calendar.from_ical(data)
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def test_days_and_rituals_read_back_with_their_rules() -> None:
    days = [
        DayThatMatters("b1", "yearly", date(1990, 3, 14), "birthday", shared=True),
        DayThatMatters("t1", "away", date(2026, 12, 3), "trip to Lisbon", end=date(2026, 12, 6), shared=True),
        DayThatMatters("i1", "big", date(2026, 12, 1), "presentation", whose="mine", shared=True),
        DayThatMatters("l1", "yearly", date(2024, 2, 29), "the day we met", whose="both", shared=True),
    ]
    rituals = [
        Ritual("r1", "Evening walk", (0, 2, 4), created=date(2026, 11, 2)),
        Ritual("r2", "Morning coffee", (), created=date(2026, 10, 1)),
        Ritual("r3", "Old habit", (), archived=True),
    ]
    data, n_days, n_rituals = calendar_bytes(days, rituals, partner="Sam", today=TODAY, stamp=STAMP)
    assert (n_days, n_rituals) == (4, 2)
    found = events(data)
    assert set(found) == {
        "Sam's birthday",
        "Sam's trip to Lisbon",
        "Your presentation",
        "The day we met",
        "Evening walk",
        "Morning coffee",
    }
    birthday = found["Sam's birthday"]
    assert birthday["DTSTART"].dt == date(1990, 3, 14)
    assert birthday["RRULE"]["FREQ"] == ["YEARLY"]
    trip = found["Sam's trip to Lisbon"]
    assert (trip["DTSTART"].dt, trip["DTEND"].dt) == (date(2026, 12, 3), date(2026, 12, 7))
    assert "RRULE" not in trip
    leap = found["The day we met"]["RRULE"]
    assert (leap["FREQ"], leap["BYMONTH"], leap["BYMONTHDAY"]) == (["YEARLY"], [2], [-1])
    walk = found["Evening walk"]
    assert walk["RRULE"]["FREQ"] == ["WEEKLY"] and walk["RRULE"]["BYDAY"] == ["MO", "WE", "FR"]
    assert walk["DTSTART"].dt == date(2026, 11, 2)  # a Monday
    assert found["Morning coffee"]["RRULE"]["FREQ"] == ["DAILY"]


def test_what_is_kept_from_the_partner_only_when_asked() -> None:
    days = [
        DayThatMatters("p1", "hard", date(2026, 12, 2), "scan"),
        DayThatMatters("s1", "news", date(2026, 12, 2), "new job", shared=True),
    ]
    rituals = [Ritual("r1", "Journal", (1,), created=date(2026, 11, 3), personal=True), Ritual("r2", "Tea", ())]
    data, n_days, n_rituals = calendar_bytes(days, rituals, partner="", today=TODAY, stamp=STAMP)
    assert set(events(data)) == {"Your partner's new job", "Tea"} and (n_days, n_rituals) == (1, 1)
    assert events(data)["Tea"]["DTSTART"].dt == TODAY  # no first day known: from today
    data, *_ = calendar_bytes(days, rituals, partner="", today=TODAY, stamp=STAMP, include_private=True)
    assert set(events(data)) == {"Your partner's new job", "Your partner's scan", "Journal", "Tea"}
    assert events(data)["Journal"]["DTSTART"].dt == date(2026, 11, 3)
