"""Rounds between devices through one folder: what arrives, what never does, what survives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.sync.devices import Device, pair
from tui.sync.folder import FolderMissing


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "Shared"
    path.mkdir()
    return path


def couple(tmp_path: Path, shared: Path) -> tuple[Device, Device]:
    alex, sam = Device(tmp_path, "alex", shared, "Alex"), Device(tmp_path, "sam", shared, "Sam")
    pair(alex, sam)
    return alex, sam


def test_a_shared_note_reaches_the_partner_and_a_private_one_does_not(tmp_path: Path, shared: Path) -> None:
    alex, sam = couple(tmp_path, shared)
    alex.write("note", "n1", {"text": "thank you for the soup", "day": "2026-03-01"})
    alex.write("note", "n2", {"text": "a private worry"}, private=True)
    alex.sync()
    sam.sync()
    assert sam.entries == {("note", "n1"): {"text": "thank you for the soup", "day": "2026-03-01"}}
    for path in shared.rglob("*"):
        if path.is_file():
            assert b"soup" not in path.read_bytes() and b"worry" not in path.read_bytes()


def test_private_entries_reach_the_same_persons_other_device(tmp_path: Path, shared: Path) -> None:
    laptop, desktop = Device(tmp_path, "laptop", shared, "Alex"), Device(tmp_path, "desktop", shared, "Alex")
    sam = Device(tmp_path, "sam", shared, "Sam")
    pair(laptop, desktop, sam)
    laptop.write("note", "n2", {"text": "a private worry"}, private=True)
    laptop.sync()
    desktop.sync()
    sam.sync()
    assert desktop.entries == {("note", "n2"): {"text": "a private worry"}}
    assert sam.entries == {}
    assert sam.engine.replica.export() == desktop.engine.replica.export() == laptop.engine.replica.export()


def test_both_write_and_both_end_the_same(tmp_path: Path, shared: Path) -> None:
    # Sam's edit is the later one by a second, so it wins whatever the machine's speed (within one
    # millisecond the device ids would decide, as they do on every machine alike).
    alex = Device(tmp_path, "alex", shared, "Alex", now=lambda: 1_700_000_000_000)
    sam = Device(tmp_path, "sam", shared, "Sam", now=lambda: 1_700_000_001_000)
    pair(alex, sam)
    alex.write("ritual", "r1", {"name": "Morning coffee", "position": 0})
    sam.write("ritual", "r1", {"position": 3})
    sam.write("tick", "r1:2026-03-01", {"ritual": "r1", "day": "2026-03-01"})
    for device in (alex, sam, alex, sam):
        device.sync()
    assert alex.entries == sam.entries
    assert alex.entries[("ritual", "r1")] == {"name": "Morning coffee", "position": 3}
    assert alex.engine.replica.export() == sam.engine.replica.export()


def test_a_round_with_nothing_new_brings_nothing(tmp_path: Path, shared: Path) -> None:
    alex, sam = couple(tmp_path, shared)
    alex.write("note", "n1", {"text": "hi"})
    alex.sync()
    assert sam.sync().incoming
    again = sam.sync()
    assert again.incoming == [] and again.skipped == [] and again.written == {}


def test_a_round_not_committed_is_delivered_again(tmp_path: Path, shared: Path) -> None:
    alex, sam = couple(tmp_path, shared)
    alex.write("note", "n1", {"text": "hi"})
    alex.sync()
    first = sam.engine.round([])
    assert [c.entry_id for c in first.incoming] == ["n1"]
    # The process dies here, before commit: a new engine on the same folders.
    sam.trust(alex)
    second = sam.engine.round([])
    assert [c.entry_id for c in second.incoming] == ["n1"]
    sam.engine.commit(second)
    assert sam.engine.round([]).incoming == []


def test_an_outbox_sent_twice_is_written_once(tmp_path: Path, shared: Path) -> None:
    alex, sam = couple(tmp_path, shared)
    change = alex.write("note", "n1", {"text": "hi"})
    alex.engine.round([change])  # killed before commit and before the outbox was dropped
    alex.trust(sam)
    alex.sync()
    mirror = (alex.state_dir / "mine").glob("log-*.jsonl")
    assert sum(p.read_bytes().count(b'"n1"') for p in mirror) == 1
    sam.sync()
    assert sam.entries == {("note", "n1"): {"text": "hi"}}


def test_a_cut_short_file_is_skipped_then_read_when_whole(tmp_path: Path, shared: Path) -> None:
    alex, sam = couple(tmp_path, shared)
    alex.write("note", "n1", {"text": "hi"})
    alex.sync()
    [log] = alex.folder.logs(alex.me.device)
    whole = log.path.read_bytes()
    log.path.write_bytes(whole[: len(whole) // 2])
    half = sam.sync()
    assert half.incoming == [] and sam.entries == {}
    assert len(half.skipped) == 1 and "skipped" in half.skipped[0].message
    assert log.path.name in half.skipped[0].path
    log.path.write_bytes(whole)
    assert [c.entry_id for c in sam.sync().incoming] == ["n1"]


def test_a_conflict_copy_is_read_like_a_log(tmp_path: Path, shared: Path) -> None:
    alex, sam = couple(tmp_path, shared)
    alex.write("note", "n1", {"text": "one"})
    alex.sync()
    [log] = alex.folder.logs(alex.me.device)
    old = log.path.read_bytes()
    alex.write("note", "n2", {"text": "two"})
    alex.sync()
    conflict = log.path.with_name(log.path.stem + ".sync-conflict-20260301-101010-ABCDEFG.age")
    conflict.write_bytes(old)
    log.path.unlink()  # the sync tool kept only the copy for now
    sam.sync()
    assert set(sam.entries) == {("note", "n1")}
    alex.sync()  # the author notices its file is gone and writes it again
    sam.sync()
    assert set(sam.entries) == {("note", "n1"), ("note", "n2")}


def test_a_key_nobody_confirmed_is_never_read(tmp_path: Path, shared: Path) -> None:
    alex, sam = couple(tmp_path, shared)
    stranger = Device(tmp_path, "stranger", shared, "Sam")
    stranger.trust(alex)  # the stranger trusts Alex, but Alex never confirmed the stranger
    stranger.write("note", "evil", {"text": "injected"})
    stranger.sync()
    # The stranger also writes a file into Sam's folder, encrypted to Alex.
    [forged] = stranger.folder.logs(stranger.me.device)
    target = sam.folder.device_dir(sam.me.device) / forged.path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(forged.path, target)
    result = alex.sync()
    assert alex.entries == {}
    assert any("sender check" in p.message or "says it is" in p.message for p in result.skipped)


def test_a_vanished_folder_fails_the_round_and_loses_nothing(tmp_path: Path, shared: Path) -> None:
    alex, sam = couple(tmp_path, shared)
    alex.write("note", "n1", {"text": "hi"})
    moved = shared.with_name("unmounted")
    shared.rename(moved)
    with pytest.raises(FolderMissing):
        alex.sync()
    assert [c.entry_id for c in alex.outbox] == ["n1"]
    moved.rename(shared)
    alex.sync()
    sam.sync()
    assert sam.entries == {("note", "n1"): {"text": "hi"}}


def test_a_device_confirmed_later_reads_the_earlier_months(tmp_path: Path, shared: Path) -> None:
    alex = Device(tmp_path, "alex", shared, "Alex")
    alex.write("note", "n1", {"text": "before you came"})
    alex.sync()
    sam = Device(tmp_path, "sam", shared, "Sam")
    pair(alex, sam)
    alex.sync()
    sam.sync()
    assert sam.entries == {("note", "n1"): {"text": "before you came"}}


def test_a_damaged_state_file_is_rebuilt_from_the_logs(tmp_path: Path, shared: Path) -> None:
    alex, sam = couple(tmp_path, shared)
    alex.write("note", "n1", {"text": "hi"})
    alex.sync()
    sam.write("note", "n2", {"text": "mine"})
    sam.sync()
    (sam.state_dir / "replica.json").write_bytes(b'{"format": 2, "se')
    sam.trust(alex)  # a new process
    sam.write("note", "n3", {"text": "after the damage"})
    result = sam.sync()
    assert result.skipped == []
    assert [c.entry_id for c in result.incoming] == ["n1"]  # delivered again, in this same round
    assert {c.entry_id for c in sam.engine.replica.entries()} == {"n1", "n2", "n3"}
    alex.sync()
    assert alex.engine.replica.export() == sam.engine.replica.export()
