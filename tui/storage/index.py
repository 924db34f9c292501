"""The in-memory index: every entry read from the data files, checked, for fast reads.

Built when the store opens (and again after a failed write) from the files read
then, and added to when a past year is read later (:mod:`tui.storage.years`);
the store keeps it in step with each write that succeeds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from tui.errors import DataFileError
from tui.model import FIRST_DAY, LAST_DAY, Note, Ritual, Settings
from tui.storage.codecs import SettingsCodec, TicksCodec
from tui.storage.kinds import KINDS, YEARLY, Kind
from tui.storage.reader import Dialect, Reader
from tui.text import clean

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any


class Index:
    """What the store holds, and where each entry sits (table, document id)."""

    def __init__(self) -> None:
        self.settings = Settings()
        self.settings_id: int | None = None
        self.entries: dict[str, dict[Any, Any]] = {kind.name: {} for kind in KINDS if kind.name != "ticks"}
        """kind -> key -> entry (:data:`tui.storage.kinds.KINDS`; ticks are kept apart, below)."""
        self.where: dict[str, dict[Any, tuple[str, int]]] = {name: {} for name in self.entries}
        """kind -> key -> (table, doc id)."""
        self.ticks: dict[str, dict[int, set[date]]] = {}
        """ritual id -> year -> days kept: a tick rewrites only its own year's set."""
        self.tick_docs: dict[tuple[str, int], int] = {}
        """(ritual id, year) -> doc id in table ticks/YEAR (one document per ritual and year)."""

    @property
    def rituals(self) -> dict[str, Ritual]:
        return self.entries["rituals"]

    @property
    def notes(self) -> dict[str, Note]:
        return self.entries["notes"]

    def absorb(self, other: Index) -> None:
        """Add the entries of ``other``, built from tables read late (a past year)."""
        for rid, years in other.ticks.items():
            self.ticks.setdefault(rid, {}).update(years)
        self.tick_docs.update(other.tick_docs)
        if other.settings_id is not None:
            self.settings, self.settings_id = other.settings, other.settings_id
        for name, found in other.entries.items():
            self.entries[name].update(found)
            self.where[name].update(other.where[name])

    def place(self, kind: Kind, table: str, doc_id: int, entry: Any) -> None:
        """Put a read entry where the store looks for it."""
        key = kind.key(entry)
        self.entries[kind.name][key] = entry
        self.where[kind.name][key] = (table, doc_id)

    def _place_settings(self, table: str, doc_id: int, settings: Settings) -> None:
        self.settings, self.settings_id = settings, doc_id

    def _place_ticks(self, table: str, doc_id: int, ticks: tuple[str, set[date]]) -> None:
        rid, days = ticks
        self.ticks.setdefault(rid, {}).setdefault(_year(table), set()).update(days)
        self.tick_docs[(rid, _year(table))] = doc_id


def _kept_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and FIRST_DAY.year <= int(text) <= LAST_DAY.year


def _quoted(name: str) -> str:
    return repr(" ".join(clean(name).split())[:60])


def _year(table: str) -> int:
    return int(table.partition("/")[2] or 0)


if TYPE_CHECKING:
    _Place = Callable[[Index, str, int, Any], None]
    _Read = Callable[[Reader, str], Any]
    _Trusted = Callable[[dict[str, Any], str], Any]


def _generic(kind: Kind) -> tuple[_Read, _Trusted | None, _Place]:
    trusted = getattr(kind.codec, "trusted", None)
    return (
        lambda r, t: kind.codec.read(r),
        (lambda d, t: trusted(d)) if trusted else None,
        lambda ix, table, doc_id, entry: ix.place(kind, table, doc_id, entry),
    )


# kind -> (careful read, fast read for the big dated tables or None, place)
_KINDS: dict[str, tuple[_Read, _Trusted | None, _Place]] = {
    "settings": (lambda r, t: SettingsCodec.read(r), None, Index._place_settings),
    **{kind.name: _generic(kind) for kind in KINDS},
    "ticks": (
        lambda r, t: TicksCodec.read(r, _year(t)),
        lambda d, t: TicksCodec.trusted(d, _year(t)),
        Index._place_ticks,
    ),
}


def build_index(data: dict[str, Any], origin: dict[str, Path], main: Path, index: Index | None = None) -> Index:
    """Check every entry of ``data`` and index it (into ``index``, e.g. a past year
    read late, else a new one); DataFileError names a bad one.

    The big dated tables take a fast path of plain lookups; any surprise sends
    the table down the careful path, which names the entry and field that is wrong.
    """
    index = Index() if index is None else index
    for name, table in data.items():
        path = origin.get(name, main)
        if not isinstance(table, dict):
            raise DataFileError(path, f"{_quoted(name)} should be a table of entries")
        kind, slash, year = name.partition("/")
        if (kind in YEARLY) != bool(slash) or (slash and not _kept_year(year)):
            raise DataFileError(path, f"{_quoted(name)} is not the name of a table micro-romance writes")
        known = _KINDS.get(kind)
        if known is not None and known[1] is not None:
            _read, trusted, place = known
            try:
                for doc_id, doc in table.items():
                    place(index, name, int(doc_id), trusted(doc, name))
                continue
            except (KeyError, TypeError, ValueError, AttributeError):
                pass  # the careful path below finds the entry and says what is wrong
        dialect = Dialect(path)
        for doc_id, doc in table.items():
            if not doc_id.isdigit():
                raise DataFileError(path, f"table '{name}': entry key {doc_id!r} is not a number")
            r = Reader(dialect, f"table '{name}', entry {doc_id}", doc)
            if kind == "meta":
                continue
            if known is None:
                r.fail(f"{_quoted(kind)} is not a kind of entry micro-romance knows")
                continue
            read, _trusted, place = known
            place(index, name, int(doc_id), read(r, name))
    return index
