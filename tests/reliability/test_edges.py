"""The edges of the data folder: odd dates, missing or odd files, hand-edited data.

Each test is a case that once lost words or printed a traceback; every refusal
is one clear line and leaves the files as they were.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.reliability.test_cli_faults import cli, data_bytes
from tui.storage import FILE_NAME, Store, StoreWriteError

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


def test_the_grace_editor_refuses_a_day_outside_the_range() -> None:
    from tui.dialogs.grace import DatesError, parse_day

    with pytest.raises(DatesError, match="start day 0999-06-01 is outside"):
        parse_day("0999-06-01", "start", "grace-start")
    assert parse_day("1900-01-01", "start") == date(1900, 1, 1)


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
    "a 5,000-digit number": '{' + META + ', "rituals": {"1": {"id": "a", "name": "x", "position": ' + "9" * 5000 + "}}}",
    "100,000 levels of nesting": '{' + META + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "a table named ticks/abcd": '{' + META + ', "ticks/abcd": {}}',
    "a table named notes/999": '{' + META + ', "notes/999": {}}',
    "a table named settings/2026": '{' + META + ', "settings/2026": {}}',
    "schema_version 0": '{"meta": {"1": {"schema_version": 0}}}',
    "schema_version -3": '{"meta": {"1": {"schema_version": -3}}}',
}


@pytest.mark.parametrize("kind", HOSTILE_MAIN_FILES)
def test_a_strange_data_file_gets_a_message_and_is_kept(data_dir: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
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
