"""The README's commands, CI and the wheel agree with each other."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tui import __version__

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_starts_with_the_two_setup_commands() -> None:
    install, tests = readme_commands()[:2]
    assert "pip install ." in install and install.endswith("micro-romance")
    assert "[test]" in tests and "pytest" in tests


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert readme_commands()[1] in ci


def test_styles_are_found() -> None:
    from tui.paths import stylesheets

    sheets = stylesheets()
    assert sheets[0].name == "app.tcss" and all(p.is_file() for p in sheets)


@pytest.mark.skipif(not (ROOT / "pyproject.toml").exists(), reason="needs a checkout")
def test_wheel_carries_styles_and_content(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "tui/styles/app.tcss" in names
    assert "tui/content/gestures.json" in names
    assert f"micro_romance-{__version__}.data/data/share/man/man1/micro-romance.1" in names  # man micro-romance
