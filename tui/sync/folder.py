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
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from tui.durable import fsync_dir
from tui.sync.crypto import device_id, public_bytes
from tui.sync.files import atomic_write, canonical_json

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


@dataclass(frozen=True)
class KeyFile:
    device: str
    key: str
    name: str


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
    if ignored(name):
        return None
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

    def write_key(self, device: str, key: str, name: str) -> None:
        """Write this device's ``key.pub`` (only when it differs from what is there)."""
        self.check()
        folder = self.device_dir(device)
        folder.mkdir(parents=True, exist_ok=True)
        data = canonical_json({"format": 1, "key": key, "name": name}) + b"\n"
        path = folder / KEY_FILE
        try:
            if path.read_bytes() == data:
                return
        except OSError:
            pass
        atomic_write(path, data)

    def keys(self) -> tuple[dict[str, KeyFile], list[Problem]]:
        """Every device's public key in the folder, and what could not be read."""
        self.check()
        found: dict[str, KeyFile] = {}
        problems: list[Problem] = []
        try:
            entries = sorted(self.base.iterdir())
        except FileNotFoundError:
            return found, problems
        except OSError as exc:
            raise FolderMissing(self.root) from exc
        for entry in entries:
            if not _DEVICE.match(entry.name) or not entry.is_dir():
                continue
            path = entry / KEY_FILE
            try:
                value = json.loads(path.read_bytes())
                key, name = value["key"], value["name"]
                public_bytes(key)
                if not isinstance(name, str) or not 0 < len(name) <= MAX_NAME:
                    raise ValueError("bad name")
            except FileNotFoundError:
                continue  # a device folder whose key has not arrived yet
            except (OSError, ValueError, KeyError, TypeError):
                problems.append(Problem(self.relative(path), "is not a public key file; skipped"))
                continue
            if device_id(key) != entry.name:
                problems.append(Problem(self.relative(path), "holds a key that does not match its folder; skipped"))
                continue
            found[entry.name] = KeyFile(entry.name, key, name)
        return found, problems

    def logs(self, device: str) -> list[LogFile]:
        """The log files (and conflict copies of them) in a device's folder, by name."""
        folder = self.device_dir(device)
        try:
            names = sorted(p.name for p in folder.iterdir())
        except FileNotFoundError:
            self.check()
            return []
        out = []
        for name in names:
            parsed = parse_log_name(name)
            if parsed is not None:
                out.append(LogFile(device, folder / name, parsed[0], parsed[1], parsed[2]))
        return out

    def write_log(self, device: str, name: str, data: bytes) -> Path:
        """Write one of this device's own log files atomically; ``name`` as ``log-2026-03``."""
        self.check()
        folder = self.device_dir(device)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.age"
        try:
            atomic_write(path, data)
        except FileNotFoundError:
            raise FolderMissing(self.root) from None
        fsync_dir(folder)
        return path
