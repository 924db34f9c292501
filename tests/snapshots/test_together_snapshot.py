"""Pictures of the Together screen: not paired at 80x24, and a missing folder refused at 60x20."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from tests.snapshots.snapshot_app import snapshot_app
from tests.ui import waiting


@pytest.fixture(autouse=True)
def fixed_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """The home folder the pictures show, whatever the machine's is (the login name is never shown)."""
    monkeypatch.setattr(getpass, "getuser", lambda: "sam")
    monkeypatch.setenv("HOME", "/nonexistent/home/sam")


async def _open(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.action_together()
    await waiting.settle(pilot)


def test_together_not_paired(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    try:
        assert snap_compare(app, run_before=_open, terminal_size=(80, 24))
    finally:
        app.store.close()


def test_together_missing_folder_narrow(snap_compare, tmp_path: Path) -> None:
    async def refused(pilot) -> None:  # type: ignore[no-untyped-def]
        await _open(pilot)
        await pilot.press(*"~/Sync/us", "enter", *"Sam", "enter", "enter")
        await waiting.settle(pilot)

    app = snapshot_app(tmp_path)
    try:
        assert snap_compare(app, run_before=refused, terminal_size=(60, 20))
    finally:
        app.store.close()
