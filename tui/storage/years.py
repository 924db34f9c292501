"""Past years read only when something asks for them.

The store opens with the main file alone; every past year, last year too,
waits in :attr:`SplitJSONStorage.deferred` until a read or a write needs it,
so opening does not grow with years of use. Each waiting year was
checked: either now, at open (entry by entry, as strictly as a loaded year),
or at an earlier open, which the file ``history/.checked`` remembers by the
file's identity (inode, size, modification time) with the number of entries of
each table. A file whose identity changed since is checked again at open,
before anything is written. A waiting year is checked once more, entry by
entry, when it is loaded.

Three reads need no loading at all: which kinds a year holds (from the record),
the notes written on one day of the year (from the memories index,
:mod:`tui.storage.memories`, else :func:`day_notes`, which reads the file's bytes
for that day's entries and falls back to loading the year at the least surprise),
and the latest day of a year's notes (:func:`latest_note_day`), so that the newest
notes (the Gratitude tab's first page) read only the years that may hold them
(:meth:`PastYears.newest_notes`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Set
from datetime import date
from functools import cache
from pathlib import Path

from tui.errors import DataFileError
from tui.model import Note
from tui.storage.checked import Checked, identity
from tui.storage.codecs import NoteCodec
from tui.storage.files import read_plain_file
from tui.storage.index import Index, build_index
from tui.storage.memories import Memories

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any


@cache
def _note_day() -> re.Pattern[bytes]:  # compiled when first needed (the Gratitude tab's first page)
    return re.compile(rb'"day":"(\d{4}-\d{2}-\d{2})"')


def note_order(note: Note) -> tuple[date, str, str]:
    """The store's order of notes (newest first when reversed)."""
    return note.day, note.created, note.id


def _notes_table(path: Path, year: int, count: int) -> tuple[bytes, int, int] | None:
    """The file's bytes and where its notes table starts and ends; None when the bytes
    are not laid out as micro-romance writes them: every note's ``"day"`` key
    (``count``, the number of notes the file held when checked) must be found in the table."""
    try:
        raw = read_plain_file(path)
    except Exception:  # noqa: BLE001 - the careful load says what is wrong
        return None
    head = f'"notes/{year}":{{'.encode()
    start = raw.find(head)
    if start < 0:
        return (raw, 0, 0) if count == 0 else None
    end = raw.find(b'/%d":{' % year, start + len(head))  # the next table of the file, if any
    end = len(raw) if end < 0 else end
    if raw.count(b'"day":"', start, end) != count:
        return None
    return raw, start, end


def latest_note_day(path: Path, year: int, count: int) -> date | None:
    """The latest day of the notes of ``year`` (a note keeps its year's file when its day
    changes, so it may be a later year's), from the file's bytes without loading it;
    None when they are not laid out as micro-romance writes them (the caller then loads the year)."""
    table = _notes_table(path, year, count)
    if table is None:
        return None
    raw, start, end = table
    days = _note_day().findall(raw, start, end)
    if len(days) != count:
        return None
    try:
        return date.fromisoformat(max(days).decode()) if days else date.min
    except ValueError:
        return None


def day_notes(path: Path, year: int, days: list[date], count: int) -> list[Note] | None:
    """The notes of ``year`` written on ``days``, read from the file without loading it.

    ``count`` is the number of notes the file held when checked. None when the
    bytes are not laid out as micro-romance writes them (the caller then loads
    the year).
    """
    table = _notes_table(path, year, count)
    if table is None:
        return None
    raw, start, end = table
    if raw.count(b'"day":"%04d-' % year, start, end) != count:
        return None  # a note whose day moved to another year keeps this file: read the year whole
    found: list[Note] = []
    for day in days:
        key = f'"day":"{day.isoformat()}"'.encode()
        at = raw.find(key, start, end)
        while at >= 0:
            begin = raw.rfind(b'{"id":"', start, at)
            note = _note_at(raw, begin, at, end) if begin >= 0 else None
            if note is None or note[0].day != day:
                return None
            found.append(note[0])
            at = raw.find(key, note[1], end)
    return found


def _note_at(raw: bytes, begin: int, at: int, end: int) -> tuple[Note, int] | None:
    """The note whose document starts at ``begin`` (and holds ``at``), and where it ends."""
    close = raw.find(b"}", at, end)
    for _try in range(64):  # a "}" inside the note's text ends no document: try the next
        if close < 0:
            return None
        try:
            return NoteCodec.trusted(json.loads(raw[begin : close + 1])), close + 1
        except (ValueError, KeyError, TypeError, AttributeError):
            close = raw.find(b"}", close + 1, end)
    return None


class DaysKept(Set[date]):
    """A ritual's ticked days, whose years load only when asked about."""

    def __init__(
        self, years: Callable[[], dict[int, set[date]]], need: Callable[[int], None], need_all: Callable[[], None]
    ) -> None:
        self._years, self._need, self._need_all = years, need, need_all

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        self._need(day.year)
        return day in self._years().get(day.year, ())

    def __iter__(self) -> Iterator[date]:
        self._need_all()
        return (day for days in list(self._years().values()) for day in days)

    def __len__(self) -> int:
        self._need_all()
        return sum(len(days) for days in self._years().values())

    def __repr__(self) -> str:
        return f"DaysKept({sorted(self)!r})"


class TicksByRitual(Mapping[str, Set[date]]):
    """Ritual id -> days kept, for a store with years still unread: a lookup of
    one ritual reads nothing, and its days read only the years asked about;
    going through every ritual reads every year (a ritual may have ticks only there)."""

    def __init__(
        self,
        ticks: Callable[[], dict[str, dict[int, set[date]]]],
        need: Callable[[int], None],
        need_all: Callable[[], None],
        rituals: Callable[[], Mapping[str, Any]],
    ) -> None:
        self._ticks, self._need, self._need_all, self._rituals = ticks, need, need_all, rituals

    def get(self, ritual_id: str, default: Any = None) -> Any:
        """A ritual's days (a known ritual's, even with no tick read yet: asking about a day reads
        only that day's year), else ``default``."""
        if ritual_id in self._ticks() or ritual_id in self._rituals():
            return DaysKept(lambda: self._ticks().get(ritual_id, {}), self._need, self._need_all)
        return super().get(ritual_id, default)

    def __getitem__(self, ritual_id: str) -> Set[date]:
        if ritual_id not in self._ticks():
            self._need_all()
            if ritual_id not in self._ticks():
                raise KeyError(ritual_id)
        return DaysKept(lambda: self._ticks().get(ritual_id, {}), self._need, self._need_all)

    def __iter__(self) -> Iterator[str]:
        self._need_all()
        return iter(list(self._ticks()))

    def __len__(self) -> int:
        self._need_all()
        return len(self._ticks())


class PastYears:
    """The store's side of the years not read yet: check them at open, read them when asked."""

    def __init__(self, storage: Any, index: Callable[[], Index], main: Path, data_dir: Path) -> None:
        self._storage, self._index, self._main = storage, index, main
        self._checked = Checked(data_dir)
        self._memories = Memories(data_dir)
        """The notes of past years by month (memories without reading every year)."""
        self._tables: dict[int, dict[str, int]] = {}
        """Entries per table of each year not read yet."""
        self.on_damage: Callable[[DataFileError], None] | None = None
        """Set by the full screen: a past year found damaged after start-up is reported to it
        (and left unread, so nothing rewrites it) instead of failing the view that asked."""
        self.damaged: dict[int, DataFileError] = {}
        self._latest_days: dict[tuple[int, ...], date | None] = {}
        """(year, file identity) -> the latest day of its notes (:func:`latest_note_day`)."""

    def check(self) -> None:
        """At open, before any write: check entry by entry each year not read whose
        file is not the one checked before (DataFileError names a bad entry). What was checked
        is recorded by read-only opens too (the record and the memories are caches, and saving
        them never raises), so a folder copied or restored is checked once, not at every ``today``."""
        for year, path in sorted(self._storage.deferred.items()):
            counts = self._checked.still(year, path)
            if counts is None:
                read_from = identity(path)
                _path, tables = self._storage.unread_tables(year)
                build_index(tables, dict.fromkeys(tables, path), self._main)
                if any(name.partition("/")[2] != str(year) for name in tables):
                    self.need(year)  # not laid out as micro-romance writes: read it now, as before
                    continue
                counts = self._checked.note(year, path, tables, read_from)
                if read_from is not None and identity(path) == read_from:
                    self._memories.add(year, read_from, tables)
            self._tables[year] = counts
        self._checked.save()
        self._memories.save()

    def remember_written(self) -> None:
        """On closing a copy that could write: check and record each past year's file that a
        later open would leave unread and the record does not know yet (an import writes years
        anew), so that opening, read-only too, does not check them all again. Never raises:
        the record is only a help, and a year not recorded is simply checked at the next open."""
        try:
            newest = self._storage.newest_year()
            for path in (p for p in self._storage.files() if p != self._main):
                year = int(path.stem)
                if year >= newest:
                    continue
                read_from = identity(path)
                recorded = year in self._storage.deferred or self._checked.still(year, path) is not None
                if recorded and self._memories.holds(year, read_from):
                    continue
                tables = self._storage.read_part(path)
                if any(name.partition("/")[2] != str(year) for name in tables):
                    continue
                build_index(tables, dict.fromkeys(tables, path), self._main)
                if not recorded:
                    self._checked.note(year, path, tables, read_from)
                if read_from is not None and identity(path) == read_from:
                    self._memories.add(year, read_from, tables)
        except Exception:  # noqa: BLE001 - a damaged file is refused when a later open checks it
            pass
        self._checked.save()
        self._memories.save()

    def need(self, *years: int) -> None:
        """Read these past years (those not read yet) into memory and the index."""
        deferred = self._storage.deferred
        for year in years:
            if year in deferred:
                try:
                    path, tables = self._storage.unread_tables(year)
                    found = build_index(tables, dict.fromkeys(tables, path), self._main)
                except DataFileError as exc:
                    if self.on_damage is None:  # at open, and for a command: refused, as always
                        raise
                    if year not in self.damaged:
                        self.damaged[year] = exc
                        self.on_damage(exc)
                    continue
                self._storage.adopt_year(year, tables)
                self._tables.pop(year, None)
                self._index().absorb(found)

    def need_kind(self, kind: str) -> None:
        """Read every past year that holds entries of ``kind``."""
        for year in list(self._storage.deferred):
            counts = self._tables.get(year)
            if counts is None or counts.get(f"{kind}/{year}", 0):
                self.need(year)

    def need_all(self) -> None:
        self.need(*list(self._storage.deferred))

    def anniversary_notes(self, day: date) -> list[Note]:
        """Notes of the years not read yet that come back on ``day`` (memories),
        read from the files' bytes when they are laid out as micro-romance writes them."""
        found: list[Note] = []
        for year, path in sorted(self._storage.deferred.items()):
            counts = self._tables.get(year)
            if counts is None:  # not checked since a failed write put it back unread
                self.need(year)
                continue
            count = counts.get(f"notes/{year}", 0)
            if not count:
                continue
            days = [d for d in (_on(year, day.month, day.day),) if d is not None]
            if (day.month, day.day) == (2, 28) and not _leap(day.year) and _leap(year):
                days.append(date(year, 2, 29))  # comes back on the 28th in a year without a 29th
            if not days:  # 29 February, a year without one
                continue
            notes = self._memories.notes(year, identity(path), days)
            if notes is None:
                notes = day_notes(path, year, days, count)
            if notes is None:
                self.need(year)
            else:
                found += notes
        return found

    def _unread_notes(self) -> dict[int, int]:
        """Year -> notes in it, of the past years not read yet (nor left unread as damaged), newest first."""
        found = {}
        for year in sorted(self._storage.deferred, reverse=True):
            counts = self._tables.get(year)
            if counts is None:  # not checked since a failed write put it back unread
                self.need(year)
            elif year not in self.damaged and counts.get(f"notes/{year}", 0):
                found[year] = counts[f"notes/{year}"]
        return found

    def _latest(self, year: int, count: int) -> date | None:
        """The latest day of an unread year's notes (None: unknown, read the year), kept per file."""
        path = self._storage.deferred[year]
        key = (year, *(identity(path) or ()))
        if key not in self._latest_days:
            self._latest_days[key] = latest_note_day(path, year, count)
        return self._latest_days[key]

    def notes_since(self, day: date) -> None:
        """Read every past year that may hold a note of ``day`` or later."""
        for year, count in self._unread_notes().items():
            latest = self._latest(year, count)
            if latest is None or latest >= day:
                self.need(year)

    def newest_notes(self, count: int) -> list[Note]:
        """The newest ``count`` notes, as every year read would give them, reading only the
        past years that may hold one of them: newest first, until a year's latest note
        is older than the ``count``-th newest note read so far."""
        while True:
            ordered = sorted(self._index().notes.values(), key=note_order, reverse=True)
            floor = ordered[count - 1].day if 0 < count <= len(ordered) else None
            wanted = [
                (latest or date.max, year)
                for year, n in self._unread_notes().items()
                if (latest := self._latest(year, n)) is None or floor is None or latest >= floor
            ]
            if not wanted or count <= 0:
                return ordered[: max(count, 0)]
            year = max(wanted)[1]
            self.need(year)
            if year in self._storage.deferred and year not in self.damaged:
                return ordered[:count]  # nothing more could be read (never expected)

    def unread_note_count(self) -> int:
        """How many notes the past years not read yet hold (a damaged year's are not counted)."""
        return sum(self._unread_notes().values())

    def find(self, where: Mapping[str, Any], key: str, kind: str, year: int | None = None) -> Any:
        """``where[key]`` (an entry's id in the index), reading past years until it is found:
        ``year`` first (where an entry is usually kept), then every year holding ``kind``. None if nowhere."""
        if key not in where and self._storage.deferred:
            if year is not None:
                self.need(year)
            if key not in where:
                self.need_kind(kind)
        return where.get(key)


def _leap(year: int) -> bool:
    """Whether ``year`` has a 29 February (the calendar module, and the locale module it imports, cost
    a writing command 1 ms)."""
    return _on(year, 2, 29) is not None


def _on(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
