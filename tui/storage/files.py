"""The data folder's files: names, private folders, atomic writes, reading JSON.

* The data folder is 0700 and every file 0600.
* A write is a temporary file in the same folder, flushed and fsynced, then
  ``os.replace``, then the folder fsynced: a crash at any instant leaves the
  old bytes or the new ones.
"""

from __future__ import annotations

import json
import os
import stat
import uuid
from pathlib import Path
from typing import Any

from tui.errors import DataFileError, StoreError

FILE_NAME = "micro-romance.json"
LOCK_NAME = "micro-romance.lock"
HISTORY_DIR = "history"
BACKUP_DIR = "backups"  # also named in tui.errors' message


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


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (best effort: some systems refuse)."""
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
    fsync_dir(path.parent)


def dumps(data: dict[str, Any]) -> bytes:
    """The compact UTF-8 JSON of one data file."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def load_json(path: Path) -> Any:
    """The JSON value in a data file; DataFileError says what is wrong with it."""
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
    except RecursionError:
        raise DataFileError(path, "it is nested too deeply to be a micro-romance file") from None
    except ValueError:  # an integer longer than Python reads from text
        raise DataFileError(path, "it holds a number with more digits than micro-romance reads") from None
