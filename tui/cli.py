"""The command line: options, subcommands, and launching the full screen.

Textual is imported only when the full screen starts, so ``--help``,
``--version`` and the everyday subcommands stay fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from tui import APP_NAME, __version__
from tui.clock import Clock, ManualClock
from tui.errors import StoreError

Handler = Callable[[argparse.Namespace], int]


def _iso_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2026-01-31: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="A calm terminal companion for small daily acts of care. "
        "Run without a command to open the full screen.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="PATH",
        help="where your data lives (default: your user data folder)",
    )
    parser.add_argument(
        "--today",
        type=_iso_day,
        metavar="YYYY-MM-DD",
        help="act as if this were today (to fill in a past day)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a few weeks of example use in a throwaway folder (your data is not touched)",
    )
    parser.set_defaults(handler=run_app)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for register in COMMANDS:
        register(sub)
    return parser


def make_clock(args: argparse.Namespace) -> Clock:
    return ManualClock(args.today) if args.today else Clock()


def data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir is not None:
        return Path(args.data_dir).expanduser()
    from tui.paths import default_data_dir

    return default_data_dir()


def run_app(args: argparse.Namespace) -> int:
    """Open the store, then the full screen."""
    if getattr(args, "demo", False):
        return run_demo(args)
    from tui.store import open_store

    store = open_store(data_dir(args))
    try:
        from tui.app import MicroRomanceApp

        app = MicroRomanceApp(store=store, clock=make_clock(args))
        app.run()
        return app.return_code or 0
    finally:
        store.close()


def run_demo(args: argparse.Namespace) -> int:
    """The full screen on example data in a temporary folder, removed on exit."""
    import tempfile

    from tui.demo import build_demo
    from tui.store import open_store

    if args.data_dir is not None:
        print(f"{APP_NAME}: --demo uses a throwaway folder; leave out --data-dir.", file=sys.stderr)
        return 2
    clock = make_clock(args)
    with tempfile.TemporaryDirectory(prefix=f"{APP_NAME}-demo-") as folder:
        store = open_store(Path(folder) / "data")
        try:
            build_demo(store, clock.today())
            from tui.app import MicroRomanceApp

            app = MicroRomanceApp(store=store, clock=clock, demo=True)
            app.run()
            return app.return_code or 0
        finally:
            store.close()


# Subcommands register themselves here: each is ``register(subparsers)`` and
# sets ``handler`` on its parser.
COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


def _everyday_commands() -> None:
    # Imported here, not at the top: tui.commands uses this module's helpers
    # when a command runs. Its modules import only the standard library.
    from tui.commands import COMMANDS as everyday

    COMMANDS.extend(everyday)


_everyday_commands()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except StoreError as exc:
        print(f"{APP_NAME}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
