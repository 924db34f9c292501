"""How micro-romance holds up after years of daily use, as ratios to a minimal Textual app.

One command (from the project folder):

    .venv/bin/python bench/bench.py            # about five minutes
    .venv/bin/python bench/bench.py --quick    # fewer repeats, about two

It writes synthetic exports of 1, 10 and 30 years of daily use (six rituals
ticked on 85% of days, a gratitude note on 82% of days), brings each into a
fresh data folder with ``micro-romance import`` (timed), then measures, with
every figure beside its target and the word "met" or "missed":

* start-up as a user sees it: launch in a real pseudo-terminal (100x30) until
  the four tab labels are on screen, against a minimal four-tab Textual app
  (Header, TabbedContent of four TabPanes each with a Label, Footer) launched
  the same way, alternating, medians; the headless figure beside it;
* peak memory (the process's VmHWM once the first screen is drawn) of both;
* ``import`` and ``export`` of the whole history (linear: 30 years within
  3.5x of 10 years);
* a ritual tick, keypress to bytes on disk (last fsync), p50 and p95;
* ``today``, ``status``, ``gratitude TEXT`` and ``done RITUAL``, whole-process
  wall time;
* switching tabs with 1-4, key to the last byte of the painted tab, on first
  visits and on later ones; the minimal app (its 1-4 keys switch its tabs) the same way;
* the shell (bench/shell_bench.py): --version, --help, status, done, gratitude and today against
  ``python -c pass`` in the same run, and what each README prompt snippet adds to an Enter.

``--years 1 30`` runs some sizes only; ``--only shell`` runs the shell section alone. Not part of
the test suite: the numbers depend on the machine, so the targets are ratios wherever a ratio makes sense.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import json
import os
import platform
import pty
import random
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import shell_bench  # noqa: E402 (the shell section, beside this file)

TODAY = date(2026, 11, 25)
SIZE = (100, 30)
TABS = ("Today", "Rituals", "Gratitude", "Prompts")
RITUALS = (
    "Morning coffee together",
    "Evening walk",
    "Goodnight kiss",
    "Ask about their day",
    "A thinking-of-you message",
    "Phones away at dinner",
)

MINIMAL_APP = """
from textual.app import App
from textual.binding import Binding
from textual.widgets import Footer, Header, Label, TabbedContent, TabPane

NAMES = ("Today", "Rituals", "Gratitude", "Prompts")

class Minimal(App):
    BINDINGS = [Binding(str(n), f"show('{name}')", name, show=False) for n, name in enumerate(NAMES, 1)]

    def compose(self):
        yield Header()
        with TabbedContent():
            for name in NAMES:
                with TabPane(name, id=name):
                    yield Label(name)
        yield Footer()

    def action_show(self, name):
        self.query_one(TabbedContent).active = name

Minimal().run()
"""

HEADLESS = """
import sys
from textual.app import App

async def leave(pilot):
    pilot.app.exit()

real_run = App.run
App.run = lambda self, **kw: real_run(self, headless=True, size=(100, 30), auto_pilot=leave)
exec(sys.argv[1]) if sys.argv[1] != "ours" else None
if sys.argv[1] == "ours":
    from tui.cli import main
    main(sys.argv[2:])
"""

CHILD_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "NO_COLOR", "TEXTUAL")}
"""Children may use and write bytecode caches, as an installed copy does."""
CHILD_ENV["PYTHONPATH"] = str(ROOT)
CHILD_ENV["TERM"] = "xterm-256color"
CHILD_ENV["COLORTERM"] = "truecolor"


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- history


def synthetic_export(years: int, *, seed: int = 1) -> dict:
    """An export of ``years`` years of daily use ending yesterday."""
    rnd = random.Random(seed)
    first = TODAY - timedelta(days=365 * years)
    rituals = [
        {"id": f"r{n}", "name": name, "weekdays": [], "position": n, "archived": False, "created": first.isoformat()}
        for n, name in enumerate(RITUALS)
    ]
    ticks, notes = [], []
    day = first
    while day < TODAY:
        for ritual in rituals:
            if rnd.random() < 0.85:
                ticks.append({"ritual": ritual["id"], "day": day.isoformat()})
        if rnd.random() < 0.82:
            notes.append(
                {
                    "id": f"n{day:%Y%m%d}",
                    "day": day.isoformat(),
                    "text": "Thank you for the coffee this morning and for asking how I slept.",
                    "said_aloud": rnd.random() < 0.3,
                    "created": f"{day.isoformat()}T21:00:00",
                }
            )
        day += timedelta(days=1)
    return {
        "format_version": 1,
        "exported_with": "micro-romance bench",
        "settings": {
            "partner_name": "Alex",
            "love_languages": ["touch", "words"],
            "together": "together",
            "welcomed": True,
            "theme": "",
        },
        "rituals": rituals,
        "ticks": ticks,
        "notes": notes,
    }


# --------------------------------------------------------------------------- processes


def cli(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "--today", TODAY.isoformat(), *args]


def nudge(data_dir: Path) -> list[str]:
    """``nudge`` as a terminal's start-up file runs it: today from the clock, answered quickly while nothing changed."""
    return [sys.executable, "-m", "tui", "nudge", "--data-dir", str(data_dir)]


def timed(argv: list[str]) -> float:
    """Wall time (s) of one child process, which must succeed (shell_bench's, with the children's environment)."""
    return shell_bench.timed(argv, CHILD_ENV)


_SEQUENCE = re.compile(
    r"\x1b\[([0-?]*)[ -/]*([@-~])"  # CSI: cursor moves, colours, modes
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: title, clipboard
    r"|\x1b[P^_][^\x1b]*\x1b\\"  # DCS and friends
    r"|\x1b[ -/]*[0-~]"  # two-byte escapes
)


class Grid:
    """The characters on a terminal screen, from the bytes an app writes (no colours).

    Enough of a terminal for Textual: cursor positioning, carriage return and
    line feed, clearing, wide characters; everything else is skipped.
    """

    def __init__(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        self.cells = [[" "] * cols for _ in range(rows)]
        self.x = self.y = 0
        self.pending = ""
        self.decoder = __import__("codecs").getincrementaldecoder("utf-8")(errors="replace")

    def feed(self, data: bytes) -> None:
        text = self.pending + self.decoder.decode(data)
        cut = text.rfind("\x1b")
        whole = _SEQUENCE.match(text, cut) if cut != -1 else None
        if cut != -1 and (whole is None or (whole.end() - cut == 2 and text[cut + 1] in "[]P^_")):
            # A sequence split between two reads ("\x1b[38;2;1" is no two-byte escape): wait for the rest.
            text, self.pending = text[:cut], text[cut:]
        else:
            self.pending = ""
        pos = 0
        for match in _SEQUENCE.finditer(text):
            self._text(text[pos : match.start()])
            pos = match.end()
            final = match.group(2)
            if final in ("H", "f"):
                parts = [int(n) if n.isdigit() else 1 for n in (match.group(1) or "").split(";")]
                self.y = min(self.rows - 1, max(0, parts[0] - 1))
                self.x = min(self.cols - 1, max(0, (parts[1] if len(parts) > 1 else 1) - 1))
            elif final == "J" and match.group(1) in ("2", "3"):
                self.cells = [[" "] * self.cols for _ in range(self.rows)]
        self._text(text[pos:])

    def _text(self, text: str) -> None:
        for char in text:
            if char == "\r":
                self.x = 0
            elif char == "\n":
                self.y = min(self.rows - 1, self.y + 1)
            elif char >= " ":
                width = 2 if unicodedata.east_asian_width(char) in "WF" else 1
                if self.x < self.cols:
                    self.cells[self.y][self.x] = char
                    if width == 2 and self.x + 1 < self.cols:
                        self.cells[self.y][self.x + 1] = ""
                self.x += width

    def lines(self) -> tuple[str, ...]:
        return tuple("".join(row) for row in self.cells)


UNDERLINE = set("━╸╺ ")


class Terminal:
    """A child process in a pseudo-terminal of 100x30, read as a user's terminal would."""

    def __init__(self, argv: list[str]) -> None:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal, then become the app
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
            os.chdir(ROOT)
            os.execve(argv[0], argv, CHILD_ENV)
        self.pid, self.fd = pid, fd
        self.grid = Grid(*SIZE)
        self.frames: list[tuple[float, tuple[str, ...]]] = []
        self.last_output = self.started

    def read(self, timeout: float) -> bool:
        """Read what is there within ``timeout`` seconds; False when nothing came."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            raise SystemExit("the app in the terminal ended early:\n" + "\n".join(self.grid.lines()))
        self.last_output = time.perf_counter()
        self.grid.feed(chunk)
        self.frames.append((self.last_output, self.grid.lines()))
        return True

    def wait_for(self, words: tuple[str, ...], limit: float = 30.0) -> float:
        """Seconds from launch until one line of the screen shows every word."""
        deadline = self.started + limit
        while not any(all(w in line for w in words) for line in self.grid.lines()):
            if time.perf_counter() > deadline:
                raise SystemExit(f"gave up waiting for {words} on screen:\n" + "\n".join(self.grid.lines()))
            self.read(0.05)
        return self.last_output - self.started

    def settle(self, quiet: float = 0.25, limit: float = 5.0) -> float:
        """Read until nothing is written for ``quiet`` seconds; the time of the last byte."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline and self.read(quiet):
            pass
        return self.last_output

    def key(self, data: bytes) -> tuple[float, float]:
        """Press a key: seconds until the screen shows its final content (every line
        but the sliding tab underline), and until the screen is still."""
        self.frames.clear()
        sent = time.perf_counter()
        os.write(self.fd, data)
        self.read(5.0)  # the first bytes, however late (a slow answer is a figure, not a gap)
        still = self.settle(quiet=0.2)
        if not self.frames:
            return float("nan"), float("nan")
        final = self.frames[-1][1]
        keep = [i for i, line in enumerate(final) if not set(line) <= UNDERLINE]
        painted = still
        for at, lines in reversed(self.frames):
            if any(lines[i] != final[i] for i in keep):
                break
            painted = at
        return painted - sent, still - sent

    def cpu_s(self) -> float:
        """CPU time the child has used so far (less disturbed by a busy machine than wall time)."""
        try:
            return int(Path(f"/proc/{self.pid}/schedstat").read_text().split()[0]) / 1e9
        except (OSError, ValueError, IndexError):
            return float("nan")

    def peak_kib(self) -> int:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0

    def close(self) -> None:
        try:
            os.write(self.fd, b"\x11")  # ctrl+q
            deadline = time.perf_counter() + 5
            while time.perf_counter() < deadline:
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    break
                try:
                    self.read(0.05)
                except SystemExit:
                    pass
            else:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        finally:
            os.close(self.fd)


def in_terminal(argv: list[str], switch_tabs: bool = False) -> dict[str, list[float]]:
    term = Terminal(argv)
    try:
        shown = term.wait_for(TABS)
        cpu = term.cpu_s()
        term.settle()
        row: dict[str, list[float]] = {"start": [shown], "cpu": [cpu], "peak": [term.peak_kib() / 1024]}
        if switch_tabs:
            for name, keys in (("first_visit", b"234"), ("later_visit", b"12341")):
                for k in keys:
                    painted, still = term.key(bytes([k]))
                    row.setdefault(name, []).append(painted)
                    row.setdefault(name + "_still", []).append(still)
        return row
    finally:
        term.close()


def headless(argv_tail: list[str]) -> float:
    return timed([sys.executable, "-c", HEADLESS, *argv_tail])


# --------------------------------------------------------------------------- keypress to disk


def _open_store(data_dir: Path):
    from tui.storage import open_store

    return open_store(data_dir)


async def _ticks(data_dir: Path, count: int) -> list[float]:
    """Drive the real app in this process: ``2`` then ``space`` on the Rituals checklist,
    timing from the key to the last fsync of the write it caused."""
    from tui.app import MicroRomanceApp
    from tui.clock import ManualClock

    synced: list[float] = []
    real_fsync = os.fsync

    def timed_fsync(fd: int) -> None:
        real_fsync(fd)
        synced.append(time.perf_counter())

    store = _open_store(data_dir)
    samples: list[float] = []
    os.fsync = timed_fsync
    try:
        app = MicroRomanceApp(store=store, clock=ManualClock(TODAY))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("2")
            await pilot.pause()
            for _ in range(count):
                synced.clear()
                start = time.perf_counter()
                await pilot.press("space")
                if synced:
                    samples.append(synced[-1] - start)
    finally:
        os.fsync = real_fsync
        store.close()
    return samples


# --------------------------------------------------------------------------- figures


def median(values: list[float]) -> float:
    values = [v for v in values if v == v]
    return statistics.median(values) if values else float("nan")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(v for v in values if v == v)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


class Report:
    def __init__(self, sizes: list[int]) -> None:
        self.sizes = sizes
        self.lines: list[str] = []
        self.missed = 0

    def head(self, title: str) -> None:
        cols = " | ".join(f"{y} year{'s' if y > 1 else ''}" for y in self.sizes)
        self.lines += [
            "",
            f"### {title}",
            "",
            f"| measure | {cols} | target |",
            "|---|" + "---|" * len(self.sizes) + "---|",
        ]

    def row(
        self,
        label: str,
        values: dict[int, float],
        fmt: str,
        target: str = "",
        ok: Callable[[float], bool] | None = None,
        applies: tuple[int, ...] | None = None,
    ) -> None:
        cells = []
        verdicts = []
        for y in self.sizes:
            v = values.get(y, float("nan"))
            cell = "–" if v != v else fmt.format(v)
            if ok is not None and (applies is None or y in applies) and v == v:
                good = ok(v)
                verdicts.append(good)
                cell += " met" if good else " missed"
                self.missed += not good
            cells.append(cell)
        self.lines.append(f"| {label} | " + " | ".join(cells) + f" | {target} |")

    def single(self, label: str, value: float, fmt: str, target: str, good: bool | None) -> None:
        word = "" if good is None or value != value else (" met" if good else " missed")
        if good is False:
            self.missed += 1
        self.lines.append(f"- {label}: {fmt.format(value)}{word} (target {target})")


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
    parser.add_argument("--runs", type=int, help="start-up and command repetitions (default 9, 3 with --quick)")
    parser.add_argument("--presses", type=int, help="ticks measured (default 200, 60 with --quick)")
    parser.add_argument("--quick", action="store_true", help="fewer repeats: a rougher figure in less time")
    parser.add_argument("--only", choices=["shell"], help="only this section (shell: commands and prompt snippets)")
    args = parser.parse_args()
    whole = args.only is None
    runs = args.runs or (3 if args.quick else 9)
    presses = args.presses or (60 if args.quick else 200)
    transfer_runs = 1 if args.quick else 3
    sizes = sorted(set(args.years))

    # Byte-compile the package once, as pip does when it installs a copy.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tui")], check=True, env=CHILD_ENV)
    res: dict[str, dict[int, list[float]]] = {}

    def add(key: str, years: int, *values: float) -> None:
        res.setdefault(key, {}).setdefault(years, []).extend(values)

    tmp = Path(tempfile.mkdtemp(prefix="micro-romance-bench-"))
    counts: dict[int, tuple[int, int, float]] = {}
    try:
        dirs: dict[int, Path] = {}
        for years in sizes:
            export = tmp / f"export-{years}y.json"
            data = synthetic_export(years)
            export.write_text(json.dumps(data, indent=1))
            counts[years] = (len(data["ticks"]), len(data["notes"]), export.stat().st_size / 2**20)
            for n in range(transfer_runs):
                folder = tmp / f"{years}y-{n}"
                add("import", years, timed(cli(folder, "import", str(export))))
                log(f"{years} y: import {res['import'][years][-1]:.2f} s")
                if n:
                    shutil.rmtree(folder)
                else:
                    dirs[years] = folder
            if not whole:
                continue
            for _ in range(transfer_runs):
                add("export", years, timed(cli(dirs[years], "export", "--force", "-o", str(tmp / "out.json"))))
            # one launch to settle what a first start does once (backups, the weekly review)
            in_terminal(cli(dirs[years]))

        for r in range(runs if whole else 0):
            log(f"start-up, run {r + 1} of {runs}")
            for years in sizes:
                minimal = in_terminal([sys.executable, "-c", MINIMAL_APP], switch_tabs=True)
                ours = in_terminal(cli(dirs[years]), switch_tabs=True)
                add("min_start", years, *minimal["start"])
                add("min_visit", years, *minimal["first_visit"], *minimal["later_visit"])
                add("min_cpu", years, *minimal["cpu"])
                add("min_peak", years, *minimal["peak"])
                for key, values in ours.items():
                    add(key, years, *values)
                add("min_headless", years, headless([MINIMAL_APP]))
                add("headless", years, headless(["ours", *cli(dirs[years])[3:]]))

        for years in sizes if whole else ():
            log(f"{years} y: {presses} ticks")
            add("tick", years, *asyncio.run(_ticks(dirs[years], presses)))

        for r in range(runs if whole else 0):
            log(f"commands, run {r + 1} of {runs}")
            for years in sizes:
                d = dirs[years]
                add("today", years, timed(cli(d, "today")))
                add("status", years, timed(cli(d, "status")))
                add("gratitude", years, timed(cli(d, "gratitude", f"Thank you for the walk, number {r}.")))
                add("done", years, timed(cli(d, "done", RITUALS[1])), timed(cli(d, "done", "--undo", RITUALS[1])))
        # nudge when it has nothing (new) to say, as a terminal's start-up file runs it, against a bare Python
        for years in sizes if whole else ():
            timed(nudge(dirs[years]))  # works the day out once; the runs after it answer from DATA/nudge
        for _ in range(runs if whole else 0):
            for years in sizes:
                add("bare", years, timed([sys.executable, "-c", "pass"]))
                add("nudge", years, timed(nudge(dirs[years])))

        log("shell: commands against a bare Python start, then the prompt snippets")
        shell_runs = max(runs, 7)
        shell_found = shell_bench.commands(dirs, shell_runs, CHILD_ENV, tmp, TODAY.isoformat(), RITUALS[1])
        snippet_ms = shell_bench.snippets(tmp, CHILD_ENV, 3 if args.quick else 5)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    m = {key: {y: median(v) for y, v in by.items()} for key, by in res.items()}
    ratio = lambda a, b: {y: m[a][y] / m[b][y] for y in sizes}  # noqa: E731
    rep = Report(sizes)
    rep.lines += [
        f"Machine: {machine()}",
        "",
        f"`bench/bench.py{' --quick' if args.quick else ''}`: medians of {runs} launches, "
        f"alternating with the minimal app; import/export medians of {transfer_runs}; "
        f"{presses} ticks per size.",
    ]
    if not whole:
        rep.row("ticks / notes in the export", {y: counts[y][0] for y in sizes}, "{:.0f}")
        shell_bench.report(rep, shell_found, snippet_ms)
        rep.lines += ["", f"Targets missed: {rep.missed}"]
        print("\n".join(rep.lines))
        return 0
    rep.head("History and start-up")
    rep.row("ticks / notes in the export", {y: counts[y][0] for y in sizes}, "{:.0f}")
    rep.row("export file (MiB)", {y: counts[y][2] for y in sizes}, "{:.1f}")
    rep.row("start-up in a terminal, ours (s)", m["start"], "{:.3f}")
    rep.row("start-up in a terminal, minimal app (s)", m["min_start"], "{:.3f}")
    rep.row("start-up ratio", ratio("start", "min_start"), "{:.2f}", "≤ 1.2", lambda v: v <= 1.2)
    rep.row("CPU time to the tab bar, ours (s)", m["cpu"], "{:.3f}")
    rep.row("CPU time to the tab bar, minimal app (s)", m["min_cpu"], "{:.3f}")
    rep.row("CPU time ratio", ratio("cpu", "min_cpu"), "{:.2f}")
    rep.row("start-up headless, ours (s)", m["headless"], "{:.3f}")
    rep.row("start-up headless, minimal app (s)", m["min_headless"], "{:.3f}")
    rep.row("start-up headless ratio", ratio("headless", "min_headless"), "{:.2f}", "≤ 1.2", lambda v: v <= 1.2)
    rep.row("peak memory, ours (MiB)", m["peak"], "{:.1f}")
    rep.row("peak memory, minimal app (MiB)", m["min_peak"], "{:.1f}")
    rep.row(
        "peak memory ratio",
        ratio("peak", "min_peak"),
        "{:.2f}",
        "≤ 1.3 at 10 and 30 years",
        lambda v: v <= 1.3,
        applies=(10, 30),
    )
    rep.head("Moving your data")
    rep.row("import (s)", m["import"], "{:.2f}", "≤ 1 s at 10 years", lambda v: v <= 1.0, applies=(10,))
    rep.row("export (s)", m["export"], "{:.2f}")
    rep.head("Everyday use")
    rep.row("tick, keypress to disk p50 (ms)", {y: median(v) * 1000 for y, v in res["tick"].items()}, "{:.1f}")
    tick95 = {y: pct(v, 0.95) * 1000 for y, v in res["tick"].items()}
    rep.row(
        "tick, keypress to disk p95 (ms)", tick95, "{:.1f}", "≤ 16 ms at 30 years", lambda v: v <= 16, applies=(30,)
    )
    for key in ("today", "status", "gratitude", "done"):
        rep.row(f"`micro-romance {key}` (s)", m[key], "{:.3f}")
    rep.row("`micro-romance nudge`, nothing new to say (s)", m["nudge"], "{:.3f}")
    rep.row("`python -c pass` (s)", m["bare"], "{:.3f}")
    rep.row("nudge against a bare Python", ratio("nudge", "bare"), "{:.2f}", "≤ 2.5", lambda v: v <= 2.5)
    rep.row(
        "switch to a tab, first visit, slowest (ms)",
        {y: max(v) * 1000 for y, v in res["first_visit"].items()},
        "{:.0f}",
        "< 100 ms",
        lambda v: v < 100,
    )
    rep.row(
        "switch to a tab, later visits p95 (ms)",
        {y: pct(v, 0.95) * 1000 for y, v in res["later_visit"].items()},
        "{:.0f}",
        "< 100 ms",
        lambda v: v < 100,
    )
    rep.row(
        "switch to a tab, later visits p50 (ms)", {y: median(v) * 1000 for y, v in res["later_visit"].items()}, "{:.0f}"
    )
    rep.row(
        "switch to a tab, minimal app, p95 (ms)",
        {y: pct(v, 0.95) * 1000 for y, v in res["min_visit"].items()},
        "{:.0f}",
    )

    lo, hi = sizes[0], sizes[-1]
    if len(sizes) > 1:
        rep.lines += ["", f"### Growth with years ({hi} years against {lo} unless said)", ""]
        rep.single(
            "start-up in a terminal",
            m["start"][hi] / m["start"][lo],
            "{:.2f}x",
            "≤ 1.05x",
            m["start"][hi] / m["start"][lo] <= 1.05,
        )
        rep.single("tick p95", tick95[hi] / tick95[lo], "{:.2f}x", "≤ 1.5x", tick95[hi] / tick95[lo] <= 1.5)
        for key in ("today", "status", "gratitude", "done"):
            g = m[key][hi] / m[key][lo]
            rep.single(f"`{key}`", g, "{:.2f}x", "≤ 1.10x", g <= 1.10)
    if 10 in sizes and 30 in sizes:
        for key in ("import", "export"):
            g = m[key][30] / m[key][10]
            rep.single(f"{key}, 30 years against 10", g, "{:.2f}x", "≤ 3.5x (linear)", g <= 3.5)
    shell_bench.report(rep, shell_found, snippet_ms)
    rep.lines += ["", f"Targets missed: {rep.missed}"]
    print("\n".join(rep.lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
