"""The in-memory index: every entry read from the data files, checked, for fast reads.

Built when the store opens (and again after a failed write) from the files read
then, and added to when a past year is read later (:mod:`tui.storage.years`);
the store keeps it in step with each write that succeeds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from tui.errors import DataFileError
from tui.model import FIRST_DAY, LAST_DAY, Answer, GestureDay, GraceSpan, Note, PromptDay, Ritual, Settings
from tui.storage.codecs import (
    AnswerCodec,
    FavouriteCodec,
    GestureCodec,
    GraceCodec,
    NoteCodec,
    PromptDayCodec,
    RitualCodec,
    SettingsCodec,
    TicksCodec,
)
from tui.storage.reader import Dialect, Reader
from tui.storage.tinystore import YEARLY
from tui.text import clean


class Index:
    """What the store holds, and where each entry sits (table, document id)."""

    def __init__(self) -> None:
        self.settings = Settings()
        self.settings_id: int | None = None
        self.rituals: dict[str, Ritual] = {}
        self.ritual_ids: dict[str, int] = {}
        self.ticks: dict[str, dict[int, set[date]]] = {}
        """ritual id -> year -> days kept: a tick rewrites only its own year's set."""
        self.tick_docs: dict[tuple[str, int], int] = {}
        """(ritual id, year) -> doc id in table ticks/YEAR (one document per ritual and year)."""
        self.gestures: dict[date, GestureDay] = {}
        self.gesture_ids: dict[date, tuple[str, int]] = {}
        self.favourites: dict[str, int] = {}
        self.notes: dict[str, Note] = {}
        self.note_ids: dict[str, tuple[str, int]] = {}
        self.answers: dict[str, Answer] = {}
        self.answer_ids: dict[str, tuple[str, int]] = {}
        self.prompts: dict[date, PromptDay] = {}
        self.prompt_ids: dict[date, tuple[str, int]] = {}
        self.grace: dict[str, GraceSpan] = {}
        self.grace_ids: dict[str, int] = {}

    def absorb(self, other: Index) -> None:
        """Add the entries of ``other``, built from tables read late (a past year)."""
        for rid, years in other.ticks.items():
            self.ticks.setdefault(rid, {}).update(years)
        if other.settings_id is not None:
            self.settings, self.settings_id = other.settings, other.settings_id
        for name, value in vars(other).items():
            if isinstance(value, dict) and name != "ticks":
                getattr(self, name).update(value)

    # One "place" per kind: put a read entry where the store looks for it.

    def _place_settings(self, table: str, doc_id: int, settings: Settings) -> None:
        self.settings, self.settings_id = settings, doc_id

    def _place_ritual(self, table: str, doc_id: int, ritual: Ritual) -> None:
        self.rituals[ritual.id] = ritual
        self.ritual_ids[ritual.id] = doc_id

    def _place_ticks(self, table: str, doc_id: int, ticks: tuple[str, set[date]]) -> None:
        rid, days = ticks
        self.ticks.setdefault(rid, {}).setdefault(_year(table), set()).update(days)
        self.tick_docs[(rid, _year(table))] = doc_id

    def _place_gesture(self, table: str, doc_id: int, gd: GestureDay) -> None:
        self.gestures[gd.day] = gd
        self.gesture_ids[gd.day] = (table, doc_id)

    def _place_favourite(self, table: str, doc_id: int, gesture_id: str) -> None:
        self.favourites[gesture_id] = doc_id

    def _place_note(self, table: str, doc_id: int, note: Note) -> None:
        self.notes[note.id] = note
        self.note_ids[note.id] = (table, doc_id)

    def _place_answer(self, table: str, doc_id: int, answer: Answer) -> None:
        self.answers[answer.id] = answer
        self.answer_ids[answer.id] = (table, doc_id)

    def _place_prompt(self, table: str, doc_id: int, pd: PromptDay) -> None:
        self.prompts[pd.day] = pd
        self.prompt_ids[pd.day] = (table, doc_id)

    def _place_grace(self, table: str, doc_id: int, span: GraceSpan) -> None:
        self.grace[span.id] = span
        self.grace_ids[span.id] = doc_id


def _kept_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and FIRST_DAY.year <= int(text) <= LAST_DAY.year


def _quoted(name: str) -> str:
    return repr(" ".join(clean(name).split())[:60])


def _year(table: str) -> int:
    return int(table.partition("/")[2] or 0)


_Place = Callable[[Index, str, int, Any], None]
_Read = Callable[[Reader, str], Any]
_Trusted = Callable[[dict[str, Any], str], Any]

# kind -> (careful read, fast read for the big dated tables or None, place)
_KINDS: dict[str, tuple[_Read, _Trusted | None, _Place]] = {
    "settings": (lambda r, t: SettingsCodec.read(r), None, Index._place_settings),
    "rituals": (lambda r, t: RitualCodec.read(r), None, Index._place_ritual),
    "ticks": (
        lambda r, t: TicksCodec.read(r, _year(t)),
        lambda d, t: TicksCodec.trusted(d, _year(t)),
        Index._place_ticks,
    ),
    "gestures": (lambda r, t: GestureCodec.read(r), lambda d, t: GestureCodec.trusted(d), Index._place_gesture),
    "favourites": (lambda r, t: FavouriteCodec.read(r), None, Index._place_favourite),
    "notes": (lambda r, t: NoteCodec.read(r), lambda d, t: NoteCodec.trusted(d), Index._place_note),
    "answers": (lambda r, t: AnswerCodec.read(r), lambda d, t: AnswerCodec.trusted(d), Index._place_answer),
    "prompts": (lambda r, t: PromptDayCodec.read(r), lambda d, t: PromptDayCodec.trusted(d), Index._place_prompt),
    "grace": (lambda r, t: GraceCodec.read(r), None, Index._place_grace),
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
