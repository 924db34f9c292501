"""Past years are read only when asked for, and refused as strictly as before.

A folder with notes and ticks from 2019 to 2026: opening it reads the main file
only; every past year, last year too, comes back the moment a read or a write needs it,
the memories of a day come from the files without reading whole years, and a
past year damaged since the last open is still refused before anything is
written.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tui.record import replace
from tui.storage import DataFileError, Store

DAY = date(2026, 11, 25)
YEARS = range(2019, 2027)


def make_history(data_dir: Path) -> str:
    """A note on 25 November and on 28/29 February of each year, a tick every 1st of the month."""
    with Store(data_dir) as s:
        ritual = s.add_ritual("Walk", created=date(2019, 1, 1))
        with s.batch():
            for year in YEARS:
                s.add_note(f'thanks in {year}, with {{braces}} and "quotes"', date(year, 11, 25))
                s.add_note(f"late February {year}", date(year, 2, 29 if year % 4 == 0 else 28))
                s.add_ticks((ritual.id, date(year, month, 1)) for month in range(1, 13) if date(year, month, 1) <= DAY)
    Store(data_dir).close()  # the open after the writes checks the past years once
    return ritual.id


def unread(store: Store) -> set[int]:
    return set(store.unread_years())


def test_old_years_wait_until_asked_for(data_dir: Path) -> None:
    rid = make_history(data_dir)
    with Store(data_dir) as s:
        assert unread(s) == set(range(2019, 2026))
        assert s.is_ticked(rid, date(2026, 3, 1))
        assert unread(s) == set(range(2019, 2026))  # this year is in the main file
        assert s.is_ticked(rid, date(2025, 3, 1))
        assert unread(s) == set(range(2019, 2025))  # last year read, for one day asked about
        ticks = s.ticks_by_ritual()
        assert date(2021, 6, 1) in ticks[rid] and date(2021, 6, 2) not in ticks[rid]
        assert unread(s) == set(range(2019, 2025)) - {2021}
        fresh = s.add_ritual("Dance", created=DAY)
        assert date(2020, 5, 1) not in s.ticks_by_ritual().get(fresh.id, ())
        assert unread(s) == set(range(2019, 2025)) - {2020, 2021}  # a ritual without ticks reads only the year asked
        assert len(s.notes()) == 2 * len(YEARS)
        assert unread(s) == set()
        assert len(s.ticked_days(rid)) == sum(1 for y in YEARS for m in range(1, 13) if date(y, m, 1) <= DAY)


def test_whole_history_reads_as_before(data_dir: Path) -> None:
    make_history(data_dir)
    with Store(data_dir, readonly=True) as lazy:
        export = {rid: sorted(days) for rid, days in lazy.ticks_by_ritual().items()}
        notes = [(n.day, n.text) for n in lazy.notes()]
        counts = lazy.counts()
    with Store(data_dir, readonly=True) as whole:
        whole.read_all()
        assert {rid: sorted(days) for rid, days in whole.ticks_by_ritual().items()} == export
        assert [(n.day, n.text) for n in whole.notes()] == notes
        assert whole.counts() == counts


@pytest.mark.parametrize("day", [DAY, date(2027, 2, 28), date(2028, 2, 29), date(2026, 2, 28)])
def test_memories_come_without_reading_old_years(data_dir: Path, day: date) -> None:
    from tui.domain.memories import memories_for

    make_history(data_dir)
    with Store(data_dir, readonly=True) as s:
        quick = [(m.years, m.note.text) for m in memories_for(s.anniversary_notes(day), day)]
        assert unread(s) == set(range(2019, 2026))
        whole = [(m.years, m.note.text) for m in memories_for(s.notes(), day)]
    assert quick == whole and quick


def test_memories_of_a_file_not_laid_out_as_written_read_the_year(data_dir: Path) -> None:
    from tui.domain.memories import memories_for

    make_history(data_dir)
    archive = data_dir / "history" / "2020.json"
    archive.write_text(json.dumps(json.loads(archive.read_text()), indent=2))  # same entries, other spacing
    Store(data_dir).close()
    shutil.rmtree(data_dir / "history" / ".memories")  # memories not in the index: the files are read
    with Store(data_dir, readonly=True) as s:
        found = [m.note.text for m in memories_for(s.anniversary_notes(DAY), DAY)]
        assert 2020 not in unread(s)
    assert any("2020" in text for text in found)


def test_memories_find_a_note_whose_day_moved_to_another_year(data_dir: Path) -> None:
    """A note keeps its year's file when its day changes: an unread 2020 file may hold a 2021 note."""
    from tui.domain.memories import memories_for

    make_history(data_dir)
    with Store(data_dir) as s:
        moved = next(n for n in s.notes() if n.day == date(2020, 11, 25))
        s.save_note(replace(moved, day=date(2021, 6, 10)))
    Store(data_dir).close()
    day = date(2026, 6, 10)
    with Store(data_dir, readonly=True) as s:
        assert [m.note.id for m in memories_for(s.anniversary_notes(day), day)] == [moved.id]


def test_a_past_year_written_to_is_read_first(data_dir: Path) -> None:
    rid = make_history(data_dir)
    with Store(data_dir) as s:
        s.set_tick(rid, date(2020, 7, 4), True)
        s.add_note("an old day remembered", date(2021, 3, 3))
    with Store(data_dir, readonly=True) as s:
        assert date(2020, 7, 1) in s.ticked_days(rid) and date(2020, 7, 4) in s.ticked_days(rid)
        assert {n.text for n in s.notes() if n.day.year == 2021} == {
            'thanks in 2021, with {braces} and "quotes"',
            "late February 2021",
            "an old day remembered",
        }


BAD = {
    "truncated": b'{"notes/2021": {"1": {"id": "a", "day": "2021-0',
    "wrong type": b'{"notes/2021": {"1": {"id": "a", "day": "2021-03-01", "text": ["not", "text"]}}}',
    "bad date": b'{"ticks/2021": {"1": {"ritual": "r", "days": ["2021-02-30"]}}}',
}


@pytest.mark.parametrize("kind", BAD)
def test_an_old_year_damaged_since_the_last_open_is_refused(data_dir: Path, kind: str) -> None:
    make_history(data_dir)
    archive = data_dir / "history" / "2021.json"
    archive.write_bytes(BAD[kind])
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file() and "backups" not in p.parts}
    for readonly in (False, True):
        with pytest.raises(DataFileError) as info:
            Store(data_dir, readonly=readonly)
        assert str(archive) in str(info.value)
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "--today", DAY.isoformat(), "gratitude", "hello"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and str(archive) in proc.stderr
    after = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file() and "backups" not in p.parts}
    assert after == before


def test_the_record_of_checked_years_is_only_a_help(data_dir: Path) -> None:
    make_history(data_dir)
    record = data_dir / "history" / ".checked"
    assert record.exists() and os.stat(record).st_mode & 0o077 == 0
    record.write_text("not json")
    with Store(data_dir) as s:  # checked again, and the record written anew
        assert unread(s) == set(range(2019, 2026))
    assert json.loads(record.read_text())["version"] == 1


def test_a_copied_folder_is_checked_once_by_the_commands_that_only_read(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy (new inodes: the record no longer matches) read by ``today`` again and again: the first
    read-only open checks the past years and records them; the ones after check nothing."""
    import tui.storage.years as years

    make_history(data_dir)
    copy = tmp_path / "copied"
    shutil.copytree(data_dir, copy)
    checked: list[object] = []
    real = years.build_index
    monkeypatch.setattr(years, "build_index", lambda *a, **k: checked.append(a) or real(*a, **k))
    with Store(copy, readonly=True) as s:
        assert unread(s) == set(range(2019, 2026))
    assert len(checked) == len(range(2019, 2026))  # every past year checked, entry by entry
    checked.clear()
    with Store(copy, readonly=True) as s:
        assert unread(s) == set(range(2019, 2026)) and checked == []
        assert len(s.notes()) == 2 * len(YEARS)  # and every year still reads whole when asked


def test_years_a_copy_wrote_are_recorded_as_checked_when_it_closes(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an import (years written anew) the next opens, read-only ones too, check no year again."""
    import tui.storage.years as years

    with Store(data_dir) as s:
        with s.batch():
            for year in YEARS:
                s.add_note(f"thanks in {year}", date(year, 11, 25))
    recorded = json.loads((data_dir / "history" / ".checked").read_text())["years"]
    assert sorted(int(y) for y in recorded) == list(range(2019, 2026))
    checked: list[object] = []
    real = years.build_index
    monkeypatch.setattr(years, "build_index", lambda *a, **k: checked.append(a) or real(*a, **k))
    with Store(data_dir, readonly=True) as s:
        assert checked == [] and unread(s) == set(range(2019, 2026))
        assert [n.day.year for n in s.notes()] == sorted(YEARS, reverse=True)
    (data_dir / "history" / "2021.json").write_bytes(b'{"notes/2021": {"1": {"id": 7}}}')  # changed by hand since
    with pytest.raises(DataFileError):
        Store(data_dir, readonly=True)


def test_a_refused_open_writes_no_record(data_dir: Path) -> None:
    make_history(data_dir)
    record = data_dir / "history" / ".checked"
    record.unlink()
    (data_dir / "history" / "2022.json").write_bytes(b'{"notes/2022": {"1": {"id": 7}}}')
    with pytest.raises(DataFileError):
        Store(data_dir)
    assert not record.exists()


def test_a_file_replaced_while_it_is_checked_is_not_recorded(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the record names is the file that was read, so a file swapped in meanwhile is checked at the next open."""
    import tui.storage.years as years

    make_history(data_dir)
    (data_dir / "history" / ".checked").unlink()
    archive = data_dir / "history" / "2020.json"
    real = years.build_index

    def swap_after_reading(tables, origin, main):  # type: ignore[no-untyped-def]
        found = real(tables, origin, main)
        if archive in origin.values():
            archive.write_bytes(b'{"notes/2020": {"1": {"id": 7}}}')  # damaged, right after it was read
        return found

    monkeypatch.setattr(years, "build_index", swap_after_reading)
    Store(data_dir).close()
    monkeypatch.setattr(years, "build_index", real)
    with pytest.raises(DataFileError) as info:
        Store(data_dir)
    assert str(archive) in str(info.value)


def test_after_a_failed_save_old_entries_can_still_be_deleted_and_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk once must not leave past years half known to the store until a restart."""
    from tui.errors import StoreWriteError
    from tui.record import replace as _replace
    from tui.storage import tinystore

    data = tmp_path / "failing"
    with Store(data) as store:
        ids = {y: store.add_note(f"note {y}", date(y, 3, 1)).id for y in (2020, 2021, 2025, 2026)}
    with Store(data) as store:
        assert len(store.notes()) == 4  # every year read
        real = tinystore.atomic_write

        def full(*args: object, **kwargs: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(tinystore, "atomic_write", full)
        with pytest.raises(StoreWriteError, match="No space left"):
            store.add_note("today", date(2026, 11, 30))
        monkeypatch.setattr(tinystore, "atomic_write", real)
        store.delete_note(ids[2020])
        store.save_note(_replace(store.note(ids[2021]), day=date(2026, 1, 5)))
    with Store(data) as store:
        assert sorted((n.text, n.day.year) for n in store.notes()) == [
            ("note 2021", 2026),
            ("note 2025", 2025),
            ("note 2026", 2026),
        ]


async def test_a_past_year_damaged_while_the_app_runs_is_reported_not_a_crash(tmp_path: Path) -> None:
    from tui.app import MicroRomanceApp
    from tui.clock import ManualClock
    from tui.errors import StoreWriteError
    from tui.record import replace as _replace

    data = tmp_path / "live"
    with Store(data) as store, store.batch():
        for y in (2020, 2021, 2025, 2026):
            store.add_note(f"note {y}", date(y, 3, 1))
        for n in range(130):  # more than the Gratitude tab's first page: it leaves 2020 unread
            store.add_note(f"this year {n}", date(2026, 3, 2))
    store = Store(data)
    store.save_settings(_replace(store.settings(), welcomed=True))
    app = MicroRomanceApp(store=store, clock=ManualClock(date(2026, 11, 25)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        (data / "history" / "2020.json").write_text("{oops")  # a sync tool or an editor, mid-session
        await pilot.press("w")  # the weekly review reads every year of notes
        await pilot.pause()
        assert app.is_running
        shown = [n.message for n in app._notifications]
        assert any("2020.json could not be read" in m for m in shown), shown
        with pytest.raises(StoreWriteError, match="2020.json could not be read, so it is left as it is"):
            store.add_note("a note for a day of that year", date(2020, 5, 1))
        assert {n.text for n in store.notes() if n.text.startswith("note")} == {"note 2021", "note 2025", "note 2026"}
    store.close()
    assert (data / "history" / "2020.json").read_text() == "{oops"  # never rewritten


def test_the_newest_notes_read_only_the_years_that_hold_them(data_dir: Path) -> None:
    """The Gratitude tab's first page and its week: as every year read gives them, reading only what they need."""
    make_history(data_dir)
    with Store(data_dir) as s:
        moved = next(n for n in s.newest_notes(100) if n.day.year == 2020)  # reads down to 2020
    with Store(data_dir) as s:  # a note of 2020 moved to this week stays in 2020's file
        s.save_note(replace(moved, day=date(2026, 11, 24)))
    with Store(data_dir, readonly=True) as whole:
        every = whole.notes()
    with Store(data_dir, readonly=True) as s:
        assert s.note_count() == len(every) and unread(s) == set(range(2019, 2026))
        assert s.notes_since(date(2026, 11, 23)) == [n for n in every if n.day >= date(2026, 11, 23)]
        assert unread(s) == set(range(2019, 2026)) - {2020}  # the file of the moved note, no other
        assert s.newest_notes(5) == every[:5]
        assert unread(s) == set(range(2019, 2025)) - {2020}  # 2026 and 2025 hold the newest five
        assert s.newest_notes(6) == every[:6]
        assert unread(s) == set(range(2019, 2024)) - {2020}  # the sixth is of 2024
        assert s.newest_notes(len(every) + 5) == every and unread(s) == set()


def test_the_newest_notes_of_a_file_not_laid_out_as_written_read_the_year(data_dir: Path) -> None:
    make_history(data_dir)
    archive = data_dir / "history" / "2021.json"
    archive.write_text(json.dumps(json.loads(archive.read_text()), indent=2))  # same entries, other spacing
    Store(data_dir).close()
    with Store(data_dir, readonly=True) as s:
        assert [n.day for n in s.newest_notes(2)] == [date(2026, 11, 25), date(2026, 2, 28)]
        assert unread(s) == set(range(2019, 2026)) - {2021}  # its latest day is unknown without reading it


async def test_deleting_a_note_on_the_first_page_leaves_old_years_unread(tmp_path: Path) -> None:
    from tui.app import MicroRomanceApp
    from tui.clock import ManualClock
    from tui.record import replace as _replace

    data = tmp_path / "live"
    with Store(data) as store, store.batch():
        for y in (2019, 2020, 2021, 2025):
            store.add_note(f"note {y}", date(y, 3, 1))
        for n in range(130):  # more than the Gratitude tab's first page
            store.add_note(f"this year {n}", date(2026, 3, 2))
    store = Store(data)
    store.save_settings(_replace(store.settings(), welcomed=True))
    app = MicroRomanceApp(store=store, clock=ManualClock(date(2026, 11, 25)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert unread(store) == {2019, 2020, 2021, 2025}  # this year's notes fill the first page
        await pilot.press("down", "x")
        await pilot.pause()
        await pilot.press("y")  # yes, delete it
        await pilot.pause()
        assert unread(store) == {2019, 2020, 2021, 2025}
        assert len([n for n in store.notes() if n.text.startswith("this year")]) == 129
        assert app.is_running
    store.close()


def test_the_count_of_earlier_notes_leaves_out_a_year_found_damaged_while_reading(data_dir: Path) -> None:
    from tui.tabs.gratitude_rows import NewestNotes

    with Store(data_dir) as s, s.batch():
        for year, count in ((2026, 50), (2021, 100), (2020, 100)):
            for n in range(count):
                s.add_note(f"{year} {n}", date(year, 3, 1))
    Store(data_dir).close()
    with Store(data_dir) as s:
        damaged: list[DataFileError] = []
        s.on_damage(damaged.append)
        (data_dir / "history" / "2021.json").write_text("{oops")  # a sync tool, while the app runs
        notes = NewestNotes(s, 120)
        first_page = notes[:120]
        assert len(damaged) == 1 and len(first_page) == 120
        assert len(notes) - 120 == len(notes[:1000]) - 120 == 30  # "▸ 30 earlier", and 30 there are
