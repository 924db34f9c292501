"""Property: whatever the order, duplicates, delays and half-copied files, devices converge.

Each device has its own copy of the shared folder, as a sync tool would give it; the test
plays the sync tool, copying files between copies late, twice, cut short, or as conflict
copies. At the end everything is delivered: every device holds the same shared state, byte
for byte, and it is the state all the changes ever made give (so no change was lost).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sync.devices import Device, pair
from tui.sync.change import Change
from tui.sync.hlc import Stamp
from tui.sync.merge import Replica

KINDS = st.sampled_from(["ritual", "tick", "note", "gesture", "answer", "reply", "gift"])  # every kind that crosses
IDS = st.sampled_from(["a", "b", "c"])
FIELDS = st.dictionaries(st.sampled_from(["text", "day", "n"]), st.integers(0, 3), min_size=1, max_size=3)


def op(devices: int) -> st.SearchStrategy:
    dev = st.integers(0, devices - 1)
    return st.one_of(
        st.tuples(st.just("write"), dev, KINDS, IDS, FIELDS, st.booleans()),
        st.tuples(st.just("delete"), dev, KINDS, IDS, st.booleans()),
        st.tuples(st.just("sync"), dev),
        st.tuples(st.just("crash"), dev),
        st.tuples(st.just("deliver"), dev, dev, st.sampled_from(["whole", "half", "conflict"])),
        st.tuples(st.just("everyone"), dev),
    )


def deliver(src: Device, dst: Device, how: str) -> None:
    if src is dst:
        return
    source = src.folder.device_dir(src.me.device)
    if not source.is_dir():
        return
    target = dst.folder.device_dir(src.me.device)
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.age")):
        data = path.read_bytes()
        if how == "half":
            (target / path.name).write_bytes(data[: len(data) // 2])
        elif how == "conflict":
            (target / f"{path.stem}.sync-conflict-20260301-101010-ABCDEFG.age").write_bytes(data)
        else:
            shutil.copyfile(path, target / path.name)


def everyone(devices: list[Device]) -> None:
    """Every device syncs, the sync tool copies everything, every device syncs again."""
    for d in devices:
        d.sync()
    for src in devices:
        for dst in devices:
            deliver(src, dst, "whole")
    for d in devices:
        d.sync()


def run(ops: list[tuple], persons: list[str]) -> None:
    with TemporaryDirectory() as tmp:
        root = Path(tmp)
        devices = []
        for i, person in enumerate(persons):
            folder = root / f"copy{i}"
            folder.mkdir()
            devices.append(Device(root, f"d{i}", folder, person))
        pair(*devices)
        made: list[Change] = []
        for step in ops:
            name, d = step[0], devices[step[1]]
            if name == "write":
                made.append(d.write(step[2], step[3], step[4], private=step[5]))
            elif name == "delete":
                made.append(d.delete(step[2], step[3], private=step[4]))
            elif name == "sync":
                d.sync()
            elif name == "crash":
                d.engine.round(list(d.outbox))  # killed before commit
                d.trust()
            elif name == "everyone":
                everyone(devices)
            else:
                deliver(d, devices[step[2]], step[3])
        everyone(devices)
        expected = Replica()
        expected.merge(made)
        exports = {d.engine.replica.export() for d in devices}
        assert exports == {expected.export()}
        for d in devices:
            assert not d.outbox
            seen = Replica()
            seen.merge(c for c in made if not c.private or persons[devices.index(d)] == _person(devices, c.author))
            assert d.engine.replica.entries() == seen.entries()
            assert d.entries == {(c.kind, c.entry_id): dict(c.doc) for c in seen.entries() if not c.deleted}


def _person(devices: list[Device], author: str) -> str:
    return next(d.person for d in devices if d.me.device == author)


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(op(2), max_size=30))
def test_two_devices_converge(ops: list[tuple]) -> None:
    run(ops, ["Alex", "Sam"])


@SETTINGS
@given(st.lists(op(3), max_size=30))
def test_three_devices_of_two_people_converge(ops: list[tuple]) -> None:
    run(ops, ["Alex", "Alex", "Sam"])


CHANGE = st.builds(
    lambda kind, entry, doc, wall, counter, dev, deleted, private: Change(
        kind, entry, {} if deleted else doc, Stamp(wall, counter, dev), dev, deleted, private
    ),
    KINDS,
    IDS,
    FIELDS,
    st.integers(0, 5),
    st.integers(0, 2),
    st.sampled_from(["aa", "bb", "cc"]),
    st.booleans(),
    st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(CHANGE, max_size=30), st.randoms(use_true_random=False))
def test_merge_is_commutative_associative_and_idempotent(changes: list[Change], rnd) -> None:
    whole = Replica()
    whole.merge(changes)
    shuffled = changes + rnd.sample(changes, len(changes) // 2)
    rnd.shuffle(shuffled)
    piecewise = Replica()
    cut = rnd.randint(0, len(shuffled))
    piecewise.merge(shuffled[:cut])
    piecewise.merge(shuffled[cut:])
    piecewise.merge(changes)
    assert piecewise.export() == whole.export()
    assert piecewise.entries() == whole.entries()
