"""Private folders and all-or-nothing writes, shared by the store's files and sync's own
(it imports nothing of ours): the one helper that makes a private folder (:func:`make_private_dir`)
and the one writer of our small JSON state files (:func:`write_json`, canonical JSON).

* A folder we make is 0700 and a file we write 0600, whatever the umask.
* A write is a temporary file beside the target (``.NAME.XXXXXXXX.tmp``: the store's
  start-up, ``doctor`` and the shared folder's reader all know the pattern), flushed and
  fsynced, then ``os.replace``, then the folder fsynced: a crash at any instant leaves the
  old bytes or the new ones.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any


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


def make_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents, each 0700 whatever the umask;
    tighten ``path`` itself if it exists (never a parent that was already there). Returns ``path``."""
    missing = []
    here = path
    while not os.path.lexists(here):
        missing.append(here)
        here = here.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass
        os.chmod(folder, 0o700)
    tighten_dir(path, follow=True)
    return path


def canonical_json(value: Any) -> bytes:
    """One encoding for one value: sorted keys, no spaces, UTF-8 (sync's files, hashed and signed,
    and every small state file of ours)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def write_json(path: Path, value: Any, *, durable: bool = True) -> None:
    """A small JSON state file (0600, canonical JSON) written all or nothing, its folder made private."""
    make_private_dir(path.parent)
    atomic_write(path, canonical_json(value), durable=durable)


def tighten_dir(path: Path, *, follow: bool = False) -> None:
    """Make a folder private (0700) if others can reach it; a link is left alone
    unless ``follow`` (the data folder itself may be a link)."""
    info = path.stat() if follow else path.lstat()
    if stat.S_ISDIR(info.st_mode) and stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(path, 0o700)


def temp_beside(path: Path) -> Path:
    """A fresh temporary name in ``path``'s folder for the bytes that will replace it."""
    return path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")  # os.urandom: uuid's import costs 2 ms


def write_temp(tmp: Path, data: bytes, *, durable: bool = True) -> None:
    """Create ``tmp`` (0600, never over an existing file) holding ``data``, fsynced if ``durable``."""
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(handle.fileno(), 0o600)
        handle.write(data)
        handle.flush()
        if durable:
            os.fsync(handle.fileno())


KILL_AT = "MICRO_ROMANCE_KILL_AT"
"""For the kill tests (tests/sync/test_kill.py): ``STEP:N`` stops this process with SIGKILL at the N-th
atomic write of the process, at STEP: ``written`` (the new bytes in their temporary file, the old ones in
place) or ``replaced`` (renamed over the old ones, the folder not yet synced). Read once; unset in use."""
_kill_at = os.environ.get(KILL_AT, "")
_writes = 0


def _reached(step: str) -> None:
    if _kill_at == f"{step}:{_writes}":
        import signal

        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so a crash leaves the old or the new bytes.

    ``durable=False`` skips the fsyncs, for files that may be lost in a power cut (the
    rename still makes the write all or nothing for every reader).
    """
    global _writes
    _writes += 1
    tmp = temp_beside(path)
    try:
        write_temp(tmp, data, durable=durable)
        if _kill_at:
            _reached("written")
        os.replace(tmp, path)
        if _kill_at:
            _reached("replaced")
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    if durable:
        fsync_dir(path.parent)


def atomic_write_in(dir_fd: int, name: str, data: bytes) -> None:
    """:func:`atomic_write` of ``name`` inside the folder open as ``dir_fd``: no folder above it is
    looked up again, so one swapped for a link meanwhile is never written through (the shared folder)."""
    tmp = f".{name}.{os.urandom(4).hex()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600, dir_fd=dir_fd)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        try:
            os.unlink(tmp, dir_fd=dir_fd)
        except OSError:
            pass
        raise
    try:
        os.fsync(dir_fd)
    except OSError:
        pass  # best effort, as fsync_dir
