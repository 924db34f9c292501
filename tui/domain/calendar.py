"""The calendar rules every screen and command shares: where a week starts, when a ritual is due.

Weeks run Monday to Sunday (ISO weeks). Pure Python, no Textual.
"""

from __future__ import annotations

from datetime import date, timedelta

from tui.model import Ritual


def week_start(day: date) -> date:
    """The Monday of the week holding ``day``."""
    return day - timedelta(days=day.weekday())


def week_bounds(day: date) -> tuple[date, date]:
    """(Monday, Sunday) of the week holding ``day``."""
    monday = week_start(day)
    return monday, monday + timedelta(days=6)


def due_on(ritual: Ritual, day: date) -> bool:
    """Whether ``ritual`` is due on ``day``: a scheduled weekday, on or after the day it was added.

    Archived or not, ticked or not: only the schedule and the start count.
    """
    return ritual.scheduled_on(day) and (ritual.created is None or ritual.created <= day)
