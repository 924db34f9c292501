"""Days that matter: which are coming, their countdown in words, and the gesture that fits today.

Pure Python over :mod:`tui.model`; "today" is always passed in (from the one clock), so the
full screen, ``micro-romance today``, ``days``, ``nudge`` and ``calendar`` give the same answer.

Timings around a day (``when``), by kind: a big or a hard day has the evening before (the whole
day before it), the day and the day after; a trip (``away``) has the day before leaving, the days
away and the day of return; good news has the day and the day after; a yearly day has the
evening before and the day. A yearly day on 29 February falls on 28 February in other years
(it stays in its month, and comes before the 1st of March the day would otherwise drift to).

Only a day of the partner's, or of both, brings an occasion gesture: on a person's own day it is
the partner who acts (a shared day reaches them as theirs).
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Collection, Iterable, Sequence
from datetime import date, timedelta

from tui.format import MONTH_NAMES, WEEKDAY_NAMES
from tui.model import DAY_TIMINGS, LAST_DAY, DayThatMatters, Occasion
from tui.record import Record

TIMINGS = DAY_TIMINGS
"""The moments around each kind of day that have occasion gestures."""

WHEN_ORDER = ("day", "before", "return", "during", "after")
"""When two days call for a gesture today, the one whose moment comes first here wins."""
KIND_ORDER = ("hard", "big", "yearly", "away", "news")
"""... then the kind that comes first here, then the earlier day."""

FALLBACK_PARTNER = "your partner"

DAY_ONE = timedelta(days=1)


def yearly_date(day: date, year: int) -> date:
    """``day``'s month and day in ``year``; 29 February is 28 February in a year without one."""
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return day.replace(year=year)


def occurrence(d: DayThatMatters, today: date) -> date | None:
    """The next time ``d`` happens on or after ``today`` (for a trip under way: today); None once past.

    A yearly day comes back every year from its own year on.
    """
    if d.kind == "yearly":
        first = max(today.year, d.day.year)
        for year in (first, first + 1):
            if year <= LAST_DAY.year:
                found = yearly_date(d.day, year)
                if found >= today:
                    return found
        return None
    last = last_day(d)
    if last < today:
        return None
    return max(d.day, today)


def last_day(d: DayThatMatters) -> date:
    """The last day of ``d`` (a trip's end; otherwise the day itself)."""
    return d.end if d.kind == "away" and d.end is not None and d.end > d.day else d.day


def countdown(target: date, today: date) -> str:
    """How far ``target`` is, in words: "today", "tomorrow", "Sunday (in 3 days)", "24 December (in 17 days)"."""
    n = (target - today).days
    if n == 0:
        return "today"
    if n == 1:
        return "tomorrow"
    if n == -1:
        return "yesterday"
    if n < 0:
        return f"{-n} days ago"
    if n < 7:
        return f"{WEEKDAY_NAMES[target.weekday()]} (in {n} days)"
    year = f" {target.year}" if target.year != today.year else ""
    return f"{target.day} {MONTH_NAMES[target.month - 1]}{year} (in {n} days)"


def _back(end: date, today: date) -> str:
    n = (end - today).days
    if 2 <= n < 7:
        return WEEKDAY_NAMES[end.weekday()]
    if n >= 7:
        return f"on {end.day} {MONTH_NAMES[end.month - 1]}"
    return countdown(end, today)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def whose_words(d: DayThatMatters, partner: str) -> str:
    """Whose ``d`` is, with its words: "Sam's interview", "your presentation", "our anniversary"."""
    if d.whose == "theirs":
        return f"{partner.strip() or FALLBACK_PARTNER}'s {d.text}"
    if d.whose == "mine":
        return f"your {d.text}"
    return d.text


class Coming(Record):
    """A day that matters still ahead (or under way), with its countdown."""

    day: DayThatMatters
    on: date
    """When it happens next (a trip under way: today)."""
    days_left: int
    words: str
    """The countdown: "tomorrow", "Sunday (in 3 days)", "away, back Friday"."""

    def __init__(self, day: DayThatMatters, on: date, days_left: int, words: str) -> None:
        vars(self).update(day=day, on=on, days_left=days_left, words=words)

    def line(self, partner: str) -> str:
        """One line for the Today tab and the shell: "tomorrow: Sam's interview"."""
        return f"{self.words}: {whose_words(self.day, partner)}"


def coming_days(days: Iterable[DayThatMatters], today: date, *, limit: int | None = None) -> list[Coming]:
    """The days still ahead (a trip under way included), soonest first, at most ``limit``."""
    out: list[Coming] = []
    for d in days:
        on = occurrence(d, today)
        if on is None:
            continue
        if d.kind == "away" and d.day < today:
            words = f"away, back {_back(last_day(d), today)}"
        else:
            words = countdown(on, today)
        out.append(Coming(d, on, (on - today).days, words))
    out.sort(key=lambda c: (c.on, KIND_ORDER.index(c.day.kind), c.day.text.casefold(), c.day.id))
    return out[:limit] if limit is not None else out


def moments(d: DayThatMatters, today: date) -> list[tuple[str, date]]:
    """Which of ``d``'s moments fall ``today``, with the date of the day they are about."""
    if d.kind == "yearly":
        found = []
        for year in (today.year, today.year + 1):
            if d.day.year <= year <= LAST_DAY.year:
                on = yearly_date(d.day, year)
                if on == today:
                    found.append(("day", on))
                elif on - DAY_ONE == today:
                    found.append(("before", on))
        return found
    if d.kind == "away":
        start, end = d.day, last_day(d)
        if today == start - DAY_ONE:
            return [("before", start)]
        if start <= today < end or today == start == end:
            return [("during", start)]
        if today == end:
            return [("return", end)]
        return []
    offset = (today - d.day).days
    when = {-1: "before", 0: "day", 1: "after"}.get(offset)
    if when is None or when not in TIMINGS[d.kind]:
        return []
    return [(when, d.day)]


def reason(d: DayThatMatters, when: str, today: date, partner: str) -> str:
    """Why this gesture today, in one line: "Sam's interview is tomorrow"."""
    name = partner.strip() or FALLBACK_PARTNER
    theirs = d.whose == "theirs"
    if d.kind == "news":
        who = name if theirs else "you both"
        later = " yesterday" if when == "after" else ""
        return _cap(f"good news for {who}{later}: {d.text}")
    if d.kind == "away":
        who = name if theirs else "you both"
        if when == "before":
            return _cap(f"{who} {'leaves' if theirs else 'leave'} tomorrow: {d.text}")
        if when == "return":
            return _cap(f"{who} {'is' if theirs else 'are'} back today: {d.text}")
        end = last_day(d)
        back = f", back {_back(end, today)}" if end > today else " today"
        return _cap(f"{who} {'is' if theirs else 'are'} away{back}: {d.text}")
    subject = whose_words(d, partner)
    tense = {"before": "is tomorrow", "day": "is today", "after": "was yesterday"}[when]
    return _cap(f"{subject} {tense}")


def fill(text: str, partner: str, what: str) -> str:
    """``text`` with {partner} and {what} filled in one pass (typed words are never read again)."""
    name = partner.strip() or FALLBACK_PARTNER
    pieces = text.split("{what}")
    return what.join(piece.replace("{partner}", name) for piece in pieces)


class OccasionPick(Record):
    """The occasion gesture for today: which day, which moment, which gesture, and why."""

    day: DayThatMatters
    when: str
    occasion: Occasion
    reason: str

    def __init__(self, day: DayThatMatters, when: str, occasion: Occasion, reason: str) -> None:
        vars(self).update(day=day, when=when, occasion=occasion, reason=reason)

    def text(self, partner: str) -> str:
        return fill(self.occasion.text, partner, self.day.text)


def due_today(days: Iterable[DayThatMatters], today: date) -> list[tuple[DayThatMatters, str]]:
    """The partner's (or both's) days with a moment today, the one to act on first."""
    found = [(d, when) for d in days if d.whose != "mine" for when, _ in moments(d, today)]
    found.sort(key=lambda f: (WHEN_ORDER.index(f[1]), KIND_ORDER.index(f[0].kind), f[0].day, f[0].id))
    return found


def pick_occasion(
    days: Iterable[DayThatMatters],
    today: date,
    occasions: Sequence[Occasion],
    *,
    partner: str = "",
    apart: bool = False,
    skip: Collection[str] = (),
) -> OccasionPick | None:
    """The occasion gesture for ``today``, or None when no day of theirs (or both) calls for one.

    The same all day for the same inputs (seeded by the day, the day that matters and the moment);
    ``skip`` (occasion gestures already shown today) asks for another. When apart (and always while
    a trip is under way), only gestures that work at a distance, unless there are none.
    """
    for d, when in due_today(days, today):
        fitting = [o for o in occasions if o.kind == d.kind and o.when == when]
        if apart or when == "during":  # while they are away, the two of them are apart whatever the settings
            fitting = [o for o in fitting if o.apart] or fitting
        fresh = [o for o in fitting if o.id not in skip] or fitting
        if not fresh:
            continue
        rng = random.Random(f"micro-romance:occasion:{today.isoformat()}:{d.id}:{when}:{len(skip)}")
        chosen = rng.choice(sorted(fresh, key=lambda o: o.id))
        return OccasionPick(d, when, chosen, reason(d, when, today, partner))
    return None
