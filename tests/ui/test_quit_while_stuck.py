"""Quitting the full screen never waits for a Together reading stuck on a drive or a lock.

The app is run as the program runs it (``app.run``, whose end waits for the threads of the default
executor), in a thread of the test, while the test holds the pairing lock as another process would."""

from __future__ import annotations

import asyncio
import fcntl
import os
import threading
from pathlib import Path

import pytest

from tests.sync.pairs import pair_up
from tui.screens.together import TogetherScreen
from tui.sync import locks


def test_quitting_does_not_wait_for_a_reading_stuck_on_the_pairing_lock(
    tmp_path: Path, data_dir: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    pair_up(data_dir / "sync", tmp_path / "alex" / "sync", shared, ("Sam", "Alex"))
    app = make_app()
    waiting_for_the_lock = threading.Event()
    real_hold = locks._hold

    def hold(state_dir: Path, name: str, *, wait: bool) -> int | bool:
        if name == locks.PAIRING_LOCK and wait:
            waiting_for_the_lock.set()
        return real_hold(state_dir, name, wait=wait)

    monkeypatch.setattr(locks, "_hold", hold)
    opened: list[bool] = []

    async def open_together_then_quit(pilot) -> None:  # type: ignore[no-untyped-def]
        app.action_together()
        await pilot.pause()
        opened.append(isinstance(app.screen, TogetherScreen))
        assert await asyncio.to_thread(waiting_for_the_lock.wait, 30)  # its reading is stuck
        app.exit()

    ended = threading.Event()

    def run() -> None:
        try:
            app.run(headless=True, size=(100, 30), auto_pilot=open_together_then_quit)
        finally:
            ended.set()

    before = set(threading.enumerate())
    holder = os.open(data_dir / "sync" / locks.PAIRING_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(holder, fcntl.LOCK_EX)  # another process in the middle of a pairing step
    runner = threading.Thread(target=run, daemon=True)
    try:
        runner.start()
        quit_in_time = ended.wait(30)
        stuck = [t for t in threading.enumerate() if t not in before and t is not runner and t.is_alive()]
    finally:
        os.close(holder)
        runner.join()
    assert quit_in_time, "quitting waited for the pairing lock"
    assert opened == [True]
    assert stuck and all(t.daemon for t in stuck)  # the reading was still waiting when the app had gone
    for thread in stuck:  # let go, it ends on its own, handing its result to nobody
        thread.join(30)
        assert not thread.is_alive()
