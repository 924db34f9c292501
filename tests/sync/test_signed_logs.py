"""Signed logs in rounds: an older copy of a partner's file put back is a rollback, reported and
skipped, while a sync tool's older conflict copy is passed over quietly."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.sync.devices import Device, pair


def test_an_older_copy_put_back_is_a_rollback_and_a_conflict_copy_is_quiet(tmp_path: Path) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    alex, sam = Device(tmp_path, "alex", shared, "Alex"), Device(tmp_path, "sam", shared, "Sam")
    pair(alex, sam)
    alex.write("note", "n1", {"text": "first"})
    alex.sync()
    [log] = [p for p in alex.folder.device_dir(alex.me.device).iterdir() if p.name.startswith("log-")]
    older = tmp_path / "older.age"
    shutil.copy(log, older)
    alex.write("note", "n2", {"text": "second"})
    alex.sync()
    shutil.copy(older, log.with_name(log.stem + ".sync-conflict-20260301-120000-ABCDEFG.age"))
    result = sam.sync()
    assert set(sam.entries) == {("note", "n1"), ("note", "n2")}
    assert result.skipped == []  # the conflict copy is older: nothing in it, nothing to say

    shutil.copy(older, log)  # someone puts the older file back in place of the newer
    result = sam.sync()
    [problem] = [p for p in result.skipped if p.path.endswith(log.name)]
    assert "older copy than one already read" in problem.message and "rollback" in problem.message
    assert set(sam.entries) == {("note", "n1"), ("note", "n2")}  # nothing taken back
