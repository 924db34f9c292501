"""The store's ticks: the days each ritual was kept (part of :class:`~tui.storage.store.Store`).

Ticks are kept per ritual and year, one document each; a past year's are read when a day of it
is asked about (:mod:`tui.storage.years`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from contextlib import AbstractContextManager
from datetime import date
from itertools import chain

from tui.storage.codecs import TicksCodec
from tui.storage.entries import Entries
from tui.storage.years import TicksByRitual

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:
    from tui.model import Ritual
    from tui.storage.tinystore import SplitJSONStorage


class RitualTicks(Entries):
    """Ticking and reading ticks; the store provides the index, the database and the past years."""

    _storage: SplitJSONStorage

    def batch(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def update_ritual(self, ritual_id: str, **changes: Any) -> Ritual:
        raise NotImplementedError

    def ticked_days(self, ritual_id: str) -> frozenset[date]:
        self._past.need_kind("ticks")
        return frozenset(chain.from_iterable(self._ix.ticks.get(ritual_id, {}).values()))

    def ticks_by_ritual(self) -> Mapping[str, Set[date]]:
        """Days kept per ritual; with past years unread, each year is read when a day of it is asked about."""
        if self._storage.deferred:
            return TicksByRitual(
                lambda: self._ix.ticks, self._past.need, lambda: self._past.need_kind("ticks"), lambda: self._ix.rituals
            )
        return {rid: frozenset(chain.from_iterable(years.values())) for rid, years in self._ix.ticks.items()}

    def tick_count(self) -> int:
        """How many ticks, every year read."""
        self._past.need_kind("ticks")
        return sum(len(days) for years in self._ix.ticks.values() for days in years.values())

    def is_ticked(self, ritual_id: str, day: date) -> bool:
        self._past.need(day.year)
        return day in self._ix.ticks.get(ritual_id, {}).get(day.year, ())

    def set_tick(self, ritual_id: str, day: date, done: bool) -> bool:
        """Tick or untick a ritual on a day; on disk when this returns."""
        if self.is_ticked(ritual_id, day) != done:
            self._change_year(ritual_id, day.year, [day], done)
        return done

    def tick_before_start(self, ritual_id: str, day: date) -> None:
        """Tick a day before the ritual was added, moving its start back to that day (one write);
        whether the day may be filled in is the domain's rule (tui.domain.rituals.tick_kind)."""
        with self.batch():
            self.update_ritual(ritual_id, created=day)
            self.set_tick(ritual_id, day, True)

    def add_ticks(self, ticks: Iterable[tuple[str, date]]) -> None:
        """Tick many (ritual, day) pairs, rewriting each ritual's year once (an import)."""
        groups: dict[tuple[str, int], list[date]] = {}
        for ritual_id, day in ticks:
            groups.setdefault((ritual_id, day.year), []).append(day)
        for (ritual_id, year), days in groups.items():
            self._change_year(ritual_id, year, days, done=True)

    def _change_year(self, ritual_id: str, year: int, days: list[date], done: bool) -> None:
        """Tick or untick ``days`` (all in ``year``): one document written, memory after it."""
        table = self._yearly("ticks", *days)
        self._past.need(year)
        ix, key = self._ix, (ritual_id, year)
        years = ix.ticks.get(ritual_id, {})
        kept = years.get(year, set())
        kept = kept.union(days) if done else kept.difference(days)
        if kept:
            ix.tick_docs[key] = self._db.put(table, TicksCodec.doc(ritual_id, kept), ix.tick_docs.get(key))
            ix.ticks.setdefault(ritual_id, years)[year] = kept
        elif key in ix.tick_docs:
            self._db.drop(table, ix.tick_docs[key])
            del ix.tick_docs[key], years[year]
