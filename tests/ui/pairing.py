"""Two data folders paired through one shared folder, by the commands a couple would type."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DAY
from tests.sync.pairs import cli_code
from tui.cli import main
from tui.cli.background import wait_started


def cli(data: Path, *args: str) -> None:
    assert main(["--data-dir", str(data), "--today", DAY.isoformat(), *args]) == 0
    wait_started()  # a write's round with the partner runs detached: wait for it before going on


def paired(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Alex's data folder, paired with Sam's (``data_dir``) through one shared folder."""
    shared = tmp_path / "Shared"
    shared.mkdir()
    alex = tmp_path / "alex"
    cli(alex, "pair", "start", str(shared), "--name", "Alex")
    cli(data_dir, "pair", "join", str(shared), "--name", "Sam")

    def status(data: Path) -> str:
        capsys.readouterr()
        cli(data, "pair", "status")
        return capsys.readouterr().out

    code = cli_code(status, alex, data_dir)
    cli(alex, "pair", "confirm", code)
    cli(data_dir, "pair", "confirm", code)
    return alex
