"""The data folder's files: names, private folders, atomic writes, reading JSON.

* The data folder is 0700 and every file 0600.
* A write is all or nothing (``tui.durable.atomic_write``): a crash at any
  instant leaves the old bytes or the new ones.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from tui.durable import atomic_write, fsync_dir, make_private_dir, tighten_dir  # noqa: F401 - part of this module's interface
from tui.errors import DataFileError, StoreError
from tui.jsontext import DuplicateKey, loads
from tui.text import clean

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any

FILE_NAME = "micro-romance.json"
LOCK_NAME = "micro-romance.lock"
HISTORY_DIR = "history"
BACKUP_DIR = "backups"  # also named in tui.errors' message


def ensure_private_dir(path: Path) -> None:
    """Create the data folder ``path`` (and parents) with mode 0700; tighten it if it exists."""
    try:
        make_private_dir(path)
    except OSError as exc:
        raise StoreError(
            f"The data folder {path} cannot be created or used ({exc.strerror or exc}). "
            "Choose another with --data-dir, or fix its permissions."
        ) from exc


def dumps(data: dict[str, Any]) -> bytes:
    """The compact UTF-8 JSON of one data file."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


_NOT_PLAIN = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFDIR: "a folder",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
}


def is_link(path: Path) -> bool:
    return os.path.islink(path)


def read_plain_file(path: Path) -> bytes:
    """The bytes of a data file, refusing a link, a pipe or anything not a plain file.

    Opened without blocking and without following a link, so a named pipe
    cannot hang a command and a link cannot lead outside the folder.
    """
    if is_link(path):
        raise DataFileError(
            path,
            "it is a symbolic link, and micro-romance keeps its data only in plain files. "
            "Put the file itself in its place (the data folder itself may be a link)",
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise StoreError(f"The data file {path} cannot be read ({exc.strerror or exc}).") from exc
    with os.fdopen(fd, "rb") as handle:
        kind = stat.S_IFMT(os.fstat(fd).st_mode)
        if kind != stat.S_IFREG:
            raise DataFileError(path, f"it is {_NOT_PLAIN.get(kind, 'not a plain file')}, not a plain file")
        try:
            return handle.read()
        except OSError as exc:
            raise StoreError(f"The data file {path} cannot be read ({exc.strerror or exc}).") from exc


def load_json(path: Path) -> Any:
    """The JSON value in a data file; DataFileError says what is wrong with it."""
    raw = read_plain_file(path)
    if not raw.strip():
        raise DataFileError(path, "the file is empty")
    try:
        return loads(raw.decode("utf-8"))
    except DuplicateKey as exc:
        raise DataFileError(path, f"one of its objects names the key {_quoted(exc.key)} twice") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(path, f"it is not UTF-8 text (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise DataFileError(path, f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    except RecursionError:
        raise DataFileError(path, "it is nested too deeply to be a micro-romance file") from None
    except ValueError:  # an integer longer than Python reads from text
        raise DataFileError(path, "it holds a number with more digits than micro-romance reads") from None


def _quoted(text: str) -> str:
    """A key from a file, short and without anything a terminal would act on."""
    text = " ".join(clean(text).split())
    return repr(text if len(text) <= 40 else text[:39] + "…")
