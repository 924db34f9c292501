"""The year-split TinyDB storage: the one module in ``tui`` that imports TinyDB.

Entries of past years live in ``history/YEAR.json`` so a write rewrites only
the file holding the year it touches (see ``docs/architecture.md``).

Reading needs no TinyDB (the store's index is built from the files): TinyDB is
imported by the first write, so opening the full screen does without it.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from tui.errors import DataFileError, MissingDataFile, StoreError, StoreWriteError
from tui.storage import journal
from tui.storage.files import BACKUP_DIR, HISTORY_DIR, atomic_write, dumps, load_json, make_private_dir
from tui.storage.kinds import YEARLY  # tables whose entries are dated and split by year ("ticks/2026")

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any


def table_file(name: str, newest_year: int) -> str:
    """Which file holds table ``name``: "" for the main file, else a year."""
    kind, _, year = name.partition("/")
    if kind in YEARLY and year.isdigit() and int(year) < newest_year:
        return year
    return ""


def _newest(names: Any) -> int:
    return max((int(n.partition("/")[2]) for n in names if n.partition("/")[2].isdigit()), default=0)


class SplitJSONStorage:
    """TinyDB storage (its ``read``, ``write`` and ``close``): one main file plus one file per past year of history.

    TinyDB hands :meth:`write` the whole database; a table it changed is a new
    dict object, so comparing identities tells which files need rewriting.
    ``read`` returns the in-memory copy; a failed write drops it so the next
    read comes from the (unchanged) files again.
    """

    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        self.history = path.parent / HISTORY_DIR
        self.readonly = readonly
        self._data: dict[str, Any] | None = None
        self._written: dict[str, Any] = {}
        self._holding = False
        self.broken = False
        """A committed write could not be finished: refuse more until the next open."""
        self.origin: dict[str, Path] = {}
        """Which file each table was read from (for messages about a bad entry)."""
        self.after_write: Any = None
        """Called with no argument after each write that reached the disk (None: nothing)."""
        self.deferred: dict[int, Path] = {}
        """Past years not read yet: year -> history file (see tui.storage.years)."""

    # TinyDB calls these two.
    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            self._data = self._load()
            self._written = dict(self._data)
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        if self.readonly:
            self._data = None
            raise StoreWriteError("This copy was opened read-only; nothing was saved.")
        if self.broken:
            self._data = None
            raise StoreWriteError(
                "An earlier save is not finished; close micro-romance and open it again. Nothing was saved."
            )
        if self._holding:
            self._data = data
            return
        try:
            self._write_changed(data)
        except journal.CommitUnfinished as exc:
            self.broken = True  # until the next open finishes what was begun
            if exc.kept:
                self._data, self._written = data, dict(data)
                raise StoreWriteError(
                    f"Saved, but not every file of {self.path.parent} could be put in place yet "
                    f"({exc.strerror or exc}). Close micro-romance and open it again to finish; "
                    "until then nothing more is saved."
                ) from exc
            self._data = dict(self._written)
            raise StoreWriteError(
                f"Could not save to {self.path.parent} ({exc.strerror or exc}), and not every file "
                "could be put back yet. Close micro-romance and open it again to put them back as they "
                "were; until then nothing more is saved. Your text is still here."
            ) from exc
        except OSError as exc:
            # Nothing on disk changed: memory goes back to what was last written (past years
            # already read stay read, as the store's index expects).
            self._data = dict(self._written)
            raise StoreWriteError(
                f"Could not save to {self.path.parent} ({exc.strerror or exc}). "
                "Nothing on disk was changed; your text is still here."
            ) from exc
        except UnicodeEncodeError as exc:
            self._data = dict(self._written)
            raise StoreWriteError(
                "This text holds a character that cannot be saved (a broken emoji or symbol). "
                "Nothing was saved; remove that character and try again."
            ) from exc
        self._data = data
        self._written = dict(data)
        if self.after_write is not None:
            self.after_write()

    def close(self) -> None:
        """Nothing to close: every write is on disk when it returns."""

    # Our own.
    def hold(self) -> None:
        """Keep writes in memory until :meth:`release` (one write for a batch)."""
        self._holding = True

    def release(self, *, flush: bool) -> None:
        """Stop holding; write what was held, or forget it and re-read the files."""
        self._holding = False
        if not flush:
            self._data = None
        elif self._data is not None:
            self.write(self._data)

    def files(self) -> list[Path]:
        """Every data file that exists, main file first."""
        found = [self.path] if os.path.lexists(self.path) else []
        if self.history.is_dir():
            found += sorted(self.history.glob("[0-9][0-9][0-9][0-9].json"))
        return found

    def _load(self) -> dict[str, Any]:
        self.origin = {}
        staged: dict[Path, Path] = {}
        gone: set[Path] = set()
        if journal.pending(self.path.parent):
            if self.readonly:  # read what the files will hold once the save is finished
                staged, gone = journal.view(self.path.parent)
            else:
                try:
                    journal.finish(self.path.parent)
                except OSError as exc:
                    raise StoreError(
                        f"An interrupted save to {self.path.parent} cannot be finished ({exc.strerror or exc})."
                    ) from exc
        present = [p for p in dict.fromkeys([*self.files(), *staged]) if p not in gone]
        archives = sorted(p for p in present if p != self.path)
        if self.path not in present:
            if archives:  # a folder with history but no main file is damaged, not new
                backups = self.path.parent / BACKUP_DIR
                found = sorted(p for p in backups.iterdir() if p.is_dir()) if backups.is_dir() else []
                raise MissingDataFile(self.path, [p.stem for p in archives], found[-1] if found else None)
            return {}
        main = self._read_part(staged.get(self.path, self.path), self.path)
        newest = max(_newest(main), *(int(p.stem) for p in archives), 0)
        merged: dict[str, Any] = {}
        self.deferred = {}
        for archive in archives:
            if not staged and int(archive.stem) < newest:
                self.deferred[int(archive.stem)] = archive  # read when asked for (tui.storage.years)
                continue
            part = self._read_part(staged.get(archive, archive), archive)
            merged.update(part)
            self.origin.update(dict.fromkeys(part, archive))
        merged.update(main)  # the main file wins (it is written last when moving years)
        self.origin.update(dict.fromkeys(main, self.path))
        return merged

    @staticmethod
    def _read_part(path: Path, name: Path) -> dict[str, Any]:
        part = load_json(path)
        if not isinstance(part, dict):
            raise DataFileError(name, "it holds JSON, but not the object micro-romance writes")
        return part

    def newest_year(self) -> int:
        """The newest year the data holds (the main file's year once written): the years before
        the one before it are left unread by the next open."""
        return max(
            _newest(self.read() or {}), *self.deferred, *(int(p.stem) for p in self.files() if p != self.path), 0
        )

    def read_part(self, path: Path) -> dict[str, Any]:
        """One history file's tables, as the careful load reads them."""
        return self._read_part(path, path)

    def unread_tables(self, year: int) -> tuple[Path, dict[str, Any]]:
        """A past year not read yet: its file and the tables memory does not hold already."""
        path, data = self.deferred[year], self.read() or {}
        return path, {name: table for name, table in self._read_part(path, path).items() if name not in data}

    def adopt_year(self, year: int, tables: dict[str, Any]) -> None:
        """Hold a past year's tables (from :meth:`unread_tables`) in memory from now on."""
        path, data = self.deferred.pop(year), self.read()
        if data is not None:
            data.update(tables)
            self._written.update(tables)
            self.origin.update(dict.fromkeys(tables, path))

    def _write_changed(self, data: dict[str, Any]) -> None:
        newest = max(_newest(data), *self.deferred, 0)
        newest_written = max(_newest(self._written), *self.deferred, 0)
        groups: dict[str, dict[str, Any]] = {}
        dirty: set[str] = set()
        for name, table in data.items():
            where = table_file(name, newest)
            groups.setdefault(where, {})[name] = table
            if self._written.get(name) is not table:
                dirty.add(where)
            old_where = table_file(name, newest_written)
            if old_where != where:  # a year just moved out of the main file
                dirty.update({where, old_where})
        for name in self._written.keys() - data.keys():
            dirty.add(table_file(name, newest))
        unread = sorted(int(where) for where in dirty if where.isdigit() and int(where) in self.deferred)
        if unread:  # the store reads a year before writing into it, unless that year could not be read
            raise OSError(f"{self.deferred[unread[0]]} could not be read, so it is left as it is")
        # Encode everything before the first file is replaced.
        payloads = [(self.history / f"{where}.json", dumps(groups.get(where, {}))) for where in sorted(dirty - {""})]
        if "" in dirty or not os.path.lexists(self.path):
            payloads.append((self.path, dumps(groups.get("", {}))))
        if len(payloads) == 1:
            make_private_dir(payloads[0][0].parent)
            atomic_write(*payloads[0])  # one file: its rename is the commit
        else:
            before: dict[str, dict[str, Any]] = {}
            for name, table in self._written.items():
                before.setdefault(table_file(name, newest_written), {})[name] = table
            old = {
                path: dumps(before.get("" if path == self.path else path.stem, {})) if os.path.lexists(path) else None
                for path, _payload in payloads
            }
            journal.write_all(self.path.parent, payloads, old)


class Database:
    """TinyDB over our storage, with tables that replace documents whole; made on the first write."""

    def __init__(self, storage: SplitJSONStorage) -> None:
        self._storage = storage
        self._db: Any = None

    def _tables(self) -> Any:
        if self._db is None:
            self._db = _tinydb_class()(storage=lambda: self._storage)
        return self._db

    def put(self, table: str, doc: dict[str, Any], doc_id: int | None) -> int:
        """Insert or replace one document; returns its id. Raises StoreWriteError."""
        tbl = self._tables().table(table)
        if doc_id is None:
            return tbl.insert(doc)
        tbl.put(doc_id, doc)
        return doc_id

    def drop(self, table: str, doc_id: int) -> None:
        """Remove one document. Raises StoreWriteError."""
        self._tables().table(table).remove(doc_ids=[doc_id])


@cache
def _tinydb_class() -> type:
    """TinyDB, imported now, with tables whose replaced documents are new objects."""
    from tinydb import TinyDB
    from tinydb.table import Table

    class _Table(Table):
        """A TinyDB table whose replaced documents are new objects.

        TinyDB's ``update``/``upsert`` change a document dict in place; the storage
        keeps the last written tables to put files back after a failed write, so a
        replacement must leave the old dict untouched.
        """

        def put(self, doc_id: int, doc: dict[str, Any]) -> None:
            def replace_doc(table: dict[int, Any]) -> None:
                table[doc_id] = doc

            self._update_table(replace_doc)

    class _TinyDB(TinyDB):
        table_class = _Table

    return _TinyDB
