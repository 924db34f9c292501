"""The Host is the door to Together: a tab's redraw reads no file of Together's; a pairing step reads them again."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from tests.ui.test_rituals import open_tab, seed
from tui.tabs.rituals import RitualsTab
from tui.tabs.today import TodayTab
from tui.together import state


async def test_redrawing_the_rituals_tab_reads_no_file_of_together(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    seed(app.store, "Walk")
    reads: list[str] = []
    real = state._read
    monkeypatch.setattr(state, "_read", lambda path: reads.append(path.name) or real(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        tab = app.query_one(RitualsTab)
        reads.clear()
        for _ in range(3):
            tab.redraw()
            app.query_one(TodayTab).redraw()  # the day's pick leans on the partner's ranking (tui.daily)
        assert reads == []
        sync = app.store.sync_dir
        sync.mkdir(mode=0o700, exist_ok=True)
        (sync / state.PAIRING_FILE).write_text(json.dumps({"folder": "/elsewhere"}))
        app.together_changed()  # a pairing step: what the tabs show follows it
        tab.redraw()
        assert state.PAIRING_FILE in reads and app.together.paired


async def test_the_together_screen_takes_its_steps_through_the_host_and_off_the_app_thread(
    tmp_path: Path, data_dir: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui import waiting
    from tests.ui.screen_text import screen_text
    from tui.sync import pairing
    from tui.together.steps import PairingSteps

    taken: list[tuple[str, bool]] = []  # (step, on the app's thread)
    for step in ("read", "begin", "leave"):
        real = getattr(PairingSteps, step)

        def through(self, *args, _step=step, _real=real, **kwargs):  # type: ignore[no-untyped-def]
            taken.append((_step, threading.current_thread() is threading.main_thread()))
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(PairingSteps, step, through)
    (tmp_path / "Shared").mkdir()
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_together()
        await waiting.settle(pilot)
        await pilot.press(*"Shared", "enter", *"Sam", "enter", "enter")  # Start
        await waiting.settle(pilot, lambda: "Your public keys are in the folder." in screen_text(app))
        assert pairing.status(data_dir / "sync").paired
        await pilot.click("#together-leave")
        await waiting.settle(pilot)
        await pilot.press("y")
        await waiting.settle(pilot, lambda: not pairing.status(data_dir / "sync").paired)
    steps = [step for step, _ in taken]
    assert {"read", "begin", "leave"} <= set(steps), steps
    assert not [step for step, on_app_thread in taken if on_app_thread], taken
