"""Formatting shared by the full screen and the commands: plain English, never the locale.

Day and month names are fixed here, so a screen, an export and a journal read
the same on every machine whatever its locale (``%A`` and ``%b`` would follow it).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SHORT_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SHORT_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAY_PLURALS = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")
EVERY_DAY = tuple(range(7))


def long_day(day: date, *, year: bool = True) -> str:
    """ "Wednesday 25 November 2026" (without the year when ``year`` is False)."""
    text = f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def short_day(day: date, *, year: bool = False) -> str:
    """ "Wed 25 Nov" (and the year when ``year`` is True)."""
    text = f"{SHORT_DAY_NAMES[day.weekday()]} {day.day} {SHORT_MONTH_NAMES[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def plural(n: int, one: str, many: str | None = None) -> str:
    """ "1 tick", "3 ticks", "2 entries" (``many`` when adding an s is wrong)."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def one_line(text: str) -> str:
    """User text on one line, without anything a terminal would act on (:func:`tui.text.one_line`)."""
    from tui.text import one_line

    return one_line(text)


def schedule_label(weekdays: Iterable[int]) -> str:
    """How a schedule reads: "every day", "Fridays", "weekdays", "Mon, Wed, Fri"."""
    days = tuple(sorted(set(weekdays)))
    if not days or days == EVERY_DAY:
        return "every day"
    if len(days) == 1:
        return DAY_PLURALS[days[0]]
    if days == (0, 1, 2, 3, 4):
        return "weekdays"
    if days == (5, 6):
        return "weekends"
    return ", ".join(SHORT_DAY_NAMES[d] for d in days)


def when(stamp: str, now: datetime) -> str:
    """A round's time as the engine keeps it (``2026-03-01T15:44:00Z``, UTC), in local words as of
    ``now``: "just now", "3 minutes ago", "today at 15:44", "yesterday at 09:05", "Mon 2 Mar at 15:44";
    "" when it is not such a time. The Together screen and ``pair status`` say a round's time with it."""
    try:
        then = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).astimezone(now.tzinfo)
    except (TypeError, ValueError):
        return ""
    seconds = (now - then).total_seconds()
    if 0 <= seconds < 60:
        return "just now"
    if 0 <= seconds < 3600:
        return f"{plural(int(seconds // 60), 'minute')} ago"
    clock = then.strftime("%H:%M")
    days = (now.date() - then.date()).days
    if days == 0:
        return f"today at {clock}"
    if days == 1:
        return f"yesterday at {clock}"
    return f"{short_day(then.date(), year=then.year != now.year)} at {clock}"
