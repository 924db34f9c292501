"""End to end: two real Syncthing instances keep the folder in step between two devices.

Pairing goes through the folder as a couple would do it (start, join, the same code on both
sides, confirm on each); then a tick and a shared note written through the engine on one
side are read on the other, with a link named like a log and a conflict copy beside them (both
harmless). Skipped when ``syncthing`` is not installed, except in CI.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.sync.pairs import code_in
from tests.sync.syncthing import Syncthing
from tui.sync import pairing
from tui.sync.change import Change

# On a developer's machine without Syncthing the test is skipped; in CI (.ci/run installs it) a
# missing syncthing fails, so a green CI always means the real two-instance test ran.
pytestmark = pytest.mark.skipif(
    shutil.which("syncthing") is None and not os.environ.get("CI"),
    reason="syncthing is not on PATH (apt-get install syncthing)",
)

BUDGET = 60.0
"""Seconds two real Syncthing daemons get to carry what a test waits for. A test takes about 5 s on an
idle machine; on a busy one (the suite's other workers, both Syncthing tests at once) connecting and
rescanning has been seen to take over 20 s. The wait ends as soon as what it waits for is there."""


def wait_for(what: str, check: Callable[[], Any], deadline: float, *instances: Syncthing) -> Any:
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    logs = "\n".join(i.log_tail() for i in instances)
    raise AssertionError(f"timed out waiting for {what}\n{logs}")


@pytest.fixture
def two_syncthings(tmp_path: Path) -> Iterator[tuple[Syncthing, Syncthing, Path, Path]]:
    one, two = Syncthing(tmp_path / "st-alex"), Syncthing(tmp_path / "st-sam")
    folder_one, folder_two = tmp_path / "alex-shared", tmp_path / "sam-shared"
    try:
        deadline = time.monotonic() + 30
        for instance in (one, two):
            instance.start()
        for instance in (one, two):
            instance.wait_ready(deadline)
        one.add_device(two, "sam")
        two.add_device(one, "alex")
        one.share("micro-romance-test", folder_one, two)
        two.share("micro-romance-test", folder_two, one)
        yield one, two, folder_one, folder_two
    finally:
        one.stop()
        two.stop()


def test_a_tick_and_a_note_cross_through_syncthing(tmp_path: Path, two_syncthings: tuple) -> None:
    one, two, folder_one, folder_two = two_syncthings
    deadline = time.monotonic() + BUDGET
    alex, sam = tmp_path / "alex" / "sync", tmp_path / "sam" / "sync"
    started = pairing.start(alex, folder_one, "Alex")
    wait_for("Alex's key on Sam's side", lambda: list(folder_two.rglob("key.pub")), deadline, one, two)
    [waiting] = pairing.join(sam, folder_two, "Sam").waiting
    assert waiting.device == started.device

    def same_code() -> str:  # each side reads the folder (its step of the pairing) until both show one code
        one_code = [d.code for d in pairing.status(alex).waiting]
        two_code = [d.code for d in pairing.status(sam).waiting]
        return one_code[0] if one_code and one_code == two_code and one_code[0] else ""

    code = wait_for("the same code on both sides", same_code, deadline, one, two)
    pairing.confirm(alex, code)
    pairing.confirm(sam, code)

    engine = pairing.engine(alex)
    assert engine is not None
    me = engine.me.device
    tick = Change("tick", "r1:2026-11-25", {"ritual": "r1", "day": "2026-11-25"}, engine.clock.tick(), me)
    note = Change("note", "n1", {"day": "2026-11-25", "text": "thank you for the walk"}, engine.clock.tick(), me)
    engine.commit(engine.round([tick, note]))
    # What a third device on the share could add: a link named like a log (Syncthing carries
    # links as links) and a conflict copy of a real log. Both must be harmless on Sam's side.
    own = folder_one / "micro-romance" / me
    [log] = [p for p in own.iterdir() if p.name.startswith("log-")]
    (own / f"{log.stem}.sync-conflict-20261125-101010-LINK.age").symlink_to("/dev/zero")
    shutil.copyfile(log, own / f"{log.stem}.sync-conflict-20261125-101010-COPY.age")
    arrived = folder_two / "micro-romance" / me
    wait_for(
        "the link and the copy on Sam's side",
        lambda: len([p for p in arrived.glob("*sync-conflict*") if os.path.lexists(p)]) == 2,
        deadline,
        one,
        two,
    )
    skipped: list[str] = []

    def sam_reads() -> list[Change]:
        other = pairing.engine(sam)
        assert other is not None
        result = other.round([])
        skipped[:] = [str(p) for p in result.skipped]
        if result.incoming:
            other.commit(result)
        return result.incoming

    incoming = wait_for("Alex's log on Sam's side", sam_reads, deadline, one, two)
    assert {(c.kind, c.entry_id) for c in incoming} == {("tick", "r1:2026-11-25"), ("note", "n1")}
    assert len(skipped) == 1 and "LINK" in skipped[0] and "is a link; links are not followed" in skipped[0]
    assert (arrived / f"{log.stem}.sync-conflict-20261125-101010-LINK.age").is_symlink()
    assert [dict(c.doc)["text"] for c in incoming if c.kind == "note"] == ["thank you for the walk"]
    for path in folder_two.rglob("*"):
        if path.is_file():
            assert b"walk" not in path.read_bytes()


def test_the_commands_pair_and_share_through_syncthing(
    tmp_path: Path, two_syncthings: tuple, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    from tui.cli import main
    from tui.storage import Store

    one, two, folder_one, folder_two = two_syncthings
    deadline = time.monotonic() + BUDGET
    alex, sam = tmp_path / "alex-data", tmp_path / "sam-data"
    day = date(2026, 11, 25)

    def cli(data: Path, *args: str) -> str:
        capsys.readouterr()
        assert main(["--data-dir", str(data), "--today", day.isoformat(), *args]) == 0
        return capsys.readouterr().out

    with Store(alex) as store:
        store.add_ritual("Evening walk", created=date(2026, 11, 1))
    cli(alex, "pair", "start", str(folder_one), "--name", "Alex")
    wait_for("Alex's key on Sam's side", lambda: list(folder_two.rglob("key.pub")), deadline, one, two)
    cli(sam, "pair", "join", str(folder_two), "--name", "Sam")

    def same_code() -> str:  # pair status on each side (its step of the pairing) until both print one code
        one_code, two_code = code_in(cli(alex, "pair", "status")), code_in(cli(sam, "pair", "status"))
        return one_code if one_code and one_code == two_code else ""

    code = wait_for("the same code on both sides", same_code, deadline, one, two)
    cli(alex, "pair", "confirm", code)
    cli(sam, "pair", "confirm", code)
    cli(alex, "done", "evening walk")
    cli(alex, "gratitude", "--share", "thank you for the long walk")

    def sam_has_both() -> bool:
        cli(sam, "sync")
        with Store(sam, readonly=True) as store:
            rituals = store.rituals()
            ticked = bool(rituals) and day in store.ticked_days(rituals[0].id)
            return ticked and [n.text for n in store.notes()] == ["thank you for the long walk"]

    assert wait_for("the tick and the note on Sam's side", sam_has_both, deadline, one, two)
