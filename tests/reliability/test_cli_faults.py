"""The subcommands under stress: bad files, a second copy, a full disk, hostile text.

Each runs ``python -m tui ...`` in a child process, as a person would from a
shell. Every failure must be one clear line on standard error (no traceback),
a non-zero exit, and data files byte-identical to before.
"""

from __future__ import annotations

import io
import json
import os
import resource
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tui.storage import FILE_NAME, Store

TODAY = "2026-11-25"

BAD_MAIN_FILES = {
    "truncated": b'{"meta": {"1": {"schema_version": 1}}, "notes/2026": {"1": {"id": "a", "da',
    "random bytes": bytes(range(256)) * 2,
    "empty": b"",
    "wrong shape": b'{"meta": [1, 2]}',
    "future": b'{"meta": {"1": {"schema_version": 999}}}',
    "wrong type": b'{"meta": {"1": {"schema_version": 1}}, '
    b'"notes/2026": {"1": {"id": "a", "day": "2026-11-25", "text": 5}}}',
}

COMMANDS = {
    "today": ["today"],
    "status": ["status"],
    "done": ["done", "walk"],
    "gratitude": ["gratitude", "thank you"],
    "export": ["export"],
    "import": ["import", "{export}"],
    "doctor": ["doctor"],
}


def run(data_dir: Path, *args: str, stdin: bytes | None = None, **kwargs) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "--today", TODAY, *args],
        capture_output=True,
        input=stdin if stdin is not None else b"",
        timeout=60,
        **kwargs,
    )


def cli(monkeypatch: pytest.MonkeyPatch, data_dir: Path, *args: str, stdin: bytes = b"") -> tuple[int, bytes, bytes]:
    """Run the command line in this process (quicker than a child); returns (status, out, err)."""
    from tui.cli import main

    streams = {name: io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="") for name in ("stdout", "stderr")}
    with monkeypatch.context() as patch:
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        for name, stream in streams.items():
            patch.setattr(sys, name, stream)
        try:
            code = main(["--data-dir", str(data_dir), "--today", TODAY, *args])
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
        for stream in streams.values():
            stream.flush()
    out, err = (streams[name].buffer.getvalue() for name in ("stdout", "stderr"))  # type: ignore[attr-defined]
    return code, out, err


def data_bytes(data_dir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and "backups" not in p.parts and p.suffix in (".json", ".tmp")
    }


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format_version": 1, "notes": [{"id": "x1", "day": TODAY, "text": "from a file"}]}))
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_every_bad_file(
    data_dir: Path, export_file: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    args = [a.replace("{export}", str(export_file)) for a in COMMANDS[command]]
    data_dir.mkdir(mode=0o700)
    for kind, raw in BAD_MAIN_FILES.items():
        (data_dir / FILE_NAME).write_bytes(raw)
        before = data_bytes(data_dir)
        code, out, err = cli(monkeypatch, data_dir, *args)
        assert code != 0, (command, kind)
        shown = (err + out).decode()
        assert str(data_dir / FILE_NAME) in shown, (command, kind)
        assert "has not been changed" in shown, (command, kind)
        if command != "doctor":  # doctor writes a report; the others one line
            assert code == 2 and err.count(b"\n") == 1 and out == b"", (command, kind)
        assert data_bytes(data_dir) == before, (command, kind)


def test_the_message_has_no_traceback_from_a_real_shell(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / FILE_NAME).write_bytes(BAD_MAIN_FILES["wrong type"])
    proc = run(data_dir, "gratitude", "thank you")
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr and b"'text' should be text" in proc.stderr
    assert (data_dir / FILE_NAME).read_bytes() == BAD_MAIN_FILES["wrong type"]


# --------------------------------------------------------------------------- a second copy

HOLDER = """
import os, sys, time
from tui.storage import Store
store = Store(sys.argv[1])
os.write(1, b"ready\\n")
time.sleep(60)
"""

FULL_SCREEN = """
import os, sys
from tui.app import MicroRomanceApp
from tui.clock import ManualClock
from tui.storage import Store
from datetime import date

class Watched(MicroRomanceApp):
    def on_mount(self):
        super().on_mount()
        os.write(1, b"ready\\n")

Watched(store=Store(sys.argv[1]), clock=ManualClock(date(2026, 11, 25))).run(headless=True, size=(80, 24))
"""


def start_holder(code: str, data_dir: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line == b"ready\n", proc.stderr.read().decode() if proc.stderr else line
    return proc


@pytest.mark.parametrize("holder", ["full screen", "subcommand's store"])
def test_a_second_copy_is_refused_until_the_first_is_killed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, holder: str
) -> None:
    with Store(data_dir) as store:
        store.add_ritual("Walk", created=date(2026, 1, 1))
    first = start_holder(FULL_SCREEN if holder == "full screen" else HOLDER, data_dir)
    try:
        before = data_bytes(data_dir)
        for args in (["gratitude", "thank you"], ["done", "walk"], []):
            code, out, err = cli(monkeypatch, data_dir, *args)
            assert code == 2, (args, err)
            assert b"already running" in err and err.count(b"\n") == 1
            assert data_bytes(data_dir) == before
        # Reading commands do not need the lock.
        assert cli(monkeypatch, data_dir, "today")[0] == 0
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    code, out, err = cli(monkeypatch, data_dir, "gratitude", "after the other copy was gone")
    assert code == 0, err
    with Store(data_dir, readonly=True) as again:
        assert [n.text for n in again.notes()] == ["after the other copy was gone"]


# --------------------------------------------------------------------------- a full disk


def test_a_full_disk_through_a_subcommand(data_dir: Path) -> None:
    assert run(data_dir, "gratitude", "before the disk filled up").returncode == 0
    before = data_bytes(data_dir)
    limit = len((data_dir / FILE_NAME).read_bytes()) + 2000

    def small_files() -> None:  # pragma: no cover - runs in the child
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    proc = run(data_dir, "gratitude", "a long letter " * 500, preexec_fn=small_files)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert "File too large" in err and "Nothing on disk was changed" in err and "Traceback" not in err
    assert data_bytes(data_dir) == before  # no temporary file either


# --------------------------------------------------------------------------- hostile text

HOSTILE_ARGS = [
    "[bold]x[/] [@click=app.quit]y[/] [/]",
    "\x1b[31mred\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x07",
    "tab\there",
    "é" * 10_000,
    "你好 💛 שלום \u202eevil",
]


def test_hostile_notes_from_the_shell(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.text import check_note

    for text in HOSTILE_ARGS:
        code, out, err = cli(monkeypatch, data_dir, "gratitude", text)
        assert code == 0, err
        assert b"\x1b" not in out
    # Bytes that are not UTF-8 on the command line (Python sees lone surrogates).
    proc = subprocess.run(
        [
            sys.executable.encode(),
            b"-m",
            b"tui",
            b"--data-dir",
            os.fsencode(data_dir),
            b"--today",
            TODAY.encode(),
            b"gratitude",
            b"half \xff\xfe a char",
        ],
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    # NUL cannot be passed in argv; standard input carries it, and bad UTF-8 too.
    assert cli(monkeypatch, data_dir, "gratitude", "-", stdin=b"nul\x00 and bell\x07 gone\n")[0] == 0
    code, out, err = cli(monkeypatch, data_dir, "gratitude", "-", stdin=b"\xff\xfe not utf-8")
    assert code == 1 and b"not UTF-8" in err
    code, out, err = cli(monkeypatch, data_dir, "gratitude", "x" * 10_001)
    assert code == 1 and b"limit is 10,000" in err
    with Store(data_dir, readonly=True) as store:
        texts = sorted(n.text for n in store.notes())
    assert texts == sorted([check_note(t) for t in HOSTILE_ARGS] + ["half \ufffd\ufffd a char", "nul and bell gone"])
    for text in texts:
        assert "\x1b" not in text and "\x00" not in text
    # What the shell prints back is free of terminal controls too.
    for args in (["today"], ["status"], ["export", "--format", "markdown"], ["export"]):
        code, out, err = cli(monkeypatch, data_dir, *args)
        assert code == 0 and b"\x1b" not in out and b"\x07" not in out, args


def test_hostile_import_is_cleaned_or_refused(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = {
        "format_version": 1,
        "settings": {"partner_name": "[@click=app.quit]Sam\x1b[31m"},
        "rituals": [{"id": "r1", "name": "Walk \x1b]8;;http://x\x07[b]x[/]\x00", "created": "2026-01-01"}],
        "notes": [
            {"id": "n1", "day": TODAY, "text": "lone \ud800 NUL \x00 clear \x1b[2J end"},
            {"id": "n2", "day": TODAY, "text": "x" * 5000 + "\x1b" * 6000},
        ],
    }
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(bundle))  # JSON escapes keep the surrogate and controls
    code, out, err = cli(monkeypatch, data_dir, "import", str(path))
    assert code == 0, err
    assert b"\x1b" not in out
    with Store(data_dir, readonly=True) as store:
        assert store.settings().partner_name == "[@click=app.quit]Sam"
        assert store.ritual("r1").name == "Walk [b]x[/]"
        assert store.note("n1").text == "lone \ufffd NUL  clear  end"
        assert store.note("n2").text == "x" * 5000
    # Too long, even after cleaning: the whole file is refused, nothing changes.
    before = data_bytes(data_dir)
    path.write_text(json.dumps({"format_version": 1, "notes": [{"id": "n3", "day": TODAY, "text": "y" * 10_001}]}))
    code, out, err = cli(monkeypatch, data_dir, "import", str(path))
    assert code != 0 and b"Nothing was changed" in err
    assert data_bytes(data_dir) == before
    # Not JSON at all, random bytes, a NUL-filled file: refused the same way.
    for raw in (b"\x00" * 100, bytes(range(256)), b'{"format_version": 1, "notes": [1, 2'):
        path.write_bytes(raw)
        code, out, err = cli(monkeypatch, data_dir, "import", str(path))
        assert code != 0 and b"Nothing was changed" in err, raw[:20]
        assert data_bytes(data_dir) == before


def test_a_data_folder_that_is_a_file_is_said_by_every_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--data-dir naming a file: the full screen and every command say so in one line and exit non-zero."""
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_bytes(b"my own notes")
    for args in ([], ["today"], ["status"], ["gratitude", "thank you"], ["doctor"]):
        code, out, err = cli(monkeypatch, not_a_folder, *args)
        lines = err.decode().splitlines()
        assert code != 0, args
        assert lines == [
            f"micro-romance: The data folder {not_a_folder} is a file, not a folder. "
            "Choose a folder with --data-dir, or move the file out of the way."
        ], args
    assert not_a_folder.read_bytes() == b"my own notes"
    child = run(not_a_folder, "today")  # a real process, as a shell runs it
    assert child.returncode != 0 and b"is a file, not a folder" in child.stderr


def test_writing_as_a_day_ahead_is_refused_reading_it_is_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--today after the system's date: writing (a note, the full screen) is refused in one line; reading answers."""
    from datetime import timedelta

    from tui.clock import DayClock

    data = tmp_path / "data"
    ahead = (DayClock().today() + timedelta(days=400)).isoformat()

    def ahead_cli(*args: str) -> tuple[int, str]:
        code, _out, err = cli(monkeypatch, data, "--today", ahead, *args)
        return code, err.decode()

    for args in (["gratitude", "a note from the future"], []):
        code, err = ahead_cli(*args)
        assert code != 0 and len(err.splitlines()) == 1, args
        assert f"--today {ahead} is after today's date" in err
    assert not (data / FILE_NAME).exists()  # nothing written
    assert ahead_cli("today")[0] == 0  # looking ahead is fine
