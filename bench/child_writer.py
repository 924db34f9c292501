"""A writer that is killed mid-work: the crash tests' child process.

Run as ``python bench/child_writer.py DATA_DIR SEED YEAR RITUAL...``.
It opens the store, prints ``ready``, then loops forever over notes, ticks and
gesture days. Before each call it prints what it is about to do (``do ...``),
and only after the store call returned does it print ``ok`` (with the note's
id), so every ``ok`` line is a write the store acknowledged as on disk.

Days start on 30 December of YEAR and move forward every few writes, so most
runs cross into a new year (the store then moves the old year out to
``history/YEAR.json``); some writes go to a random past year, which rewrites
that year's archive. Depends only on the store, not on Textual.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

from tui.model import GestureDay
from tui.storage import Store

FIRST_YEAR = 2026


def main(argv: list[str]) -> int:
    data_dir, seed, year, rituals = Path(argv[0]), int(argv[1]), int(argv[2]), argv[3:]
    rng = random.Random(seed)
    out = sys.stdout
    store = Store(data_dir)
    print("ready", file=out, flush=True)
    day = date(year, 12, 30)
    seq = 0
    while True:
        seq += 1
        if seq % 4 == 0:
            day += timedelta(days=1)
        when = day
        if year > FIRST_YEAR and rng.random() < 0.15:
            when = date(rng.randrange(FIRST_YEAR, year), rng.randint(1, 12), rng.randint(1, 28))
        kind = rng.random()
        if kind < 0.4:
            text = f"s{seed}-{seq} thank you"
            print(f"do note {when.isoformat()} {text}", file=out, flush=True)
            note = store.add_note(text, when)
            print(f"ok {note.id}", file=out, flush=True)
        elif kind < 0.8:
            ritual = rng.choice(rituals)
            done = rng.random() < 0.7
            print(f"do tick {ritual} {when.isoformat()} {int(done)}", file=out, flush=True)
            store.set_tick(ritual, when, done)
            print("ok", file=out, flush=True)
        else:
            gesture = f"g{seed}-{seq}"
            done = rng.random() < 0.5
            print(f"do gesture {when.isoformat()} {gesture} {int(done)}", file=out, flush=True)
            store.save_gesture_day(GestureDay(when, gesture, (gesture,), done=done, note=f"n{seq}"))
            print("ok", file=out, flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
