"""The days that matter and the rituals as iCalendar, for a phone's calendar (``micro-romance calendar``).

Made with ``icalendar``: each day is an all-day event (a trip spans its days; a yearly day repeats
every year, and one on 29 February falls on the last day of February in other years, as the
Today tab counts it); each ritual in use is an all-day event from its first day, repeating on its
weekdays. What is kept from the partner (a day not shared, a personal ritual) is left out unless
asked for. Event ids are the entries' own, so importing a newer file updates the same events.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from icalendar import Calendar, Event, vRecur

from tui import APP_NAME, __version__
from tui.domain.occasions import last_day, whose_words
from tui.format import one_line
from tui.model import DAY_KINDS, DayThatMatters, Ritual

ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def day_event(d: DayThatMatters, partner: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"day-{d.id}@{APP_NAME}")
    event.add("dtstamp", stamp)
    event.add("summary", _cap(one_line(whose_words(d, partner))))
    event.add("dtstart", d.day)
    event.add("dtend", last_day(d) + timedelta(days=1))
    event.add("categories", [DAY_KINDS[d.kind]])
    if d.kind == "yearly":
        if (d.day.month, d.day.day) == (2, 29):
            event.add("rrule", vRecur(freq="YEARLY", bymonth=2, bymonthday=-1))
        else:
            event.add("rrule", vRecur(freq="YEARLY"))
    return event


def ritual_event(ritual: Ritual, first: date, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"ritual-{ritual.id}@{APP_NAME}")
    event.add("dtstamp", stamp)
    event.add("summary", one_line(ritual.name))
    event.add("dtstart", first)
    event.add("dtend", first + timedelta(days=1))
    event.add("categories", ["Ritual"])
    if ritual.weekdays and len(ritual.weekdays) < 7:
        event.add("rrule", vRecur(freq="WEEKLY", byday=[ICAL_DAYS[d] for d in ritual.weekdays]))
    else:
        event.add("rrule", vRecur(freq="DAILY"))
    return event


def calendar_bytes(
    days: Iterable[DayThatMatters],
    rituals: Iterable[Ritual],
    *,
    partner: str,
    today: date,
    stamp: datetime,
    include_private: bool = False,
) -> tuple[bytes, int, int]:
    """The .ics file's bytes, and how many days and rituals it holds.

    ``days`` are this person's own and those a partner shared; a day not shared and a personal
    ritual go in only with ``include_private``. An archived ritual is left out; one with no first
    day starts ``today``. A ritual's first event falls on its first day even when that is not one
    of its weekdays (as the standard says), so it starts on the first of its weekdays instead.
    """
    cal = Calendar()
    cal.add("prodid", f"-//{APP_NAME}//{__version__}//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{APP_NAME}: days that matter and rituals")
    n_days = n_rituals = 0
    for d in sorted(days, key=lambda d: (d.day, d.id)):
        if d.shared or include_private:
            cal.add_component(day_event(d, partner, stamp))
            n_days += 1
    for ritual in rituals:
        if ritual.archived or (ritual.personal and not include_private):
            continue
        first = ritual.created or today
        while ritual.weekdays and first.weekday() not in ritual.weekdays:
            first += timedelta(days=1)
        cal.add_component(ritual_event(ritual, first, stamp))
        n_rituals += 1
    return cal.to_ical(), n_days, n_rituals
