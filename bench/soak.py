"""The crash soak: kill a writing process with SIGKILL 500 times, lose nothing.

Run from the checkout:

    .venv/bin/python bench/soak.py --kills 500

Each trial starts a writer (bench/child_writer.py) that saves
gratitude notes, ritual ticks and gesture days in a loop, acknowledging each
write only after the store call returned; the writer is killed with SIGKILL at
a random moment (sometimes while it is still starting). After every kill the
data folder must load, every file must be valid JSON, and every acknowledged
write must be there. Most trials cross into a new year, so the move of a past
year to history/YEAR.json is killed mid-way too. The last line is the result,
for example:

    kills: 500, acknowledged writes: N, lost: 0, unreadable files: 0

With ``--imports N`` it also kills N runs of ``micro-romance import`` of an
export spanning six years (bench/import_kills.py) and counts half-imports:
runs that left some but not all of the import's entries (the goal is 0).

The exit status is 0 only when nothing was lost, nothing unreadable and
nothing unexpected found.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crash_harness import run_trials  # noqa: E402  (beside this file)
from import_kills import run_import_kills  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=500, help="how many SIGKILLs (default 500)")
    parser.add_argument("--seed", type=int, default=2026, help="seed for the kill moments and writes")
    parser.add_argument("--imports", type=int, default=0, help="also kill this many imports that span years")
    parser.add_argument("--dir", type=Path, help="work in this folder (default: a temporary one)")
    args = parser.parse_args(argv)

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="micro-romance-soak-") as tmp:
        root = args.dir or Path(tmp)
        tally = run_trials(root, args.kills, seed=args.seed, log=lambda line: print(line, flush=True))
        imports = None
        if args.imports:
            imports = run_import_kills(
                root / "imports", args.imports, seed=args.seed, log=lambda line: print(line, flush=True)
            )
    elapsed = time.monotonic() - started
    print(f"seed: {args.seed}, time: {elapsed:.0f} s, runs with unexpected data: {tally.unexpected}")
    if imports is not None:
        print(imports.line())
    print(tally.line())
    return 0 if not tally.failures and not (imports and imports.failures) else 1


if __name__ == "__main__":
    sys.exit(main())
