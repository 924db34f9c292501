"""The speed tricks that no user sees directly, checked by how they work (not part of the test suite,
whose tests hold to what a user notices; a refactor that keeps the screen the same may change these).

    .venv/bin/python bench/internals.py

* switching back to the Rituals tab redraws nothing when nothing changed (RitualsTab.draw not called);
* the garbage collector, off while the full screen starts, is on again after its first frame;
* a command runs with the collector on (it is off only while starting).

Each line says "kept" or "LOST"; the exit status is 1 when one is lost.
"""

from __future__ import annotations

import asyncio
import gc
import sys
import tempfile
from datetime import date
from pathlib import Path

from tui.record import replace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.app import MicroRomanceApp  # noqa: E402
from tui.cli import main  # noqa: E402
from tui.clock import ManualClock  # noqa: E402
from tui.storage import Store  # noqa: E402
from tui.tabs.rituals import RitualsTab  # noqa: E402

DAY = date(2026, 11, 25)


def _app(folder: Path) -> MicroRomanceApp:
    store = Store(folder)
    store.save_settings(replace(store.settings(), welcomed=True))
    store.add_ritual("Morning coffee together", created=date(2026, 1, 1))
    return MicroRomanceApp(store=store, clock=ManualClock(DAY))


async def switching_back_redraws_nothing(folder: Path) -> bool:
    drawn: list[int] = []
    real_draw = RitualsTab.draw
    RitualsTab.draw = lambda self, select=None: (drawn.append(1), real_draw(self, select))[1]  # type: ignore[method-assign]
    app = _app(folder)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            for _ in range(3):
                await pilot.press("1")
                await pilot.pause()
                drawn.clear()
                await pilot.press("2")
                await pilot.pause()
                if drawn:
                    return False
        return True
    finally:
        RitualsTab.draw = real_draw  # type: ignore[method-assign]
        app.store.close()


async def collector_on_after_first_frame(folder: Path) -> bool:
    app = _app(folder)
    gc.disable()  # as tui.cli.main leaves it for the full screen
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            return gc.isenabled()
    finally:
        gc.enable()
        app.store.close()


def commands_run_with_the_collector_on(folder: Path) -> bool:
    seen: list[bool] = []
    real_init = Store.__init__

    def init(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        real_init(self, *args, **kwargs)

    Store.__init__ = init  # type: ignore[method-assign]
    try:
        main(["--data-dir", str(folder), "--today", DAY.isoformat(), "status"])
    finally:
        Store.__init__ = real_init  # type: ignore[method-assign]
    return bool(seen) and all(seen) and gc.isenabled()


def run() -> int:
    lost = 0
    with tempfile.TemporaryDirectory() as tmp:
        checks = [
            ("switching back to Rituals redraws nothing", asyncio.run(switching_back_redraws_nothing(Path(tmp) / "a"))),
            ("the collector is on after the first frame", asyncio.run(collector_on_after_first_frame(Path(tmp) / "b"))),
            ("a command runs with the collector on", commands_run_with_the_collector_on(Path(tmp) / "c")),
        ]
    for name, kept in checks:
        print(f"{'kept' if kept else 'LOST'}  {name}")
        lost += not kept
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(run())
