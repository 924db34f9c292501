"""The manual page micro-romance(1): made from the parser, committed, and readable by man."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manpage_script():
    spec = importlib.util.spec_from_file_location("manpage_script", ROOT / "scripts" / "manpage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def without_date(page: str) -> list[str]:
    return [line for line in page.splitlines() if not line.startswith(".TH ")]


def test_the_committed_page_matches_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    script = manpage_script()
    assert without_date(script.PAGE.read_text(encoding="utf-8")) == without_date(script.render()), (
        "the parser changed: run .venv/bin/python scripts/manpage.py and commit man/micro-romance.1"
    )


def test_man_shows_every_command() -> None:
    groff = shutil.which("groff")
    if groff is None:
        if os.environ.get("CI") == "true":
            pytest.fail("groff is not installed (.ci/run installs it)")
        pytest.skip("groff is not installed")
    proc = subprocess.run(
        [groff, "-man", "-Tutf8", "-P", "-cbou", str(ROOT / "man" / "micro-romance.1")],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert proc.returncode == 0 and "warning" not in proc.stderr, proc.stderr
    from tui.cli.parser import COMMANDS, HIDDEN

    shown = [name for name in COMMANDS if f"micro-romance {name}\n" in proc.stdout]
    listed = [name for name in COMMANDS if name not in HIDDEN]
    assert shown == listed
    assert "MICRO-ROMANCE(1)" in proc.stdout and "--data-dir" in proc.stdout
