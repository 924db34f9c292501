"""One thing at a time per device: an OS lock on a file of ``DATA/sync/``, across processes.

Two locks share it:

* ``pairing.lock`` (:func:`one_step_at_a_time`): one pairing step at a time. The Together screen's
  readings and the rounds run in threads of one process, and ``pair status`` may run beside them;
  each reading takes a pairing's next step (a fresh random number, a record, a key.pub), so two at
  once could publish one number and keep another. Held across the threads of a process too; a
  step inside a step of the same thread does not wait for itself.
* ``round.lock`` (:func:`one_round`, :func:`try_hold`): one round of Together at a time per data
  folder. The full screen's rounds, a round a write from the shell left running in the background,
  and ``micro-romance sync`` all hold it from their first step to their last, so two never
  exchange with the shared folder at once.

A lock goes with its process (or when its descriptor is closed). Before ``DATA/sync/`` exists (not
paired yet) there is nothing to keep apart; on a system without ``fcntl`` the threads of one
process still take pairing steps in turn, and rounds are not kept apart.

:func:`wait_for` is the wait for a lock that can only be tried, such as the writers' lock on the
data folder: ``flock`` cannot wait for a while and then give up, so it tries again a few times.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import ParamSpec, TypeVar

PAIRING_LOCK = "pairing.lock"
ROUND_LOCK = "round.lock"
RETRY_EVERY_S = 0.2
"""How often :func:`wait_for` tries again."""

_THREADS = threading.RLock()
_DEPTH = threading.local()

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


def _hold(state_dir: Path, name: str, *, wait: bool) -> int | bool:
    """Take the lock ``name`` in ``state_dir`` (waiting for its holder when ``wait``): its descriptor
    (give it to :func:`release`), True when there is nothing to lock, False when another holds it."""
    try:
        import fcntl
    except ImportError:
        return True
    if not state_dir.is_dir():
        return True
    fd = os.open(state_dir / name, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return False
    except BaseException:
        os.close(fd)
        raise
    return fd


def release(held: int | bool) -> None:
    """Let go of what :func:`try_hold` took (nothing when it took nothing)."""
    if not isinstance(held, bool):
        os.close(held)


@contextmanager
def _holding(state_dir: Path, name: str) -> Iterator[None]:
    held = _hold(state_dir, name, wait=True)
    try:
        yield
    finally:
        release(held)


def try_hold(state_dir: Path) -> int | bool:
    """Take the round lock if no round holds it: its descriptor (give it to :func:`release`), True
    when there is nothing to lock, False when another round is running."""
    return _hold(state_dir, ROUND_LOCK, wait=False)


def one_round(state_dir: Path) -> AbstractContextManager[None]:
    """Hold the round lock for a block, waiting for a running round to end first."""
    return _holding(state_dir, ROUND_LOCK)


def one_step_at_a_time(step: Callable[P, R]) -> Callable[P, R]:
    """``step(state_dir, ...)`` holds the device's pairing lock (when its folder exists) while it runs."""

    @functools.wraps(step)
    def held(*args: P.args, **kwargs: P.kwargs) -> R:
        state_dir = Path(str(args[0]))
        depth = getattr(_DEPTH, "n", 0)
        if depth or not state_dir.is_dir():
            return step(*args, **kwargs)
        with _THREADS, _holding(state_dir, PAIRING_LOCK):
            _DEPTH.n = depth + 1
            try:
                return step(*args, **kwargs)
            finally:
                _DEPTH.n = depth

    return held


def wait_for(take: Callable[[], T], busy: type[Exception], seconds: float) -> T | None:
    """``take()``, tried again every :data:`RETRY_EVERY_S` while it raises ``busy``, for ``seconds``
    at the most: what it returned, or None when it was still busy at the end."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return take()
        except busy:
            if time.monotonic() >= deadline:
                return None
        time.sleep(RETRY_EVERY_S)
