"""Years before last year are read only when asked for, and refused as strictly as before.

A folder with notes and ticks from 2019 to 2026: opening it reads the main file
and 2025; everything older comes back the moment a read or a write needs it,
the memories of a day come from the files without reading whole years, and a
past year damaged since the last open is still refused before anything is
written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tui.storage import DataFileError, Store

DAY = date(2026, 11, 25)
YEARS = range(2019, 2027)


def make_history(data_dir: Path) -> str:
    """A note on 25 November and on 28/29 February of each year, a tick every 1st of the month."""
    with Store(data_dir) as s:
        ritual = s.add_ritual("Walk", created=date(2019, 1, 1))
        with s.batch():
            for year in YEARS:
                s.add_note(f"thanks in {year}, with {{braces}} and \"quotes\"", date(year, 11, 25))
                s.add_note(f"late February {year}", date(year, 2, 29 if year % 4 == 0 else 28))
                s.add_ticks((ritual.id, date(year, month, 1)) for month in range(1, 13) if date(year, month, 1) <= DAY)
    Store(data_dir).close()  # the open after the writes checks the past years once
    return ritual.id


def unread(store: Store) -> set[int]:
    return set(store._storage.deferred)


def test_old_years_wait_until_asked_for(data_dir: Path) -> None:
    rid = make_history(data_dir)
    with Store(data_dir) as s:
        assert unread(s) == set(range(2019, 2025))
        assert s.is_ticked(rid, date(2026, 3, 1)) and s.is_ticked(rid, date(2025, 3, 1))
        assert unread(s) == set(range(2019, 2025))
        ticks = s.ticks_by_ritual()
        assert date(2021, 6, 1) in ticks[rid] and date(2021, 6, 2) not in ticks[rid]
        assert unread(s) == set(range(2019, 2025)) - {2021}  # one year read, for one day asked about
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
        assert unread(s) == set(range(2019, 2025))
        whole = [(m.years, m.note.text) for m in memories_for(s.notes(), day)]
    assert quick == whole and quick


def test_memories_of_a_file_not_laid_out_as_written_read_the_year(data_dir: Path) -> None:
    from tui.domain.memories import memories_for

    make_history(data_dir)
    archive = data_dir / "history" / "2020.json"
    archive.write_text(json.dumps(json.loads(archive.read_text()), indent=2))  # same entries, other spacing
    Store(data_dir).close()
    with Store(data_dir, readonly=True) as s:
        found = [m.note.text for m in memories_for(s.anniversary_notes(DAY), DAY)]
        assert 2020 not in unread(s)
    assert any("2020" in text for text in found)


def test_a_past_year_written_to_is_read_first(data_dir: Path) -> None:
    rid = make_history(data_dir)
    with Store(data_dir) as s:
        s.set_tick(rid, date(2020, 7, 4), True)
        s.add_note("an old day remembered", date(2021, 3, 3))
    with Store(data_dir, readonly=True) as s:
        assert date(2020, 7, 1) in s.ticked_days(rid) and date(2020, 7, 4) in s.ticked_days(rid)
        assert {n.text for n in s.notes() if n.day.year == 2021} == {
            "thanks in 2021, with {braces} and \"quotes\"", "late February 2021", "an old day remembered"}


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
    proc = subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(data_dir), "--today", DAY.isoformat(),
                           "gratitude", "hello"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and str(archive) in proc.stderr
    after = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file() and "backups" not in p.parts}
    assert after == before


def test_the_record_of_checked_years_is_only_a_help(data_dir: Path) -> None:
    make_history(data_dir)
    record = data_dir / "history" / ".checked"
    assert record.exists() and os.stat(record).st_mode & 0o077 == 0
    record.write_text("not json")
    with Store(data_dir) as s:  # checked again, and the record written anew
        assert unread(s) == set(range(2019, 2025))
    assert json.loads(record.read_text())["version"] == 1
