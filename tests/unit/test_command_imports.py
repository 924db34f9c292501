"""What the everyday commands load: nothing they do not use (issue 29's fast paths)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("dataclasses", "typing", "tinydb", "shutil", "textual", "tui.sync.engine", "cryptography", "pyrage")

CODE = """
import sys
from tui.cli import main
main(sys.argv[1:])
print(" ".join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


def loaded(*args: str, heavy: tuple[str, ...] = HEAVY) -> set[str]:
    code = CODE.format(heavy=heavy)
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    return set(proc.stderr.split())


def test_today_loads_no_dataclasses_typing_or_tinydb(tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path / "data"), "--today", "2026-11-25"]
    assert loaded(*data, "gratitude", "For the tea.") == {"tinydb", "typing"}  # a write goes through TinyDB
    assert loaded(*data, "today") == set()


def test_done_and_gratitude_in_their_simple_forms_build_no_parser(tmp_path: Path) -> None:
    from datetime import date

    from tui.storage import Store

    with Store(tmp_path / "data") as s:
        s.add_ritual("Morning tea", created=date(2026, 1, 1))
    data = ["--data-dir", str(tmp_path / "data"), "--today", "2026-11-25"]
    assert loaded(*data, "gratitude", "For the tea.", "--share", heavy=("argparse",)) == set()
    assert loaded(*data, "done", "tea", heavy=("argparse",)) == set()
