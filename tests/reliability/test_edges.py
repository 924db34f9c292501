"""The edges of the data folder: odd dates, missing or odd files, hand-edited data.

Each test is a case that once lost words or printed a traceback; every refusal
is one clear line and leaves the files as they were.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from tests.reliability.test_cli_faults import cli, data_bytes
from tui.storage import FILE_NAME, Store, StoreWriteError
from tui.storage.checked import CHECKED_NAME
from tui.storage.memories import MEMORIES_DIR

DAY = date(2026, 11, 25)


def error_line(err: bytes) -> str:
    """The one line that says what is wrong (after argparse's usage, if any)."""
    text = err.decode("utf-8")
    assert "Traceback" not in text, text
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith(" ")]
    assert lines and not [line for line in lines[:-1] if not line.startswith("usage:")], text
    return lines[-1]


# --------------------------------------------------------------------------- 1. dates outside 1900..2999


@pytest.mark.parametrize("day", ["0999-06-01", "0001-01-01", "9999-12-31", "1899-12-31", "3000-01-01"])
@pytest.mark.parametrize("command", [["gratitude", "A"], ["today"], ["status"], ["done", "walk"]])
def test_a_day_outside_the_range_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, day: str, command: list[str]
) -> None:
    data_dir = tmp_path / "d"
    code, out, err = cli(monkeypatch, data_dir, "--today", day, *command)
    assert code != 0
    assert "outside the days micro-romance keeps (1900-01-01 to 2999-12-31)" in error_line(err)
    assert not data_dir.exists()


def test_an_import_with_a_day_outside_the_range_changes_nothing(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(data_dir) as s:
        s.add_note("kept", DAY)
    before = data_bytes(data_dir)
    export = tmp_path / "e.json"
    export.write_text(json.dumps({"format_version": 1, "ticks": [{"ritual": "walk", "day": "0500-01-01"}]}))
    code, out, err = cli(monkeypatch, data_dir, "import", str(export))
    assert code != 0
    line = error_line(err)
    assert "entry 1 of 'ticks': field 'day' cannot be used: 0500-01-01 is outside" in line
    assert data_bytes(data_dir) == before


def test_the_forms_refuse_a_day_outside_the_range() -> None:
    from tui.dialogs.basic import FieldError, parse_date

    with pytest.raises(FieldError, match="start day 0999-06-01 is outside") as refused:
        parse_date("0999-06-01", "start day", "grace-start")
    assert refused.value.field == "grace-start"
    assert parse_date("1900-01-01", "start day") == date(1900, 1, 1)


def test_the_store_refuses_to_write_a_day_it_could_not_load(data_dir: Path) -> None:
    with Store(data_dir) as s:
        ritual = s.add_ritual("Walk", created=DAY)
        for write in (
            lambda: s.add_note("lost?", date(999, 6, 1)),
            lambda: s.set_tick(ritual.id, date(999, 6, 1), True),
        ):
            with pytest.raises(StoreWriteError, match="0999-06-01 is outside"):
                write()
        s.add_note("kept", date(1900, 1, 1))
    assert not (data_dir / "history" / "999.json").exists()
    with Store(data_dir) as s:
        assert [n.text for n in s.notes()] == ["kept"] and not s.ticked_days(ritual.id)
    assert (data_dir / FILE_NAME).exists()


# --------------------------------------------------------------------------- 2. main file missing, history kept


def test_history_without_the_main_file_is_damaged_and_nothing_is_written(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(data_dir) as s:
        s.add_note("last year", date(2025, 3, 1))
        s.add_note("this year", DAY)
    assert (data_dir / "history" / "2025.json").exists()
    (data_dir / FILE_NAME).unlink()
    before = data_bytes(data_dir)
    for command in (["gratitude", "new"], ["export"], ["status"]):
        code, out, err = cli(monkeypatch, data_dir, *command)
        assert code != 0, command
        line = error_line(err)
        assert f"{FILE_NAME} is missing" in line and "2025" in line and "no backup" in line, line
        assert data_bytes(data_dir) == before
    backup = data_dir / "backups" / "20261124-100000-000000"
    (backup / "history").mkdir(parents=True)
    code, out, err = cli(monkeypatch, data_dir, "gratitude", "new")
    assert code != 0 and f'cp -R "{backup}/."'.encode() in err and data_bytes(data_dir) == before
    code, out, err = cli(monkeypatch, data_dir, "doctor")
    assert code == 1 and b"is missing" in out and b"All is well" not in out
    assert data_bytes(data_dir) == before


# --------------------------------------------------------------------------- 9. messages, not tracebacks

META = '"meta": {"1": {"schema_version": 1}}'
HOSTILE_MAIN_FILES = {
    "a 5,000-digit number": "{"
    + META
    + ', "rituals": {"1": {"id": "a", "name": "x", "position": '
    + "9" * 5000
    + "}}}",
    "100,000 levels of nesting": "{" + META + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "a table named ticks/abcd": "{" + META + ', "ticks/abcd": {}}',
    "a table named notes/999": "{" + META + ', "notes/999": {}}',
    "a table named settings/2026": "{" + META + ', "settings/2026": {}}',
    "schema_version 0": '{"meta": {"1": {"schema_version": 0}}}',
    "schema_version -3": '{"meta": {"1": {"schema_version": -3}}}',
}


@pytest.mark.parametrize("kind", HOSTILE_MAIN_FILES)
def test_a_strange_data_file_gets_a_message_and_is_kept(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / FILE_NAME).write_text(HOSTILE_MAIN_FILES[kind])
    before = data_bytes(data_dir)
    for command in (["gratitude", "x"], ["status"], ["export"]):
        code, out, err = cli(monkeypatch, data_dir, *command)
        assert code != 0, (kind, command)
        assert "could not be read" in error_line(err), (kind, err)
    code, out, err = cli(monkeypatch, data_dir, "doctor")
    assert code == 1 and b"All is well" not in out, (kind, out)
    assert data_bytes(data_dir) == before


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        ('{"format_version": 1, "rituals": [{"id": "a", "name": "x", "position": ' + "9" * 5000 + "}]}", "more digits"),
        ('{"format_version": 1, "notes": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ],
    ids=["huge number", "deep nesting"],
)
def test_a_strange_import_gets_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raw: str, said: str) -> None:
    export = tmp_path / "e.json"
    export.write_text(raw)
    code, out, err = cli(monkeypatch, tmp_path / "d", "import", str(export))
    assert code != 0 and said in error_line(err)


# --------------------------------------------------------------------------- 10. duplicate keys


def test_an_import_naming_a_key_twice_is_refused(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "e.json"
    first = '[{"id": "n1", "day": "2026-11-01", "text": "first"}]'
    second = '[{"id": "n2", "day": "2026-11-02", "text": "second"}]'
    export.write_text('{"format_version": 1, "notes": ' + first + ', "notes": ' + second + "}")
    code, out, err = cli(monkeypatch, data_dir, "import", str(export))
    assert code != 0
    assert "names the key 'notes' twice" in error_line(err)
    assert not (data_dir / FILE_NAME).exists()


def test_a_data_file_naming_a_key_twice_is_damaged_and_kept(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir.mkdir(mode=0o700)
    settings = '{"1": {"partner_name": "Sam"}}'
    (data_dir / FILE_NAME).write_text("{" + META + ', "settings": ' + settings + ', "settings": {}}')
    before = data_bytes(data_dir)
    code, out, err = cli(monkeypatch, data_dir, "gratitude", "x")
    assert code != 0 and "names the key 'settings' twice" in error_line(err)
    code, out, err = cli(monkeypatch, data_dir, "doctor")
    assert code == 1 and b"names the key 'settings' twice" in out
    assert data_bytes(data_dir) == before


# --------------------------------------------------------------------------- 8. a named pipe instead of a file


def run_child(data_dir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """A command in a child process, killed if it hangs."""
    return subprocess.run(
        [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "--today", DAY.isoformat(), *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=20,
    )


@pytest.mark.parametrize("which", [FILE_NAME, "history/2025.json"])
def test_a_named_pipe_instead_of_a_data_file_is_refused_at_once(data_dir: Path, which: str) -> None:
    with Store(data_dir) as s:
        s.add_note("last year", date(2025, 3, 1))
        s.add_note("this year", DAY)
    (data_dir / which).unlink()
    os.mkfifo(data_dir / which, 0o600)
    for command in (["gratitude", "x"], ["doctor"], ["status"]):
        proc = run_child(data_dir, *command)
        assert proc.returncode != 0, command
        said = (proc.stdout + proc.stderr).decode()
        assert "named pipe, not a plain file" in said and "Traceback" not in said, said
    assert stat.S_ISFIFO((data_dir / which).lstat().st_mode)


# --------------------------------------------------------------------------- 11. links inside the folder


@pytest.mark.parametrize("which", [FILE_NAME, "history/2025.json"])
def test_a_linked_data_file_is_refused_and_its_target_untouched(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    with Store(data_dir) as s:
        s.add_note("last year", date(2025, 3, 1))
        s.add_note("this year", DAY)
    target = tmp_path / "elsewhere.json"
    os.replace(data_dir / which, target)
    target.chmod(0o644)
    original = target.read_bytes()
    (data_dir / which).symlink_to(target)
    for command in (["gratitude", "x"], ["status"], ["export"]):
        code, out, err = cli(monkeypatch, data_dir, *command)
        assert code != 0 and "symbolic link" in error_line(err), (command, err)
    code, out, err = cli(monkeypatch, data_dir, "doctor")
    assert code == 1 and b"symbolic link" in out
    assert (data_dir / which).is_symlink() and target.read_bytes() == original
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_data_folder_that_is_a_link_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real"
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    real.mkdir(mode=0o700)
    code, out, err = cli(monkeypatch, tmp_path / "link", "gratitude", "through a link")
    assert code == 0, err
    with Store(real) as s:
        assert [n.text for n in s.notes()] == ["through a link"]


# --------------------------------------------------------------------------- 12. modes


def modes_under(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): f"{stat.S_IMODE(p.lstat().st_mode):04o}" for p in sorted(root.rglob("*"))}


def test_every_folder_and_file_made_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        data_dir = tmp_path / "a" / "b"
        with Store(data_dir) as s:
            s.add_note("last year", date(2025, 3, 1))
            s.add_note("this year", DAY)
        with Store(data_dir):  # changed files: a backup is made
            pass
    finally:
        os.umask(old)
    found = modes_under(tmp_path / "a")
    assert any(name.startswith("b/backups/") and name.endswith("history/2025.json") for name in found), found
    want = {name: ("0700" if (tmp_path / "a" / name).is_dir() else "0600") for name in found}
    assert found == want
    assert f"{stat.S_IMODE((tmp_path / 'a').stat().st_mode):04o}" == "0700"


def test_open_folders_inside_are_reported_then_tightened(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(data_dir) as s:
        s.add_note("last year", date(2025, 3, 1))
        s.add_note("this year", DAY)
    with Store(data_dir):
        pass
    backup = next((data_dir / "backups").iterdir())
    for folder in (data_dir / "history", data_dir / "backups", backup):
        folder.chmod(0o755)
    code, out, err = cli(monkeypatch, data_dir, "doctor")
    assert code == 1 and out.count(b"can be read by others") == 3, out
    with Store(data_dir):
        pass
    for folder in (data_dir / "history", data_dir / "backups", backup):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    code, out, err = cli(monkeypatch, data_dir, "doctor")
    assert code == 0, out


def test_doctor_on_a_read_only_file_system_does_not_suggest_chmod(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(data_dir) as s:
        s.add_note("this year", DAY)
    real_access, real_statvfs = os.access, os.statvfs

    class ReadOnly:
        f_flag = os.ST_RDONLY

    monkeypatch.setattr(os, "access", lambda path, how, **kw: False if how & os.W_OK else real_access(path, how, **kw))
    monkeypatch.setattr(os, "statvfs", lambda path: ReadOnly())
    code, out, err = cli(monkeypatch, data_dir, "doctor")
    monkeypatch.setattr(os, "access", real_access)
    monkeypatch.setattr(os, "statvfs", real_statvfs)
    assert code == 1 and b"read-only file system" in out and b"chmod" not in out, out


# --------------------------------------------------------------------------- 7. escapes in a copied data file

OSC_TITLE = "\x1b]2;owned\x07"
CLEAR = "\x1b[2J"
RLO = "\u202e"


def test_escapes_in_a_hand_edited_data_file_never_leave_the_store(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.model import GestureDay, Settings

    with Store(data_dir) as s:
        s.save_settings(Settings(partner_name=f"Sam{OSC_TITLE}{RLO}", welcomed=True))
        walk = s.add_ritual(f"Walk{CLEAR}{RLO}", created=DAY)
        s.set_tick(walk.id, DAY, True)
        s.save_gesture_day(GestureDay(DAY, "door-hug", ("door-hug",), done=True, note=f"nice{OSC_TITLE}"))
        s.add_note(f"thanks{CLEAR}\u2066x\u2069", DAY)
        s.add_note(f"old{OSC_TITLE}", date(2025, 3, 1))
        s.add_answer("p", f"yes{RLO}", DAY)
    assert b"\\u001b]2;owned" in (data_dir / FILE_NAME).read_bytes()  # the file holds them, as a copy could
    with Store(data_dir, readonly=True) as s:
        texts = [s.settings().partner_name, s.ritual(walk.id).name, s.gesture_day(DAY).note]
        texts += [n.text for n in s.notes()] + [a.text for a in s.answers()]
    assert texts == ["Sam", "Walk", "nice", "thanksx", "old", "yes"]
    for command in (["today"], ["status"], ["export", "--format", "markdown"]):
        code, out, err = cli(monkeypatch, data_dir, *command)
        assert code == 0, (command, err)
        assert b"\x1b" not in out and RLO.encode() not in out, (command, out)


def test_doctor_prints_no_escape_from_a_folder_name(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(data_dir) as s:
        s.add_note("kept", DAY)
    (data_dir / "backups" / f"20261124-{OSC_TITLE}").mkdir(parents=True)
    (data_dir / "backups" / f"{CLEAR}x").mkdir(parents=True)
    code, out, err = cli(monkeypatch, data_dir, "doctor")
    assert b"\x1b" not in out + err and b"\x07" not in out + err


def test_a_bad_table_name_is_shown_without_its_escapes(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / FILE_NAME).write_text(json.dumps({"meta": {"1": {"schema_version": 1}}, f"ticks/{OSC_TITLE}": {}}))
    code, out, err = cli(monkeypatch, data_dir, "status")
    assert code != 0 and b"\x1b" not in err and b"\x07" not in err and b"'ticks/' is not the name of a table" in err


# --------------------------------------------------------------------------- 6. backups that guard themselves


def two_years(data_dir: Path) -> None:
    with Store(data_dir) as s:
        s.add_note("last year", date(2025, 3, 1))
        s.add_note("this year", DAY)


def test_a_backup_cut_short_by_a_kill_is_never_listed(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    two_years(data_dir)
    code = (
        "import os, shutil, signal, sys\n"
        "from pathlib import Path\n"
        "real = shutil.copy2\n"
        "def half(src, dst, *a, **k):\n"
        "    if Path(src).parent.name == 'history':\n"
        "        Path(dst).write_bytes(Path(src).read_bytes()[:7])\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return real(src, dst, *a, **k)\n"
        "shutil.copy2 = half\n"
        "from tui.storage import Store\n"
        "Store(sys.argv[1])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True, timeout=60)
    assert proc.returncode == -9, proc.stderr
    code_, out, err = cli(monkeypatch, data_dir, "doctor")
    assert b"copies in" not in out and b"copy in" not in out, out  # nothing listed: the one made was cut short
    with Store(data_dir):  # the next start removes what the kill left and makes a whole one
        pass
    backups = Store(data_dir, readonly=True).backups()
    assert len(backups) == 1 and sorted(p.name for p in (data_dir / "backups").iterdir()) == [backups[0].name]
    assert (backups[0] / "history" / "2025.json").read_bytes() == (data_dir / "history" / "2025.json").read_bytes()


def test_an_old_backup_half_removed_by_a_kill_is_never_listed(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import datetime, timedelta

    two_years(data_dir)
    with Store(data_dir):
        pass
    old = Store(data_dir, readonly=True).backups()[0]
    old = old.rename(old.with_name((datetime.now() - timedelta(days=30)).strftime("%Y%m%d-%H%M%S-%f")))
    for n in range(3):  # three newer starts: the month-old copy is now one to remove
        with Store(data_dir) as s:
            s.add_note(f"start {n}", DAY)
    code = (  # removing the month-old copy: its main file goes, then the process is killed
        "import os, shutil, signal, sys\n"
        "from pathlib import Path\n"
        "def cut(path, *a, **k):\n"
        "    (Path(path) / 'micro-romance.json').unlink()\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "shutil.rmtree = cut\n"
        "from tui.storage import Store\n"
        "s = Store(sys.argv[1])\n"
        "s.add_note('a new day', s.notes()[0].day)\n"
        "s.close()\n"
        "Store(sys.argv[1])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True, timeout=60)
    assert proc.returncode == -9, proc.stderr
    listed = Store(data_dir, readonly=True).backups()
    assert old not in listed and all((b / FILE_NAME).is_file() for b in listed), listed
    code_, out, err = cli(monkeypatch, data_dir, "doctor")
    assert code_ == 0 and b"damaged" not in out, out
    with Store(data_dir):  # the next start finishes the removal
        pass
    assert sorted(p.name for p in (data_dir / "backups").iterdir()) == sorted(
        b.name for b in Store(data_dir, readonly=True).backups()
    )


def test_doctor_checks_every_backup_it_lists(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    two_years(data_dir)
    with Store(data_dir):
        pass
    backup = Store(data_dir, readonly=True).backups()[0]
    damaged = backup / "history" / "2025.json"
    damaged.write_bytes(damaged.read_bytes()[:9])
    code, out, err = cli(monkeypatch, data_dir, "doctor")
    assert code == 1 and b"damaged" in out and b"do not restore it" in out and b"cp -R" not in out, out


def test_rotation_removes_only_its_own_folders(tmp_path: Path, data_dir: Path) -> None:
    two_years(data_dir)
    mine = data_dir / "backups" / "0-before-upgrade"
    mine.mkdir(parents=True)
    (mine / "keep.txt").write_text("mine")
    outside = tmp_path / "outside"
    (outside / "history").mkdir(parents=True)
    (outside / "micro-romance.json").write_text("{}")
    (data_dir / "backups" / "20000101-000000-000000").symlink_to(outside, target_is_directory=True)
    for n in range(12):
        with Store(data_dir) as s:
            s.add_note(f"start {n}", DAY)
    assert (mine / "keep.txt").read_text() == "mine"
    assert (outside / "micro-romance.json").read_text() == "{}"


def test_a_backups_link_out_of_the_folder_is_never_written_or_emptied(tmp_path: Path, data_dir: Path) -> None:
    two_years(data_dir)
    outside = tmp_path / "outside"
    for name in ("20200101-000000-000000", "20200102-000000-000000", "photos"):
        (outside / name).mkdir(parents=True)
    (data_dir / "backups").symlink_to(outside, target_is_directory=True)
    for n in range(8):
        with Store(data_dir) as s:
            s.add_note(f"start {n}", DAY)
    assert sorted(p.name for p in outside.iterdir()) == ["20200101-000000-000000", "20200102-000000-000000", "photos"]


def test_with_the_clock_set_back_the_newest_backups_are_kept(data_dir: Path) -> None:
    two_years(data_dir)
    ahead = []
    for n in range(5):  # made while the clock was a year ahead
        with Store(data_dir) as s:
            s.add_note(f"ahead {n}", DAY)
        folder = [b for b in Store(data_dir, readonly=True).backups() if b.name not in ahead][0]
        ahead.append(folder.rename(folder.with_name(f"2027112{n}-120000-000000")).name)
    for n in range(3):
        with Store(data_dir) as s:
            s.add_note(f"back {n}", DAY)
    with Store(data_dir):
        pass
    names = [b.name for b in Store(data_dir, readonly=True).backups()]
    assert set(ahead) <= set(names)
    newest_content = (data_dir / FILE_NAME).read_bytes()
    assert any((data_dir / "backups" / n / FILE_NAME).read_bytes() == newest_content for n in names)


def test_an_unreadable_history_file_points_to_the_real_backups_folder(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_years(data_dir)
    (data_dir / "history" / "2025.json").write_bytes(b"{not json")
    code, out, err = cli(monkeypatch, data_dir, "status")
    assert code != 0
    line = error_line(err)
    assert f"Restore a copy from {data_dir / 'backups'} " in line and "history/backups" not in line


# --------------------------------------------------------------------------- backups kept by age (issue 16, 4)


def test_quick_writes_from_a_shell_keep_yesterdays_backup(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import datetime, timedelta

    two_years(data_dir)
    with Store(data_dir):
        pass
    first = Store(data_dir, readonly=True).backups()[0]
    yesterday = (datetime.now() - timedelta(days=1)).strftime("%Y%m%d-%H%M%S-%f")
    first.rename(first.with_name(yesterday))
    for n in range(6):  # five or more quick ticks and notes from a shell prompt
        code, out, err = cli(monkeypatch, data_dir, "gratitude", f"quick {n}")
        assert code == 0, err
    names = [b.name for b in Store(data_dir, readonly=True).backups()]
    assert yesterday in names and len(names) <= 1 + 3, names


# --------------------------------------------------------------------------- 3. a theme this copy does not know


async def test_an_unknown_theme_falls_back_to_the_default_with_one_notice(
    make_app, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.model import Settings
    from tui.themes import DEFAULT_THEME

    with Store(data_dir) as s:
        s.save_settings(Settings(welcomed=True, theme="bogus"))
    app = make_app()
    told: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: told.append(message))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        assert [m for m in told if "bogus" in m] == [
            "The theme 'bogus' saved in your settings is not one this micro-romance knows, "
            f"so it shows {DEFAULT_THEME} instead."
        ]
    assert app.store.settings().theme == "bogus"  # kept for the copy that knows it


# --------------------------------------------------------------------------- 4. a lock that cannot be deleted


def test_deleting_the_lock_file_lets_no_second_writer_in(data_dir: Path) -> None:
    with Store(data_dir) as running:  # the full screen, say
        running.add_note("from the app", DAY)
        lock_file = data_dir / "micro-romance.lock"
        if lock_file.exists():
            lock_file.unlink()  # what a person tidying the folder might do
        proc = run_child(data_dir, "gratitude", "from a shell")
        assert proc.returncode != 0 and b"already running" in proc.stderr, proc.stderr
        running.add_note("still from the app", DAY)
    with Store(data_dir, readonly=True) as s:
        assert sorted(n.text for n in s.notes()) == ["from the app", "still from the app"]


def test_a_lock_file_linked_out_of_the_folder_creates_nothing_there(tmp_path: Path, data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    outside = tmp_path / "outside.lock"
    (data_dir / "micro-romance.lock").symlink_to(outside)
    with Store(data_dir) as s:
        s.add_note("kept", DAY)
    assert not outside.exists()


# --------------------------------------------------------------------------- 5. writes across files: all or nothing

SPANNING = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import date
    from pathlib import Path
    from tui.storage import Store

    data_dir, when = Path(sys.argv[1]), sys.argv[2]
    store = Store(data_dir, backups=False)
    real_replace, real_open = os.replace, os.open

    def replace(src, dst):
        real_replace(src, dst)
        if when == "between renames" and Path(dst).name == "2025.json":
            os.kill(os.getpid(), signal.SIGKILL)

    def open_(path, flags, *args, **kwargs):
        if when == "before the commit" and ".micro-romance.journal" in str(path):
            os.kill(os.getpid(), signal.SIGKILL)
        return real_open(path, flags, *args, **kwargs)

    os.replace, os.open = replace, open_
    with store.batch():
        store.add_note("new last year", date(2025, 5, 1))
        store.add_note("new this year", date(2026, 11, 25))
    """
)


@pytest.mark.parametrize(("when", "kept"), [("between renames", True), ("before the commit", False)])
def test_a_kill_during_a_write_across_years_keeps_all_or_nothing(data_dir: Path, when: str, kept: bool) -> None:
    two_years(data_dir)
    proc = subprocess.run([sys.executable, "-c", SPANNING, str(data_dir), when], capture_output=True, timeout=60)
    assert proc.returncode == -9, proc.stderr
    with Store(data_dir, readonly=True) as s:  # export and doctor read what the save will give
        seen = sorted(n.text for n in s.notes())
    with Store(data_dir) as s:
        texts = sorted(n.text for n in s.notes())
    assert seen == texts
    new = ["new last year", "new this year"] if kept else []
    assert texts == sorted(["last year", "this year", *new])
    caches = {CHECKED_NAME, MEMORIES_DIR}  # the record of checked years and the memories index, kept on purpose
    leftovers = [p.name for p in data_dir.rglob(".*") if "backups" not in p.parts and not caches & set(p.parts)]
    assert leftovers == [], leftovers


def test_repeated_errors_after_the_commit_give_a_true_message_and_the_next_open_finishes(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    two_years(data_dir)
    real_replace = os.replace
    calls: list[str] = []

    def failing(src, dst):
        calls.append(str(dst))
        if len(calls) > 1:  # the journal is committed, then every rename fails
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(src, dst)

    with Store(data_dir, backups=False) as s:
        monkeypatch.setattr(os, "replace", failing)
        with pytest.raises(StoreWriteError) as caught:
            with s.batch():
                s.add_note("new last year", date(2025, 5, 1))
                s.add_note("new this year", DAY)
        monkeypatch.setattr(os, "replace", real_replace)
        message = str(caught.value)
        assert "Nothing on disk was changed" not in message and "open it again to finish" in message
        with pytest.raises(StoreWriteError, match="not finished"):
            s.add_note("refused until the next open", DAY)
    with Store(data_dir) as s:
        assert sorted(n.text for n in s.notes()) == ["last year", "new last year", "new this year", "this year"]
