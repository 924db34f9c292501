"""A closed terminal (SIGHUP) or a kill (SIGTERM) with an editor open loses no word.

A real process on a real terminal (tests/reliability/terminal.py): words typed in the
note editor, then the signal; the app exits on its own (no "Terminated" from a shell),
restores the terminal, and keeps the words as a draft that the editor offers back.
"""

from __future__ import annotations

import json
import os
import signal
import stat
from datetime import date

import pytest

from tests.reliability.terminal import Terminal
from tui.record import replace
from tui.storage import Store

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="a POSIX terminal")

LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"
SHOW_CURSOR = b"\x1b[?25h"


def open_gratitude_editor(terminal: Terminal) -> None:
    terminal.wait_for("Today")
    terminal.forget()
    terminal.type("3")
    terminal.wait_for("New note ")
    terminal.forget()
    terminal.type("a")
    terminal.wait_for("A note of thanks")


def ended_by(terminal: Terminal, signum: int) -> None:
    """The app ended by itself with 128 + signum, the terminal given back as it was."""
    status = terminal.wait_exit()
    assert os.WIFEXITED(status), "killed by the signal instead of ending"
    assert os.WEXITSTATUS(status) == 128 + signum
    assert LEAVE_ALTERNATE_SCREEN in terminal.output and SHOW_CURSOR in terminal.output


def test_words_typed_survive_a_closed_terminal_and_a_kill(tmp_path) -> None:
    data = tmp_path / "data"
    store = Store(data)
    store.save_settings(replace(store.settings(), welcomed=True, last_review=date.today().isoformat()))
    store.close()

    terminal = Terminal("--data-dir", str(data))
    try:
        open_gratitude_editor(terminal)
        terminal.type("walks in the rain")
        terminal.wait_for("rain")
        terminal.forget()
        terminal.signal(signal.SIGHUP)
        ended_by(terminal, signal.SIGHUP)
    finally:
        terminal.kill()

    drafts = data / "drafts.json"
    assert stat.S_IMODE(drafts.stat().st_mode) == 0o600
    assert "walks in the rain" in drafts.read_text(encoding="utf-8")
    reopened = Store(data)
    assert reopened.notes() == [], "a draft is never saved as a note by itself"
    reopened.close()

    terminal = Terminal("--data-dir", str(data))
    try:
        terminal.wait_for("Drafts kept")  # the start says where words wait
        open_gratitude_editor(terminal)
        terminal.wait_for("not saved yet")
        terminal.wait_for("walks in the rain")
        terminal.type(" and tea")
        terminal.wait_for("tea")
        terminal.signal(signal.SIGTERM)
        ended_by(terminal, signal.SIGTERM)
    finally:
        terminal.kill()
    kept = json.loads(drafts.read_text(encoding="utf-8"))["drafts"]["note.new"]["fields"]
    assert kept == {"editor-text": "walks in the rain and tea"}
