"""A shared folder full of strangers' keys: ``pair status`` (and ``pair join``) list the device
being paired with, its code, and a few of the others, newest first, then one line saying how
many more there are; ``--json`` lists every one."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.sync.pairs import shared_code, two_devices
from tests.sync.strangers import plant_strangers
from tui.cli import main
from tui.sync import pairing

SINCE = 1_700_000_000


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> str:
    capsys.readouterr()
    assert main(["--data-dir", str(data), *args]) == 0
    return capsys.readouterr().out


def crowded(tmp_path: Path, strangers: int) -> tuple[Path, str, str]:
    """Alex's data folder, pairing with Sam (the code known on both sides), in a folder where
    ``strangers`` other keys arrived since; Sam's key is older than every one of them."""
    alex, sam, shared = two_devices(tmp_path)
    pairing.start(alex / "sync", shared, "Alex")
    pairing.join(sam / "sync", shared, "Sam")
    code = shared_code(alex / "sync", sam / "sync")
    sam_id = pairing.status(sam / "sync").device
    plant_strangers(shared, strangers, since=SINCE)
    os.utime(shared / "micro-romance" / sam_id / "key.pub", (SINCE - 3600, SINCE - 3600))
    return alex, sam_id, code


def test_the_device_with_a_code_is_listed_and_strangers_are_capped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    alex, sam_id, code = crowded(tmp_path, 30)
    out = run(capsys, alex, "pair", "status").splitlines()
    waiting = [line for line in out if line.startswith("Waiting for confirmation: ")]
    assert waiting[0] == f"Waiting for confirmation: Sam's device {sam_id}"
    assert f"Pairing code: {code}" in out
    assert [line.split("'s device")[0].removeprefix("Waiting for confirmation: ") for line in waiting[1:]] == [
        "Stranger 29",
        "Stranger 28",
        "Stranger 27",
        "Stranger 26",
        "Stranger 25",
    ]  # the newest keys first: the one that just arrived is the likeliest to matter
    more = "and 25 more devices waiting without a pairing code (micro-romance pair status --json lists them all)"
    assert more in out
    assert len(out) < 25
    listed = json.loads(run(capsys, alex, "pair", "status", "--json"))["waiting"]
    assert len(listed) == 31 and {d["name"] for d in listed} >= {"Sam", "Stranger 0", "Stranger 29"}


def test_a_few_strangers_are_all_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alex, _sam_id, _code = crowded(tmp_path, 5)
    out = run(capsys, alex, "pair", "status")
    assert out.count("Waiting for confirmation: ") == 6 and " more devices waiting" not in out


def test_joining_a_crowded_folder_prints_a_few_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    plant_strangers(shared, 12)
    out = run(capsys, tmp_path / "jo", "pair", "join", str(shared), "--name", "Jo").splitlines()
    assert sum(line.startswith("Waiting for confirmation: ") for line in out) == 5
    assert "and 7 more devices waiting without a pairing code (micro-romance pair status --json lists them all)" in out


def test_planted_keys_can_take_every_place_for_a_pairing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """docs/security.md: keys planted before the partner joins take the pairings a device runs at once;
    the partner waits with no code (the way out is a folder only the two devices share)."""
    alex, sam, shared = two_devices(tmp_path)
    pairing.start(alex / "sync", shared, "Alex")
    plant_strangers(shared, pairing.MAX_UNDER_WAY + 1)
    run(capsys, alex, "pair", "status")  # Alex's device takes up a pairing with each it has room for
    pairing.join(sam / "sync", shared, "Sam")
    sam_id = pairing.status(sam / "sync").device
    out = run(capsys, alex, "pair", "status").splitlines()
    at = out.index(f"Waiting for confirmation: Sam's device {sam_id}")
    assert out[at + 1] == f"No pairing code yet: {pairing.TOO_MANY}"
    assert not any(line.startswith("Pairing code: ") for line in out)


def test_keys_planted_in_the_future_cannot_push_a_partner_who_just_joined_out_of_the_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    alex, sam, shared = two_devices(tmp_path)
    pairing.start(alex / "sync", shared, "Alex")
    plant_strangers(shared, 8, since=1_900_000_000)  # key files dated 2030, whoever wrote them chose that
    pairing.join(sam / "sync", shared, "Sam")  # Sam's key, written now
    sam_id = pairing.status(sam / "sync").device
    out = run(capsys, alex, "pair", "status").splitlines()
    waiting = [line for line in out if line.startswith("Waiting for confirmation: ")]
    assert waiting[0] == f"Waiting for confirmation: Sam's device {sam_id}", waiting  # the newest key that can be
    assert len(waiting) == 5 and "and 4 more devices waiting without a pairing code" in " ".join(out)
