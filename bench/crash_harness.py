"""Kill a writing child with SIGKILL and check nothing acknowledged was lost.

Shared by ``tests/reliability/test_crash.py`` (20 kills) and ``bench/soak.py``
(500 kills). The child is ``child_writer.py``: it announces each write with a
``do ...`` line and acknowledges it with ``ok`` once the store call returned.
The parent keeps a plain model of every acknowledged write. After each kill
the data folder must load, every data file must be valid JSON, and what is on
disk must equal the model, or the model plus the one write that was in flight
(it may have landed or not; nothing else may differ).
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tui.storage import Store

CHILD = Path(__file__).with_name("child_writer.py")
FIRST_YEAR = 2026


@dataclass
class Model:
    """What the data folder must hold: every acknowledged write."""

    notes: dict[str, tuple[str, str]] = field(default_factory=dict)
    """text -> (id, day)"""
    ticks: set[tuple[str, str]] = field(default_factory=set)
    gestures: dict[str, tuple[str, bool, str]] = field(default_factory=dict)
    """day -> (gesture id, done, note)"""

    def copy(self) -> Model:
        return Model(dict(self.notes), set(self.ticks), dict(self.gestures))

    def apply(self, op: list[str], note_id: str) -> None:
        kind = op[0]
        if kind == "note":
            day, text = op[1], " ".join(op[2:])
            self.notes[text] = (note_id, day)
        elif kind == "tick":
            ritual, day, done = op[1], op[2], op[3] == "1"
            (self.ticks.add if done else self.ticks.discard)((ritual, day))
        elif kind == "gesture":
            day, gesture, done = op[1], op[2], op[3] == "1"
            self.gestures[day] = (gesture, done, "")
        else:  # pragma: no cover - the child only sends these
            raise ValueError(op)

    def acked_writes(self) -> int:
        return len(self.notes) + len(self.ticks) + len(self.gestures)


def snapshot(store: Store) -> Model:
    """The store's content in the model's terms (gesture notes left out)."""
    model = Model()
    for note in store.notes():
        model.notes[note.text] = (note.id, note.day.isoformat())
    for ritual, days in store.ticks_by_ritual().items():
        model.ticks.update((ritual, d.isoformat()) for d in days)
    for gd in store.gesture_days():
        model.gestures[gd.day.isoformat()] = (gd.gesture_id, gd.done, "")
    return model


def differences(found: Model, expected: Model) -> int:
    """How many acknowledged entries are missing or changed in ``found``."""
    lost = sum(1 for text, value in expected.notes.items() if found.notes.get(text) != value)
    lost += len(expected.ticks - found.ticks)
    lost += sum(1 for day, value in expected.gestures.items() if found.gestures.get(day) != value)
    return lost


@dataclass
class Tally:
    kills: int = 0
    acknowledged: int = 0
    """Acknowledged writes over all runs."""
    lost: int = 0
    unexpected: int = 0
    """Runs whose data held something never written (or unticked ticks back)."""
    unreadable: int = 0
    while_writing: int = 0
    """Kills that came after the child had acknowledged its first ``min_writes`` writes."""
    failures: list[str] = field(default_factory=list)
    log: Callable[[str], object] | None = None

    def fail(self, message: str) -> None:
        self.failures.append(message)
        if self.log is not None:
            self.log(message)

    def line(self) -> str:
        return (
            f"kills: {self.kills}, acknowledged writes: {self.acknowledged}, "
            f"lost: {self.lost}, unreadable files: {self.unreadable}"
        )


class Child:
    """One writer process whose stdout is drained by a thread."""

    def __init__(self, data_dir: Path, seed: int, year: int, rituals: list[str]) -> None:
        self.lines: list[str] = []
        self.ready = threading.Event()
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(data_dir), str(seed), str(year), *rituals],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            if not raw.endswith(b"\n"):
                break  # cut mid-line by the kill: not an acknowledgement
            line = raw.decode("utf-8").rstrip("\n")
            self.lines.append(line)
            if line == "ready":
                self.ready.set()
        self.ready.set()

    def acknowledged(self) -> int:
        return sum(1 for line in self.lines if line.startswith("ok"))

    def wait_for_writes(self, count: int, timeout: float = 30.0) -> bool:
        """Wait until ``count`` writes are acknowledged (False if the child stopped or time ran out)."""
        deadline = time.monotonic() + timeout
        while self.acknowledged() < count:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                return False
            time.sleep(0.005)
        return True

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self._reader.join()

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read().decode("utf-8", "replace")


def replay(lines: list[str], model: Model) -> tuple[int, list[str] | None]:
    """Apply acknowledged writes to ``model``; return (count, write in flight)."""
    pending: list[str] | None = None
    acked = 0
    for line in lines:
        if line.startswith("do "):
            pending = line.split(" ")[1:]
        elif line.startswith("ok") and pending is not None:
            model.apply(pending, line[3:])
            pending = None
            acked += 1
    return acked, pending


def check_files(data_dir: Path) -> list[str]:
    """Problems with the data files as plain JSON (before the store looks)."""
    problems = []
    main = data_dir / "micro-romance.json"
    paths = ([main] if main.exists() else []) + sorted((data_dir / "history").glob("*.json"))
    for path in paths:
        try:
            json.loads(path.read_bytes().decode("utf-8"))
        except (OSError, ValueError) as exc:
            problems.append(f"{path.name}: {exc}")
    return problems


def prepare(data_dir: Path) -> list[str]:
    """A data folder with two rituals; returns their ids."""
    with Store(data_dir) as store:
        return [
            store.add_ritual("Morning coffee", created=date(FIRST_YEAR, 1, 1)).id,
            store.add_ritual("Goodnight", created=date(FIRST_YEAR, 1, 1)).id,
        ]


def run_trials(
    root: Path,
    kills: int,
    *,
    seed: int = 2026,
    per_folder: int = 50,
    max_delay: float = 0.12,
    min_writes: int = 0,
    log: Callable[[str], object] | None = None,
) -> Tally:
    """Run ``kills`` writer processes, each killed with SIGKILL at a random moment.

    A fresh data folder is used every ``per_folder`` kills, so years (one per
    run) stay well inside the calendar and loading stays quick. With
    ``min_writes``, a kill that is not aimed at start-up waits until the child
    has acknowledged that many writes, so the kills land while writing however
    slow the machine is.
    """
    rng = random.Random(seed)
    tally = Tally(log=log)
    model = Model()
    data_dir = root
    rituals: list[str] = []
    for trial in range(kills):
        if trial % per_folder == 0:
            data_dir = root / f"data-{trial // per_folder:03d}"
            rituals = prepare(data_dir)
            model = Model()
        year = FIRST_YEAR + trial % per_folder
        child = Child(data_dir, rng.randrange(1 << 30), year, rituals)
        if rng.random() < 0.1:
            # Sometimes while it is still starting (cleaning up, backing up).
            time.sleep(rng.uniform(0.0, 0.15))
        else:
            child.ready.wait(timeout=30)
            if child.wait_for_writes(min_writes):
                tally.while_writing += 1
            time.sleep(rng.uniform(0.0, max_delay))
        exited = child.proc.poll()
        child.kill()
        tally.kills += 1
        if exited is not None:
            message = f"trial {trial}: the writer stopped by itself ({exited}): {child.stderr()[-2000:]}"
            tally.fail(message)
            tally.unreadable += 1
            continue
        acked, pending = replay(child.lines, model)
        tally.acknowledged += acked
        problems = check_files(data_dir)
        try:
            with Store(data_dir, readonly=True) as store:
                found = snapshot(store)
        except Exception as exc:  # noqa: BLE001 - any failure to load is what we count
            problems.append(f"the store did not load: {exc}")
            found = None
        if problems or found is None:
            tally.unreadable += 1
            tally.fail(f"trial {trial}: " + "; ".join(problems))
            continue
        with_pending = model.copy()
        if pending is not None:
            if pending[0] == "note":
                text = " ".join(pending[2:])
                with_pending.apply(pending, found.notes.get(text, ("?",))[0])
            else:
                with_pending.apply(pending, "")
        if found == model or found == with_pending:
            model = found  # the write in flight may have landed: it is part of the data now
            continue
        lost = min(differences(found, model), differences(found, with_pending))
        tally.lost += lost
        if not lost:
            tally.unexpected += 1
        tally.fail(
            f"trial {trial}: lost {lost} acknowledged writes; in flight: {pending}; "
            f"found {len(found.notes)} notes, {len(found.ticks)} ticks, {len(found.gestures)} gesture days; "
            f"expected {len(model.notes)}, {len(model.ticks)}, {len(model.gestures)}"
        )
        model = found  # go on from what is really there, so one loss is counted once
    return tally
