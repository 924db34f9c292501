"""The hostile-folder suite: Hypothesis plants whatever a folder writer could into the shared
folder (random files and names, links to files, folders and /dev/zero, pipes, sparse files of
gigabytes, deep JSON, a stranger's key and logs, valid signed logs of a device removed since,
an older copy of a log, changes stamped far ahead), then one round runs on the partner's
device. After every round: no exception escapes (a link in place of this device's own folder is
the one refusal, said in one line), no read blocks, the store holds only valid changes from the
confirmed device, and nothing was written outside the shared folder. Small examples keep it to
a few seconds; the big cases are in bench/sync_bench.py."""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sync.devices import Device, pair
from tui.sync.crypto import seal
from tui.sync.engine import month_of
from tui.sync.folder import UnsafeFolder
from tui.sync.hlc import AHEAD_MS, Stamp

KINDS = [
    "bytes",
    "deep",
    "link to /dev/zero",
    "link outside",
    "link to a folder",
    "fifo",
    "sparse",
    "far future",
    "older copy",
    "stranger",
    "removed device",
    "own folder a link",
]
WHERE = ["partner", "mine", "app", "new device"]
NAMES = st.sampled_from(
    [
        "log-{m}.age",
        "own-{m}.age",
        "key.pub",
        "log-{m}.sync-conflict-x.age",
        "log-{m} (conflicted copy).age",
        "log-{m}.sync-conflict-\udcff\x1b[2J.age",  # bytes that are not UTF-8, and a terminal escape
    ]
) | st.text(alphabet="abcdeflog-_.0123456789 üé\x1b\udcff", min_size=1, max_size=24).filter(
    lambda n: n not in (".", "..")
)
PLANTS = st.lists(st.tuples(st.sampled_from(KINDS), st.sampled_from(WHERE), NAMES, st.binary(max_size=64)), max_size=6)


class World:
    """Alex and Sam paired; Alex wrote a shared note, a private one, then another shared note."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.shared = root / "Shared"
        self.shared.mkdir()
        self.outside = root / "outside"
        self.outside.mkdir()
        (self.outside / "secret.txt").write_bytes(b"not for the folder")
        self.alex = Device(root, "alex", self.shared, "Alex")
        self.sam = Device(root, "sam", self.shared, "Sam")
        pair(self.alex, self.sam)
        self.alex.write("note", "n0", {"text": "first"})
        self.alex.sync()
        [log] = self.alex.folder.logs(self.alex.me.device)
        self.log, self.older = log, log.path.read_bytes()
        self.alex.write("note", "p1", {"text": "a private worry"}, private=True)
        self.alex.write("note", "n1", {"text": "second"})
        self.alex.sync()
        self.month = log.month
        self.valid = {("note", "n0"): {"text": "first"}, ("note", "n1"): {"text": "second"}}
        self.extra: list[Device] = []

    def folder_of(self, where: str) -> Path | None:
        base = self.shared / "micro-romance"
        path = {
            "partner": base / self.alex.me.device,
            "mine": base / self.sam.me.device,
            "app": base,
            "new device": base / ("f" * 20),
        }[where]
        if path.is_symlink():
            return None  # this device's own folder, already a link: nothing is planted through it
        path.mkdir(parents=True, exist_ok=True)
        return path

    def far_future(self) -> tuple[str, bytes]:
        change = self.alex.write("note", "far", {"text": "from the future"})
        self.alex.outbox.remove(change)
        stamp = Stamp(self.sam.clock.now() + AHEAD_MS + 3_600_000, 0, self.alex.me.device)
        change = type(change)(change.kind, change.entry_id, change.doc, stamp, change.author)
        name = f"log-{month_of(change)}"
        recipients = {d.me.device: d.me.public for d in (self.alex, self.sam)}
        return name, seal(change.encode() + b"\n", name=name, author=self.alex.me, recipients=recipients)

    def stranger(self, folder: Path, name: str) -> None:
        stranger = Device(self.root, "stranger", self.shared, "Sam")
        stranger.trust(self.sam)
        stranger.write("note", "evil", {"text": "injected"})
        stranger.sync()
        for log in stranger.folder.logs(stranger.me.device):
            (folder / name).unlink(missing_ok=True)
            (folder / name).write_bytes(log.path.read_bytes())

    def removed(self) -> None:
        """A device Sam confirmed once and removed since, still writing valid signed logs for Sam."""
        if any(d.label == "ex" for d in self.extra):
            return
        ex = Device(self.root, "ex", self.shared, "Jo")
        self.extra.append(ex)
        pair(ex, self.sam)
        ex.write("note", "from-ex", {"text": "still here"})
        ex.sync()
        del self.sam.trusted[ex.me.device]
        self.sam.engine = self.sam._engine()

    def plant(self, kind: str, where: str, name: str, data: bytes) -> None:
        name = name.replace("{m}", self.month)
        folder = self.folder_of(where)
        if folder is None:
            return
        path = folder / name
        if kind == "own folder a link":
            own = self.folder_of("mine")
            if own is None:
                return
            for child in own.iterdir():
                child.unlink() if not child.is_dir() or child.is_symlink() else None
            if not any(own.iterdir()):
                own.rmdir()
                own.symlink_to(self.outside)
            return
        if kind == "far future":  # signed by the confirmed partner, under the name it claims
            name, data = self.far_future()
            (self.folder_of("partner") / f"{name}.sync-conflict-far.age").write_bytes(data)  # type: ignore[operator]
            return
        if kind == "stranger":
            self.stranger(folder, name)
            return
        if kind == "removed device":
            self.removed()
            return
        if path.is_symlink() or path.exists():
            if path.is_dir() and not path.is_symlink():
                return  # a device folder planted earlier: leave it
            path.unlink()
        if kind == "bytes":
            path.write_bytes(data)
        elif kind == "deep":
            path.write_bytes(b"[" * 20_000 + data)
        elif kind == "link to /dev/zero":
            path.symlink_to("/dev/zero")
        elif kind == "link outside":
            path.symlink_to(self.outside / "secret.txt")
        elif kind == "link to a folder":
            path.symlink_to(self.outside)
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "sparse":
            with open(path, "wb") as handle:
                handle.truncate(3 * 1024**3)
        elif kind == "older copy":
            path.write_bytes(self.older)

    def outside_state(self) -> list[tuple[str, bytes]]:
        return sorted(
            (str(p.relative_to(self.outside)), p.read_bytes() if p.is_file() and not p.is_symlink() else b"")
            for p in self.outside.rglob("*")
        )


def round_in_a_thread(device: Device) -> object:
    """The round's result (or the exception it raised); a round that blocks fails the test."""
    done: list[object] = []

    def run() -> None:
        try:
            done.append(device.sync())
        except BaseException as exc:  # noqa: BLE001 (checked by the caller)
            done.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(60)  # a guard against a hang, not a measure: a round here takes milliseconds
    assert done, "the round blocked on something planted in the folder"
    return done[0]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plants=PLANTS)
def test_nothing_planted_in_the_folder_crashes_hangs_or_leaks(plants: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        world = World(Path(tmp))
        for plant in plants:
            world.plant(*plant)
        before = world.outside_state()
        result = round_in_a_thread(world.sam)
        if isinstance(result, BaseException):
            assert isinstance(result, UnsafeFolder), repr(result)
            assert "\n" not in str(result)
            assert world.sam.entries == {}
        else:
            for key, doc in world.sam.entries.items():
                assert world.valid.get(key) == doc, key
            touched = any(where == "partner" and "{m}" in name for _, where, name, _ in plants)
            if not touched:
                assert world.sam.entries == world.valid
            assert all("\n" not in p.message for p in result.skipped)  # type: ignore[attr-defined]
        assert world.outside_state() == before
        # A second round over the same folder is as harmless (and reads nothing that failed).
        again = round_in_a_thread(world.sam)
        assert not isinstance(again, BaseException) or isinstance(again, UnsafeFolder)
        assert world.outside_state() == before
