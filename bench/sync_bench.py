"""How long a round of sync takes.

One command (from the project folder):

    .venv/bin/python bench/sync_bench.py

builds, in a temporary folder, a partner's year of changes (three rituals ticked every day,
a shared note most days, a done gesture every day, a few love-language rankings) written
through the engine into month logs, then prints:

* a round that merges that whole year on the other device (reading and decrypting twelve
  logs, checking, merging, saving): target 200 ms;
* a round with nothing new, on a running engine and on a fresh one (a new process's
  first round): target 20 ms;
* the same as a couple lives it, through two paired data folders (the store, the Together
  adapter and the engine, as ``micro-romance sync`` and the full screen run it): the
  partner's year of ticks, notes and done gestures arriving, and then a round with nothing
  new in the same process (the full screen's every 30 seconds).

Medians over ``--runs`` repetitions. Not part of the test suite: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.sync.change import Change  # noqa: E402
from tui.sync.crypto import create_identity  # noqa: E402
from tui.sync.engine import Engine, Trusted  # noqa: E402
from tui.sync.folder import SharedFolder  # noqa: E402
from tui.sync.hlc import Clock  # noqa: E402

TARGETS = {"year": 0.200, "empty": 0.020}


def year_of_changes(clock_now: list[int], clock: Clock, device: str) -> list[Change]:
    start = datetime(2026, 1, 1, 8, tzinfo=UTC)
    out: list[Change] = []

    def make(kind: str, entry_id: str, doc: dict) -> None:
        out.append(Change(kind, entry_id, doc, clock.tick(), device))

    for ritual in ("r1", "r2", "r3"):
        make(
            "ritual", ritual, {"id": ritual, "name": f"Ritual {ritual}", "position": int(ritual[1]), "archived": False}
        )
    for i in range(365):
        day = start + timedelta(days=i)
        clock_now[0] = int(day.timestamp() * 1000)
        iso = day.date().isoformat()
        for ritual in ("r1", "r2", "r3"):
            make("tick", f"{ritual}:{iso}", {"ritual": ritual, "day": iso})
        if i % 7 != 6:
            make("note", f"n{i}", {"id": f"n{i}", "day": iso, "text": "Thank you for the coffee and the walk. " * 3})
        make("gesture", iso, {"day": iso, "gesture": f"g{i % 90}", "done": True})
        if i % 30 == 0:
            make("ranking", "sam", {"order": ["touch", "words", "time", "acts", "gifts"]})
    return out


CPU: list[float] = []


def median_time(run, runs: int) -> float:
    """The median wall time of ``run``; its median processor time goes into ``CPU``."""
    times, cpu = [], []
    for _ in range(runs):
        begin, begin_cpu = time.perf_counter(), time.process_time()
        run()
        times.append(time.perf_counter() - begin)
        cpu.append(time.process_time() - begin_cpu)
    CPU.append(statistics.median(cpu))
    return statistics.median(times)


def store_rounds(root: Path) -> tuple[float, float, int]:
    """(seconds to merge a year, seconds for a round with nothing new, entries applied)."""
    from datetime import date

    from tui.model import GestureDay
    from tui.storage import Store
    from tui.sync import pairing
    from tui.together import run_round

    shared = root / "Shared-store"
    shared.mkdir(parents=True)
    alex, sam = root / "store-alex", root / "store-sam"
    pairing.start(alex / "sync", shared, "Alex")
    [waiting] = pairing.join(sam / "sync", shared, "Sam").waiting
    pairing.confirm(alex / "sync", waiting.code)
    pairing.confirm(sam / "sync", waiting.code)
    start = date(2025, 11, 25)
    with Store(alex, backups=False) as store:
        with store.batch():
            rituals = [store.add_ritual(name, created=start) for name in ("Tea", "Walk", "Goodnight")]
            store.add_ticks([(r.id, start + timedelta(days=i)) for r in rituals for i in range(365)])
            for i in range(365):
                day = start + timedelta(days=i)
                if i % 5:
                    store.add_note(f"Thank you for the walk, day {i}", day)
                store.save_gesture_day(
                    GestureDay(day=day, gesture_id="specific-compliment", shown=("specific-compliment",), done=True)
                )
        run_round(store, alex / "sync")
    with Store(sam, backups=False) as store:
        begin = time.perf_counter()
        applied = run_round(store, sam / "sync")["received"]
        year = time.perf_counter() - begin
        run_round(store, sam / "sync")
        empties = []
        for _ in range(9):
            begin = time.perf_counter()
            run_round(store, sam / "sync")
            empties.append(time.perf_counter() - begin)
    return year, statistics.median(empties), applied


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shared = root / "Shared"
        shared.mkdir()
        sam_state, alex_state = root / "sam" / "sync", root / "alex" / "sync"
        sam, alex = create_identity(sam_state), create_identity(alex_state)
        now = [0]
        clock = Clock(sam.device, sam_state / "clock.json", now=lambda: now[0])
        sam_engine = Engine(
            sam_state,
            SharedFolder(shared),
            sam,
            {alex.device: Trusted(alex.public, "Alex", False, alex.keys.sign)},
            clock=clock,
        )
        changes = year_of_changes(now, clock, sam.device)
        sam_engine.commit(sam_engine.round(changes))
        trusted = {sam.device: Trusted(sam.public, "Sam", False, sam.keys.sign)}

        def fresh_alex() -> Path:
            state = root / "alex-run"
            shutil.rmtree(state, ignore_errors=True)
            shutil.copytree(alex_state, state)
            return state

        def year_round() -> None:
            state = year_state.pop()
            engine = Engine(state, SharedFolder(shared), alex, trusted)
            result = engine.round([])
            assert len(result.incoming) >= 3 * 365, len(result.incoming)
            engine.commit(result)

        year_times = []
        for _ in range(args.runs):
            year_state = [fresh_alex()]
            year_times.append(median_time(year_round, 1))
        year = statistics.median(year_times)
        year_cpu = statistics.median(CPU)
        CPU.clear()

        running = Engine(root / "alex-run", SharedFolder(shared), alex, trusted)
        running.commit(running.round([]))

        def empty_round() -> None:
            result = running.round([])
            assert not result.incoming
            running.commit(result)

        def empty_fresh() -> None:
            engine = Engine(root / "alex-run", SharedFolder(shared), alex, trusted)
            result = engine.round([])
            assert not result.incoming
            engine.commit(result)

        empty = median_time(empty_round, args.runs * 4)
        fresh = median_time(empty_fresh, args.runs)
        lived = [store_rounds(root / f"couple{i}") for i in range(args.runs)]
    print(f"changes in the partner's year: {len(changes)} in 12 month logs")
    print("                                   wall   processor")
    rows = [
        ("round merging a year of changes:", year, year_cpu, TARGETS["year"]),
        ("round with nothing new, running:", empty, CPU[0], TARGETS["empty"]),
        ("round with nothing new, fresh:  ", fresh, CPU[1], TARGETS["empty"]),
    ]
    for label, wall, cpu, target in rows:
        verdict = "ok" if wall <= target else "OVER"
        print(f"{label} {wall * 1000:7.1f} ms {cpu * 1000:7.1f} ms  (target {target * 1000:.0f} ms: {verdict})")
    year_lived = statistics.median(y for y, _, _ in lived)
    empty_lived = statistics.median(e for _, e, _ in lived)
    print(f"through the store (two data folders; {lived[0][2]} entries arrive):")
    for label, wall, target in (
        ("  a round merging the partner's year:", year_lived, TARGETS["year"]),
        ("  then a round with nothing new:     ", empty_lived, TARGETS["empty"]),
    ):
        verdict = "ok" if wall <= target else "OVER"
        print(f"{label} {wall * 1000:7.1f} ms  (target {target * 1000:.0f} ms: {verdict})")


if __name__ == "__main__":
    main()
