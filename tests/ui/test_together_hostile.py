"""The full screen over a shared folder someone planted things in: it opens, answers keys while
the round runs in its worker, and the header says in one line that files were skipped; nothing
reads the folder on the screen's thread (rounds, Sync now, the Together screen)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from textual.widgets import TabbedContent

from tests.ui.pairing import paired


def plant(shared: Path, partner: str) -> None:
    folder = shared / "micro-romance" / partner
    (folder / "log-2026-12.sync-conflict-x.age").symlink_to("/dev/zero")
    os.mkfifo(folder / "log-2026-11.age")
    with open(folder / "log-2026-10.age", "wb") as handle:
        handle.truncate(2 * 1024**3)
    stranger = shared / "micro-romance" / ("e" * 20)
    stranger.mkdir()
    (stranger / "key.pub").write_bytes(b"[" * 100_000)


async def test_the_screen_answers_keys_during_a_round_over_a_hostile_folder(
    tmp_path: Path, data_dir: Path, make_app, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.sync.engine import Engine

    paired(tmp_path, data_dir, capsys)
    plant(tmp_path / "Shared", partner_of(data_dir))
    release, started = threading.Event(), threading.Event()
    real = Engine.round

    def held_round(self, outbox):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(30)  # a guard: the test releases it as soon as the key was handled
        return real(self, outbox)

    monkeypatch.setattr(Engine, "round", held_round)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        while not started.is_set():
            await pilot.pause()
        assert app.rounds.syncing and app.sub_title == "together: syncing…"
        await pilot.press("2")
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "rituals"
        assert app.rounds.syncing  # the key was handled before the round ended
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.sub_title == "together: in step, 4 file(s) skipped (micro-romance pair status)"


def partner_of(data_dir: Path) -> str:
    """The device id of the one device this data folder confirmed."""
    import json

    [partner] = json.loads((data_dir / "sync" / "pairing.json").read_text())["trusted"]
    return partner


async def test_nothing_reads_the_shared_folder_on_the_screens_thread(
    tmp_path: Path, data_dir: Path, make_app, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui import waiting
    from tui.sync import guard

    paired(tmp_path, data_dir, capsys)
    plant(tmp_path / "Shared", partner_of(data_dir))
    on_screen_thread: list[str] = []
    for name in ("read_file", "check_file", "check_dir", "list_dir"):
        real = getattr(guard, name)

        def watched(*args, _real=real, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            if threading.current_thread() is threading.main_thread():
                on_screen_thread.append(f"{_name}({args[0]})")
            return _real(*args, **kwargs)

        monkeypatch.setattr(guard, name, watched)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await waiting.settle(pilot)
        await app.workers.wait_for_complete()
        app.sync_now()  # a round by hand, as "Sync now" in the palette
        await app.workers.wait_for_complete()
        app.action_together()  # the Together screen lists the devices and the problems
        await waiting.settle(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert on_screen_thread == []
