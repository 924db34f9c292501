"""The couple decides who is in: whose device is whose (said by the person, never by names), turning
a device away, removing one, and never dropping a pairing by starting again (the command line
in a real process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.sync.pairs import pair_up
from tui.storage import Store
from tui.sync import pairing
from tui.together import run_round

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 11, 25)


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "tui", "--data-dir", str(data), "--today", DAY.isoformat(), *args]
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL)


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "Shared"
    path.mkdir()
    return path


def notes_of(data: Path) -> set[str]:
    with Store(data, readonly=True) as store:
        return {n.text for n in store.notes()}


def round_on(data: Path) -> None:
    with Store(data) as store:
        run_round(store, data / "sync")


def test_partners_with_the_same_name_never_read_each_others_private_notes(tmp_path: Path, shared: Path) -> None:
    one, two = tmp_path / "alex-one", tmp_path / "alex-two"
    pair_up(one / "sync", two / "sync", shared, ("Alex", "alex"))  # two people, both Alex: neither said "mine"
    with Store(one) as store:
        store.add_note("a private note", DAY)
    for data in (one, two, one, two):
        round_on(data)
    assert notes_of(two) == set()
    assert notes_of(one) == {"a private note"}


def test_a_device_confirmed_as_mine_gets_the_private_notes(tmp_path: Path, shared: Path) -> None:
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    pair_up(laptop / "sync", desktop / "sync", shared, ("Alex", "Alex on the desktop"), mine=True)
    with Store(laptop) as store:
        store.add_note("a private note", DAY)
    for data in (laptop, desktop):
        round_on(data)
    assert notes_of(desktop) == {"a private note"}  # names differ; the person said it is theirs


def test_pair_start_on_a_paired_device_refuses_and_changes_nothing(tmp_path: Path, shared: Path) -> None:
    alex = tmp_path / "alex"
    assert run(alex, "pair", "start", str(shared), "--name", "Alex").returncode == 0
    before = (alex / "sync" / "pairing.json").read_bytes()
    other = tmp_path / "Other"
    other.mkdir()
    for step in ("start", "join"):
        done = run(alex, "pair", step, str(other), "--name", "Alex")
        assert done.returncode != 0 and done.stdout == ""
        assert len(done.stderr.strip().splitlines()) == 1 and "pair leave first, or add --force" in done.stderr
    assert (alex / "sync" / "pairing.json").read_bytes() == before and list(other.iterdir()) == []
    assert run(alex, "pair", "start", str(other), "--name", "Alex", "--force").returncode == 0
    assert json.loads((alex / "sync" / "pairing.json").read_text())["folder"] == str(other)


def test_without_a_name_pair_start_asks_for_one(tmp_path: Path, shared: Path) -> None:
    done = run(tmp_path / "sam", "pair", "start", str(shared))
    assert done.returncode != 0 and "--name" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "sam" / "sync" / "pairing.json").exists() and list(shared.iterdir()) == []


def test_a_waiting_device_turned_away_is_not_listed_again(tmp_path: Path, shared: Path) -> None:
    alex, stranger = tmp_path / "alex" / "sync", tmp_path / "stranger" / "sync"
    pairing.start(alex, shared, "Alex")
    pairing.join(stranger, shared, "Sam")
    [waiting] = pairing.status(alex).waiting
    done = run(alex.parent, "pair", "remove", waiting.device[:6])
    assert done.returncode == 0 and "Turned away Sam's device" in done.stdout
    assert pairing.status(alex).waiting == []
    pairing.status(stranger)  # it goes on writing its key.pub: still not listed
    assert pairing.status(alex).waiting == []
    missing = run(alex.parent, "pair", "remove", "Nobody")
    assert missing.returncode != 0 and "nothing was removed" in missing.stderr


def test_a_removed_device_reads_nothing_new_and_its_files_are_not_read(tmp_path: Path, shared: Path) -> None:
    alex, sam = tmp_path / "alex", tmp_path / "sam"
    pair_up(alex / "sync", sam / "sync", shared)
    with Store(alex) as store:
        store.add_ritual("Evening walk", created=DAY)
    for data in (alex, sam):
        round_on(data)
    with Store(sam, readonly=True) as store:
        assert [r.name for r in store.rituals()] == ["Evening walk"]  # read before the removal: kept

    done = run(alex, "pair", "remove", "Sam")
    assert done.returncode == 0, done.stderr
    assert "Removed Sam's device" in done.stdout and "What it already read, it keeps." in done.stdout
    assert "written again without it." in done.stdout
    assert [d.name for d in pairing.status(alex / "sync").confirmed] == []
    with Store(alex) as store:
        store.add_ritual("Morning tea", created=DAY)
    with Store(sam) as store:
        store.add_ritual("Sam's new ritual", created=DAY)
    for data in (alex, sam, alex):
        round_on(data)
    with Store(sam, readonly=True) as store:
        assert "Morning tea" not in [r.name for r in store.rituals()]  # written again without Sam
    with Store(alex, readonly=True) as store:
        assert "Sam's new ritual" not in [r.name for r in store.rituals()]  # Sam's files are no longer read
    assert [d.device for d in pairing.status(alex / "sync").waiting] == []  # not listed as waiting either


def test_confirm_mine_from_the_command_line(tmp_path: Path, shared: Path) -> None:
    from tests.sync.pairs import shared_code

    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    assert run(laptop, "pair", "start", str(shared), "--name", "Alex").returncode == 0
    joined = run(desktop, "pair", "join", str(shared), "--name", "Alex")
    assert "run micro-romance sync on the other" in joined.stdout and "Pairing code: " not in joined.stdout
    code = shared_code(laptop / "sync", desktop / "sync")
    status = run(desktop, "pair", "status")
    assert f"Pairing code: {code}" in status.stdout.splitlines()
    assert "That device has your name: confirm it with --mine only if it is one of your own devices." in status.stdout
    done = run(desktop, "pair", "confirm", code.replace(" ", ""), "--mine")
    assert done.returncode == 0 and "Confirmed one of your own devices" in done.stdout
    [confirmed] = json.loads(run(desktop, "pair", "status", "--json").stdout)["confirmed"]
    assert confirmed["mine"] is True and confirmed["confirmed_back"] is False
    partner = run(laptop, "pair", "confirm", code)  # the other side, without --mine
    assert partner.returncode == 0 and "It has your name and was confirmed as your partner's" in partner.stdout
