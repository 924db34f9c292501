"""The command line: fast help and version, clear one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui import __version__
from tui.cli import main
from tui.storage import FILE_NAME, Store


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=cwd, stdin=subprocess.DEVNULL
    )


def test_version_and_help_do_not_import_textual() -> None:
    code = (
        "import sys\nfrom tui.cli import main\n"
        "for args in (['--version'], ['--help']):\n"
        "    try:\n        main(args)\n    except SystemExit:\n        pass\n"
        "print('textual' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip().endswith("False"), proc.stdout
    assert __version__ in proc.stdout


def test_python_m_tui_help(tmp_path: Path) -> None:
    proc = run("--help", cwd=tmp_path)
    assert proc.returncode == 0
    assert "--data-dir" in proc.stdout and "--today" in proc.stdout


def test_bad_today_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--today", "tomorrow"])
    assert info.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_bad_data_file_one_paragraph_no_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / FILE_NAME).write_bytes(b"{not json")
    proc = run("--data-dir", str(data))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert str(data / FILE_NAME) in proc.stderr and "not valid JSON" in proc.stderr
    assert (data / FILE_NAME).read_bytes() == b"{not json"


def test_second_instance_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store(data):
        proc = run("--data-dir", str(data))
    assert proc.returncode == 2
    assert "already running" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("micro-romance: Another copy is already running")  # the name said once


def test_unusable_data_dir(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("x")
    proc = run("--data-dir", str(tmp_path / "plain-file" / "data"))
    assert proc.returncode == 2
    assert "cannot be created" in proc.stderr and "Traceback" not in proc.stderr


def test_default_data_dir_honours_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    from tui.paths import default_data_dir

    assert default_data_dir() == tmp_path / "xdg" / "micro-romance"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data-dir", "/tmp/x"],
        ["--data-dir=/tmp/x", "--today", "2026-11-25"],
        ["--demo"],
        ["--de"],
        ["--t", "2026-11-25", "--data", "d"],
        ["--data-dir", "status"],
    ],
)
def test_the_full_screen_is_read_as_the_whole_parser_reads_it(argv: list[str]) -> None:
    from tui.cli.parser import build_parser, full_screen_args

    assert full_screen_args(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["status"],
        ["--data-dir", "d", "today"],
        ["--help"],
        ["-h"],
        ["--he"],
        ["--version"],
        ["--ver"],
        ["--today", "tomorrow"],
        ["--d", "x"],
        ["--colour"],
        ["pair", "status"],
        ["--"],
        ["--", "status"],
    ],
)
def test_commands_help_and_mistakes_go_to_the_whole_parser(argv: list[str]) -> None:
    from tui.cli.parser import full_screen_args

    assert full_screen_args(argv) is None


def test_opening_the_full_screen_imports_no_command() -> None:
    code = (
        "import sys\nimport tui.cli.launch as launch\nlaunch.run_app = lambda args: 0\n"
        "import tui.cli.parser as parser\nparser.run_app = launch.run_app\n"
        "from tui.cli import main\nmain(['--data-dir', 'nowhere'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('tui.cli.')))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "['tui.cli.launch', 'tui.cli.options', 'tui.cli.parser']", proc.stdout


def test_help_lists_every_command_as_its_own_parser_says_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """--help lists the commands from a table (no command's module imported): the same text as the
    parser built from every command's own registration."""
    from tui.cli.parser import COMMANDS, HIDDEN, LISTED, build_parser

    monkeypatch.setenv("COLUMNS", "100")
    assert list(LISTED) == [name for name in COMMANDS if name not in HIDDEN]
    assert build_parser(listing=True).format_help() == build_parser().format_help()


def test_help_imports_no_command() -> None:
    code = (
        "import sys\nfrom tui.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('tui.cli.')), file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "done" in proc.stdout and "completion" in proc.stdout
    assert proc.stderr.strip() == "['tui.cli.launch', 'tui.cli.options', 'tui.cli.parser']", proc.stderr
