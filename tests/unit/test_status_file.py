"""The status file a prompt reads: kept by every write, true for its day only, and read by
``status`` without opening the store."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.cli import main
from tui.cli.quick import default_data_dir
from tui.model import Settings
from tui.statusfile import STATUS_NAME, from_text, status_path
from tui.storage import FILE_NAME, HISTORY_DIR, Store

DAY = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parents[2]


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str, today: date = DAY) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--today", today.isoformat(), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def two(data_dir: Path) -> Path:
    with Store(data_dir) as s:
        s.save_settings(Settings(partner_name="Sam", welcomed=True))
        s.add_ritual("Morning coffee", created=date(2026, 1, 1), ritual_id="coffee")
        s.add_ritual("Evening walk", created=date(2026, 1, 1), ritual_id="walk")
    return data_dir


def lines(data: Path) -> list[str]:
    return (data / STATUS_NAME).read_text(encoding="utf-8").splitlines()


def test_a_tick_from_the_shell_writes_the_days_status(capsys, two: Path) -> None:
    assert cli(capsys, two, "done", "coffee")[0] == 0
    day, line, *fields = lines(two)
    assert day == DAY.isoformat() and line.startswith("1 ritual open · gesture: ")
    assert {"open=1", "done=1", "total=2", "partner=Sam", "open_ritual=Evening walk"} <= set(fields)
    assert [f for f in fields if f.startswith("ritual=")] == ["ritual=Morning coffee", "ritual=Evening walk"]
    assert stat.S_IMODE((two / STATUS_NAME).stat().st_mode) == 0o600
    assert cli(capsys, two, "status")[1] == line + "\n"
    assert cli(capsys, two, "done", "walk")[0] == 0
    assert lines(two)[1].startswith("all rituals kept ✓ · gesture: ")


def test_status_reads_the_file_without_the_store(two: Path) -> None:
    assert main(["--data-dir", str(two), "--today", DAY.isoformat(), "gratitude", "for the soup"]) == 0
    text = (two / STATUS_NAME).read_text(encoding="utf-8").replace("\ngesture=", "\ngesture=from the file, not ")
    (two / STATUS_NAME).write_text(text, encoding="utf-8")
    head = f"['--data-dir', {str(two)!r}, '--today', {DAY.isoformat()!r}, 'status'"
    code = (
        "import sys; from tui.cli import main; "
        f"main({head}, '--format', '{{open}} {{partner}}']); main({head}]);"
        "print(sorted(m for m in ('argparse', 'pathlib', 'tui.storage.store', 'tinydb') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    out = proc.stdout.splitlines()
    assert (
        out[0] == "2 Sam" and out[1].startswith("2 rituals open · gesture: from the file, not ") and out[2] == "[]"
    ), proc


def test_a_status_for_yesterday_is_not_todays(capsys, two: Path) -> None:
    assert cli(capsys, two, "done", "coffee", today=DAY - timedelta(days=1))[0] == 0
    assert lines(two)[0] == (DAY - timedelta(days=1)).isoformat()
    code, out, _ = cli(capsys, two, "status")
    assert code == 0 and out.startswith("2 rituals open · ")  # yesterday's tick is not today's
    assert lines(two)[0] == DAY.isoformat() and lines(two)[1] == out.rstrip("\n")  # and the file follows


def test_a_write_the_file_missed_is_not_hidden(capsys, two: Path) -> None:
    assert cli(capsys, two, "status")[1].startswith("2 rituals open")
    with Store(two) as s:  # a write by a copy that does not keep the file (an older version)
        s.set_tick("walk", DAY, True)
    assert cli(capsys, two, "status")[1].startswith("1 ritual open")


def test_status_of_a_folder_not_made_yet_makes_nothing(capsys, tmp_path: Path) -> None:
    code, out, _ = cli(capsys, tmp_path / "none", "status")
    assert code == 0 and out.startswith("gesture: ") and not (tmp_path / "none").exists()


def test_a_damaged_status_file_is_computed_again(capsys, two: Path) -> None:
    (two / STATUS_NAME).write_bytes(b"\xff\xfe not ours")
    assert cli(capsys, two, "status")[1].startswith("2 rituals open")
    assert from_text((two / STATUS_NAME).read_text(encoding="utf-8")) is not None
    code, out, _ = cli(capsys, two, "status", "--where")
    assert code == 0 and out == status_path(two) + "\n"


def test_the_full_screen_keeps_the_file(two: Path) -> None:
    import asyncio

    from tui.app import MicroRomanceApp
    from tui.clock import ManualClock

    async def tick() -> None:
        with Store(two) as store:
            app = MicroRomanceApp(store=store, clock=ManualClock(DAY))
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                assert lines(two)[1].startswith("2 rituals open")
                await pilot.press("2")
                await pilot.pause()
                await pilot.press("space")
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert lines(two)[1].startswith("1 ritual open")

    asyncio.run(tick())


def test_the_files_it_watches_are_the_stores() -> None:
    from tui import filestamp
    from tui.paths import SYNC_DIR
    from tui.together.state import STATE_FILE

    assert (filestamp.MAIN, filestamp.HISTORY) == (FILE_NAME, HISTORY_DIR)
    assert filestamp.TOGETHER == os.path.join(SYNC_DIR, STATE_FILE)


def test_a_save_killed_before_its_files_were_in_place_is_not_hidden(capsys, two: Path) -> None:
    from tui import __version__
    from tui.filestamp import JOURNAL
    from tui.statusfile import current_status
    from tui.storage.journal import JOURNAL_NAME

    assert JOURNAL == JOURNAL_NAME
    assert cli(capsys, two, "done", "coffee")[0] == 0
    assert current_status(two, DAY.isoformat(), __version__) is not None
    (two / JOURNAL_NAME).write_text('{"renames": [], "deletes": []}', encoding="utf-8")  # as a kill leaves it
    assert current_status(two, DAY.isoformat(), __version__) is None


@pytest.mark.skipif(sys.platform.startswith(("win", "darwin")), reason="the XDG rule")
@pytest.mark.parametrize("xdg", [None, "", "  ", "/somewhere/data"])
def test_the_quick_data_folder_is_platformdirs_own(monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    from platformdirs import user_data_path

    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert default_data_dir() == str(user_data_path("micro-romance", appauthor=False))
    assert os.path.isabs(default_data_dir() or "")


def test_writes_and_today_load_no_sync_or_crypto_unless_paired(two: Path) -> None:
    head = f"['--data-dir', {str(two)!r}, '--today', {DAY.isoformat()!r}"
    code = (
        "import sys; from tui.cli import main; "
        f"main({head}, 'done', 'coffee']); main({head}, 'gratitude', 'the soup']); main({head}, 'today']); "
        "heavy = ('tui.sync.engine', 'tui.sync.crypto', 'tui.sync.pairing', 'cryptography', 'pyrage', "
        "'tui.cli.together', 'tui.cli.doctor', 'tui.cli.transfer'); "
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.stdout.splitlines()[-1] == "[]", proc.stdout + proc.stderr


def test_nothing_in_the_status_file_reaches_the_terminal_raw(capsys, two: Path) -> None:
    assert cli(capsys, two, "status")[0] == 0
    text = (two / STATUS_NAME).read_text(encoding="utf-8")
    text = text.replace("\ngesture=", "\ngesture=\x1b]0;title\x07").replace("partner=Sam", "partner=\x1b[31mSam")
    (two / STATUS_NAME).write_text(text, encoding="utf-8")
    out = cli(capsys, two, "status")[1] + cli(capsys, two, "status", "--format", "{partner} {gesture}")[1]
    assert "\x1b" not in out and "\x07" not in out and "Sam" in out
