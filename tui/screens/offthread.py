"""Together's work that may wait on a drive, off the app's thread, without holding up a quit.

The work (a round with the shared folder, a reading or a step of the pairing) runs in a daemon
thread; an async worker of the app waits for it and then runs, on the app's thread, what the work
handed back. The worker is the app's own (``app.workers``: tests wait for it, quitting cancels it);
the thread is nobody's, so leaving the full screen never waits for a reading stuck on a vanished
drive or on a lock another process holds (Textual's thread workers run in the default executor,
which the end of the program waits for). What such a thread hands back after a quit is dropped.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any, Protocol

Then = Callable[[], None]
"""What the work hands back: run on the app's thread once it is done (a refusal said, a result shown)."""


class WorkerHost(Protocol):
    """A screen or the app: anything that runs workers."""

    def run_worker(self, work: Any, *, group: str, exit_on_error: bool) -> object: ...


async def in_daemon_thread(work: Callable[[], Then], name: str) -> Then:
    """``work()`` in a daemon thread; what it returned, awaited on the app's loop."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[Then] = loop.create_future()

    def settle(outcome: Then | BaseException) -> None:
        if done.done():  # the worker was cancelled: the app is quitting
            return
        if isinstance(outcome, BaseException):
            done.set_exception(outcome)
        else:
            done.set_result(outcome)

    def run() -> None:
        outcome: Then | BaseException
        try:
            outcome = work()
        except BaseException as exc:  # noqa: BLE001 (handed to the worker, which says it)
            outcome = exc
        try:
            loop.call_soon_threadsafe(settle, outcome)
        except RuntimeError:
            pass  # the app has gone and its loop with it: nobody is waiting for this

    threading.Thread(target=run, name=name, daemon=True).start()
    return await done


def run_off_thread(host: WorkerHost, work: Callable[[], Then], *, group: str) -> None:
    """``work()`` in a daemon thread, then what it returned on the app's thread (unless the app quit)."""

    async def wait_then() -> None:
        then = await in_daemon_thread(work, group)
        then()

    host.run_worker(wait_then(), group=group, exit_on_error=False)
