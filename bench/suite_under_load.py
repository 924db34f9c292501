"""The README's test command on a busy machine: the whole suite beside two processes that keep two cores busy.

    .venv/bin/python bench/suite_under_load.py            # with two CPU hogs
    .venv/bin/python bench/suite_under_load.py --hogs 0   # the same command on the machine as it is

Runs ``python -m pytest`` (the README's command: ``-n auto``, two workers a core, see tests/conftest.py)
from the project folder while
``--hogs`` processes (``python -c "while True: pass"``) spin, then says how long it took, whether it
passed, and the load average before and after. The hogs are stopped however the run ends. Not part of
the suite: the figure depends on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 180.0
"""Seconds the README's test command may take on the project's reference machine (2 cores)."""


def run(hogs: int, extra: list[str]) -> int:
    load_before = os.getloadavg()
    spinning = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(hogs)]
    try:
        start = time.perf_counter()
        suite = subprocess.run([sys.executable, "-m", "pytest", "-q", *extra], cwd=ROOT, capture_output=True, text=True)
        took = time.perf_counter() - start
    finally:
        for hog in spinning:
            hog.kill()
            hog.wait()
    summary = next((line for line in reversed(suite.stdout.splitlines()) if line.strip()), "(no output)")
    verdict = "passed" if suite.returncode == 0 else f"FAILED (exit {suite.returncode})"
    print(f"the suite beside {hogs} CPU hog(s) on {os.cpu_count()} cores: {took:.0f} s, {verdict}")
    print(f"  {summary}")
    if hogs == 0:
        print(f"  budget on an idle machine {BUDGET:.0f} s: {'met' if took <= BUDGET else 'missed'}")
    else:
        print(f"  (the budget of {BUDGET:.0f} s is for an idle machine; beside hogs it has to pass)")
    print(f"  load average before: {load_before[0]:.2f}, after: {os.getloadavg()[0]:.2f}")
    lines = suite.stdout.splitlines()
    slowest = next((i for i, line in enumerate(lines) if "slowest" in line and "durations" in line), None)
    if slowest is not None:  # --durations=N was passed on
        print("\n".join(line for line in lines[slowest:] if line[:1].isdigit() or "slowest" in line))
    if suite.returncode:
        print("\n".join(line for line in lines if line.startswith(("FAILED", "ERROR"))))
    return suite.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hogs", type=int, default=2, help="processes that keep a core busy (default 2)")
    parser.add_argument("pytest_args", nargs="*", help="more arguments for pytest (after --)")
    args = parser.parse_args()
    return run(args.hogs, args.pytest_args)


if __name__ == "__main__":
    sys.exit(main())
