"""Rounds over a shared folder someone else wrote into: each thing planted there is one problem
for one file, and the rest of the round goes on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.sync.devices import Device, pair
from tui.sync import reading as reading_module
from tui.sync.crypto import seal
from tui.sync.folder import UnsafeFolder
from tui.sync.hlc import AHEAD_MS, Stamp


@pytest.fixture
def couple(tmp_path: Path) -> tuple[Device, Device]:
    shared = tmp_path / "Shared"
    shared.mkdir()
    alex, sam = Device(tmp_path, "alex", shared, "Alex"), Device(tmp_path, "sam", shared, "Sam")
    pair(alex, sam)
    return alex, sam


def plant(alex: Device, name: str) -> Path:
    return alex.folder.device_dir(alex.me.device) / name


def test_links_pipes_and_a_sparse_giant_beside_a_good_log_cost_one_line_each(couple) -> None:
    alex, sam = couple
    alex.write("note", "n1", {"text": "thank you for the soup"})
    alex.sync()
    plant(alex, "log-2026-12.sync-conflict-x.age").symlink_to("/dev/zero")
    os.mkfifo(plant(alex, "log-2026-11.age"))
    with open(plant(alex, "log-2026-10.age"), "wb") as handle:
        handle.truncate(2 * 1024**3)
    plant(alex, "log-2026-09.sync-conflict-y.age").write_bytes(b"x")
    result = sam.sync()
    assert sam.entries == {("note", "n1"): {"text": "thank you for the soup"}}
    said = {Path(p.path).name: p.message for p in result.skipped}
    assert "link" in said["log-2026-12.sync-conflict-x.age"]
    assert "pipe" in said["log-2026-11.age"]
    assert "over the limit" in said["log-2026-10.age"]
    assert "too short" in said["log-2026-09.sync-conflict-y.age"]
    assert all("\n" not in p.message for p in result.skipped)


def sealed(author: Device, reader: Device, name: str, lines: list[bytes]) -> bytes:
    recipients = {reader.me.device: reader.me.public, author.me.device: author.me.public}
    return seal(b"\n".join(lines) + b"\n", name=name, author=author.me, recipients=recipients)


@pytest.mark.parametrize(
    "bad",
    [b"[" * 50_000 + b"]" * 50_000, b'{"a": 1e400}', b'{"kind": 5}', b"\xff\xfe"],
    ids=["deep", "1e400", "not a change", "not utf-8"],
)
def test_one_bad_change_in_a_partners_log_leaves_the_others(couple, bad: bytes) -> None:
    alex, sam = couple
    good = alex.write("note", "n1", {"text": "still here"})
    alex.outbox.clear()
    month = f"log-{_month(good)}"
    plant(alex, f"{month}.age").parent.mkdir(parents=True, exist_ok=True)
    plant(alex, f"{month}.age").write_bytes(sealed(alex, sam, month, [bad, good.encode()]))
    result = sam.sync()
    assert sam.entries == {("note", "n1"): {"text": "still here"}}
    [problem] = result.skipped
    assert problem.message.startswith("line 1: ") and problem.message.endswith("; skipped")


def _month(change) -> str:
    from tui.sync.engine import month_of

    return month_of(change)


def test_a_change_stamped_far_ahead_is_refused_and_does_not_drag_the_clock(couple) -> None:
    alex, sam = couple
    good = alex.write("note", "n1", {"text": "today"})
    far = alex.write("note", "n2", {"text": "from 2286"})
    alex.outbox.clear()
    future = Stamp(sam.clock.now() + AHEAD_MS + 60_000, 0, alex.me.device)
    far = type(far)(far.kind, far.entry_id, far.doc, future, far.author)
    month = f"log-{_month(good)}"
    plant(alex, f"{month}.age").parent.mkdir(parents=True, exist_ok=True)
    plant(alex, f"{month}.age").write_bytes(sealed(alex, sam, month, [good.encode(), far.encode()]))
    result = sam.sync()
    assert sam.entries == {("note", "n1"): {"text": "today"}}
    [problem] = result.skipped
    assert "more than a day ahead of this device's clock; skipped" in problem.message
    assert sam.clock.tick().wall <= sam.clock.now() + 1000


def test_a_change_with_a_counter_past_the_bound_is_refused_and_this_devices_stamps_still_read(couple) -> None:
    alex, sam = couple
    good = alex.write("note", "n1", {"text": "today"})
    huge = alex.write("note", "n2", {"text": "counted too far"})
    alex.outbox.clear()
    stamp = Stamp(sam.clock.now() + AHEAD_MS - 60_000, 10**12 - 1, alex.me.device)
    huge = type(huge)(huge.kind, huge.entry_id, huge.doc, stamp, huge.author)
    month = f"log-{_month(good)}"
    plant(alex, f"{month}.age").parent.mkdir(parents=True, exist_ok=True)
    plant(alex, f"{month}.age").write_bytes(sealed(alex, sam, month, [good.encode(), huge.encode()]))
    result = sam.sync()
    assert sam.entries == {("note", "n1"): {"text": "today"}}
    [problem] = result.skipped
    assert problem.message == "a change stamped with a counter of 999,999,999,999, past what a clock reaches; skipped"
    mine = sam.clock.tick()
    assert Stamp.parse(mine.text) == mine and mine.counter < 10


def test_a_file_that_failed_is_not_read_again_until_it_changes(couple, monkeypatch) -> None:
    alex, sam = couple
    alex.write("note", "n1", {"text": "hi"})
    alex.sync()
    [log] = alex.folder.logs(alex.me.device)
    whole = log.path.read_bytes()
    log.path.write_bytes(whole[: len(whole) // 2])
    opened = []
    real = reading_module.open_sealed
    monkeypatch.setattr(reading_module, "open_sealed", lambda data, **kw: opened.append(1) or real(data, **kw))
    first, second = sam.sync(), sam.sync()
    assert len(opened) == 1
    assert [p.message for p in first.skipped] == [p.message for p in second.skipped]
    assert "until it changes" in first.skipped[0].message
    sam.trust(alex)  # a new process (the next command): it does not read the file again either
    reading_module.forget()
    assert [p.message for p in sam.sync().skipped] == [p.message for p in first.skipped] and len(opened) == 1
    log.path.write_bytes(whole)
    assert [c.entry_id for c in sam.sync().incoming] == ["n1"] and len(opened) == 2


def test_a_round_reads_its_share_of_bytes_and_the_rest_waits_for_the_next(couple, monkeypatch) -> None:
    alex, sam = couple
    alex.write("note", "n1", {"text": "hi"})
    alex.sync()
    [log] = alex.folder.logs(alex.me.device)
    for i in range(3):  # junk a little larger than the real log, as conflict copies
        log.path.with_name(f"{log.path.stem}.sync-conflict-{i}.age").write_bytes(b"j" * (log.path.stat().st_size + 1))
    monkeypatch.setattr(reading_module, "READ_BUDGET", 2 * log.path.stat().st_size + 10)
    first = sam.sync()
    assert [c.entry_id for c in first.incoming] == ["n1"]  # the log itself comes first
    assert (
        first.skipped[-1].message == "2 more files wait for the next round (this round read as much as one round reads)"
    )
    assert len(first.skipped) == 2  # the one junk copy read, and the two that wait
    second = sam.sync()  # the log and the first copy are known: the two others are read now
    assert len(second.skipped) == 3 and all("skipped until it changes" in p.message for p in second.skipped)


def test_this_device_never_writes_through_a_link_put_in_place_of_its_folder(couple, tmp_path: Path) -> None:
    alex, sam = couple
    alex.sync()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    own = alex.folder.device_dir(alex.me.device)
    for path in own.iterdir():
        path.unlink()
    own.rmdir()
    own.symlink_to(elsewhere)
    alex.write("note", "n1", {"text": "hi"})
    with pytest.raises(UnsafeFolder, match="is a link"):
        alex.sync()
    assert list(elsewhere.iterdir()) == []
    assert [c.entry_id for c in alex.outbox] == ["n1"]  # kept for the next round


def test_a_partners_folder_that_is_a_link_is_not_followed(couple, tmp_path: Path) -> None:
    alex, sam = couple
    alex.write("note", "n1", {"text": "hi"})
    alex.sync()
    own = alex.folder.device_dir(alex.me.device)
    moved = own.rename(tmp_path / "moved")
    own.symlink_to(moved)
    result = sam.sync()
    assert sam.entries == {}
    assert any("link" in p.message for p in result.skipped)


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000,
        b'{"key": ' + b"[" * 3_000,
        b'{"key": 5, "name": "Eve"}',
        '{"key": "age1ѕ", "name": "Eve"}'.encode(),
        b"\x00" * 10,
    ],
    ids=["deep and big", "deep", "key a number", "look-alike letter", "bytes"],
)
def test_a_bad_key_file_from_anyone_is_one_problem(couple, content: bytes) -> None:
    alex, sam = couple
    stranger = sam.folder.base / ("e" * 20)
    stranger.mkdir(parents=True)
    (stranger / "key.pub").write_bytes(content)
    result = sam.sync()
    assert [p.path for p in result.keys] == [f"micro-romance/{'e' * 20}/key.pub"]
    assert result.waiting == 0


def test_sync_prints_a_few_problems_and_status_json_has_them_all(tmp_path: Path, capsys) -> None:
    from tui.cli import main

    shared, data = tmp_path / "Shared", tmp_path / "alex"
    shared.mkdir()
    assert main(["--data-dir", str(data), "pair", "start", str(shared), "--name", "Alex"]) == 0
    for i in range(12):
        folder = shared / "micro-romance" / f"{i:020x}"
        folder.mkdir()
        (folder / "key.pub").write_bytes(b"[" * 10_000)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "sync"]) == 0
    skipped = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Skipped: ")]
    assert len(skipped) == 6 and skipped[-1] == "Skipped: and 7 more (micro-romance pair status --json lists them all)"
    assert main(["--data-dir", str(data), "pair", "status", "--json"]) == 0
    import json

    assert len(json.loads(capsys.readouterr().out)["problems"]) == 12


def test_a_clock_pushed_past_what_a_stamp_can_say_starts_again_from_the_time(tmp_path: Path) -> None:
    from tui.sync.files import write_json
    from tui.sync.hlc import Clock

    path = tmp_path / "clock.json"
    write_json(path, {"wall": 10_000_000_000_000_000, "counter": 0})  # 2286 and beyond: 14+ digits
    clock = Clock("a" * 20, path, now=lambda: 1_780_000_000_000)
    stamp = clock.tick()
    assert stamp.wall == 1_780_000_000_000 and Stamp.parse(stamp.text) == stamp


def test_a_confirmed_partner_cannot_write_a_change_in_another_devices_name(couple) -> None:
    alex, sam = couple
    good = alex.write("note", "n1", {"text": "mine to say"})
    alex.outbox.clear()
    forged = type(good)("note", "n2", {"text": "said for Sam"}, Stamp(good.stamp.wall, 0, sam.me.device), sam.me.device)
    month = f"log-{_month(good)}"
    plant(alex, f"{month}.age").parent.mkdir(parents=True, exist_ok=True)
    plant(alex, f"{month}.age").write_bytes(sealed(alex, sam, month, [good.encode(), forged.encode()]))
    result = sam.sync()
    assert sam.entries == {("note", "n1"): {"text": "mine to say"}}
    assert [p.message for p in result.skipped] == ["a change by another device; skipped"]


def test_a_folder_swapped_for_a_link_while_this_device_writes_is_not_written_through(
    couple, tmp_path: Path, monkeypatch
) -> None:
    import tui.sync.folder as folder_module

    alex, sam = couple
    alex.sync()
    own = alex.folder.device_dir(alex.me.device)
    elsewhere, moved = tmp_path / "elsewhere", tmp_path / "moved"
    elsewhere.mkdir()
    real = folder_module.atomic_write_in

    def swapped_then_written(fd: int, name: str, data: bytes) -> None:
        if not own.is_symlink():  # the folder is swapped for a link after it was opened
            own.rename(moved)
            own.symlink_to(elsewhere)
        real(fd, name, data)

    monkeypatch.setattr(folder_module, "atomic_write_in", swapped_then_written)
    alex.write("note", "n1", {"text": "hi"})
    alex.sync()
    assert list(elsewhere.iterdir()) == []
    assert any(p.name.startswith("log-") for p in moved.iterdir())


def test_a_folder_planted_where_this_device_keeps_its_log_is_said_in_one_line(couple) -> None:
    alex, sam = couple
    change = alex.write("note", "n1", {"text": "hi"})
    (plant(alex, f"log-{_month(change)}.age") / "inside").mkdir(parents=True)
    with pytest.raises(UnsafeFolder, match=r"log-\d{4}-\d\d\.age in the shared folder is a folder, not a file"):
        alex.sync()
    assert [c.entry_id for c in alex.outbox] == ["n1"]  # kept for the round after it is deleted


def test_a_folder_of_more_names_than_a_round_reads_is_said_and_the_round_goes_on(couple, monkeypatch) -> None:
    import tui.sync.folder as folder_module

    alex, sam = couple
    alex.write("note", "n1", {"text": "hi"})
    alex.sync()
    monkeypatch.setattr(folder_module, "MAX_SCAN", 4)
    for i in range(6):
        plant(alex, f"junk-{i}").write_bytes(b"")
    result = sam.sync()
    assert [p.message for p in result.skipped if "names" in p.message] == [
        "holds more than 4 names; the rest were not looked at"
    ]


def test_the_newest_logs_come_before_older_ones_and_conflict_copies_and_only_so_many_are_looked_at(
    couple, monkeypatch
) -> None:
    import tui.sync.folder as folder_module

    alex, sam = couple
    alex.write("note", "n1", {"text": "hi"})
    alex.sync()
    [log] = alex.folder.logs(alex.me.device)
    for i in range(5):  # copies named to sort before the log itself
        plant(alex, f"log-0000-01.sync-conflict-{i}.age").write_bytes(b"x")
    plant(alex, "log-2020-01.age").write_bytes(b"x")
    plant(alex, "log-1999-01.age").write_bytes(b"x")
    monkeypatch.setattr(folder_module, "MAX_FILES", 2)
    problems: list = []
    looked = alex.folder.logs(alex.me.device, problems)
    assert [p.path.name for p in looked] == [log.path.name, "log-2020-01.age"]  # the newest months first
    assert [p.message for p in problems] == ["holds 6 more log files than are looked at; not read"]
    assert [c.entry_id for c in sam.sync().incoming] == ["n1"]


def test_junk_named_for_the_years_ahead_never_hides_this_months_log(couple, monkeypatch) -> None:
    import tui.sync.folder as folder_module

    alex, sam = couple
    monkeypatch.setattr(folder_module, "MAX_FILES", 4)
    alex.write("note", "n1", {"text": "a new note after the flood"})
    alex.sync()
    for year in range(2100, 2106):  # more than a round looks at, all named after next month
        plant(alex, f"log-{year}-01.age").write_bytes(os.urandom(100))
    result = sam.sync()
    assert [c.entry_id for c in result.incoming] == ["n1"]
    until = folder_module.last_month_read(sam.clock.now())
    assert [p.message for p in result.skipped] == [f"holds 6 log files named for months after {until}; not read"]


def test_a_change_an_older_version_stamped_past_2286_no_longer_stops_this_devices_rounds(couple) -> None:
    alex, sam = couple
    first = alex.write("note", "n1", {"text": "before"})
    alex.sync()
    mirror = alex.state_dir / "mine" / f"log-{_month(first)}.jsonl"
    bad = first.encode().replace(first.stamp.text.encode(), b"1" + first.stamp.text.encode())  # 14 digits
    mirror.write_bytes(mirror.read_bytes() + bad + b"\n")
    alex.write("note", "n2", {"text": "after"})
    result = alex.sync()
    assert [p.message for p in result.skipped] == [
        "line 2: field 'stamp': not a change stamp: " + repr("1" + first.stamp.text) + "; left out of what is sent"
    ]
    sam.sync()
    assert sam.entries == {("note", "n1"): {"text": "before"}, ("note", "n2"): {"text": "after"}}


def test_a_log_name_with_bytes_that_are_not_text_is_ignored_and_the_round_is_kept(couple) -> None:
    alex, sam = couple
    alex.write("note", "n1", {"text": "hi"})
    alex.sync()
    folder = os.fsencode(alex.folder.device_dir(alex.me.device))
    with open(folder + b"/log-2026-01.sync-conflict-\xff\x1b[31m.age", "wb") as handle:
        handle.write(b"x" * 100)
    result = sam.sync()  # commits: the state it keeps holds no name that cannot be written
    assert result.skipped == [] and sam.entries == {("note", "n1"): {"text": "hi"}}


def test_a_change_holding_text_no_utf8_can_hold_is_one_problem(couple) -> None:
    alex, sam = couple
    good = alex.write("note", "n1", {"text": "fine"})
    alex.outbox.clear()
    bad = good.encode().replace(b'"fine"', b'"\\ud800"').replace(b'"n1"', b'"n2"')
    month = f"log-{_month(good)}"
    plant(alex, f"{month}.age").parent.mkdir(parents=True, exist_ok=True)
    plant(alex, f"{month}.age").write_bytes(sealed(alex, sam, month, [bad, good.encode()]))
    result = sam.sync()  # and it commits
    assert sam.entries == {("note", "n1"): {"text": "fine"}}
    [problem] = result.skipped
    assert problem.message.startswith("line 1: ") and "surrogate" in problem.message


@pytest.mark.parametrize("head", [b"[" * 5_000 + b"]" * 5_000, b'{"seq": 1e400}', b'{"seq": ' + b"9" * 5_000 + b"}"])
def test_a_file_sealed_to_this_device_with_a_header_past_the_limits_is_one_problem(couple, head: bytes) -> None:
    import pyrage
    from pyrage import x25519

    alex, sam = couple
    alex.sync()
    data = pyrage.encrypt(head + b"\nbody\n", [x25519.Recipient.from_str(sam.me.public)])  # anyone can do this
    plant(alex, "log-2026-01.age").write_bytes(data)
    [problem] = sam.sync().skipped
    assert problem.message == "has no valid header; skipped until it changes"


def test_files_dated_2286_in_the_folder_are_read_and_remembered_like_any_other(couple) -> None:
    alex, sam = couple
    alex.write("note", "n1", {"text": "see you at eight"})
    alex.sync()
    [log] = alex.folder.logs(alex.me.device)
    cut = plant(alex, "log-2026-11.age")
    cut.write_bytes(log.path.read_bytes()[:100])
    year_2286 = 10_000_000_000 * 10**9  # nanoseconds: past what 64-bit signed nanoseconds hold
    for path in (log.path, cut):
        os.utime(path, ns=(year_2286, year_2286))
    first = sam.sync()
    assert sam.entries == {("note", "n1"): {"text": "see you at eight"}}
    assert [Path(p.path).name for p in first.skipped] == ["log-2026-11.age"]
    sam.trust(alex)  # the next command reads what the last one remembered of these files
    reading_module.forget()
    assert [p.message for p in sam.sync().skipped] == [p.message for p in first.skipped]
