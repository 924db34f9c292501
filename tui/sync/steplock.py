"""One pairing step at a time on a device: the Together screen's readings and the rounds run in
threads of one process, and ``pair status`` may run beside them; each reading takes a pairing's
next step (a fresh random number, a record, a key.pub), so two at once could publish one number
and keep another. Held across threads (a lock) and processes (an OS lock on ``pairing.lock``,
where the platform has one); a step inside a step of the same thread does not wait for itself."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

LOCK_FILE = "pairing.lock"
_THREADS = threading.RLock()
_DEPTH = threading.local()

P = ParamSpec("P")
R = TypeVar("R")


def _os_lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # no OS lock here: the threads of this process are still kept apart
        return
    fcntl.flock(fd, fcntl.LOCK_EX)


def one_step_at_a_time(step: Callable[P, R]) -> Callable[P, R]:
    """``step(state_dir, ...)`` holds the device's pairing lock (when its folder exists) while it runs."""

    @functools.wraps(step)
    def held(*args: P.args, **kwargs: P.kwargs) -> R:
        state_dir = Path(str(args[0]))
        depth = getattr(_DEPTH, "n", 0)
        if depth or not state_dir.is_dir():
            return step(*args, **kwargs)
        with _THREADS:
            fd = os.open(state_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
            _DEPTH.n = depth + 1
            try:
                _os_lock(fd)
                return step(*args, **kwargs)
            finally:
                _DEPTH.n = depth
                os.close(fd)

    return held
