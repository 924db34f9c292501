"""The ``Store``: the user's data behind plain methods over :mod:`tui.model`.

Reads come from the in-memory index; each change is on disk when its method
returns (or raises :class:`~tui.errors.StoreWriteError` and changes nothing).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from tui.errors import StoreWriteError
from tui.model import Counts, GestureDay, GraceSpan, Note, Ritual, Settings
from tui.paths import sync_dir
from tui.record import replace
from tui.storage import lifecycle
from tui.storage.answers import PromptsAndAnswers
from tui.storage.answers import stamp as _stamp
from tui.storage.codecs import SettingsCodec
from tui.storage.files import FILE_NAME, ensure_private_dir
from tui.storage.index import Index, build_index
from tui.storage.kinds import KINDS
from tui.storage.lock import FolderLock, lock_data_folder
from tui.storage.ticks import RitualTicks
from tui.storage.tinystore import Database, SplitJSONStorage
from tui.storage.years import PastYears, note_order

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any


class Store(RitualTicks, PromptsAndAnswers):
    """The user's data: open it once, call plain methods, close it."""

    def __init__(self, data_dir: Path, *, readonly: bool = False, backups: bool = True) -> None:
        self.data_dir = Path(data_dir).expanduser()
        self.path = self.data_dir / FILE_NAME
        self.sync_dir = sync_dir(self.data_dir)
        """Together's own files (DATA/sync)."""
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
            self._past.check()  # past years not read now: checked before any write
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

    @property
    def holds_lock(self) -> bool:
        """Whether this copy holds the data folder's lock (opened to write, not closed since)."""
        return self._lock is not None

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

    def unread_years(self) -> frozenset[int]:
        """The past years still only on disk (read when a view, a command or a write needs them)."""
        return frozenset(self._storage.deferred)

    def read_all(self) -> None:
        """Read every past year now (an export or a whole-history view would read them anyway)."""
        self._past.need_all()

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
        return self.put("rituals", ritual)

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
        self.drop("rituals", ritual_id)
        return removed

    # ------------------------------------------------------------ gestures

    def gesture_day(self, day: date) -> GestureDay | None:
        return self.entry("gestures", day)

    def gesture_days(self) -> list[GestureDay]:
        """Every day a gesture was shown, newest first."""
        return sorted(self.entries("gestures"), key=lambda g: g.day, reverse=True)

    def save_gesture_day(self, gd: GestureDay) -> GestureDay:
        return self.put("gestures", gd)

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
        return frozenset(self._ix.entries["favourites"])

    def set_favourite(self, gesture_id: str, favourite: bool) -> bool:
        here = gesture_id in self._ix.entries["favourites"]
        if favourite and not here:
            self.put("favourites", gesture_id, new=True)
        elif not favourite and here:
            self.drop("favourites", gesture_id)
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
        note = self.entry("notes", note_id, search=search)
        if note is None:
            raise KeyError(note_id)
        return note

    def save_note(self, note: Note) -> Note:
        """Insert or replace a note (the same id replaces; it stays in the year it was first written to)."""
        return self.put("notes", note)

    def add_note(self, text: str, day: date, *, created: str = "") -> Note:
        return self.put("notes", Note(id=self.new_id(), day=day, text=text, created=created or _stamp()), new=True)

    def delete_note(self, note_id: str) -> Note:
        """Delete a note; returns it so it can be restored with save_note."""
        return self.drop("notes", note_id)

    # ------------------------------------------------------------ grace days

    def grace(self) -> list[GraceSpan]:
        return sorted(self.entries("grace"), key=lambda g: g.start)

    def save_grace(self, span: GraceSpan) -> GraceSpan:
        return self.put("grace", span)

    def delete_grace(self, span_id: str) -> None:
        self.drop("grace", span_id)

    # ------------------------------------------------------------ whole store

    def counts(self) -> Counts:
        """How many entries of each kind (every past year read)."""
        self._past.need_all()
        return Counts({kind.section: kind.count(self) for kind in KINDS})


def open_store(data_dir: Path, *, readonly: bool = False, backups: bool = True) -> Store:
    """Open the user's data (the CLI's single entry to persistence); ``backups=False`` for a
    one-line write from the shell, which makes no start-up copy (see tui.cli.common.write_store)."""
    return Store(data_dir, readonly=readonly, backups=backups)
