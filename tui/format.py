"""Formatting shared by the screens and the commands: plain English, no locale."""

from __future__ import annotations

from collections.abc import Iterable

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DAY_PLURALS = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")
EVERY_DAY = tuple(range(7))


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
    return ", ".join(DAY_NAMES[d] for d in days)
