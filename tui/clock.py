"""The one source of "today".

Nothing else in the product reads the system date: the CLI builds a clock,
the app and the commands ask it. Tests pass a :class:`ManualClock`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta


class DayClock:
    """The real clock: today is the local calendar date."""

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def today(self) -> date:
        return self.now().date()


class ManualClock(DayClock):
    """A clock that shows a fixed day until told otherwise (``--today``, tests)."""

    def __init__(self, day: date) -> None:
        self._day = day

    def now(self) -> datetime:
        return datetime.combine(self._day, datetime.min.time()).replace(hour=12).astimezone()

    def today(self) -> date:
        return self._day

    def set(self, day: date) -> None:
        self._day = day

    def advance(self, days: int = 1) -> date:
        self._day += timedelta(days=days)
        return self._day
