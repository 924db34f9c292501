"""One running copy per data folder: an OS lock on a file in that folder.

The kernel releases the lock when the process ends, however it ends, so a run
killed with SIGKILL never blocks the next one. (Our own few lines rather than a
library: importing one cost more start-up time than this whole module.)
"""

from __future__ import annotations

import os
from pathlib import Path

from tui.errors import StoreError, StoreLockedError
from tui.storage.files import LOCK_NAME


class LockHeld(Exception):
    """Another process holds the lock."""


class FolderLock:
    """An exclusive, non-blocking lock on ``path`` (created 0600 if missing)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            raise LockHeld(str(self.path)) from exc
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            try:
                _unlock(self._fd)
            finally:
                os.close(self._fd)
                self._fd = None


def lock_data_folder(data_dir: Path) -> FolderLock:
    """Hold the data folder's lock, or say why not (another copy runs, or no access)."""
    lock = FolderLock(data_dir / LOCK_NAME)
    try:
        lock.acquire()
    except LockHeld as exc:
        raise StoreLockedError(data_dir) from exc
    except OSError as exc:
        raise StoreError(
            f"The data folder {data_dir} cannot be written "
            f"({exc.strerror or exc}). Check its permissions, or choose another with --data-dir."
        ) from exc
    return lock


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
