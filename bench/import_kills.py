"""Kill ``micro-romance import`` with SIGKILL mid-way and count half-imports.

An import that brings notes and ticks of several years touches several files
(the main file and ``history/YEAR.json``). Killed at any instant, it must leave
either all of its entries or none of them, and every entry that was there
before must still be there. Used by ``bench/soak.py --imports N``.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from tui.storage import Store

YEARS = (2021, 2022, 2023, 2024, 2025, 2026)
"""The years the imported export spans (the last one is the main file's)."""


@dataclass
class ImportTally:
    kills: int = 0
    half: int = 0
    """Runs that left some but not all of the import's entries."""
    lost: int = 0
    """Entries that were there before the import and are gone after the kill."""
    unreadable: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"killed imports: {self.kills}, half-imports: {self.half}, "
            f"lost: {self.lost}, unreadable folders: {self.unreadable}"
        )


def _contents(data_dir: Path) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(note text, day) and (ritual id, day) pairs held by the folder."""
    with Store(data_dir, readonly=True) as store:
        notes = {(n.text, n.day.isoformat()) for n in store.notes()}
        ticks = {(rid, d.isoformat()) for rid, days in store.ticks_by_ritual().items() for d in days}
    return notes, ticks


def prepare(root: Path) -> tuple[Path, Path]:
    """A data folder with a few years of its own, and an export of other years to import."""
    before = root / "before"
    with Store(before) as store:
        ritual = store.add_ritual("Morning coffee", created=date(YEARS[0], 1, 1), ritual_id="coffee")
        for year in YEARS:
            store.add_note(f"already here {year}", date(year, 3, 1))
            store.set_tick(ritual.id, date(year, 3, 1), True)
    source = root / "source"
    with Store(source) as store:
        store.add_ritual("Morning coffee", created=date(YEARS[0], 1, 1), ritual_id="coffee")
        for year in YEARS:
            for day in range(0, 360, 9):
                when = date(year, 1, 1) + timedelta(days=day)
                store.add_note(f"imported {when.isoformat()}", when)
                store.set_tick("coffee", when, True)
    export = root / "export.json"
    _cli(source, "export", "-o", str(export))
    return before, export


def _cli(data_dir: Path, *args: str) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "--today", f"{YEARS[-1]}-12-01", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if args[0] == "export":
        proc.wait(timeout=120)
    return proc


def run_import_kills(root: Path, kills: int, *, seed: int = 2026, log=None) -> ImportTally:
    """Run ``kills`` imports into copies of one folder, each killed at a random moment."""
    rng = random.Random(seed)
    tally = ImportTally()
    template, export = prepare(root)
    old_notes, old_ticks = _contents(template)

    whole = root / "whole-run"
    shutil.copytree(template, whole)
    started = time.monotonic()
    _cli(whole, "import", str(export)).wait(timeout=120)
    duration = time.monotonic() - started
    all_notes, all_ticks = _contents(whole)
    new_notes, new_ticks = all_notes - old_notes, all_ticks - old_ticks

    for trial in range(kills):
        folder = root / f"trial-{trial:04d}"
        shutil.copytree(template, folder)
        proc = _cli(folder, "import", str(export))
        time.sleep(rng.uniform(0.0, duration * 1.1))
        proc.kill()
        proc.wait()
        tally.kills += 1
        try:
            notes, ticks = _contents(folder)
        except Exception as exc:  # noqa: BLE001 - any failure to load is what we count
            tally.unreadable += 1
            tally.failures.append(f"import {trial}: the folder did not load: {exc}")
            if log:
                log(tally.failures[-1])
            continue
        lost = len(old_notes - notes) + len(old_ticks - ticks)
        landed = len(notes & new_notes) + len(ticks & new_ticks)
        tally.lost += lost
        if 0 < landed < len(new_notes) + len(new_ticks):
            tally.half += 1
            tally.failures.append(f"import {trial}: {landed} of {len(new_notes) + len(new_ticks)} entries landed")
            if log:
                log(tally.failures[-1])
        shutil.rmtree(folder)
    return tally
