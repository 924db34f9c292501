"""The change stamp orders changes the same way everywhere, whatever the clocks say."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tui.sync.files import write_json
from tui.sync.hlc import AHEAD_MS, MAX_COUNTER, Clock, Stamp

HOUR = 3_600_000


def test_stamps_are_totally_ordered_and_written_sortably() -> None:
    a = Stamp(5, 0, "aa")
    b = Stamp(5, 0, "bb")
    c = Stamp(5, 1, "aa")
    assert a < b < c
    assert sorted(str(s) for s in (c, b, a)) == [str(a), str(b), str(c)]
    assert Stamp.parse(str(c)) == c


@pytest.mark.parametrize("text", ["", "12-1-aa", "0000000000001-000001-A", None, 5, "0000000000001-000001-"])
def test_a_bad_stamp_is_refused(text: object) -> None:
    with pytest.raises(ValueError):
        Stamp.parse(text)


def test_a_clock_hours_behind_still_stamps_after_what_it_saw() -> None:
    ahead = Clock("aa", now=lambda: 10 * HOUR)
    behind = Clock("bb", now=lambda: 7 * HOUR)
    seen = ahead.tick()
    behind.observe(seen)
    mine = behind.tick()
    assert mine > seen
    assert behind.tick() > mine


def test_a_clock_that_jumps_back_never_repeats_a_stamp() -> None:
    times = iter([100, 100, 50, 40, 200])
    clock = Clock("aa", now=lambda: next(times))
    stamps = [clock.tick() for _ in range(5)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 5


def test_the_clock_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "sync" / "clock.json"
    first = Clock("aa", path, now=lambda: 1000)
    first.tick()
    last = first.tick()
    again = Clock("aa", path, now=lambda: 10)  # the machine's clock went back
    assert again.tick() > last
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700


def test_observed_stamps_are_kept_after_save(tmp_path: Path) -> None:
    path = tmp_path / "clock.json"
    clock = Clock("aa", path, now=lambda: 1)
    far = Stamp(9 * HOUR, 3, "bb")
    clock.observe(far)
    clock.save()
    assert Clock("aa", path, now=lambda: 1).tick() > far


def test_a_stamp_with_a_counter_past_the_bound_moves_nothing_and_the_next_stamps_still_read() -> None:
    clock = Clock("a" * 20, now=lambda: 10 * HOUR)
    mine = clock.tick()
    assert not clock.observe(Stamp(10 * HOUR + AHEAD_MS - 60_000, 10**12 - 1, "b" * 20))
    assert not clock.observe(Stamp(10 * HOUR, MAX_COUNTER + 1, "b" * 20))
    after = clock.tick()
    assert after > mine and Stamp.parse(after.text) == after
    assert clock.observe(Stamp(10 * HOUR + HOUR, MAX_COUNTER, "b" * 20))  # at the bound: kept
    assert clock.tick() > Stamp(10 * HOUR + HOUR, MAX_COUNTER, "b" * 20)


def test_a_counter_that_used_all_its_digits_carries_into_the_next_millisecond(tmp_path: Path) -> None:
    path = tmp_path / "clock.json"
    write_json(path, {"wall": 5 * HOUR, "counter": 10**12 - 1})  # as an older version could leave it
    clock = Clock("a" * 20, path, now=lambda: HOUR)  # this machine's time is behind the mark
    stamps = [clock.tick() for _ in range(3)]
    assert [(s.wall, s.counter) for s in stamps] == [(5 * HOUR + 1, 0), (5 * HOUR + 1, 1), (5 * HOUR + 1, 2)]
    assert all(Stamp.parse(s.text) == s for s in stamps)
    assert stamps[0] > Stamp(5 * HOUR, 10**12 - 1, "a" * 20)
