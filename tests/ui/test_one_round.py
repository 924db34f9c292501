"""One round of Together at a time per data folder: the full screen's, a shell write's detached
round and an explicit sync share one lock (tui/sync/locks.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.pairing import cli, paired
from tests.ui.test_together_rounds import settle
from tui.sync import locks


async def test_the_full_screen_waits_while_a_shells_round_runs(
    tmp_path: Path, data_dir: Path, make_app, capsys: pytest.CaptureFixture[str]
) -> None:
    paired(tmp_path, data_dir, capsys)
    held = locks.try_hold(data_dir / "sync")  # a round started by a write from the shell
    assert not isinstance(held, bool)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.sub_title == "together: a round from the shell is under way"
        assert locks.try_hold(data_dir / "sync") is False  # still the shell's
        locks.release(held)
        assert app.rounds.sync_now()
        await settle(app, pilot)
        assert app.sub_title == "together: in step"
        again = locks.try_hold(data_dir / "sync")  # the full screen let it go after its round
        assert not isinstance(again, bool)
        locks.release(again)


def test_sync_takes_the_round_lock_before_it_opens_the_data(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A script that writes and then syncs gets a full round: sync waits (LOCK_EX, blocking) for a
    running round before it takes the writers' lock."""
    import fcntl

    import tui.storage.store

    paired(tmp_path, data_dir, capsys)
    order: list[str] = []
    real_flock, real_store = fcntl.flock, tui.storage.store.Store.__init__

    def flock(fd: int, operation: int) -> None:
        order.append("round lock, waiting" if operation == fcntl.LOCK_EX else f"round lock {operation}")
        real_flock(fd, operation)

    def store(self, data_dir: Path, **kwargs) -> None:  # type: ignore[no-untyped-def]
        order.append("store read-only" if kwargs.get("readonly") else "store")
        real_store(self, data_dir, **kwargs)

    monkeypatch.setattr(fcntl, "flock", flock)
    monkeypatch.setattr(tui.storage.store.Store, "__init__", store)
    cli(data_dir, "sync")
    assert order[:2] == ["round lock, waiting", "store"]
