"""The memories index (history/.memories): the notes written on this day in earlier years come from
one month's file, not from every past year's, and never differ from what the years themselves say."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.reliability.test_past_years import DAY, make_history
from tui.domain.memories import memories_for
from tui.storage import Store


def memories(data_dir: Path, day: date = DAY) -> list[tuple[int, str]]:
    with Store(data_dir, readonly=True) as s:
        return [(m.years, m.note.text) for m in memories_for(s.anniversary_notes(day), day)]


def whole(data_dir: Path, day: date = DAY) -> list[tuple[int, str]]:
    with Store(data_dir, readonly=True) as s:
        return [(m.years, m.note.text) for m in memories_for(s.notes(), day)]


@pytest.mark.parametrize("day", [DAY, date(2027, 2, 28), date(2028, 2, 29)])
def test_memories_come_from_the_index_without_opening_a_past_year(
    data_dir: Path, day: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_history(data_dir)
    expected = whole(data_dir, day)
    assert sorted(p.name for p in (data_dir / "history" / ".memories").iterdir())[:2] == ["01.json", "02.json"]

    def no_reading(*_args: object) -> None:
        raise AssertionError("a past year's file was read for memories")

    monkeypatch.setattr("tui.storage.years.day_notes", no_reading)
    assert memories(data_dir, day) == expected and expected


def test_a_year_changed_since_it_was_indexed_is_read_itself(data_dir: Path) -> None:
    make_history(data_dir)
    archive = data_dir / "history" / "2020.json"
    archive.write_bytes(archive.read_bytes().replace(b"thanks in 2020", b"merci in 2020"))  # by another copy
    found = memories(data_dir)
    assert (6, 'merci in 2020, with {braces} and "quotes"') in found
    assert found == whole(data_dir)


@pytest.mark.parametrize("damage", ["deleted", "not JSON", "another shape"])
def test_a_missing_or_damaged_index_only_makes_memories_slower(data_dir: Path, damage: str) -> None:
    make_history(data_dir)
    expected = whole(data_dir)
    folder = data_dir / "history" / ".memories"
    if damage == "deleted":
        shutil.rmtree(folder)
    else:
        text = "{not json" if damage == "not JSON" else json.dumps({"version": 1, "years": {"2020": {"file": 1}}})
        (folder / "11.json").write_text(text)
    assert memories(data_dir) == expected
    Store(data_dir).close()  # a copy that could write puts the index back
    assert json.loads((folder / "11.json").read_text())["years"]["2020"]["days"]["25"]


def test_the_index_is_private(data_dir: Path) -> None:
    make_history(data_dir)
    folder = data_dir / "history" / ".memories"
    assert folder.stat().st_mode & 0o777 == 0o700
    assert {p.stat().st_mode & 0o777 for p in folder.iterdir()} == {0o600}
