"""The one module that owns the data file.

Everything a user keeps lives in ``micro-romance.json`` in the data directory,
a TinyDB database. This module is the only one that imports ``tinydb``; the
rest of the product calls :class:`Store` methods that take and return the
plain dataclasses of :mod:`tui.model`.

Promises kept here:

* Writes are atomic and durable: a temporary file in the same folder, flushed
  and fsynced, then ``os.replace``, then the folder fsynced. A crash at any
  instant leaves the old file or the new one.
* The data directory is 0700, every file 0600.
* A file we cannot understand (not JSON, wrong shape, a newer
  ``schema_version``) is never overwritten: :class:`DataFileError` says what is
  wrong and the bytes stay as they were.
* One running copy at a time per data directory (an OS file lock, released by
  the kernel when a process dies, so a killed run never blocks the next).
* After loading, reads come from memory.
* History is split by year: entries of past years live in ``history/YEAR.json``
  so a write rewrites only the file holding the year it touches (see
  ``docs/architecture.md``).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from tui.errors import DataFileError, StoreError, StoreLockedError, StoreWriteError
from tui.lock import FolderLock, LockHeld
from tui.model import (
    Answer,
    Counts,
    GestureDay,
    GraceSpan,
    Note,
    PromptDay,
    Ritual,
    Settings,
)

SCHEMA_VERSION = 1
FILE_NAME = "micro-romance.json"
LOCK_NAME = "micro-romance.lock"
HISTORY_DIR = "history"
BACKUP_DIR = "backups"  # also named in tui.errors' message
BACKUPS_KEPT = 5

# Tables whose entries are dated and split by year ("ticks/2026").
YEARLY = ("ticks", "gestures", "notes", "answers", "prompts")
# Tables that always stay in the main file.
SINGLE = ("meta", "settings", "rituals", "favourites", "grace")

# Migrations: MIGRATIONS[n] turns a version-n database into version n+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


# --------------------------------------------------------------------------- files


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) with mode 0700; tighten it if it exists."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if stat.S_IMODE(path.stat().st_mode) & 0o077:
            os.chmod(path, 0o700)
    except OSError as exc:
        raise StoreError(
            f"The data folder {path} cannot be created or used ({exc.strerror or exc}). "
            "Choose another with --data-dir, or fix its permissions."
        ) from exc


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so a crash leaves the old or the new bytes."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)


def _dumps(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _load_json(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"The data file {path} cannot be read ({exc.strerror or exc}).") from exc
    if not raw.strip():
        raise DataFileError(path, "the file is empty")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DataFileError(path, f"it is not UTF-8 text (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise DataFileError(
            path, f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc


def _table_file(name: str, newest_year: int) -> str:
    """Which file holds table ``name``: "" for the main file, else a year."""
    kind, _, year = name.partition("/")
    if kind in YEARLY and year.isdigit() and int(year) < newest_year:
        return year
    return ""


class SplitJSONStorage(Storage):
    """TinyDB storage: one main file plus one file per past year of history.

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
        self.origin: dict[str, Path] = {}
        """Which file each table was read from (for messages about a bad entry)."""

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
        if self._holding:
            self._data = data
            return
        try:
            self._write_changed(data)
        except OSError as exc:
            self._data = None
            raise StoreWriteError(
                f"Could not save to {self.path.parent} ({exc.strerror or exc}). "
                "Nothing on disk was changed; your text is still here."
            ) from exc
        except UnicodeEncodeError as exc:
            self._data = None
            raise StoreWriteError(
                "This text holds a character that cannot be saved (a broken emoji or symbol). "
                "Nothing was saved; remove that character and try again."
            ) from exc
        self._data = data
        self._written = dict(data)

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
        found = [self.path] if self.path.exists() else []
        if self.history.is_dir():
            found += sorted(self.history.glob("[0-9][0-9][0-9][0-9].json"))
        return found

    def _load(self) -> dict[str, Any]:
        self.origin = {}
        if not self.path.exists():
            return {}
        main = _load_json(self.path)
        if not isinstance(main, dict):
            raise DataFileError(self.path, "it holds JSON, but not the object micro-romance writes")
        merged: dict[str, Any] = {}
        for archive in self.files()[1:]:
            part = _load_json(archive)
            if not isinstance(part, dict):
                raise DataFileError(archive, "it holds JSON, but not the object micro-romance writes")
            merged.update(part)
            self.origin.update(dict.fromkeys(part, archive))
        merged.update(main)  # the main file wins (it is written last when moving years)
        self.origin.update(dict.fromkeys(main, self.path))
        return merged

    def _write_changed(self, data: dict[str, Any]) -> None:
        newest = max(
            (int(n.partition("/")[2]) for n in data if n.partition("/")[2].isdigit()),
            default=0,
        )
        newest_written = self._newest_written()
        groups: dict[str, dict[str, Any]] = {}
        dirty: set[str] = set()
        for name, table in data.items():
            where = _table_file(name, newest)
            groups.setdefault(where, {})[name] = table
            if self._written.get(name) is not table:
                dirty.add(where)
            old_where = _table_file(name, newest_written)
            if old_where != where:  # a year just moved out of the main file
                dirty.update({where, old_where})
        for name in self._written.keys() - data.keys():
            dirty.add(_table_file(name, newest))
        # Encode everything before the first file is replaced.
        payloads = [(self.history / f"{where}.json", _dumps(groups.get(where, {}))) for where in sorted(dirty - {""})]
        if "" in dirty or not self.path.exists():
            payloads.append((self.path, _dumps(groups.get("", {}))))
        # Archives first, the main file last: a crash in between leaves a year
        # in both files, and loading prefers the main file's copy. If a later
        # file fails, the earlier ones are put back as they were.
        done: list[Path] = []
        try:
            for path, payload in payloads:
                if path.parent == self.history:
                    self.history.mkdir(mode=0o700, exist_ok=True)
                atomic_write(path, payload)
                done.append(path)
        except OSError:
            self._restore(done, newest_written)
            raise

    def _restore(self, paths: list[Path], newest_written: int) -> None:
        """Write back the last good content of files a failed write replaced."""
        before: dict[str, dict[str, Any]] = {}
        for name, table in self._written.items():
            before.setdefault(_table_file(name, newest_written), {})[name] = table
        for path in paths:
            where = "" if path == self.path else path.stem
            try:
                if where in before:
                    atomic_write(path, _dumps(before[where]))
                else:
                    path.unlink()
            except OSError:
                pass  # best effort: the entries written are whole and valid either way

    def _newest_written(self) -> int:
        return max(
            (int(n.partition("/")[2]) for n in self._written if n.partition("/")[2].isdigit()),
            default=0,
        )


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


class _Database(TinyDB):
    table_class = _Table


# --------------------------------------------------------------------------- shapes


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


class _Reader:
    """Checks one document's fields and says exactly where a problem is."""

    def __init__(self, path: Path, table: str, doc_id: str, doc: Any) -> None:
        self.where = f"table '{table}', entry {doc_id}"
        self.path = path
        if not isinstance(doc, dict):
            self.fail("it is not an object")
        self.doc: dict[str, Any] = doc

    def fail(self, problem: str) -> None:
        raise DataFileError(self.path, f"{self.where}: {problem}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
        if key not in self.doc:
            if default is ...:
                self.fail(f"the field '{key}' is missing")
            return default
        value = self.doc[key]
        if isinstance(value, bool) and kind in (int, float):
            self.fail(f"the field '{key}' should be a number, not {json.dumps(value)}")
        if not isinstance(value, kind):
            self.fail(f"the field '{key}' should be {_kind_name(kind)}, not {json.dumps(value)[:40]}")
        return value

    def text(self, key: str, default: Any = ...) -> str:
        return self.get(key, str, default)

    def day(self, key: str, default: Any = ...) -> date | None:
        value = self.get(key, (str, type(None)), default)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"the field '{key}' should be a date like 2026-01-31, not {value!r}")
        raise AssertionError  # unreachable

    def strings(self, key: str, default: Any = ...) -> tuple[str, ...]:
        value = self.get(key, list, default)
        if not all(isinstance(item, str) for item in value):
            self.fail(f"the field '{key}' should be a list of text")
        return tuple(value)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a number", bool: "true or false", list: "a list", dict: "an object"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, "empty") for k in kinds)


# --------------------------------------------------------------------------- the store


class Store:
    """The user's data: open it once, call plain methods, close it."""

    def __init__(self, data_dir: Path, *, readonly: bool = False, backups: bool = True) -> None:
        self.data_dir = Path(data_dir).expanduser()
        self.path = self.data_dir / FILE_NAME
        self.readonly = readonly
        self._lock: FolderLock | None = None
        self._storage = SplitJSONStorage(self.path, readonly=readonly)
        if not readonly:
            ensure_private_dir(self.data_dir)
            self._acquire_lock()
        try:
            self._clean_leftovers()
            data = self._storage.read() or {}
            self._check_version(data)
            self._index(data)
            if not readonly:
                if backups:
                    self._backup()
                self._db = _Database(storage=lambda: self._storage)
                self._ensure_initialised(data)
            else:
                self._db = _Database(storage=lambda: self._storage)
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------ lifecycle

    def _acquire_lock(self) -> None:
        lock = FolderLock(self.data_dir / LOCK_NAME)
        try:
            lock.acquire()
        except LockHeld as exc:
            raise StoreLockedError(self.data_dir) from exc
        except OSError as exc:
            raise StoreError(
                f"The data folder {self.data_dir} cannot be written "
                f"({exc.strerror or exc}). Check its permissions, or choose another with --data-dir."
            ) from exc
        self._lock = lock

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _clean_leftovers(self) -> None:
        """Remove temporary files a killed run left behind (never the data),
        and make sure the data files are private."""
        if self.readonly:
            return
        for path in self._storage.files():
            try:
                if stat.S_IMODE(path.stat().st_mode) != 0o600:
                    os.chmod(path, 0o600)
            except OSError:
                pass
        for folder in (self.data_dir, self.data_dir / HISTORY_DIR):
            if folder.is_dir():
                for tmp in folder.glob(".*.tmp"):
                    try:
                        tmp.unlink()
                    except OSError:
                        pass

    def _check_version(self, data: dict[str, Any]) -> None:
        if not data:
            return
        meta = data.get("meta")
        version = None
        if isinstance(meta, dict) and isinstance(meta.get("1"), dict):
            version = meta["1"].get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise DataFileError(self.path, "it has no schema_version, so it was not written by micro-romance")
        if version > SCHEMA_VERSION:
            raise DataFileError(
                self.path,
                f"it was written by a newer micro-romance (schema {version}; this one knows up to "
                f"{SCHEMA_VERSION}). Upgrade micro-romance to open it",
            )
        self._version = version

    def _ensure_initialised(self, data: dict[str, Any]) -> None:
        version = getattr(self, "_version", None)
        if version is None:
            self._db.table("meta").put(1, {"schema_version": SCHEMA_VERSION})
            return
        while version < SCHEMA_VERSION:
            data = MIGRATIONS[version](data)
            version += 1
        if version != self._version:
            self._storage.write(data | {"meta": {"1": {"schema_version": version}}})
            self._reload()

    def _backup(self) -> None:
        """Keep a copy of the last good files, made at start (newest five kept)."""
        files = self._storage.files()
        if not files:
            return
        root = self.data_dir / BACKUP_DIR
        try:
            root.mkdir(mode=0o700, exist_ok=True)
            existing = sorted(p for p in root.iterdir() if p.is_dir())
            if existing and _same_files(files, existing[-1], self.data_dir):
                return
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            target = root / stamp
            (target / HISTORY_DIR).mkdir(mode=0o700, parents=True)
            try:
                for src in files:
                    dst = target / src.relative_to(self.data_dir)
                    shutil.copy2(src, dst)
                    os.chmod(dst, 0o600)
            except OSError:
                shutil.rmtree(target, ignore_errors=True)
                raise
            for old in existing[: max(0, len(existing) + 1 - BACKUPS_KEPT)]:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass  # a backup that cannot be made must not stop the day's use

    def backups(self) -> list[Path]:
        """Backup folders, newest first."""
        root = self.data_dir / BACKUP_DIR
        if not root.is_dir():
            return []
        return sorted((p for p in root.iterdir() if p.is_dir()), reverse=True)

    def files(self) -> list[Path]:
        return self._storage.files()

    # ------------------------------------------------------------ loading

    def _index(self, data: dict[str, Any]) -> None:
        """Check every entry and build the in-memory views used for reading."""
        self._settings = Settings()
        self._settings_id: int | None = None
        self._rituals: dict[str, Ritual] = {}
        self._ritual_ids: dict[str, int] = {}
        self._ticks: dict[str, set[date]] = {}
        self._tick_docs: dict[tuple[str, int], int] = {}
        """(ritual id, year) -> doc id in table ticks/YEAR (one document per ritual and year)."""
        self._gestures: dict[date, GestureDay] = {}
        self._gesture_ids: dict[date, tuple[str, int]] = {}
        self._favourites: dict[str, int] = {}
        self._notes: dict[str, Note] = {}
        self._note_ids: dict[str, tuple[str, int]] = {}
        self._answers: dict[str, Answer] = {}
        self._answer_ids: dict[str, tuple[str, int]] = {}
        self._prompts: dict[date, PromptDay] = {}
        self._prompt_ids: dict[date, tuple[str, int]] = {}
        self._grace: dict[str, GraceSpan] = {}
        self._grace_ids: dict[str, int] = {}
        for name, table in data.items():
            if not isinstance(table, dict):
                raise DataFileError(self._storage.origin.get(name, self.path), f"'{name}' should be a table of entries")
            kind = name.partition("/")[0]
            fast = _FAST_INDEX.get(kind)
            if fast is not None:
                try:
                    fast(self, name, table)
                    continue
                except (KeyError, TypeError, ValueError, AttributeError):
                    pass  # the careful path below finds the entry and says what is wrong
            for doc_id, doc in table.items():
                if not doc_id.isdigit():
                    raise DataFileError(
                        self._storage.origin.get(name, self.path), f"table '{name}': entry key {doc_id!r} is not a number"
                    )
                origin = self._storage.origin.get(name, self.path)
                self._index_doc(kind, name, int(doc_id), _Reader(origin, name, doc_id, doc))

    def _index_doc(self, kind: str, table: str, doc_id: int, r: _Reader) -> None:
        if kind == "meta":
            return
        if kind == "settings":
            langs = r.strings("love_languages", [])
            self._settings = Settings(
                partner_name=r.text("partner_name", ""),
                love_languages=langs,
                together=r.text("together", ""),
                welcomed=r.get("welcomed", bool, False),
                theme=r.text("theme", ""),
                last_review=r.text("last_review", ""),
            )
            self._settings_id = doc_id
        elif kind == "rituals":
            weekdays = r.get("weekdays", list, [])
            if not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in weekdays):
                r.fail("the field 'weekdays' should list numbers from 0 (Monday) to 6 (Sunday)")
            ritual = Ritual(
                id=r.text("id"),
                name=r.text("name"),
                weekdays=tuple(sorted(set(weekdays))),
                position=r.get("position", int, 0),
                archived=r.get("archived", bool, False),
                created=r.day("created", None),
            )
            self._rituals[ritual.id] = ritual
            self._ritual_ids[ritual.id] = doc_id
        elif kind == "ticks":
            rid, days = r.text("ritual"), r.strings("days")
            parsed: set[date] = set()
            for text in days:
                try:
                    parsed.add(date.fromisoformat(text))
                except ValueError:
                    r.fail(f"the field 'days' holds {text!r}, which is not a date like 2026-01-31")
            year = int(table.partition("/")[2] or 0)
            if any(day.year != year for day in parsed):
                r.fail(f"the field 'days' holds a day outside {year}")
            self._ticks.setdefault(rid, set()).update(parsed)
            self._tick_docs[(rid, year)] = doc_id
        elif kind == "gestures":
            day = r.day("day")
            assert day is not None
            gd = GestureDay(
                day=day,
                gesture_id=r.text("gesture"),
                shown=r.strings("shown", []),
                done=r.get("done", bool, False),
                note=r.text("note", ""),
                feedback=r.text("feedback", ""),
            )
            self._gestures[day] = gd
            self._gesture_ids[day] = (table, doc_id)
        elif kind == "favourites":
            self._favourites[r.text("gesture")] = doc_id
        elif kind == "notes":
            day = r.day("day")
            assert day is not None
            note = Note(
                id=r.text("id"),
                day=day,
                text=r.text("text"),
                said_aloud=r.get("said_aloud", bool, False),
                created=r.text("created", ""),
            )
            self._notes[note.id] = note
            self._note_ids[note.id] = (table, doc_id)
        elif kind == "answers":
            day = r.day("day")
            assert day is not None
            answer = Answer(
                id=r.text("id"),
                prompt_id=r.text("prompt"),
                day=day,
                text=r.text("text"),
                created=r.text("created", ""),
            )
            self._answers[answer.id] = answer
            self._answer_ids[answer.id] = (table, doc_id)
        elif kind == "prompts":
            day = r.day("day")
            assert day is not None
            self._prompts[day] = PromptDay(day=day, prompt_id=r.text("prompt"), shown=r.strings("shown", []))
            self._prompt_ids[day] = (table, doc_id)
        elif kind == "grace":
            start, end = r.day("start"), r.day("end")
            assert start is not None and end is not None
            span = GraceSpan(id=r.text("id"), start=start, end=end, reason=r.text("reason", ""))
            self._grace[span.id] = span
            self._grace_ids[span.id] = doc_id
        else:
            r.fail(f"'{kind}' is not a kind of entry micro-romance knows")

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

    def _reload(self) -> None:
        self._index(self._storage.read() or {})

    # Fast paths for the big tables: plain lookups, any surprise raises and the
    # careful _Reader path then names the entry and field that is wrong.

    def _fast_ticks(self, name: str, table: dict[str, Any]) -> None:
        year = int(name.partition("/")[2])
        for doc_id, doc in table.items():
            rid, days = doc["ritual"], doc["days"]
            if type(rid) is not str or type(days) is not list:
                raise TypeError
            parsed = {date.fromisoformat(text) for text in days}
            if any(day.year != year for day in parsed):
                raise ValueError
            self._ticks.setdefault(rid, set()).update(parsed)
            self._tick_docs[(rid, year)] = int(doc_id)

    def _fast_gestures(self, name: str, table: dict[str, Any]) -> None:
        for doc_id, doc in table.items():
            day = date.fromisoformat(doc["day"])
            shown, done = doc.get("shown", []), doc.get("done", False)
            note, feedback = doc.get("note", ""), doc.get("feedback", "")
            if not (type(doc["gesture"]) is str and type(done) is bool and type(note) is str
                    and type(feedback) is str and type(shown) is list
                    and all(type(x) is str for x in shown)):
                raise TypeError
            self._gestures[day] = GestureDay(day, doc["gesture"], tuple(shown), done, note, feedback)
            self._gesture_ids[day] = (name, int(doc_id))

    def _fast_notes(self, name: str, table: dict[str, Any]) -> None:
        for doc_id, doc in table.items():
            nid, text = doc["id"], doc["text"]
            said, created = doc.get("said_aloud", False), doc.get("created", "")
            if not (type(nid) is str and type(text) is str and type(said) is bool and type(created) is str):
                raise TypeError
            self._notes[nid] = Note(nid, date.fromisoformat(doc["day"]), text, said, created)
            self._note_ids[nid] = (name, int(doc_id))

    def _fast_prompts(self, name: str, table: dict[str, Any]) -> None:
        for doc_id, doc in table.items():
            day, prompt, shown = date.fromisoformat(doc["day"]), doc["prompt"], doc.get("shown", [])
            if not (type(prompt) is str and type(shown) is list and all(type(x) is str for x in shown)):
                raise TypeError
            self._prompts[day] = PromptDay(day, prompt, tuple(shown))
            self._prompt_ids[day] = (name, int(doc_id))

    def _fast_answers(self, name: str, table: dict[str, Any]) -> None:
        for doc_id, doc in table.items():
            aid, prompt, text, created = doc["id"], doc["prompt"], doc["text"], doc.get("created", "")
            if not (type(aid) is str and type(prompt) is str and type(text) is str and type(created) is str):
                raise TypeError
            self._answers[aid] = Answer(aid, prompt, date.fromisoformat(doc["day"]), text, created)
            self._answer_ids[aid] = (name, int(doc_id))

    # ------------------------------------------------------------ low-level writes

    def _put(self, table: str, doc: dict[str, Any], doc_id: int | None) -> int:
        """Insert or replace one document; returns its id. Raises StoreWriteError."""
        tbl = self._db.table(table)
        if doc_id is None:
            return tbl.insert(doc)
        tbl.put(doc_id, doc)
        return doc_id

    def _drop(self, table: str, doc_id: int) -> None:
        self._db.table(table).remove(doc_ids=[doc_id])

    @staticmethod
    def _yearly(kind: str, day: date) -> str:
        return f"{kind}/{day.year}"

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex[:12]

    # ------------------------------------------------------------ settings

    def settings(self) -> Settings:
        return self._settings

    def save_settings(self, settings: Settings) -> Settings:
        doc = {
            "partner_name": settings.partner_name,
            "love_languages": list(settings.love_languages),
            "together": settings.together,
            "welcomed": settings.welcomed,
            "theme": settings.theme,
            "last_review": settings.last_review,
        }
        self._settings_id = self._put("settings", doc, self._settings_id or 1)
        self._settings = settings
        return settings

    # ------------------------------------------------------------ rituals

    def rituals(self, *, include_archived: bool = False) -> list[Ritual]:
        """Rituals in the user's order."""
        found = [r for r in self._rituals.values() if include_archived or not r.archived]
        return sorted(found, key=lambda r: (r.position, r.name.casefold()))

    def ritual(self, ritual_id: str) -> Ritual:
        return self._rituals[ritual_id]

    def _save_ritual(self, ritual: Ritual) -> Ritual:
        doc = {
            "id": ritual.id,
            "name": ritual.name,
            "weekdays": list(ritual.weekdays),
            "position": ritual.position,
            "archived": ritual.archived,
            "created": _iso(ritual.created),
        }
        self._ritual_ids[ritual.id] = self._put("rituals", doc, self._ritual_ids.get(ritual.id))
        self._rituals[ritual.id] = ritual
        return ritual

    def add_ritual(
        self, name: str, *, weekdays: Iterable[int] = (), created: date, ritual_id: str | None = None
    ) -> Ritual:
        position = max((r.position for r in self._rituals.values()), default=-1) + 1
        ritual = Ritual(
            id=ritual_id or self.new_id(),
            name=name,
            weekdays=tuple(sorted(set(weekdays))),
            position=position,
            created=created,
        )
        return self._save_ritual(ritual)

    def update_ritual(self, ritual_id: str, **changes: Any) -> Ritual:
        """Change a ritual's name, weekdays or archived flag."""
        return self._save_ritual(replace(self._rituals[ritual_id], **changes))

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
                self._save_ritual(replace(ritual, position=position))
        return self.rituals()

    def delete_ritual(self, ritual_id: str) -> int:
        """Delete a ritual and its ticks; returns how many ticks went with it."""
        removed = len(self._ticks.get(ritual_id, ()))
        for (rid, year), doc_id in sorted(self._tick_docs.items()):
            if rid == ritual_id:
                self._drop(f"ticks/{year}", doc_id)
                del self._tick_docs[(rid, year)]
        self._ticks.pop(ritual_id, None)
        self._drop("rituals", self._ritual_ids.pop(ritual_id))
        del self._rituals[ritual_id]
        self._ticks.pop(ritual_id, None)
        return removed

    # ------------------------------------------------------------ ticks

    def ticked_days(self, ritual_id: str) -> frozenset[date]:
        return frozenset(self._ticks.get(ritual_id, ()))

    def ticks_by_ritual(self) -> dict[str, frozenset[date]]:
        return {rid: frozenset(days) for rid, days in self._ticks.items()}

    def is_ticked(self, ritual_id: str, day: date) -> bool:
        return day in self._ticks.get(ritual_id, ())

    def set_tick(self, ritual_id: str, day: date, done: bool) -> bool:
        """Tick or untick a ritual on a day; on disk when this returns."""
        days = self._ticks.get(ritual_id, set())
        if (day in days) == done:
            return done
        year = day.year
        in_year = {d for d in days if d.year == year}
        in_year = in_year | {day} if done else in_year - {day}
        table, doc_id = f"ticks/{year}", self._tick_docs.get((ritual_id, year))
        if in_year:
            doc = {"ritual": ritual_id, "days": sorted(d.isoformat() for d in in_year)}
            self._tick_docs[(ritual_id, year)] = self._put(table, doc, doc_id)
        elif doc_id is not None:
            self._drop(table, doc_id)
            del self._tick_docs[(ritual_id, year)]
        if done:
            self._ticks.setdefault(ritual_id, set()).add(day)
        else:
            days.discard(day)
        return done

    # ------------------------------------------------------------ gestures

    def gesture_day(self, day: date) -> GestureDay | None:
        return self._gestures.get(day)

    def gesture_days(self) -> list[GestureDay]:
        """Every day a gesture was shown, newest first."""
        return sorted(self._gestures.values(), key=lambda g: g.day, reverse=True)

    def save_gesture_day(self, gd: GestureDay) -> GestureDay:
        doc = {
            "day": gd.day.isoformat(),
            "gesture": gd.gesture_id,
            "shown": list(gd.shown),
            "done": gd.done,
            "note": gd.note,
            "feedback": gd.feedback,
        }
        old = self._gesture_ids.get(gd.day)
        table = self._yearly("gestures", gd.day)
        doc_id = self._put(table, doc, old[1] if old else None)
        self._gesture_ids[gd.day] = (table, doc_id)
        self._gestures[gd.day] = gd
        return gd

    def show_gesture(self, day: date, gesture_id: str) -> GestureDay:
        """Record that ``gesture_id`` is the suggestion shown for ``day``."""
        current = self._gestures.get(day)
        if current is None:
            return self.save_gesture_day(GestureDay(day=day, gesture_id=gesture_id, shown=(gesture_id,)))
        if current.gesture_id == gesture_id:
            return current
        shown = current.shown + ((gesture_id,) if gesture_id not in current.shown else ())
        return self.save_gesture_day(
            replace(current, gesture_id=gesture_id, shown=shown, done=False, note="", feedback="")
        )

    def favourites(self) -> frozenset[str]:
        return frozenset(self._favourites)

    def set_favourite(self, gesture_id: str, favourite: bool) -> bool:
        if favourite and gesture_id not in self._favourites:
            self._favourites[gesture_id] = self._put("favourites", {"gesture": gesture_id}, None)
        elif not favourite and gesture_id in self._favourites:
            self._drop("favourites", self._favourites[gesture_id])
            del self._favourites[gesture_id]
        return favourite

    # ------------------------------------------------------------ notes

    def notes(self) -> list[Note]:
        """Gratitude notes, newest first."""
        return sorted(self._notes.values(), key=lambda n: (n.day, n.created, n.id), reverse=True)

    def note(self, note_id: str) -> Note:
        return self._notes[note_id]

    def save_note(self, note: Note) -> Note:
        """Insert or replace a note (the same id replaces)."""
        doc = {
            "id": note.id,
            "day": note.day.isoformat(),
            "text": note.text,
            "said_aloud": note.said_aloud,
            "created": note.created,
        }
        # An existing note stays in the table it was first written to, even if
        # its day changes: moving it would be two writes, and a failure between
        # them could lose it.
        old = self._note_ids.get(note.id)
        table = old[0] if old else self._yearly("notes", note.day)
        self._note_ids[note.id] = (table, self._put(table, doc, old[1] if old else None))
        self._notes[note.id] = note
        return note

    def add_note(self, text: str, day: date, *, created: str = "") -> Note:
        return self.save_note(
            Note(id=self.new_id(), day=day, text=text, created=created or _stamp())
        )

    def delete_note(self, note_id: str) -> Note:
        """Delete a note; returns it so it can be restored with save_note."""
        note = self._notes[note_id]
        self._drop(*self._note_ids[note_id])
        del self._note_ids[note_id], self._notes[note_id]
        return note

    # ------------------------------------------------------------ prompts and answers

    def prompt_day(self, day: date) -> PromptDay | None:
        return self._prompts.get(day)

    def prompt_days(self) -> list[PromptDay]:
        return sorted(self._prompts.values(), key=lambda p: p.day, reverse=True)

    def show_prompt(self, day: date, prompt_id: str) -> PromptDay:
        current = self._prompts.get(day)
        if current is not None and current.prompt_id == prompt_id:
            return current
        shown = (current.shown if current else ()) + (prompt_id,)
        pd = PromptDay(day=day, prompt_id=prompt_id, shown=tuple(dict.fromkeys(shown)))
        return self.save_prompt_day(pd)

    def save_prompt_day(self, pd: PromptDay) -> PromptDay:
        doc = {"day": pd.day.isoformat(), "prompt": pd.prompt_id, "shown": list(pd.shown)}
        table = self._yearly("prompts", pd.day)
        old = self._prompt_ids.get(pd.day)
        self._prompt_ids[pd.day] = (table, self._put(table, doc, old[1] if old else None))
        self._prompts[pd.day] = pd
        return pd

    def answers(self) -> list[Answer]:
        """Answers, newest first."""
        return sorted(self._answers.values(), key=lambda a: (a.day, a.created, a.id), reverse=True)

    def answer(self, answer_id: str) -> Answer:
        return self._answers[answer_id]

    def save_answer(self, answer: Answer) -> Answer:
        doc = {
            "id": answer.id,
            "prompt": answer.prompt_id,
            "day": answer.day.isoformat(),
            "text": answer.text,
            "created": answer.created,
        }
        old = self._answer_ids.get(answer.id)  # stays where it was first written, as notes do
        table = old[0] if old else self._yearly("answers", answer.day)
        self._answer_ids[answer.id] = (table, self._put(table, doc, old[1] if old else None))
        self._answers[answer.id] = answer
        return answer

    def add_answer(self, prompt_id: str, text: str, day: date) -> Answer:
        return self.save_answer(
            Answer(id=self.new_id(), prompt_id=prompt_id, day=day, text=text, created=_stamp())
        )

    def delete_answer(self, answer_id: str) -> Answer:
        answer = self._answers[answer_id]
        self._drop(*self._answer_ids.pop(answer_id))
        del self._answers[answer_id]
        return answer

    # ------------------------------------------------------------ grace days

    def grace(self) -> list[GraceSpan]:
        return sorted(self._grace.values(), key=lambda g: g.start)

    def save_grace(self, span: GraceSpan) -> GraceSpan:
        doc = {"id": span.id, "start": span.start.isoformat(), "end": span.end.isoformat(), "reason": span.reason}
        self._grace_ids[span.id] = self._put("grace", doc, self._grace_ids.get(span.id))
        self._grace[span.id] = span
        return span

    def delete_grace(self, span_id: str) -> None:
        self._drop("grace", self._grace_ids.pop(span_id))
        del self._grace[span_id]

    # ------------------------------------------------------------ whole store

    def counts(self) -> Counts:
        return Counts(
            rituals=len(self._rituals),
            ticks=sum(len(days) for days in self._ticks.values()),
            gesture_days=len(self._gestures),
            favourites=len(self._favourites),
            notes=len(self._notes),
            answers=len(self._answers),
            prompt_days=len(self._prompts),
            grace=len(self._grace),
        )

    @property
    def schema_version(self) -> int:
        return getattr(self, "_version", SCHEMA_VERSION)


_FAST_INDEX: dict[str, Callable[[Store, str, dict[str, Any]], None]] = {
    "ticks": Store._fast_ticks,
    "gestures": Store._fast_gestures,
    "notes": Store._fast_notes,
    "prompts": Store._fast_prompts,
    "answers": Store._fast_answers,
}


def _stamp() -> str:
    """A creation timestamp used only to order entries written on the same day."""
    return datetime.now().astimezone().isoformat(timespec="microseconds")


def _same_files(files: list[Path], backup: Path, data_dir: Path) -> bool:
    copies = [p for p in backup.rglob("*.json")]
    if len(copies) != len(files):
        return False
    for src in files:
        dst = backup / src.relative_to(data_dir)
        try:
            a, b = src.stat(), dst.stat()
        except OSError:
            return False
        if a.st_size != b.st_size or a.st_mtime_ns != b.st_mtime_ns:
            return False
    return True


def open_store(data_dir: Path, *, readonly: bool = False) -> Store:
    """Open the user's data (the CLI's single entry to persistence)."""
    return Store(data_dir, readonly=readonly)
