"""Shared fixtures: a fresh data folder, a fixed clock, and the app on top of them."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tui.clock import ManualClock
from tui.storage import Store


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two workers a core for ``-n auto`` (at least four): about half of a test's time is spent waiting
    on fsync, a child process or a pty rather than on the CPU, so a worker a core leaves the cores idle
    (on two cores: 201 s with two workers, 120 s with four, the same CPU time)."""
    return min(16, max(4, 2 * (os.cpu_count() or 1)))


DAY = date(2026, 11, 25)
"""The fixed "today" of the tests (a Wednesday)."""


@pytest.fixture(autouse=True)
def own_config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config folder of the test's own, so a config.toml of the machine never applies."""
    folder = tmp_path / "config-home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(DAY)


@pytest.fixture
def store(data_dir: Path):
    s = Store(data_dir)
    yield s
    s.close()


@pytest.fixture
def make_app(data_dir: Path, clock: ManualClock) -> Callable[..., object]:
    """Build the app on the test data folder; stores are closed at teardown."""
    from tui.app import MicroRomanceApp

    opened: list[Store] = []

    def factory(*, welcomed: bool = True, today: date | None = None) -> MicroRomanceApp:
        store = Store(data_dir)
        opened.append(store)
        if welcomed and not store.settings().welcomed:
            from tui.record import replace

            store.save_settings(replace(store.settings(), welcomed=True))
        if today is not None:
            clock.set(today)
        return MicroRomanceApp(store=store, clock=clock)

    yield factory
    for s in opened:
        s.close()
