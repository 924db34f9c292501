"""What ``pair status`` and ``pair remove`` say is true: nothing said of the partner's side while the
folder is missing, one round at one local time, and a removal that stands said as done."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sync.pairs import meet, pair_up, two_devices
from tui.cli import main
from tui.storage import Store
from tui.sync import pairing
from tui.sync.engine import ENGINE_FILE


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def couple(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Alex's and Sam's data folders, paired and confirmed on both sides; the shared folder."""
    alex, sam, shared = two_devices(tmp_path)
    pair_up(alex / "sync", sam / "sync", shared)
    return alex, sam, shared


def test_a_missing_folder_says_nothing_of_whether_the_partner_confirmed(
    couple: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    alex, _sam, shared = couple
    shared.rename(shared.with_name("Unmounted"))  # moved, or the drive is not there
    code, out, _ = run(capsys, alex, "pair", "status")
    lines = out.splitlines()
    assert code == 0 and any(line.endswith("(missing: is the drive mounted?)") for line in lines), out
    [confirmed] = [line for line in lines if line.startswith("Confirmed: ")]
    assert confirmed.startswith("Confirmed: Sam (") and "waiting" not in confirmed, confirmed
    [device] = json.loads(run(capsys, alex, "pair", "status", "--json")[1])["confirmed"]
    assert device["confirmed_back"] is None  # not known, rather than "not confirmed"


def test_a_partner_yet_to_confirm_is_still_said_to_be_awaited(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    alex, sam, shared = two_devices(tmp_path)
    pairing.confirm(alex / "sync", meet(alex / "sync", sam / "sync", shared))  # Sam has not confirmed yet
    out = run(capsys, alex, "pair", "status")[1]
    assert "Confirmed: Sam (" in out and "; waiting for it to confirm this device too" in out, out
    [device] = json.loads(run(capsys, alex, "pair", "status", "--json")[1])["confirmed"]
    assert device["confirmed_back"] is False


CHILD = """
import sys
from tui.cli import main
sys.exit(main(["--data-dir", sys.argv[1], "pair", "status"]))
"""


def test_the_last_round_is_said_in_local_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    alex = tmp_path / "alex"
    pairing.start(alex / "sync", shared, "Alex")
    assert run(capsys, alex, "sync")[0] == 0
    engine = alex / "sync" / ENGINE_FILE
    state = json.loads(engine.read_text(encoding="utf-8"))
    assert state["last_round"]  # the round's time, as the engine keeps it (UTC)
    engine.write_text(json.dumps({**state, "last_round": "2025-03-01T20:37:09Z"}), encoding="utf-8")
    env = dict(os.environ, TZ="America/New_York")  # the suite's own time zone is never touched
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(alex)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Last round: Sat 1 Mar 2025 at 15:37" in proc.stdout.splitlines(), proc.stdout  # 20:37 UTC, in New York


def test_removing_a_device_while_the_full_screen_is_open_says_it_was_removed(
    couple: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    alex, _sam, _shared = couple
    with Store(alex):  # the full screen, open on this data
        code, out, err = run(capsys, alex, "pair", "remove", "Sam")
    assert code == 0 and err == "", err
    assert out.startswith("Removed Sam's device (") and "written again without it at the next round" in out, out
    assert "full screen" in out
    assert pairing.status(alex / "sync").confirmed == []
