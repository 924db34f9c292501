"""Drafts: the words in an editor that is still open, kept in the data folder until they are saved.

One small file, ``drafts.json`` (0600, written atomically like every data file), maps
an editor's key (``note.new``, ``answer:ID``, ...) to its words, its choices (a ritual's days
and whether it is shared, a day's kind, ...) by widget id, and when they were kept:

    {"version": 1, "drafts": {"RitualDialog:A new ritual": {"fields": {"ritual-name": "..."},
                              "choices": {"ritual-days": [0, 3], "ritual-shared": false},
                              "place": "A new ritual", "kept": "2026-12-07T21:14:00"}}}

A draft written before choices were kept has no ``choices`` (``Draft.choices`` is None).

A draft is only ever offered back to its editor: it never becomes an entry by itself.
A file that does not read as drafts is moved aside to ``drafts.json.damaged`` (never written
over; ``.damaged.1`` and on after it) and reads as no drafts: drafts are a help, never a reason not to start.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.durable import write_json

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


class Drafts:
    """The drafts of one data folder, read once and written on each change."""

    def __init__(self, data_dir: Path, now: Callable[[], datetime]) -> None:
        self.path = Path(data_dir) / DRAFTS_NAME
        self._now = now
        self._drafts: dict[str, Draft] | None = None

    def _all(self) -> dict[str, Draft]:
        if self._drafts is None:
            self._drafts = self._read()
        return self._drafts

    def _read(self) -> dict[str, Draft]:
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return {}
        try:
            with os.fdopen(fd, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
            if len(raw) > MAX_BYTES:
                raise ValueError("too big to be drafts")
            data = json.loads(raw)
            found = {}
            for key, value in data["drafts"].items():
                fields = {str(k): str(v) for k, v in value["fields"].items()}
                choices = value.get("choices")
                choices = None if choices is None else {str(k): v for k, v in choices.items()}
                kept = datetime.fromisoformat(value["kept"])
                found[str(key)] = Draft(fields, str(value.get("place", "")), kept, choices)
            return found
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            self._set_aside()
            return {}

    def _set_aside(self) -> None:
        """Move a file that does not read as drafts to ``drafts.json.damaged`` (its words can still be
        read by hand there; ``.damaged.1`` and on when that one is taken), so the next draft does not
        write over it, nor a later damaged file over an earlier one."""
        for n in range(100):
            aside = self.path.with_name(DAMAGED_NAME if n == 0 else f"{DAMAGED_NAME}.{n}")
            if os.path.lexists(aside):
                continue
            try:
                os.replace(self.path, aside)
            except OSError:
                pass
            return

    def get(self, key: str) -> Draft | None:
        """The draft kept for the editor ``key``, if any."""
        return self._all().get(key)

    def all(self) -> dict[str, Draft]:
        """Every draft kept, by editor key."""
        return dict(self._all())

    def keep(self, key: str, fields: dict[str, str], place: str, choices: dict[str, Any] | None = None) -> None:
        """Keep (or replace) the words and choices of the editor ``key``; raises OSError when they cannot
        be written. ``choices`` are plain JSON values (numbers, booleans, strings, lists of them)."""
        drafts = self._all()
        drafts[key] = Draft(dict(fields), place, self._now().replace(microsecond=0), dict(choices or {}))
        self._write(drafts)

    def drop(self, key: str) -> None:
        """Forget the draft of ``key`` (saved, or let go); the file goes with the last draft."""
        drafts = self._all()
        if drafts.pop(key, None) is None:
            return
        if drafts:
            self._write(drafts)
        else:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass

    def _write(self, drafts: dict[str, Draft]) -> None:
        document = {
            "version": 1,
            "drafts": {
                key: {
                    "fields": draft.fields,
                    **({} if draft.choices is None else {"choices": draft.choices}),
                    "place": draft.place,
                    "kept": draft.kept.isoformat(),
                }
                for key, draft in drafts.items()
            },
        }
        write_json(self.path, document)
