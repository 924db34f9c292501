"""The one source of "today".

Nothing else in the product reads the system date: the CLI builds a clock,
the app and the commands ask it. Tests pass a :class:`ManualClock`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta


class Clock:
    """The real clock: today is the local calendar date."""

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def today(self) -> date:
        return self.now().date()

    def seconds_to_midnight(self) -> float:
        """Seconds until the local date changes (at least one)."""
        now = self.now()
        # A naive local midnight, then astimezone(): the offset is the one in
        # force at midnight, so a daylight-saving day is not an hour off.
        tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time()).astimezone()
        return max(1.0, (tomorrow - now).total_seconds())


class ManualClock(Clock):
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

    def seconds_to_midnight(self) -> float:
        return float("inf")
