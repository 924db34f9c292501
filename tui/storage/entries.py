"""The store's entries of every kind, by the registry (part of :class:`~tui.storage.store.Store`).

One way to read, find, put and drop an entry of any kind of :data:`tui.storage.kinds.KINDS`
(ticks aside: :mod:`tui.storage.ticks`). A dated kind is split by year; an entry keeps the
table it was first written to even when its day moves to another year (moving it would be
two writes, and a failure between them could lose it); a past year is read only when an
entry of it is asked for (:mod:`tui.storage.years`).
"""

from __future__ import annotations

import os
from datetime import date

from tui.errors import StoreWriteError
from tui.model import day_out_of_range
from tui.storage.kinds import BY_NAME

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:
    from tui.storage.index import Index
    from tui.storage.tinystore import Database
    from tui.storage.years import PastYears


class Entries:
    """Entries by kind; the store provides the index, the database and the past years."""

    _ix: Index
    _db: Database
    _past: PastYears

    @staticmethod
    def new_id() -> str:
        return os.urandom(6).hex()  # 12 random hex digits, as uuid4's first twelve, without uuid's 2 ms import

    @staticmethod
    def _yearly(kind: str, *days: date) -> str:
        """The table for ``days[0]``'s year; refuses a day outside the range kept."""
        for day in days:
            if problem := day_out_of_range(day):
                raise StoreWriteError(f"{problem}; nothing was saved.")
        return f"{kind}/{days[0].year}"

    def entries(self, kind: str) -> list[Any]:
        """Every entry of ``kind`` (every past year holding one is read first), in no order."""
        if BY_NAME[kind].by_year:
            self._past.need_kind(kind)
        return list(self._ix.entries[kind].values())

    def _where(self, kind: str, key: Any, year: int | None = None, *, only: bool = False) -> tuple[str, int] | None:
        """Where the entry ``key`` of ``kind`` sits, reading the past years that may hold it (``only``:
        ``year`` alone)."""
        if BY_NAME[kind].one_a_day:
            self._past.need(key.year)
            return self._ix.where[kind].get(key)
        if only and year is not None:
            self._past.need(year)
            return self._ix.where[kind].get(key)
        if BY_NAME[kind].by_year:
            return self._past.find(self._ix.where[kind], key, kind, year)
        return self._ix.where[kind].get(key)

    def entry(self, kind: str, key: Any, *, search: bool = True, year: int | None = None, only: bool = False) -> Any:
        """The entry of ``kind`` with ``key``, or None; without ``search`` only among those read so far;
        ``year``: the past year to read first for a dated kind (where it was seen last); with ``only``,
        that year's table alone (an entry keeps the table it was written in: :meth:`entry_year`)."""
        if search:
            self._where(kind, key, year, only=only and year is not None)
        return self._ix.entries[kind].get(key)

    def entry_year(self, kind: str, key: Any) -> int | None:
        """The year of the table that holds the entry ``key`` of a dated kind, read so far (None: not read,
        or not kept by year). It stays the entry's year whatever day the entry is given later."""
        where = self._ix.where[kind].get(key)
        year = where[0].partition("/")[2] if where else ""
        return int(year) if year.isdigit() else None

    def put(self, kind: str, entry: Any, *, new: bool = False) -> Any:
        """Insert or replace an entry (the same key replaces); ``new``: its key is a fresh one."""
        spec = BY_NAME[kind]
        key = spec.key(entry)
        days = spec.days(entry) if spec.days else ()
        table = self._yearly(kind, *days) if days else kind  # every day checked, even when not kept by year
        table = table if spec.by_year else kind
        old = None if new else self._where(kind, key, days[0].year if spec.by_year else None)
        if spec.by_year:
            self._past.need(days[0].year)
            table = old[0] if old else table
        doc_id = self._db.put(table, spec.codec.doc(entry), old[1] if old else None)
        self._ix.where[kind][key] = (table, doc_id)
        self._ix.entries[kind][key] = entry
        return entry

    def drop(self, kind: str, key: Any) -> Any:
        """Delete an entry; returns it (KeyError when there is none)."""
        old = self._where(kind, key)
        if old is None:
            raise KeyError(key)
        self._db.drop(*old)
        del self._ix.where[kind][key]
        return self._ix.entries[kind].pop(key)
