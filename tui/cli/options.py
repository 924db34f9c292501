"""What every command shares before it runs: the day, the clock, the data folder.

This module imports neither the parser nor the commands, so both can use it
without a cycle. It touches only the standard library at import time.
"""

from __future__ import annotations

import atexit

from tui import APP_NAME

TYPE_CHECKING = False  # typing's own (and pathlib) would cost --help 4 ms; type checkers read this name the same way
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from datetime import date
    from pathlib import Path

    from tui.clock import DayClock


def iso_day(value: str) -> date:
    """``--today``'s parser: an ISO date, or a one-line reason it is not one."""
    from datetime import date

    from tui.model import day_out_of_range  # imported when a day is given, not for --help

    try:
        day = date.fromisoformat(value)
    except ValueError:
        import argparse  # only for a day that is no date: done and gratitude run without argparse

        raise argparse.ArgumentTypeError(f"not a date like 2026-01-31: {value!r}") from None
    problem = day_out_of_range(day)
    if problem:
        import argparse

        raise argparse.ArgumentTypeError(problem)
    return day


def run_command(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command: a failure of the store is one line on standard error (exit 2), Ctrl-C leaves
    with 130, and the demo's throwaway folder goes at the end (the parser's way and tui.cli.everyday's)."""
    from tui.errors import StoreError

    try:
        return handler(args)
    except StoreError as exc:
        import sys

        print(f"{APP_NAME}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        discard_demo()


def make_clock(args: argparse.Namespace) -> DayClock:
    from tui.clock import DayClock, ManualClock

    today = getattr(args, "today", None)
    return ManualClock(today) if today else DayClock()


def data_dir(args: argparse.Namespace) -> Path:
    """The folder this run reads and writes.

    ``--demo`` means a throwaway folder of example data for every command, made
    once per run and removed when the run ends (:func:`discard_demo`), so the user's own data is never
    touched.
    """
    if getattr(args, "demo", False):
        return demo_dir(args)
    if getattr(args, "data_dir", None) is not None:
        from pathlib import Path

        return a_folder(Path(args.data_dir).expanduser())
    from tui.paths import default_data_dir

    return a_folder(default_data_dir())


def refuse_writing_ahead(args: argparse.Namespace) -> None:
    """Refuse (StoreError, one line) to write as a day after the system's date (``--today``).

    Reading a day ahead is fine (``today``, ``status``, ``export``); writing as one would file
    entries under a day that has not come and move this year's into ``history/``. The demo's
    throwaway folder may be written as any day.
    """
    day = getattr(args, "today", None)
    if day is None or getattr(args, "demo", False):
        return
    from tui.clock import DayClock

    real = DayClock().today()
    if day > real:
        from tui.errors import StoreError

        raise StoreError(
            f"--today {day.isoformat()} is after today's date ({real.isoformat()}), and nothing is written "
            "as a day that has not come yet; leave out --today to write, or use it to look ahead with today."
        )


def a_folder(path: Path) -> Path:
    """``path``, unless something that is not a folder is there: then one line says so (StoreError)."""
    import os

    if os.path.exists(path) and not os.path.isdir(path):
        from tui.errors import StoreError

        raise StoreError(
            f"The data folder {path} is a file, not a folder. Choose a folder with --data-dir, "
            "or move the file out of the way."
        )
    return path


_DEMO: dict[str, Path] = {}


def demo_dir(args: argparse.Namespace) -> Path:
    """A temporary data folder filled with the demo set (one per process)."""
    if "dir" not in _DEMO:
        import tempfile
        from pathlib import Path

        folder = Path(tempfile.mkdtemp(prefix=f"{APP_NAME}-demo-"))
        atexit.register(discard_demo)  # should main() be left some other way
        path = _DEMO["dir"] = folder / "data"
        from tui.demo import build_demo
        from tui.storage import open_store

        store = open_store(path)
        try:
            build_demo(store, make_clock(args).today())
        finally:
            store.close()
    return _DEMO["dir"]


def discard_demo() -> None:
    """Remove this run's demo folder, if one was made."""
    path = _DEMO.pop("dir", None)
    if path is not None:
        import shutil

        shutil.rmtree(path.parent, ignore_errors=True)
