"""One round of Together at a time per data folder: an OS lock on ``DATA/sync/round.lock``.

The full screen's rounds, a round a write from the shell left running in the background, and
``micro-romance sync`` all hold it from their first step to their last, so two never exchange with
the shared folder at once. The lock goes with the process (or when its descriptor is closed); on
a system without ``fcntl`` rounds are not kept apart.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROUND_LOCK = "round.lock"


def _open(state_dir: Path) -> int | None:
    if not state_dir.is_dir():
        return None  # not paired yet: nothing to keep apart
    return os.open(state_dir / ROUND_LOCK, os.O_RDWR | os.O_CREAT, 0o600)


def try_hold(state_dir: Path) -> int | bool:
    """Take the lock if no round holds it: its descriptor (give it to :func:`release`), True when
    there is nothing to lock, False when another round is running."""
    try:
        import fcntl
    except ImportError:
        return True
    fd = _open(state_dir)
    if fd is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return False
    return fd


def release(held: int | bool) -> None:
    if not isinstance(held, bool):
        os.close(held)


@contextmanager
def one_round(state_dir: Path) -> Iterator[None]:
    """Hold the lock for a block, waiting for a running round to end first."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = _open(state_dir)
    if fd is None:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
