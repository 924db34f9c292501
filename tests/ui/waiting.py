"""Waiting on what a test waits for (the app's workers, its messages, a state it reaches), never on the clock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ROUNDS = 200
"""How many turns of the app's loop a wait may take before the test says what it waited for."""


async def settle(
    pilot: Any, until: Callable[[], bool] | None = None, *, workers: bool = True, rounds: int = ROUNDS
) -> None:
    """Let the app finish what it started: every worker done and every message handled, three times over
    (a worker's result may start another); with ``until``, as long as it takes ``until()`` to be true
    (``workers=False``: without waiting for a worker held on purpose)."""
    app = pilot.app
    quiet = 0
    for _ in range(rounds):
        if workers:
            await app.workers.wait_for_complete()
        await pilot.pause()
        if until is not None:
            if until():
                return
            continue
        quiet = 0 if any(not worker.is_finished for worker in app.workers) else quiet + 1
        if quiet >= 3:
            return
    if until is not None:
        raise AssertionError(f"the app never reached {until}")
