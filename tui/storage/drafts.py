"""Drafts: the words in an editor that is still open, kept in the data folder until they are saved.

One small file, ``drafts.json`` (0600, written atomically like every data file), maps
an editor's key (``note.new``, ``answer:ID``, ...) to its words, its choices (a ritual's days
and whether it is shared, a day's kind, ...) by widget id, and when they were kept:

    {"version": 1, "drafts": {"RitualDialog:A new ritual": {"fields": {"ritual-name": "..."},
                              "choices": {"ritual-days": [0, 3], "ritual-shared": false},
                              "place": "A new ritual", "kept": "2026-12-07T21:14:00"}}}

A draft written before choices were kept has no ``choices`` (``Draft.choices`` is None).
Optional, when they apply: ``home``, the editor of a new entry that offers the words once the
entry they were for is gone (an answer's draft names its prompt's); ``seen``, when its editor
last offered it; ``warned``, the day start told that it was old (tui/domain/drafts.py).

A draft is only ever offered back to an editor: it never becomes an entry by itself.
A file that does not read as drafts is moved aside to ``drafts.json.damaged`` (never written
over; ``.damaged.1`` and on after it) and reads as no drafts; one with some drafts that do not
read is moved aside the same way and the drafts that read are kept. ``problem`` says so in one
line: drafts are a help, never a reason not to start.

Only a copy that holds the data folder's lock writes here (``writable``): a copy refused by the
lock, or one that has closed its store, changes nothing, not even a damaged file's place.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from tui.domain.drafts import NOTICE_DAYS, entry_of, home_of
from tui.durable import write_json

Entry = Callable[[str, str, "int | None"], object]
"""How drafts ask whether an entry is here: ``entry(kind, id, year)``, the entry or None."""

LAST_NOTICE = date.max - timedelta(days=NOTICE_DAYS)
"""The last day a draft can have been told it is old (the day it goes must be a date)."""
DRAFTS_NAME = "drafts.json"
DAMAGED_NAME = "drafts.json.damaged"
MAX_BYTES = 4 * 1024 * 1024
"""A file bigger than this is not ours to read."""


@dataclass(frozen=True)
class Draft:
    """Words kept from an editor that was open: its fields' texts by id, where it was, when,
    and its choices by widget id (None in a draft kept before choices were)."""

    fields: dict[str, str]
    place: str
    kept: datetime
    choices: dict[str, Any] | None = None
    home: str = ""
    """The editor of a new entry that offers these words when their entry is gone ("": by its kind)."""
    seen: datetime | None = None
    """When its editor last offered it."""
    warned: date | None = None
    """The day start said it was old and would be let go."""
    year: int | None = None
    """The year of the dated entry it was for (a note, an answer), so finding it reads that year first."""

    @property
    def touched(self) -> date:
        """The day it was last kept or offered."""
        return max(self.kept.date(), self.seen.date() if self.seen else date.min)


class _TooBig(ValueError):
    """A drafts file over ``MAX_BYTES``."""


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a draft holds")


def _draft(value: Any) -> Draft:
    """One draft of the file, or ValueError/TypeError/KeyError/AttributeError."""
    fields = {str(k): str(v) for k, v in value["fields"].items()}
    choices = value.get("choices")
    choices = None if choices is None else {str(k): v for k, v in choices.items()}
    seen, warned, year = value.get("seen"), value.get("warned"), value.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise TypeError("a draft's year is a number")
    if warned is not None and date.fromisoformat(warned) > LAST_NOTICE:
        raise ValueError("a draft's notice day is past any day it could be let go")
    return Draft(
        fields,
        str(value.get("place", "")),
        datetime.fromisoformat(value["kept"]),
        choices,
        str(value.get("home", "")),
        None if seen is None else datetime.fromisoformat(seen),
        None if warned is None else date.fromisoformat(warned),
        year,
    )


class Drafts:
    """The drafts of one data folder, read once and written on each change."""

    def __init__(
        self, data_dir: Path, now: Callable[[], datetime], writable: Callable[[], bool] = lambda: True
    ) -> None:
        self.path = Path(data_dir) / DRAFTS_NAME
        self._now = now
        self._writable = writable
        self._drafts: dict[str, Draft] | None = None
        self.problem = ""
        """Why the file (or some drafts in it) could not be read, in one line; "" when it read whole."""
        self._blocked = ""
        """Why the file may not be written this session (it could not be read, nor set aside)."""

    def _all(self) -> dict[str, Draft]:
        if self._drafts is None:
            self._drafts = self._read()
        return self._drafts

    def _read(self) -> dict[str, Draft]:
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            return {}
        except OSError as exc:  # a link, no access: what it holds is not written over this session
            self._blocked = f"drafts.json could not be read ({exc.strerror or exc})"
            self.problem = f"Your drafts could not be read ({exc.strerror or exc}); the file is left as it is."
            return {}
        try:
            with os.fdopen(fd, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
            if len(raw) > MAX_BYTES:
                raise _TooBig(f"too big, over {_size(MAX_BYTES)}")
            entries = json.loads(raw, parse_constant=_no_constant)["drafts"].items()
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not drafts as written here"
            self.problem, _ = self._set_aside(
                f"Your drafts file could not be read ({exc if isinstance(exc, _TooBig) else why})"
            )
            return {}
        found, bad = {}, 0
        for key, value in entries:
            try:
                found[str(key)] = _draft(value)
            except (ValueError, TypeError, KeyError, AttributeError):
                bad += 1
        if bad:
            some = "One draft" if bad == 1 else f"{bad} drafts"
            self.problem, moved = self._set_aside(f"{some} could not be read; the others are kept")
            if moved and found:
                try:
                    self._write(found)
                except OSError:
                    pass  # the file as it was is set aside; these are written with the next draft kept
        return found

    def _set_aside(self, what: str) -> tuple[str, bool]:
        """Move a file that does not read as drafts to ``drafts.json.damaged`` (its words can still be
        read by hand there; ``.damaged.1`` and on when that one is taken), so the next draft does not
        write over it, nor a later damaged file over an earlier one. Says so in one line, and whether it moved."""
        if not self._writable():
            return f"{what}; the file is left as it is.", False
        for n in range(100):
            aside = self.path.with_name(DAMAGED_NAME if n == 0 else f"{DAMAGED_NAME}.{n}")
            if os.path.lexists(aside):
                continue
            try:
                os.replace(self.path, aside)
            except OSError:
                break
            return f"{what}; the file as it was is kept as {aside.name}.", True
        self._blocked = "drafts.json could not be read nor set aside"  # never written over with what did read
        return f"{what}; the file is left as it is.", False

    def get(self, key: str) -> Draft | None:
        """The draft kept for the editor ``key``, if any."""
        return self._all().get(key)

    def all(self) -> dict[str, Draft]:
        """Every draft kept, by editor key."""
        return dict(self._all())

    def homeless(self, home: str, entry: Entry) -> str:
        """The oldest draft whose entry is gone (``entry(kind, id, year)`` is None) and whose words the
        editor ``home`` offers; "" when there is none."""
        waiting = sorted((d.kept.date(), k) for k, d in self._all().items() if home_of(k, d.home) == home)
        return next((k for _, k in waiting if self.gone(k, entry)), "")

    def gone(self, key: str, entry: Entry) -> bool:
        """Whether the editor ``key`` edits an entry that is gone (``entry(kind, id, year)`` is None; the
        year the draft recorded, read first)."""
        kind_id = entry_of(key)
        if kind_id is None:
            return False
        draft = self._all().get(key)
        return entry(*kind_id, draft.year if draft else None) is None

    def keep(
        self,
        key: str,
        fields: dict[str, str],
        place: str,
        choices: dict[str, Any] | None = None,
        home: str = "",
        year: int | None = None,
    ) -> None:
        """Keep (or replace) the words and choices of the editor ``key``; raises OSError when they cannot
        be written. ``choices`` are plain JSON values (numbers, booleans, strings, lists of them);
        ``home`` the editor of a new entry that offers them if their entry goes, ``year`` the dated
        entry's year (each kept from before when not given)."""
        drafts = self._all()
        old = drafts.get(key)
        home, year = home or (old.home if old else ""), year or (old.year if old else None)
        self._write({**drafts, key: Draft(dict(fields), place, self._stamp(), dict(choices or {}), home, year=year)})

    def move(self, key: str, to: str, place: str) -> None:
        """Give the draft of ``key`` to the editor ``to`` (whose entry it was for is gone), in one write."""
        drafts = self._all()
        draft = drafts.get(key)
        if draft is None or to in drafts:
            return
        moved = replace(draft, place=place, home="", seen=self._stamp(), warned=None, year=None)
        self._write({**{k: v for k, v in drafts.items() if k != key}, to: moved})

    def seen(self, key: str) -> None:
        """Note that the editor ``key`` offered its draft now: it counts as touched."""
        drafts = self._all()
        if key in drafts:
            self._write({**drafts, key: replace(drafts[key], seen=self._stamp(), warned=None)})

    def warn(self, keys: list[str], day: date) -> None:
        """Note that start told, on ``day``, that the drafts ``keys`` are old."""
        drafts = self._all()
        if any(key in drafts for key in keys):
            self._write({k: replace(v, warned=day) if k in keys else v for k, v in drafts.items()})

    def let_go(self, keys: list[str]) -> None:
        """Forget the drafts ``keys`` (old, told about, untouched since), in one write."""
        drafts = self._all()
        if any(key in drafts for key in keys):
            self._write({k: v for k, v in drafts.items() if k not in keys})

    def drop(self, key: str) -> None:
        """Forget the draft of ``key`` (saved, or let go); the file goes with the last draft."""
        drafts = self._all()
        if key in drafts:
            self._write({k: v for k, v in drafts.items() if k != key})

    def _stamp(self) -> datetime:
        return self._now().replace(microsecond=0)

    def _write(self, drafts: dict[str, Draft]) -> None:
        """Write ``drafts`` (none: remove the file), then hold them; raises OSError, holding the old ones."""
        if not self._writable():
            raise PermissionError(0, "another copy of micro-romance has this data folder")
        if self._blocked:
            raise PermissionError(0, self._blocked)
        if not drafts:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass
            self._drafts = drafts
            return
        document = {"version": 1, "drafts": {key: _document(draft) for key, draft in drafts.items()}}
        write_json(self.path, document)
        self._drafts = drafts


def _document(draft: Draft) -> dict[str, Any]:
    return {
        "fields": draft.fields,
        **({} if draft.choices is None else {"choices": draft.choices}),
        "place": draft.place,
        "kept": draft.kept.isoformat(),
        **({"home": draft.home} if draft.home else {}),
        **({} if draft.seen is None else {"seen": draft.seen.isoformat()}),
        **({} if draft.warned is None else {"warned": draft.warned.isoformat()}),
        **({} if draft.year is None else {"year": draft.year}),
    }
