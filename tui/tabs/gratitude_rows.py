"""The Gratitude tab's rows: day headers, notes, the week's count, and the notes listed.

Note text is user data: it always reaches the screen as literal ``Content``
(after :func:`tui.text.clean`), never as markup.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, overload

from textual.content import Content

from tui.domain.calendar import week_bounds
from tui.format import long_day
from tui.model import Note
from tui.text import clean, one_line

if TYPE_CHECKING:
    from tui.storage import Store

SAID_MARK = "✓"
"""Shown before a note that was said out loud to the partner."""

DAY_PREFIX = "day:"
"""Option ids of the day headers start with this (note ids never do)."""


def day_label(day: date, today: date) -> str:
    """A day header: "Today · Wednesday 25 November", "Monday 23 November 2025"."""
    label = long_day(day, year=day.year != today.year)
    if day == today:
        return f"Today · {label}"
    if day == today - timedelta(days=1):
        return f"Yesterday · {label}"
    return label


def note_row(note: Note, author: str = "", *, shared: bool = False) -> Content:
    """One list row: the said-aloud mark, the first line of the note, who wrote it if not you,
    or that it was sent to your partner."""
    lines = clean(note.text).split("\n")
    first = lines[0]
    more = len(lines) > 1
    text = f"{first}{' …' if more else ''}"
    if author:
        text += f"  (from {one_line(author)})"
    elif shared:
        text += "  (shared)"
    if note.said_aloud:
        return Content.assemble((SAID_MARK, ".gratitude--said"), " ", text)
    return Content(f"  {text}")


def week_summary(notes: Sequence[Note], today: date, received: Sequence[Note] = (), partner: str = "") -> str:
    """ "This week: 4 notes · 2 said aloud ✓", kind when there are none yet. ``notes`` are this
    person's own; ``received`` (``partner``'s, shared through Together) are told apart, never counted as theirs."""
    start, end = week_bounds(today)
    this_week = [n for n in notes if start <= n.day <= end]
    got = sum(1 for n in received if start <= n.day <= end)
    from_partner = f" · {got} from {partner or 'your partner'}" if got else ""
    if not this_week:
        return f"This week: a fresh page{from_partner}."
    written = len(this_week)
    aloud = sum(n.said_aloud for n in this_week)
    noun = "note" if written == 1 else "notes"
    said = f"{aloud} said aloud {SAID_MARK}" if aloud else "none said aloud yet"
    return f"This week: {written} {noun} · {said}{from_partner}"


def matches(note: Note, query: str) -> bool:
    """Case-insensitive, anywhere in the text."""
    return query.casefold() in note.text.casefold()


class NewestNotes(Sequence[Note]):
    """Every note, newest first, for the paged list: its first pages read only the past
    years that hold them (``Store.newest_notes``), its length none (``Store.note_count``)."""

    def __init__(self, store: Store, page: int) -> None:
        self._store, self._page = store, page

    def __len__(self) -> int:
        # Asked each time: a past year found damaged while reading a page drops out of the count.
        return self._store.note_count()

    @overload
    def __getitem__(self, index: int) -> Note: ...
    @overload
    def __getitem__(self, index: slice) -> list[Note]: ...
    def __getitem__(self, index: int | slice) -> Note | list[Note]:
        if isinstance(index, slice):
            size = len(self)
            stop = size if index.stop is None or index.stop < 0 or (index.step or 1) < 0 else index.stop
            return self._store.newest_notes(min(stop, size))[index]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return self[:][index] if index < 0 else self._store.newest_notes(index + 1)[index]

    def __iter__(self) -> Iterator[Note]:
        """A page at a time (a search for one note reads no further than where it is)."""
        shown, want = 0, self._page
        while shown < len(self):
            notes = self._store.newest_notes(want)
            yield from notes[shown:]
            if len(notes) < want:
                return
            shown, want = len(notes), want * 2
