"""Ritual days, consistency, forgiving streaks and the heatmap.

Every function takes ``today`` (or the day in question) as an argument. A day
of a ritual is in exactly one state, given by :func:`day_state`; consistency,
streaks, the heatmap and the weekly summary are all built on it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence, Set
from datetime import date, timedelta

from tui.domain.calendar import due_on, week_start
from tui.model import GraceSpan, Ritual

DONE = "done"
MISSED = "missed"
OPEN = "open"
REST = "rest"
GRACE = "grace"
FUTURE = "future"

FORGIVE_DAYS = 7
"""Two misses closer than this many days end a streak; one is forgiven."""
MAX_STREAK_DAYS = 3650

STREAK_RULE = (
    "A streak counts the scheduled days you kept. One missed day in any 7 days is "
    "forgiven; a second miss within 7 days ends it. Rest days and grace days never "
    "break it, and today only counts once you tick it."
)
"""Plain-language statement of :func:`forgiving_streak`, for a help screen."""

CONSISTENCY_RULE = (
    "Consistency is the share of scheduled days you kept over the last 30 days. "
    "Rest days, grace days and days before the ritual existed are left out, and "
    "today only counts once you tick it."
)
"""Plain-language statement of :func:`consistency`, for a help screen."""

FILL_IN_DAYS = 7
"""A ritual added lately can be ticked this many days back (its start moves back to the day ticked)."""

# What a tick of a ritual on a day is (tick_kind), the same on the Rituals tab and for `done`.
TICK_DUE = "due"
"""A scheduled day on or after the ritual was added: a plain tick."""
TICK_FILL_IN = "fill in"
"""A scheduled day shortly before the ritual was added: ticking it moves the ritual's start back."""
TICK_TOO_EARLY = "too early"
"""A scheduled day more than FILL_IN_DAYS before today (or before the ritual was added): refused."""
TICK_NOT_SCHEDULED = "not scheduled"
"""A day the ritual does not happen on: nothing to tick."""

FILL_IN_RULE = f"Only the last {FILL_IN_DAYS} days before a ritual was added can be filled in."


def tick_kind(ritual: Ritual, day: date, today: date) -> str:
    """What ticking ``ritual`` on ``day`` is, seen on ``today`` (TICK_DUE, TICK_FILL_IN, ...).

    A day before the ritual was added may be filled in when it is one of its weekdays, within
    FILL_IN_DAYS of today and of the day it was added (the command line's today may be that day).
    """
    if due_on(ritual, day):
        return TICK_DUE
    if ritual.created is None or ritual.created <= day or not ritual.scheduled_on(day):
        return TICK_NOT_SCHEDULED
    if (max(today, ritual.created) - day).days < FILL_IN_DAYS:
        return TICK_FILL_IN
    return TICK_TOO_EARLY


Cell = tuple[date, int, int]
"""A heatmap cell: (day, rituals kept, rituals scheduled)."""


def in_grace(day: date, grace: Collection[GraceSpan]) -> bool:
    """True when any grace span covers ``day``."""
    return any(span.covers(day) for span in grace)


def day_state(
    ritual: Ritual,
    day: date,
    ticked: Set[date],
    today: date,
    grace: Collection[GraceSpan] = (),
) -> str:
    """The state of ``ritual`` on ``day`` as seen on ``today``.

    In order of precedence: "future" (after today); "rest" (before
    ``ritual.created`` or not a scheduled weekday, even if ticked); "done"
    (ticked, backfilled ticks included); "grace" (a grace span covers it);
    "open" (today, not yet ticked); otherwise "missed".
    """
    if day > today:
        return FUTURE
    if not due_on(ritual, day):
        return REST
    if day in ticked:
        return DONE
    if in_grace(day, grace):
        return GRACE
    if day == today:
        return OPEN
    return MISSED


def last_days(
    ritual: Ritual,
    ticked: Set[date],
    today: date,
    n: int = 7,
    grace: Collection[GraceSpan] = (),
) -> list[tuple[date, str]]:
    """The last ``n`` days as (day, state), oldest first, ending with today."""
    days = [today - timedelta(days=offset) for offset in range(n - 1, -1, -1)]
    return [(day, day_state(ritual, day, ticked, today, grace)) for day in days]


def consistency(
    ritual: Ritual,
    ticked: Set[date],
    today: date,
    window: int = 30,
    grace: Collection[GraceSpan] = (),
) -> float | None:
    """Kept scheduled days / countable scheduled days in the window ending today.

    The window is the ``window`` days ending on ``today`` (inclusive). A day
    counts when it is "done" or "missed": an open today is neither kept nor
    missed, and rest days, grace days and days before ``ritual.created`` are
    left out. None when no day counts (for example a ritual created today and
    not yet ticked). See CONSISTENCY_RULE.
    """
    kept = counted = 0
    for _, state in last_days(ritual, ticked, today, window, grace):
        if state == DONE:
            kept += 1
            counted += 1
        elif state == MISSED:
            counted += 1
    return kept / counted if counted else None


def forgiving_streak(
    ritual: Ritual,
    ticked: Set[date],
    today: date,
    grace: Collection[GraceSpan] = (),
) -> int:
    """Kept scheduled days walking back from today, forgiving isolated misses.

    Rule (see STREAK_RULE): walk back from ``today``; "done" days add one, an
    unticked today, rest days and grace days are skipped. A missed day is
    forgiven unless the previous miss found (a later date) is fewer than 7
    days after it, in which case the walk stops there. The walk also stops at
    ``ritual.created`` and after 3650 days.
    """
    streak = 0
    later_miss: date | None = None
    for offset in range(MAX_STREAK_DAYS):
        day = today - timedelta(days=offset)
        if ritual.created is not None and day < ritual.created:
            break
        state = day_state(ritual, day, ticked, today, grace)
        if state == DONE:
            streak += 1
        elif state == MISSED:
            if later_miss is not None and (later_miss - day).days < FORGIVE_DAYS:
                break
            later_miss = day
    return streak


def _cell(
    rituals: Sequence[Ritual],
    ticked_by_ritual: Mapping[str, Set[date]],
    day: date,
    today: date,
    grace: Collection[GraceSpan],
) -> Cell | None:
    if day > today:
        return None
    kept = scheduled = 0
    for ritual in rituals:
        state = day_state(ritual, day, ticked_by_ritual.get(ritual.id, frozenset()), today, grace)
        if state in (DONE, MISSED, OPEN):
            scheduled += 1
        if state == DONE:
            kept += 1
    return day, kept, scheduled


def heatmap(
    rituals: Sequence[Ritual],
    ticked_by_ritual: Mapping[str, Set[date]],
    today: date,
    weeks: int = 12,
    grace: Collection[GraceSpan] = (),
) -> list[list[Cell | None]]:
    """``weeks`` rows of 7 cells (Monday..Sunday), the last row holding today.

    A cell is (day, kept, scheduled) where scheduled counts the non-archived
    rituals that were done, missed or open that day (rest and grace days are
    not scheduled) and kept counts the done ones; days after today are None.
    """
    live = [ritual for ritual in rituals if not ritual.archived]
    first = week_start(today) - timedelta(weeks=weeks - 1)
    return [
        [
            _cell(live, ticked_by_ritual, first + timedelta(days=7 * week + weekday), today, grace)
            for weekday in range(7)
        ]
        for week in range(weeks)
    ]


def open_rituals(
    rituals: Sequence[Ritual],
    ticked_by_ritual: Mapping[str, Set[date]],
    day: date,
) -> list[Ritual]:
    """Non-archived rituals scheduled on ``day`` (and existing by then), not ticked.

    Returned in ``position`` order (stable for equal positions).
    """
    waiting = [
        ritual
        for ritual in rituals
        if not ritual.archived and due_on(ritual, day) and day not in ticked_by_ritual.get(ritual.id, frozenset())
    ]
    return sorted(waiting, key=lambda ritual: ritual.position)


def end_position(rituals: Iterable[Ritual]) -> int:
    """The position after the last of ``rituals``: where a restored ritual goes."""
    return max((ritual.position for ritual in rituals), default=-1) + 1


def same_name(name: str, rituals: Iterable[Ritual], *, keep_id: str | None = None) -> Ritual | None:
    """The ritual, other than ``keep_id``, already called ``name`` (ignoring case), if any.

    Two rituals may not share a name, archived ones included, so that each
    name on the list, in the export and in the journal means one ritual.
    """
    wanted = name.casefold()
    return next((r for r in rituals if r.id != keep_id and r.name.casefold() == wanted), None)
