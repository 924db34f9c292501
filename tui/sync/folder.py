"""The shared folder's layout (see docs/data-format.md, "The shared folder").

``FOLDER/micro-romance/<device-id>/`` holds, per device: ``key.pub`` (its public key and
the name of its person, plain JSON), ``log-YYYY-MM.age`` (its shared changes of that
month, encrypted to every confirmed device) and ``own-YYYY-MM.age`` (its private changes,
encrypted to its person's own devices). A device writes only into its own subfolder,
always atomically (a temporary file, fsync, rename), so a sync tool never sees two
machines write one file.

What sync tools add is never fatal: a conflict copy (``*.sync-conflict-*``,
``* (conflicted copy) *``) is read like the log it copies; temporary and partial files
(``.syncthing.*.tmp``, names starting with a dot, ending in ``~`` or ``.tmp``) are ignored.

Nothing in the folder is trusted: every read goes through :mod:`tui.sync.guard` (no link
followed, no pipe waited on, sizes capped, a bounded number of entries looked at), each
failure is one :class:`Problem`, and this device never writes through a link: its own
folder is checked before every write (:class:`UnsafeFolder`).
"""

from __future__ import annotations

import errno
import heapq
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.durable import atomic_write_in, fsync_dir
from tui.sync import guard
from tui.sync.crypto import device_id
from tui.sync.files import atomic_write, canonical_json
from tui.sync.guard import KEY_CAP, MAX_DEVICES, MAX_FILES, MAX_SCAN, FileCache, Refused

APP_DIR = "micro-romance"
KEY_FILE = "key.pub"
_LOG = re.compile(r"^(log|own)-(\d{4})-(0[1-9]|1[0-2])(.*)\.age$")
_DEVICE = re.compile(r"^[0-9a-f]{20}$")
MAX_NAME = 60


class FolderMissing(Exception):
    """The shared folder is not there (an unmounted drive, a moved folder)."""

    def __init__(self, root: Path) -> None:
        super().__init__(f"the shared folder {root} is missing")
        self.root = root


class UnsafeFolder(OSError):
    """A folder this device would write into is a link or not a folder: nothing is written through it."""

    def __init__(self, where: str, why: str) -> None:
        super().__init__(f"{where} in the shared folder {why}; nothing was written there (delete it to go on)")


@dataclass(frozen=True)
class KeyFile:
    device: str
    key: str
    name: str
    doc: dict = field(default_factory=dict, compare=False)  # the whole key.pub, checked in full by tui.sync.peers
    changed: int = field(default=0, compare=False)  # its modification time (ns): the newest are listed first


@dataclass(frozen=True)
class LogFile:
    device: str
    path: Path
    kind: str  # "log" (shared) or "own" (private)
    month: str  # "YYYY-MM"
    conflict: bool

    @property
    def name(self) -> str:
        """The name the file was written under (a conflict copy keeps its original's)."""
        return f"{self.kind}-{self.month}"


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def ignored(name: str) -> bool:
    """True for temporary and partial files that sync tools and editors leave."""
    return name.startswith(".") or name.endswith(("~", ".tmp", ".partial", ".part", ".crdownload"))


def parse_log_name(name: str) -> tuple[str, str, bool] | None:
    """(kind, month, conflict copy?) for a log file's name, or None for any other name."""
    if not name.startswith(("log-", "own-")) or ignored(name) or not name.isprintable():
        return None  # (a name with control characters or bytes that are not UTF-8 is no sync tool's)
    match = _LOG.match(name)
    if match is None:
        return None
    rest = match[4]
    if rest and "conflict" not in rest.lower():
        return None
    return match[1], f"{match[2]}-{match[3]}", bool(rest)


class SharedFolder:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.base = self.root / APP_DIR

    def check(self) -> None:
        """:class:`FolderMissing` unless the folder the couple chose is there."""
        if not self.root.is_dir():
            raise FolderMissing(self.root)

    def device_dir(self, device: str) -> Path:
        return self.base / device

    def relative(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def own_dir(self, device: str) -> Path:
        """This device's own folder, made if missing; :class:`UnsafeFolder` when it, or the app's
        folder above it, is a link or a file (checked before every write)."""
        self.check()
        for path in (self.base, self.device_dir(device)):
            try:
                guard.check_dir(path)
            except FileNotFoundError:
                try:
                    path.mkdir()
                except FileNotFoundError:
                    raise FolderMissing(self.root) from None
                except FileExistsError:
                    pass  # made at the same instant by a sync tool: checked below
                try:
                    guard.check_dir(path)
                except Refused as exc:
                    raise UnsafeFolder(self.relative(path), str(exc).split(";")[0]) from None
            except Refused as exc:
                raise UnsafeFolder(self.relative(path), str(exc).split(";")[0]) from None
        return self.device_dir(device)

    @contextmanager
    def _own_fd(self, device: str) -> Iterator[int | None]:
        """This device's own folder, open: reached from the shared folder one name at a time without
        following a link (:class:`UnsafeFolder` on one), so nothing swapped in later is written
        through. None where the system cannot open names relative to a folder (then checked by path)."""
        if not _AT:
            self.own_dir(device)
            yield None
            return
        self.check()
        fds: list[int] = []
        try:
            try:
                fds.append(os.open(self.root, _DIR_FLAGS))
            except OSError:
                raise FolderMissing(self.root) from None
            for name, path in ((APP_DIR, self.base), (device, self.device_dir(device))):
                fds.append(_open_child(fds[-1], name, self.relative(path)))
            yield fds[-1]
        finally:
            for fd in reversed(fds):
                os.close(fd)

    def _write(self, device: str, name: str, data: bytes) -> None:
        try:
            with self._own_fd(device) as fd:
                if fd is None:
                    atomic_write(self.device_dir(device) / name, data)
                    fsync_dir(self.device_dir(device))
                else:
                    atomic_write_in(fd, name, data)
        except (IsADirectoryError, NotADirectoryError) as exc:
            raise UnsafeFolder(self.relative(self.device_dir(device) / name), "is a folder, not a file") from exc
        except OSError as exc:
            if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST) or isinstance(exc, UnsafeFolder):
                raise
            raise UnsafeFolder(self.relative(self.device_dir(device) / name), "is a folder, not a file") from exc

    def write_key(self, device: str, doc: dict) -> None:
        """Write this device's ``key.pub`` (tui.sync.peers makes ``doc``), only when it differs from what is there."""
        data = canonical_json(doc) + b"\n"
        try:
            if guard.read_file(self.device_dir(device) / KEY_FILE, KEY_CAP)[0] == data:
                return
        except (OSError, Refused):
            pass
        self._write(device, KEY_FILE, data)

    def keys(self) -> tuple[dict[str, KeyFile], list[Problem]]:
        """Every device's public key in the folder, and what could not be read (a problem each).

        A key file is read again only when its identity (inode, size, time) changed since.
        """
        self.check()
        found: dict[str, KeyFile] = {}
        problems: list[Problem] = []
        try:
            listed, whole = guard.list_dir(self.base, _DEVICE.match, MAX_SCAN)
            entries = sorted(listed)
        except FileNotFoundError:
            return found, problems
        except Refused as exc:
            return found, [Problem(APP_DIR, str(exc))]
        except OSError as exc:
            if not self.root.is_dir():
                raise FolderMissing(self.root) from exc
            return found, [Problem(APP_DIR, f"cannot be read ({exc.strerror or exc})")]
        for name, is_dir in entries[:MAX_DEVICES]:
            rel = f"{APP_DIR}/{name}"
            if not is_dir:
                problems.append(Problem(rel, "is a link or a file, not a device's folder; not read"))
                continue
            value = self._key(name)
            if isinstance(value, KeyFile):
                found[name] = value
            elif value:
                problems.append(Problem(f"{rel}/{KEY_FILE}", value))
        if not whole:
            problems.append(Problem(APP_DIR, f"holds more than {MAX_SCAN:,} names; the rest were not looked at"))
        if len(entries) > MAX_DEVICES:
            more = len(entries) - MAX_DEVICES
            problems.append(Problem(APP_DIR, f"holds {more} more device folders than are looked at; not read"))
        return found, problems

    def _key(self, device: str) -> KeyFile | str:
        """A device's key, or what is wrong with its key file ("" while it has not arrived)."""
        path = self.device_dir(device) / KEY_FILE
        try:
            ident = guard.file_id(guard.check_file(path, KEY_CAP))
        except FileNotFoundError:
            return ""  # a device folder whose key has not arrived yet
        except Refused as exc:
            return str(exc)
        except OSError as exc:
            return f"cannot be read ({exc.strerror or exc})"
        held = _KEYS.get(path, "", ident)
        if held is not None:
            return held
        try:
            data, ident = guard.read_file(path, KEY_CAP)
            value = key_file(device, guard.loads(data), changed=ident[2])
        except FileNotFoundError:
            return ""
        except Refused as exc:
            value = str(exc)
        except (ValueError, OSError) as exc:
            value = f"is not a public key file ({guard.reason(exc)}); skipped"
        except Exception as exc:  # noqa: BLE001 (one file's problem never stops the others)
            value = f"could not be read ({type(exc).__name__}); skipped"
        _KEYS.put(path, "", ident, value)
        return value

    def logs(self, device: str, problems: list[Problem] | None = None, *, until: str = "") -> list[LogFile]:
        """The log files in a device's folder: the newest logs first, then their conflict copies, at most
        :data:`~tui.sync.guard.MAX_FILES` in all; what is not looked at goes to ``problems``.

        ``until`` ("YYYY-MM", see :func:`last_month_read`) refuses, by name alone, a file named for a
        later month: no device writes one, so planted names for the years ahead can never take the
        places of this month's logs."""
        folder = self.device_dir(device)
        rel = self.relative(folder)
        problems = [] if problems is None else problems
        parsed: list[tuple[bool, str, tuple[str, str, bool]]] = []
        ahead = 0

        def keep(name: str) -> bool:  # each name parsed once, and no path made for the ones not looked at
            nonlocal ahead
            found = parse_log_name(name)
            if found is not None and until and found[1] > until:
                ahead += 1
            elif found is not None:
                parsed.append((found[2], name, found))
            return False

        try:
            whole = guard.list_dir(folder, keep, MAX_SCAN)[1]
        except FileNotFoundError:
            self.check()
            return []
        except Refused as exc:
            problems.append(Problem(rel, str(exc)))
            return []
        except OSError as exc:
            problems.append(Problem(rel, f"cannot be read ({exc.strerror or exc})"))
            return []
        if not whole:
            problems.append(Problem(rel, f"holds more than {MAX_SCAN:,} names; the rest were not looked at"))
        if ahead:
            problems.append(Problem(rel, f"holds {ahead} log files named for months after {until}; not read"))
        looked = heapq.nlargest(MAX_FILES, parsed, key=_newest_logs_first)
        if len(parsed) > MAX_FILES:
            problems.append(
                Problem(rel, f"holds {len(parsed) - MAX_FILES} more log files than are looked at; not read")
            )
        return [LogFile(device, folder / name, kind, month, copy) for copy, name, (kind, month, _) in looked]

    def write_log(self, device: str, name: str, data: bytes) -> Path:
        """Write one of this device's own log files atomically; ``name`` as ``log-2026-03``."""
        try:
            self._write(device, f"{name}.age", data)
        except FileNotFoundError:
            raise FolderMissing(self.root) from None
        return self.device_dir(device) / f"{name}.age"


def last_month_read(now_ms: int) -> str:
    """The latest month ("YYYY-MM") a log read at ``now_ms`` may be named for: the next one (a
    partner's clock may run up to a day ahead of this one, across a month's end)."""
    today = datetime.fromtimestamp(now_ms / 1000, UTC)
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return f"{year:04d}-{month:02d}"


def _newest_logs_first(entry: tuple[bool, str, tuple[str, str, bool]]) -> tuple[bool, str, str]:
    """The order a device's files are looked at in: its logs before their conflict copies, each the
    newest month first (so the bound on files looked at leaves out the oldest, read long ago)."""
    return (not entry[0], entry[2][1], entry[1])


def _open_child(parent: int, name: str, where: str) -> int:
    """The folder ``name`` inside the open folder ``parent``, made if missing; never through a link."""
    for _ in range(2):
        try:
            return os.open(name, _DIR_FLAGS | getattr(os, "O_NOFOLLOW", 0), dir_fd=parent)
        except FileNotFoundError:
            try:
                os.mkdir(name, dir_fd=parent)
            except FileExistsError:
                pass  # made at the same instant by a sync tool: opened (and checked) now
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                raise UnsafeFolder(where, "is a link or a file, not a folder") from None
            raise
    raise FileNotFoundError(errno.ENOENT, "made and gone again", where)


def key_file(device: str, value: Any, *, changed: int = 0) -> KeyFile:
    """The key of ``device`` from the JSON of its ``key.pub``; ``ValueError`` says what is wrong."""
    if not isinstance(value, dict):
        raise ValueError("not an object")
    key, name = value.get("key"), value.get("name")
    if not isinstance(key, str) or not key.isascii() or len(key) > 200:
        raise ValueError("no public key")
    if not isinstance(name, str) or not 0 < len(name) <= MAX_NAME or not name.isprintable():
        raise ValueError(f"the name should be 1 to {MAX_NAME} printable characters")
    if device_id(key) != device:
        raise ValueError("holds a key that does not match its folder")
    return KeyFile(device, key, name, value, changed)


_AT = os.open in os.supports_dir_fd and os.mkdir in os.supports_dir_fd
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
_KEYS = FileCache()
"""Key files read (or refused) in this process, by identity: 2,000 keys cost 2,000 ``lstat`` calls a round."""
