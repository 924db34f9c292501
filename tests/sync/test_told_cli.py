"""`micro-romance today` on the receiver's side: what the partner did, told to the one it was for."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import DAY
from tests.ui.pairing import cli, paired
from tui.cli import main
from tui.model import GestureDay
from tui.storage import Store


def _alex_did(alex: Path, gesture_id: str, day=DAY) -> None:
    with Store(alex) as store:
        store.save_gesture_day(GestureDay(day=day, gesture_id=gesture_id, shown=(gesture_id,), done=True))
    cli(alex, "sync")


def test_today_tells_the_receiver_what_was_done_for_them(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    alex = paired(tmp_path, data_dir, capsys)
    _alex_did(alex, "mirror-note")
    cli(data_dir, "sync")
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "--today", DAY.isoformat(), "today"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert "Alex left a kind note on the bathroom mirror for you to find." in lines
    assert not any("sticky note" in line for line in lines)  # the giver's words ("Leave a kind sticky note ...")


def test_a_gesture_this_catalog_does_not_know_is_still_told_truly(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    alex = paired(tmp_path, data_dir, capsys)
    day = DAY - timedelta(days=1)
    _alex_did(alex, "a-gesture-from-a-newer-catalog", day)
    cli(data_dir, "sync")
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "--today", day.isoformat(), "today"]) == 0
    assert "Alex did something kind for you today." in capsys.readouterr().out.splitlines()
    assert main(["--data-dir", str(data_dir), "--today", day.isoformat(), "today", "--json"]) == 0
    gift = json.loads(capsys.readouterr().out)["from_partner"][0]
    assert gift["told"] == "Alex did something kind for you today."
