"""Private folders and atomic writes for sync's own files."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from tui.durable import fsync_dir  # the same durable rename as the store's own files

TEMP_PREFIX = ".mr-tmp-"


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents, each 0700) with mode 0700, tightening it if it exists."""
    missing = []
    here = path
    while not here.exists() and here != here.parent:
        missing.append(here)
        here = here.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    if stat.S_IMODE(path.stat().st_mode) != 0o700:
        os.chmod(path, 0o700)
    return path


def atomic_write(path: Path, data: bytes, *, mode: int = 0o600, durable: bool = True) -> None:
    """Write ``data`` to ``path``: a temporary file beside it, fsync, rename, fsync the folder.

    ``durable=False`` skips both fsyncs, for files that may be lost in a power cut (the
    rename still makes the write all or nothing for every reader).
    """
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if durable:
        fsync_dir(path.parent)


def canonical_json(value: Any) -> bytes:
    """One encoding for one value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def read_json(path: Path, default: Any = None) -> Any:
    """The JSON in ``path``, or ``default`` when the file does not exist."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return default
    return json.loads(raw.decode("utf-8"))


def write_json(path: Path, value: Any, *, durable: bool = True) -> None:
    private_dir(path.parent)
    atomic_write(path, canonical_json(value), durable=durable)
