"""One round of Together at a time per data folder: the full screen's, a shell write's detached
round and an explicit sync share one lock (tui/sync/locks.py); a detached round's merge waits a
moment for a command that holds the writers' lock."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from tests.ui.pairing import cli, paired
from tests.ui.test_together_rounds import settle
from tui.clock import DayClock
from tui.sync import locks


def the_minute() -> datetime:
    return DayClock().now().replace(tzinfo=None, second=0, microsecond=0)


def last_round(said: str, since: datetime) -> str:
    """What ``pair status`` says of the last round after a write, once its time is checked to be
    when it ran by the real clock (after ``since``, up to now), whatever day ``--today`` named."""
    found = re.search(r"Last round after a write \((\d{4}-\d\d-\d\d \d\d:\d\d)\): (.*)", said)
    assert found, said
    assert since <= datetime.strptime(found[1], "%Y-%m-%d %H:%M") <= the_minute()
    return found[2]


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


def test_a_rounds_merge_waits_for_a_command_that_holds_the_data_a_moment(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A round a write left running meets another command writing (the writers' lock held): it
    tries again, and once that command is done its merge lands, stamped by the one clock."""
    import threading

    import tui.storage
    from tui.errors import StoreLockedError
    from tui.storage import Store

    alex = paired(tmp_path, data_dir, capsys)
    cli(alex, "gratitude", "--share", "thank you for the warm soup")  # its round leaves it in the folder
    refused = threading.Event()
    real_open = tui.storage.open_store

    def open_store(*args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return real_open(*args, **kwargs)
        except StoreLockedError:
            refused.set()
            raise

    monkeypatch.setattr(tui.storage, "open_store", open_store)
    command = Store(data_dir)  # another command, in the middle of its write

    def command_ends() -> None:
        refused.wait(10)
        command.close()

    ending = threading.Thread(target=command_ends)
    ending.start()
    since = the_minute()
    try:
        cli(data_dir, "background-round")
    finally:
        ending.join()
    assert refused.is_set()  # the merge did meet the command
    with Store(data_dir, readonly=True) as store:
        assert [n.text for n in store.notes()] == ["thank you for the warm soup"]
    capsys.readouterr()
    cli(data_dir, "pair", "status")
    assert last_round(capsys.readouterr().out, since) == "synced: 1 entry received, 0 changes sent"


def test_a_rounds_merge_is_left_to_the_full_screen_that_holds_the_data(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import background
    from tui.storage import Store

    alex = paired(tmp_path, data_dir, capsys)
    cli(alex, "gratitude", "--share", "thank you for the warm soup")
    monkeypatch.setattr(background, "LOCK_WAIT_S", 0.0)  # past the wait: the holder stays
    since = the_minute()
    with Store(data_dir) as store:  # the full screen, open all along
        cli(data_dir, "background-round")
        assert store.notes() == []
    capsys.readouterr()
    cli(data_dir, "pair", "status")
    assert last_round(capsys.readouterr().out, since).startswith(
        "not merged yet: this data was in use (the full screen syncs on its own; "
    )
