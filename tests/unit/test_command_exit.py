"""A command ends as soon as its work is done (tui.cli._leave_now), and loses nothing by it:
its whole output reaches a pipe, its exit code is kept, its exit handlers run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui.storage import open_store

PRINT_AT_EXIT = """
import atexit, sys
atexit.register(lambda: print("exit handler ran", file=sys.stderr))
sys.argv = ["micro-romance", *sys.argv[1:]]
from tui.cli import main
sys.exit(main())
"""


def shell(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PRINT_AT_EXIT, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )


def test_a_note_is_on_disk_its_line_printed_and_the_handlers_run(tmp_path: Path) -> None:
    data = tmp_path / "data"
    proc = shell("--data-dir", str(data), "--today", "2026-11-25", "gratitude", "For the soup.")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "Saved to your gratitude log for Wednesday 25 November 2026.\n"
    assert proc.stderr == "exit handler ran\n"
    store = open_store(data, readonly=True)
    try:
        assert [n.text for n in store.notes()] == ["For the soup."]
    finally:
        store.close()


def test_a_refusal_keeps_its_code_and_its_message(tmp_path: Path) -> None:
    proc = shell("--data-dir", str(tmp_path / "data"), "--today", "2026-11-25", "done", "Nothing by that name")
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.startswith("micro-romance: ")
    assert proc.stderr.endswith("exit handler ran\n")
