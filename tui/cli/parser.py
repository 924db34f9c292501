"""The command line: the parser, the commands it knows, and the way out.

Commands are registered explicitly in :func:`commands`. Textual is imported only
when the full screen starts, so ``--help``, ``--version`` and the everyday
commands stay fast; the full screen's own options are read without building
(or importing) any command at all (:func:`full_screen_args`).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from tui import APP_NAME, __version__
from tui.cli.launch import run_app
from tui.cli.options import discard_demo, iso_day
from tui.errors import StoreError

Handler = Callable[[argparse.Namespace], int]
Register = Callable[[argparse._SubParsersAction], None]


def commands() -> list[Register]:
    """Registration functions, in the order ``--help`` lists the commands.

    Imported when a command (or ``--help``) is parsed, not for the full screen.
    """
    from tui.cli.doctor import register_doctor
    from tui.cli.today import register_status, register_today
    from tui.cli.together import register_pair, register_sync
    from tui.cli.transfer import register_export, register_import
    from tui.cli.write import register_done, register_gratitude

    return [
        register_today,
        register_status,
        register_done,
        register_gratitude,
        register_export,
        register_import,
        register_pair,
        register_sync,
        register_doctor,
    ]


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options before any command (the full screen's own)."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="PATH",
        help="where your data lives (default: your user data folder)",
    )
    parser.add_argument(
        "--today",
        type=iso_day,
        metavar="YYYY-MM-DD",
        help="act as if this were today (to fill in a past day)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use a few weeks of example data in a throwaway folder (your data is not touched)",
    )
    parser.set_defaults(handler=run_app)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="A calm terminal companion for small daily acts of care. "
        "Run without a command to open the full screen.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    add_options(parser)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for register in commands():
        register(sub)
    return parser


class _NotTheFullScreen(Exception):
    """What the short parser meets that only the whole parser reads (a command, help, a mistake)."""


class _OptionsOnly(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotTheFullScreen(message)


def full_screen_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """``argv``'s arguments when it only opens the full screen (options, no command), else None.

    Read by a parser of the options alone, so opening the full screen neither imports nor
    builds the commands (about 5 ms). Anything else, ``--help``, ``--version`` and every
    mistake included, is None: the whole parser reads it, with its own messages.
    """
    if "--" in argv:  # what follows it is a command's (the whole parser refuses a lone one)
        return None
    parser = _OptionsOnly(prog=APP_NAME, add_help=False)
    add_options(parser)
    try:
        return parser.parse_args(argv)
    except _NotTheFullScreen:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = full_screen_args(argv) or build_parser().parse_args(argv)
    if args.demo and args.data_dir is not None:
        print(f"{APP_NAME}: --demo uses a throwaway folder; leave out --data-dir.", file=sys.stderr)
        return 2
    handler: Handler = args.handler
    if handler is not run_app:
        gc.enable()  # off while starting (tui.cli.main); the full screen turns it on after its first frame
    if args.demo and handler is not run_app:
        print(f"{APP_NAME}: demo: example data in a throwaway folder; nothing is kept.", file=sys.stderr)
    try:
        return handler(args)
    except StoreError as exc:
        print(f"{APP_NAME}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        discard_demo()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
