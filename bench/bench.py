"""How micro-romance holds up after years of daily use.

One command (from the project folder):

    .venv/bin/python bench/bench.py

builds synthetic histories of 1, 10 and 30 years in temporary folders through
the store's public API, then prints, side by side:

* start-up to the first painted frame and exit, against a minimal four-tab
  Textual app (times and ratio), and the peak memory of both (and ratio);
* a ritual tick, from keypress to bytes on disk (p50 and p95 over 200);
* saving a gratitude note, the same;
* ``micro-romance today``, whole-process wall time.

``--years 10`` runs one size; ``--runs N`` sets start-up repetitions.
Not part of the test suite: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 25)
TARGETS = {
    "startup_ratio": 1.2,
    "memory_ratio": 1.3,
    "tick_p95_ms": 16.0,
    "note_p95_ms": 25.0,
    "today_s": 0.3,
    "write_growth": 1.5,
}

MINIMAL_APP = """
import sys
from textual.app import App
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

class Minimal(App):
    def compose(self):
        yield Header()
        with TabbedContent():
            for name in ("Today", "Rituals", "Gratitude", "Prompts"):
                with TabPane(name):
                    yield Static(name)
        yield Footer()

async def leave(pilot):
    pilot.app.exit()

Minimal().run(headless=True, size=(100, 30), auto_pilot=leave)

for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print("PEAK_KIB", line.split()[1])
"""

OUR_APP = """
import sys
from datetime import date
from pathlib import Path
from tui.clock import ManualClock
from tui.storage import open_store

store = open_store(Path(sys.argv[1]))
from tui.app import MicroRomanceApp

async def leave(pilot):
    pilot.app.exit()

MicroRomanceApp(store=store, clock=ManualClock(date.fromisoformat(sys.argv[2]))).run(
    headless=True, size=(100, 30), auto_pilot=leave
)
store.close()

for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print("PEAK_KIB", line.split()[1])
"""


# --------------------------------------------------------------------------- data


def build_history(data_dir: Path, years: int, *, seed: int = 1) -> None:
    """Six rituals ticked most days, a gesture done most days, a note most days,
    an answer a week, for ``years`` years ending yesterday."""
    from tui import content
    from tui.model import GestureDay, Settings
    from tui.storage import Store

    rnd = random.Random(seed)
    gestures = [g.id for g in content.gestures()]
    prompts = [p.id for p in content.prompts()]
    first = TODAY - timedelta(days=365 * years)
    store = Store(data_dir, backups=False)
    try:
        with store.batch():
            store.save_settings(Settings(partner_name="Alex", love_languages=("touch", "words"), welcomed=True))
            rituals = [
                store.add_ritual(r["name"], weekdays=r["weekdays"], created=first)
                for r in content.default_rituals()[:6]
            ]
            day = first
            while day < TODAY:
                for ritual in rituals:
                    if rnd.random() < 0.85:
                        store.set_tick(ritual.id, day, True)
                g = rnd.choice(gestures)
                store.save_gesture_day(GestureDay(day, g, (g,), done=rnd.random() < 0.85, note="It landed."))
                if rnd.random() < 0.82:
                    store.add_note(
                        "Thank you for the coffee this morning and for asking how I slept.",
                        day,
                        created=f"{day.isoformat()}T21:00:00",
                    )
                if day.weekday() == 6:
                    store.add_answer(rnd.choice(prompts), "A few honest sentences about us. " * 4, day)
                day += timedelta(days=1)
    finally:
        store.close()


# --------------------------------------------------------------------------- processes


CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""Children may use and write bytecode caches, as an installed copy does."""


def run_measured(args: list[str]) -> tuple[float, int]:
    """Wall time (s) and peak memory (KiB) of one child process.

    Peak memory is the child's own high-water mark (VmHWM, printed by the
    child): ru_maxrss of a child on Linux includes the parent's size at fork.
    """
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=ROOT, env=CHILD_ENV)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed: {' '.join(args)}\n{proc.stderr}")
    peak = [int(line.split()[1]) for line in proc.stdout.splitlines() if line.startswith("PEAK_KIB")]
    return elapsed, peak[-1] if peak else 0


def startup(data_dir: Path, runs: int) -> dict[str, float]:
    ours_t, ours_m, min_t, min_m = [], [], [], []
    for _ in range(runs):  # interleave so drift hits both alike
        t, m = run_measured([sys.executable, "-c", MINIMAL_APP])
        min_t.append(t)
        min_m.append(m)
        t, m = run_measured([sys.executable, "-c", OUR_APP, str(data_dir), TODAY.isoformat()])
        ours_t.append(t)
        ours_m.append(m)
    return {
        "ours_s": statistics.median(ours_t),
        "minimal_s": statistics.median(min_t),
        "ours_mib": statistics.median(ours_m) / 1024,
        "minimal_mib": statistics.median(min_m) / 1024,
    }


def today_command(data_dir: Path, runs: int) -> float:
    times = [
        run_measured([sys.executable, "-m", "tui", "--data-dir", str(data_dir), "--today", TODAY.isoformat(), "today"])[0]
        for _ in range(runs)
    ]
    return statistics.median(times)


# --------------------------------------------------------------------------- keypress to disk


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return ordered[len(ordered) // 2] * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


async def _keypress_to_disk(data_dir: Path, count: int) -> dict[str, float]:
    """Drive the real app: ticks with space, notes with the editor."""
    import tui.storage.tinystore as store_module
    from tui.app import MicroRomanceApp
    from tui.clock import ManualClock
    from tui.storage import Store

    written: list[float] = []
    real_write = store_module.atomic_write

    def timed_write(path: Path, data: bytes) -> None:
        real_write(path, data)
        written.append(time.perf_counter())

    store_module.atomic_write = timed_write
    store = Store(data_dir, backups=False)
    app = MicroRomanceApp(store=store, clock=ManualClock(TODAY))
    ticks: list[float] = []
    notes: list[float] = []
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            for _ in range(count):
                written.clear()
                start = time.perf_counter()
                await pilot.press("space")
                if written:
                    ticks.append(written[-1] - start)
            await pilot.press("3")
            await pilot.pause()
            for n in range(count):
                await pilot.press("a")
                await pilot.pause()
                editor = app.screen.query_one("TextArea")
                editor.text = f"Thank you for the walk today, number {n}."
                written.clear()
                start = time.perf_counter()
                await pilot.press("ctrl+s")
                if written:
                    notes.append(written[-1] - start)
                await pilot.pause()
    finally:
        store_module.atomic_write = real_write
        store.close()
    tick50, tick95 = _percentiles(ticks) if ticks else (float("nan"),) * 2
    note50, note95 = _percentiles(notes) if notes else (float("nan"),) * 2
    return {"tick_p50": tick50, "tick_p95": tick95, "note_p50": note50, "note_p95": note95,
            "ticks": len(ticks), "notes": len(notes)}


# --------------------------------------------------------------------------- report


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import textual

    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, Textual {textual.__version__}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--runs", type=int, default=5, help="start-up and `today` repetitions")
    parser.add_argument("--presses", type=int, default=200, help="ticks and notes measured")
    args = parser.parse_args()

    # Byte-compile our package once, as pip does when it installs a copy.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tui")], check=True, env=CHILD_ENV)
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="micro-romance-bench-") as tmp:
        for years in args.years:
            data_dir = Path(tmp) / f"{years}y"
            t = time.perf_counter()
            build_history(data_dir, years)
            print(f"built {years} year(s) of history in {time.perf_counter() - t:.1f} s", file=sys.stderr)
            row = startup(data_dir, args.runs)
            row["today_s"] = today_command(data_dir, args.runs)
            row |= asyncio.run(_keypress_to_disk(data_dir, args.presses))
            row["size_mib"] = sum(p.stat().st_size for p in data_dir.rglob("*.json") if "backups" not in p.parts) / 2**20
            results[years] = row

    sizes = list(results)
    def line(label: str, fmt: str, key) -> None:
        cells = [fmt.format(key(results[y])) for y in sizes]
        print(f"| {label} | " + " | ".join(cells) + " |")

    print(f"\nMachine: {machine()}\n")
    print("| measure | " + " | ".join(f"{y} year{'s' if y > 1 else ''}" for y in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    line("data on disk (MiB)", "{:.1f}", lambda r: r["size_mib"])
    line("start-up, ours (s)", "{:.3f}", lambda r: r["ours_s"])
    line("start-up, minimal app (s)", "{:.3f}", lambda r: r["minimal_s"])
    line(f"start-up ratio (target ≤ {TARGETS['startup_ratio']})", "{:.2f}", lambda r: r["ours_s"] / r["minimal_s"])
    line("peak memory, ours (MiB)", "{:.1f}", lambda r: r["ours_mib"])
    line("peak memory, minimal app (MiB)", "{:.1f}", lambda r: r["minimal_mib"])
    line(f"memory ratio (target ≤ {TARGETS['memory_ratio']})", "{:.2f}", lambda r: r["ours_mib"] / r["minimal_mib"])
    line("tick, keypress to disk p50 (ms)", "{:.1f}", lambda r: r["tick_p50"])
    line(f"tick p95 (ms, target ≤ {TARGETS['tick_p95_ms']:.0f})", "{:.1f}", lambda r: r["tick_p95"])
    line("note save p50 (ms)", "{:.1f}", lambda r: r["note_p50"])
    line(f"note save p95 (ms, target ≤ {TARGETS['note_p95_ms']:.0f})", "{:.1f}", lambda r: r["note_p95"])
    line(f"`micro-romance today` (s, target < {TARGETS['today_s']})", "{:.3f}", lambda r: r["today_s"])
    if len(sizes) > 1:
        first, last = results[sizes[0]], results[sizes[-1]]
        growth = last["tick_p50"] / first["tick_p50"]
        print(f"\nWrite cost growth, {sizes[-1]} years vs {sizes[0]} (tick p50): {growth:.2f}x "
              f"(target ≤ {TARGETS['write_growth']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
