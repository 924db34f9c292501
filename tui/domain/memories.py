"""Memories: gratitude notes written on this day in earlier years.

Pure: give it the notes and the day (from the injected clock), get back what
to show, newest year first. A note from 29 February comes back on 28 February
in years without a 29th.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

from tui.model import Note
from tui.record import Record


class Memory(Record):
    """One earlier note to show today."""

    years: int
    """How many years ago it was written (1 or more)."""
    note: Note

    def __init__(self, years: int, note: Note) -> None:
        vars(self).update(years=years, note=note)

    @property
    def line(self) -> str:
        """The line a user reads, e.g. "A year ago today you wrote: ..."."""
        return memory_line(self.years, self.note.text)


def _anniversary(written: date, year: int) -> date:
    """The day a note written on ``written`` comes back in ``year``."""
    if written.month == 2 and written.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return written.replace(year=year)


def memory_line(years: int, text: str) -> str:
    """ "A year ago today you wrote: text" / "2 years ago today you wrote: text"."""
    when = "A year ago today" if years == 1 else f"{years} years ago today"
    return f"{when} you wrote: {' '.join(text.split())}"


def memories_for(notes: Iterable[Note], day: date) -> list[Memory]:
    """Notes written on this day one or more years before ``day``, newest year first.

    Within a year, notes keep their order of creation. Empty notes are skipped.
    """
    found: list[Memory] = []
    for note in notes:
        years = day.year - note.day.year
        if years < 1 or not note.text.strip():
            continue
        if _anniversary(note.day, day.year) == day:
            found.append(Memory(years=years, note=note))
    found.sort(key=lambda m: (m.years, m.note.created, m.note.id))
    return found


__all__ = ["Memory", "memories_for", "memory_line"]
