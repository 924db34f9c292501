"""The weekly review's choices: its headline, its reflective prompt, when to offer it.

Built on :class:`tui.domain.weekly.WeekSummary`. Pure: every function takes the
week or the day it is about, so the same inputs always give the same answer.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence, Set
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tui.domain.calendar import week_bounds
from tui.model import GestureDay, Note, Prompt

if TYPE_CHECKING:  # the review's week; not imported to tell whether a review is due
    from tui.domain.weekly import WeekSummary

FEW_NOTES = 3
"""A week with fewer notes of thanks than this leans the prompt towards gratitude."""

STEADY_SHARE = 2 / 3
"""Keeping at least this share of scheduled ritual days makes a steady week."""
STEADY_DAYS = 4
"""A week still under way is called steady only once this many ritual days have been counted."""
PLENTY = 6
"""Things given (ritual days kept, gestures done, notes written) to say "look at all you gave"."""

SLIPPED_THEMES = ("rituals", "blocks")
"""Prompt topics for a week when a ritual slipped: what we share, what gets in the way."""
FEW_NOTES_THEMES = ("gratitude",)
OTHER_THEMES = ("seen",)


def prompt_topics(summary: WeekSummary) -> tuple[str, ...]:
    """The prompt topics that fit what slipped in the week.

    A ritual kept on fewer than half of its days points to the "rituals" and
    "blocks" topics; otherwise fewer than :data:`FEW_NOTES` notes point to
    "gratitude"; otherwise "seen".
    """
    if summary.slipped:
        return SLIPPED_THEMES
    if summary.notes_written < FEW_NOTES:
        return FEW_NOTES_THEMES
    return OTHER_THEMES


def review_prompt(summary: WeekSummary, deck: Sequence[Prompt]) -> Prompt | None:
    """One prompt for the week, from :func:`prompt_topics` (any topic if none match).

    Deterministic for the week (seeded by its Monday) and the deck; None only
    for an empty deck.
    """
    if not deck:
        return None
    topics = prompt_topics(summary)
    candidates = [p for p in deck if p.topic in topics] or list(deck)
    rng = random.Random(f"micro-romance:review:{summary.start.isoformat()}:{','.join(topics)}")
    return rng.choice(candidates)


def gestures_done(summary: WeekSummary) -> int:
    """How many gestures were marked done in the week, in every language."""
    return sum(summary.gestures_by_language.values())


def headline(summary: WeekSummary, *, in_progress: bool = False) -> str:
    """A warm line about the week: celebrate what was done, never count what was not, and claim
    no more than the numbers below it show (a steady week needs days counted, "all you gave" plenty).

    ``in_progress`` is for the week holding today, which is not over yet.
    """
    kept, scheduled = summary.rituals_kept, summary.rituals_scheduled
    gave = kept + gestures_done(summary) + summary.notes_written
    if gave == 0:
        if in_progress:
            return "A fresh week: plenty of room for one small gesture."
        return "A quiet week — that's normal. Every week is a fresh start."
    so_far = " so far" if in_progress else ""
    steady = bool(scheduled) and kept >= STEADY_SHARE * scheduled
    if steady and (not in_progress or scheduled >= STEADY_DAYS):
        if gave == kept:  # rituals only: no gesture done, no note written
            return f"A warm, steady week{so_far}. Your rituals held."
        if gave >= PLENTY:
            return f"A warm, steady week{so_far}. Look at all you gave."
        return f"A warm, steady week{so_far}. Your rituals held, and you gave a little more."
    if steady:  # under way, too few days counted to call the week steady
        return "A good start to the week: every ritual day so far kept." if kept == scheduled else "A good start."
    if not scheduled and gave >= 3:
        return "A week full of small kindnesses. They add up."
    return f"A lighter week{so_far} — that's normal. Every moment below counts."


def review_due(last_review: str, today: date) -> bool:
    """Whether the weekly review has not yet been offered in the week of ``today``.

    ``last_review`` is the Monday (ISO date) of the week it was last offered, or "".
    """
    return last_review != week_bounds(today)[0].isoformat()


def week_has_entries(
    day: date,
    ticked_by_ritual: Mapping[str, Set[date]],
    gesture_history: Iterable[GestureDay],
    notes: Iterable[Note],
) -> bool:
    """Whether the week holding ``day`` has any tick, note or gesture done."""
    start, end = week_bounds(day)
    if any(start <= d <= end for days in ticked_by_ritual.values() for d in days):
        return True
    if any(g.done and start <= g.day <= end for g in gesture_history):
        return True
    return any(start <= n.day <= end for n in notes)


def first_week(days: Iterable[date | None], today: date) -> date:
    """The Monday of the earliest of ``days`` (None ignored), or of ``today``'s week.

    Stepping back through reviews stops there: before it there is nothing to see.
    """
    earliest = min((d for d in days if d is not None and d <= today), default=today)
    return week_bounds(earliest)[0]


def step_week(monday: date, offset: int, *, earliest: date, today: date) -> date:
    """The Monday ``offset`` weeks from ``monday``, kept between ``earliest``'s
    week and the week of ``today`` (a review never looks ahead)."""
    latest = week_bounds(today)[0]
    low = week_bounds(earliest)[0]
    target = monday + timedelta(weeks=offset)
    return max(low, min(latest, target))
