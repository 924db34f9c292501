"""Pictures of every screen at 80x24 with fixed data (accept changes with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.snapshots.snapshot_app import snapshot_app

SIZE = (80, 24)


@pytest.mark.parametrize("key", ["1", "2", "3", "4"], ids=["today", "rituals", "gratitude", "prompts"])
def test_tab(snap_compare, tmp_path: Path, key: str) -> None:
    assert snap_compare(snapshot_app(tmp_path), press=[key], terminal_size=SIZE)


def test_help(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(snapshot_app(tmp_path), press=["question_mark"], terminal_size=SIZE)
