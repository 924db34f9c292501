"""Start-up only, before and after: the minimal app, another checkout and this one, launched in turn.

    flock /tmp/bench.lock .venv/bin/python bench/startup_ab.py --other /tmp/base --runs 21 --years 10

``--other`` is a folder holding another version of the project (``git archive COMMIT | tar -x -C
/tmp/base``). Each round launches the minimal app, the other version and this one, in a real
pseudo-terminal until the tab bar is on screen (bench.py's ``in_terminal``), then the same three
headless (launch and quit, bench.py's ``headless``); medians and ratios to the minimal app are printed
with the load average. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench

HERE = bench.ROOT


def launch(root: Path, argv: list[str], *, pty: bool) -> float:
    """Seconds to the tab bar (pty) or to the end of a headless launch and quit, from ``root``'s code."""
    env = dict(bench.CHILD_ENV, PYTHONPATH=str(root))
    if pty:
        saved = bench.CHILD_ENV, bench.ROOT
        bench.CHILD_ENV, bench.ROOT = env, root  # the child runs in root (python -m tui reads the cwd first)
        try:
            return bench.in_terminal(argv)["start"][0]
        finally:
            bench.CHILD_ENV, bench.ROOT = saved
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", bench.HEADLESS, *argv], capture_output=True, stdin=subprocess.DEVNULL, cwd=root, env=env
    )
    if proc.returncode:
        raise SystemExit(proc.stderr.decode(errors="replace"))
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--other", type=Path, required=True, help="a folder holding another version")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--years", type=int, nargs="+", default=[10])
    args = parser.parse_args()
    for root in (args.other, HERE):
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "tui")], check=True, env=bench.CHILD_ENV)
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="micro-romance-ab-") as tmp:
        for years in args.years:
            export, data = Path(tmp) / f"{years}y.json", Path(tmp) / f"{years}y"
            export.write_text(json.dumps(bench.synthetic_export(years)))
            bench.timed(bench.cli(data, "import", str(export)))
            bench.in_terminal(bench.cli(data))  # what a first start does once (backups, the weekly review)
            ours = bench.cli(data)
            kinds = {
                "minimal": (HERE, [sys.executable, "-c", bench.MINIMAL_APP], [bench.MINIMAL_APP]),
                "other": (args.other, ours, ["ours", *ours[3:]]),
                "this": (HERE, ours, ["ours", *ours[3:]]),
            }
            times: dict[tuple[str, bool], list[float]] = {}
            for _ in range(args.runs):
                for pty in (True, False):
                    for name, (root, argv, tail) in kinds.items():
                        times.setdefault((name, pty), []).append(launch(root, argv if pty else tail, pty=pty))
            for pty in (True, False):
                med = {name: statistics.median(times[name, pty]) for name in kinds}
                print(
                    f"{years} y, {'pty to the tab bar' if pty else 'headless launch and quit'}, "
                    f"medians of {args.runs}: "
                    + ", ".join(f"{name} {med[name]:.3f} s ({med[name] / med['minimal']:.2f}x)" for name in kinds)
                )
    print(f"load average {load[0]:.2f} before, {os.getloadavg()[0]:.2f} after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
