"""The ``Store``: the user's data behind plain methods over :mod:`tui.model`.

Reads come from the in-memory index; each change is on disk when its method
returns (or raises :class:`~tui.errors.StoreWriteError` and changes nothing).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from tui.errors import StoreWriteError
from tui.model import Counts, GestureDay, GraceSpan, Note, Ritual, Settings, day_out_of_range
from tui.storage import lifecycle
from tui.storage.answers import PromptsAndAnswers
from tui.storage.answers import stamp as _stamp
from tui.storage.codecs import (
    FavouriteCodec,
    GestureCodec,
    GraceCodec,
    NoteCodec,
    RitualCodec,
    SettingsCodec,
)
from tui.storage.files import FILE_NAME, ensure_private_dir
from tui.storage.index import Index, build_index
from tui.storage.lock import FolderLock, lock_data_folder
from tui.storage.ticks import RitualTicks
from tui.storage.tinystore import Database, SplitJSONStorage
from tui.storage.years import PastYears, note_order


class Store(RitualTicks, PromptsAndAnswers):
    """The user's data: open it once, call plain methods, close it."""

    def __init__(self, data_dir: Path, *, readonly: bool = False, backups: bool = True) -> None:
        self.data_dir = Path(data_dir).expanduser()
        self.path = self.data_dir / FILE_NAME
        self.readonly = readonly
        self._lock: FolderLock | None = None
        self._opened = False
        self._storage = SplitJSONStorage(self.path, readonly=readonly)
        if not readonly:
            ensure_private_dir(self.data_dir)
            self._lock = lock_data_folder(self.data_dir)
        try:
            data = self._storage.read() or {}  # first: it finishes a save a crash interrupted
            if not readonly:
                lifecycle.clean_leftovers(self.data_dir, self._storage.files())
            self._version = lifecycle.check_version(data, self.path)
            self._ix = self._build(data)
            self._past = PastYears(self._storage, lambda: self._ix, self.path, self.data_dir)
            self._past.check(save=not readonly)  # past years not read now: checked before any write
            self._db = Database(self._storage)
            if not readonly:
                if backups:
                    lifecycle.make_backup(self.data_dir, self._storage.files())
                self._ensure_initialised(data)
        except BaseException:
            self.close()
            raise
        self._opened = True

    # ------------------------------------------------------------ lifecycle

    def close(self) -> None:
        if self._opened and self._lock is not None and not self._storage.broken:
            self._past.remember_written()  # not after a refused open: it writes nothing
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ensure_initialised(self, data: dict[str, Any]) -> None:
        if self._version is None:
            self._db.put("meta", {"schema_version": lifecycle.SCHEMA_VERSION}, 1)
            return
        if self._version != lifecycle.SCHEMA_VERSION:
            self._past.need_all()
            self._storage.write(lifecycle.migrate(self._storage.read() or {}, self._version))
            self._reload()

    def backups(self) -> list[Path]:
        """Backup folders, newest first."""
        return lifecycle.list_backups(self.data_dir)

    def files(self) -> list[Path]:
        return self._storage.files()

    def on_write(self, callback: Any) -> None:
        self._storage.after_write = callback  # called after each write that reached the disk; None: nothing

    def on_damage(self, callback: Any) -> None:
        """From now on a past year found damaged when first read is given to ``callback`` and
        left unread (its entries are missing from the views; writes into it are refused)
        instead of failing the read that asked. Before this, and for the commands, it raises."""
        self._past.on_damage = callback

    @property
    def schema_version(self) -> int:
        return self._version if self._version is not None else lifecycle.SCHEMA_VERSION

    # ------------------------------------------------------------ loading and batches

    def _build(self, data: dict[str, Any]) -> Index:
        return build_index(data, self._storage.origin, self.path)

    def _reload(self) -> None:
        self._ix = self._build(self._storage.read() or {})

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make many changes with one write at the end; all or nothing.

        If anything inside raises, or the final write fails, nothing reaches
        the disk and the in-memory view is reloaded from the files.
        """
        self._storage.hold()
        try:
            yield
        except BaseException:
            self._storage.release(flush=False)
            self._reload()
            raise
        try:
            self._storage.release(flush=True)
        except StoreWriteError:
            self._reload()
            raise

    @staticmethod
    def _yearly(kind: str, *days: date) -> str:
        """The table for ``days[0]``'s year; refuses a day outside the range kept."""
        for day in days:
            if problem := day_out_of_range(day):
                raise StoreWriteError(f"{problem}; nothing was saved.")
        return f"{kind}/{days[0].year}"

    def read_all(self) -> None:
        """Read every past year now (an export or a whole-history view would read them anyway)."""
        self._past.need_all()

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex[:12]

    # ------------------------------------------------------------ settings

    def settings(self) -> Settings:
        return self._ix.settings

    def save_settings(self, settings: Settings) -> Settings:
        ix = self._ix
        ix.settings_id = self._db.put("settings", SettingsCodec.doc(settings), ix.settings_id or 1)
        ix.settings = settings
        return settings

    # ------------------------------------------------------------ rituals

    def rituals(self, *, include_archived: bool = False) -> list[Ritual]:
        """Rituals in the user's order."""
        found = [r for r in self._ix.rituals.values() if include_archived or not r.archived]
        return sorted(found, key=lambda r: (r.position, r.name.casefold()))

    def ritual(self, ritual_id: str) -> Ritual:
        return self._ix.rituals[ritual_id]

    def save_ritual(self, ritual: Ritual) -> Ritual:
        """Put a whole ritual as it is (an import's or a partner's): every field kept, none named here."""
        ix = self._ix
        ix.ritual_ids[ritual.id] = self._db.put("rituals", RitualCodec.doc(ritual), ix.ritual_ids.get(ritual.id))
        ix.rituals[ritual.id] = ritual
        return ritual

    def add_ritual(
        self,
        name: str,
        *,
        weekdays: Iterable[int] = (),
        created: date,
        ritual_id: str | None = None,
        personal: bool = False,
    ) -> Ritual:
        position = max((r.position for r in self._ix.rituals.values()), default=-1) + 1
        days = tuple(sorted(set(weekdays)))
        ritual = Ritual(ritual_id or self.new_id(), name, days, position, created=created, personal=personal)
        return self.save_ritual(ritual)

    def update_ritual(self, ritual_id: str, **changes: Any) -> Ritual:
        """Change a ritual's name, weekdays, archived or personal flag."""
        return self.save_ritual(replace(self._ix.rituals[ritual_id], **changes))

    def move_ritual(self, ritual_id: str, offset: int) -> list[Ritual]:
        """Move a ritual up (negative) or down among the active ones."""
        order = self.rituals()
        index = next(i for i, r in enumerate(order) if r.id == ritual_id)
        target = max(0, min(len(order) - 1, index + offset))
        if target == index:
            return order
        order.insert(target, order.pop(index))
        for position, ritual in enumerate(order):
            if ritual.position != position:
                self.save_ritual(replace(ritual, position=position))
        return self.rituals()

    def delete_ritual(self, ritual_id: str) -> int:
        """Delete a ritual and its ticks; returns how many ticks went with it."""
        self._past.need_all()
        ix = self._ix
        removed = sum(len(days) for days in ix.ticks.get(ritual_id, {}).values())
        for (rid, year), doc_id in sorted(ix.tick_docs.items()):
            if rid == ritual_id:
                self._db.drop(f"ticks/{year}", doc_id)
                del ix.tick_docs[(rid, year)]
        ix.ticks.pop(ritual_id, None)
        self._db.drop("rituals", ix.ritual_ids.pop(ritual_id))
        del ix.rituals[ritual_id]
        return removed

    # ------------------------------------------------------------ ticks

    # ------------------------------------------------------------ gestures

    def gesture_day(self, day: date) -> GestureDay | None:
        self._past.need(day.year)
        return self._ix.gestures.get(day)

    def gesture_days(self) -> list[GestureDay]:
        """Every day a gesture was shown, newest first."""
        self._past.need_kind("gestures")
        return sorted(self._ix.gestures.values(), key=lambda g: g.day, reverse=True)

    def save_gesture_day(self, gd: GestureDay) -> GestureDay:
        table = self._yearly("gestures", gd.day)
        self._past.need(gd.day.year)
        ix = self._ix
        old = ix.gesture_ids.get(gd.day)
        doc_id = self._db.put(table, GestureCodec.doc(gd), old[1] if old else None)
        ix.gesture_ids[gd.day] = (table, doc_id)
        ix.gestures[gd.day] = gd
        return gd

    def show_gesture(self, day: date, gesture_id: str) -> GestureDay:
        """Record that ``gesture_id`` is the suggestion shown for ``day``."""
        current = self.gesture_day(day)
        if current is None:
            return self.save_gesture_day(GestureDay(day=day, gesture_id=gesture_id, shown=(gesture_id,)))
        if current.gesture_id == gesture_id:
            return current
        shown = current.shown + ((gesture_id,) if gesture_id not in current.shown else ())
        return self.save_gesture_day(
            replace(current, gesture_id=gesture_id, shown=shown, done=False, note="", feedback="", partner_feedback="")
        )

    def favourites(self) -> frozenset[str]:
        return frozenset(self._ix.favourites)

    def set_favourite(self, gesture_id: str, favourite: bool) -> bool:
        favourites = self._ix.favourites
        if favourite and gesture_id not in favourites:
            favourites[gesture_id] = self._db.put("favourites", FavouriteCodec.doc(gesture_id), None)
        elif not favourite and gesture_id in favourites:
            self._db.drop("favourites", favourites[gesture_id])
            del favourites[gesture_id]
        return favourite

    # ------------------------------------------------------------ notes

    def notes(self) -> list[Note]:
        """Gratitude notes, newest first."""
        self._past.need_kind("notes")
        return sorted(self._ix.notes.values(), key=note_order, reverse=True)

    def newest_notes(self, count: int) -> list[Note]:
        """``notes()[:count]``, reading only the past years that may hold one of them."""
        return self._past.newest_notes(count)

    def notes_since(self, day: date) -> list[Note]:
        """The notes of ``day`` and later, newest first, reading only the past years that may hold one."""
        self._past.notes_since(day)
        return sorted((n for n in self._ix.notes.values() if n.day >= day), key=note_order, reverse=True)

    def note_count(self) -> int:
        """``len(notes())``, without reading past years (the record of checked years counts them)."""
        return len(self._ix.notes) + self._past.unread_note_count()

    def anniversary_notes(self, day: date) -> list[Note]:
        """Enough notes for the memories of ``day``: those read so far and, from the
        years still unread, those written on this day of the year."""
        return [*self._past.anniversary_notes(day), *self._ix.notes.values()]

    def note(self, note_id: str, *, search: bool = True) -> Note:
        """A note by id; without ``search`` only among those read so far (one on screen), not in unread years."""
        if search:
            self._past.find(self._ix.notes, note_id, "notes")
        return self._ix.notes[note_id]

    def save_note(self, note: Note) -> Note:
        """Insert or replace a note (the same id replaces)."""
        # An existing note stays in the table it was first written to, even if
        # its day changes: moving it would be two writes, and a failure between
        # them could lose it.
        return self._put_note(note, self._past.find(self._ix.note_ids, note.id, "notes", note.day.year))

    def _put_note(self, note: Note, old: tuple[str, int] | None) -> Note:
        table = old[0] if old else self._yearly("notes", note.day)
        self._past.need(note.day.year)
        ix = self._ix
        ix.note_ids[note.id] = (table, self._db.put(table, NoteCodec.doc(note), old[1] if old else None))
        ix.notes[note.id] = note
        return note

    def add_note(self, text: str, day: date, *, created: str = "") -> Note:
        return self._put_note(Note(id=self.new_id(), day=day, text=text, created=created or _stamp()), None)

    def delete_note(self, note_id: str) -> Note:
        """Delete a note; returns it so it can be restored with save_note."""
        ix = self._ix
        note = self.note(note_id)
        self._db.drop(*ix.note_ids[note_id])
        del ix.note_ids[note_id], ix.notes[note_id]
        return note

    # ------------------------------------------------------------ grace days

    def grace(self) -> list[GraceSpan]:
        return sorted(self._ix.grace.values(), key=lambda g: g.start)

    def save_grace(self, span: GraceSpan) -> GraceSpan:
        ix = self._ix
        self._yearly("grace", span.start, span.end)
        ix.grace_ids[span.id] = self._db.put("grace", GraceCodec.doc(span), ix.grace_ids.get(span.id))
        ix.grace[span.id] = span
        return span

    def delete_grace(self, span_id: str) -> None:
        self._db.drop("grace", self._ix.grace_ids.pop(span_id))
        del self._ix.grace[span_id]

    # ------------------------------------------------------------ whole store

    def counts(self) -> Counts:
        self._past.need_all()
        ix = self._ix
        ticks = sum(len(days) for years in ix.ticks.values() for days in years.values())
        return Counts(
            len(ix.rituals),
            ticks,
            len(ix.gestures),
            len(ix.favourites),
            len(ix.notes),
            len(ix.answers),
            len(ix.prompts),
            len(ix.grace),
        )


def open_store(data_dir: Path, *, readonly: bool = False) -> Store:
    """Open the user's data (the CLI's single entry to persistence)."""
    return Store(data_dir, readonly=readonly)
