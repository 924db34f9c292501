"""Everyone formats alike: ruff's formatter and linter (pinned in the test extras) pass on the tree,
and no line is kept out of the formatter's hands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUFF = Path(sys.executable).with_name("ruff")


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(RUFF), *args], cwd=ROOT, capture_output=True, text=True)


def test_the_tree_is_formatted() -> None:
    result = _ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


def test_the_linter_passes() -> None:
    result = _ruff("check", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


def test_no_line_is_kept_from_the_formatter() -> None:
    marks = ("fmt: " + "skip", "fmt: " + "off")
    found = [
        f"{p.relative_to(ROOT)}:{n}"
        for folder in ("tui", "tests", "bench", "scripts")
        for p in (ROOT / folder).rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if any(mark in line for mark in marks)
    ]
    assert found == []
