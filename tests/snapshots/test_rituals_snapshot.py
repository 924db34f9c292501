"""Pictures of the Rituals tab at 80x24: four rituals and five weeks of ticks, today 2026-11-25."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.snapshots.snapshot_app import DAY
from tui.app import MicroRomanceApp
from tui.clock import ManualClock
from tui.record import replace
from tui.storage import Store

SIZE = (80, 24)
START = DAY - timedelta(weeks=5)
"""Wednesday 21 October 2026: when the four rituals were added."""


def fill(store: Store) -> None:
    """Four rituals (one on Mon/Wed/Fri) and a fixed pattern of ticks."""
    coffee = store.add_ritual("Morning coffee together", created=START)
    check_in = store.add_ritual("Check in about the day", created=START)
    walk = store.add_ritual("Walk after dinner", weekdays=(0, 2, 4), created=START)
    goodnight = store.add_ritual("Goodnight closeness", created=START)
    with store.batch():
        for offset in range((DAY - START).days):
            day = START + timedelta(days=offset)
            if offset % 3:
                store.set_tick(coffee.id, day, True)
            if offset % 5 != 1:
                store.set_tick(check_in.id, day, True)
            if walk.scheduled_on(day) and offset % 4:
                store.set_tick(walk.id, day, True)
            if offset > 14 and offset % 7 != 3:
                store.set_tick(goodnight.id, day, True)
        store.set_tick(coffee.id, DAY, True)


@pytest.fixture
def rituals_app(tmp_path: Path):
    store = Store(tmp_path / "data", backups=False)
    store.save_settings(replace(store.settings(), welcomed=True))
    fill(store)
    yield MicroRomanceApp(store=store, clock=ManualClock(DAY))
    store.close()


@pytest.fixture
def empty_app(tmp_path: Path):
    store = Store(tmp_path / "data", backups=False)
    store.save_settings(replace(store.settings(), welcomed=True))
    yield MicroRomanceApp(store=store, clock=ManualClock(DAY))
    store.close()


async def show_rituals(pilot) -> None:
    """Let the app settle, then show the tab as key 2 does."""
    await pilot.pause()
    pilot.app.action_show_tab("rituals")
    await pilot.pause()


def test_rituals_today(snap_compare, rituals_app: MicroRomanceApp) -> None:
    assert snap_compare(rituals_app, run_before=show_rituals, press=["down"], terminal_size=SIZE)


def test_rituals_yesterday(snap_compare, rituals_app: MicroRomanceApp) -> None:
    assert snap_compare(
        rituals_app, run_before=show_rituals, press=["left_square_bracket", "space"], terminal_size=SIZE
    )


def test_rituals_picker(snap_compare, empty_app: MicroRomanceApp) -> None:
    assert snap_compare(empty_app, run_before=show_rituals, press=["p", "down"], terminal_size=SIZE)
