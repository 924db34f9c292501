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


def test_today_builds_no_parser_and_a_write_never_paired_loads_no_together(tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path / "data"), "--today", "2026-11-25"]
    assert loaded(*data, "today", "--json", heavy=("argparse",)) == set()
    loaded(*data, "gratitude", "For the tea.")  # the first write works the day's status out whole
    together = ("tui.together", "tui.sync")
    assert loaded(*data, "gratitude", "For the walk.", heavy=together) == set()


FIRST_FRAME = """
import asyncio, sys
from datetime import date
from pathlib import Path
from tui.app import MicroRomanceApp
from tui.clock import ManualClock
from tui.storage import Store

async def first_frame():
    app = MicroRomanceApp(store=Store(Path(sys.argv[1])), clock=ManualClock(date(2026, 11, 25)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print(" ".join(m for m in sys.argv[2:] if m in sys.modules), file=sys.stderr)

asyncio.run(first_frame())
"""


def test_the_full_screen_loads_the_note_editor_only_when_it_opens(tmp_path: Path) -> None:
    """The note editor's TextArea (and Textual's document machinery under it) waits for the editor."""
    heavy = ["textual.widgets._text_area", "textual.document._document"]
    proc = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(tmp_path / "data"), *heavy], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.split() == []
