"""The command line: the parser, the commands it knows, and the way out.

Commands are registered explicitly in :func:`commands`. Textual is imported only
when the full screen starts, so ``--help``, ``--version`` and the everyday
commands stay fast; the full screen's own options are read without building
(or importing) any command at all (:func:`full_screen_args`).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence

from tui import APP_NAME, __version__
from tui.cli.launch import run_app
from tui.cli.options import iso_day, run_command

TYPE_CHECKING = False  # typing's own import costs --help 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

Handler = Callable[[argparse.Namespace], int]
Register = Callable[[argparse._SubParsersAction], None]


COMMANDS: dict[str, str] = {
    "today": "tui.cli.today:register_today",
    "status": "tui.cli.today:register_status",
    "done": "tui.cli.write:register_done",
    "gratitude": "tui.cli.write:register_gratitude",
    "days": "tui.cli.days:register_days",
    "nudge": "tui.cli.nudge:register_nudge",
    "calendar": "tui.cli.calendar:register_calendar",
    "export": "tui.cli.transfer:register_export",
    "import": "tui.cli.transfer:register_import",
    "pair": "tui.cli.together:register_pair",
    "sync": "tui.cli.together:register_sync",
    "doctor": "tui.cli.doctor:register_doctor",
    "completion": "tui.cli.shell:register_completion",
    "background-round": "tui.cli.background:register_background_round",
}
"""Every command, in the order ``--help`` lists them: its name and the function that adds its
parser (``module:function``). A command's module is imported only when that command (or the whole
parser: ``--help``, a mistake, completion, the man page) is built."""


LISTED: dict[str, str] = {
    "today": "today's gesture and the rituals still open",
    "status": "one short line for a shell prompt or status bar",
    "done": "tick a ritual for today",
    "gratitude": "add a gratitude note",
    "days": "the days that matter: what is coming, add, remove",
    "nudge": "one line when something is due now, nothing otherwise",
    "calendar": "the days that matter and the rituals as a calendar file (.ics)",
    "export": "write out everything you have kept",
    "import": "merge a JSON export into your data",
    "pair": "share rituals, ticks and chosen notes with your partner through a synced folder",
    "sync": "one round of sync with your partner now",
    "doctor": "check your data file and say what to do about anything wrong",
    "completion": "print the tab completion script for bash, zsh or fish",
}
"""What ``micro-romance --help`` lists for each command, so it lists them without importing a single
command's module (each command's own ``help=`` says the same: tests/unit/test_cli.py compares)."""


SHORT = frozenset({"today", "done", "gratitude"})
"""Commands that read this year's entries (past years only when asked) and end at once: the garbage collector stays
off while they run. Reading 30 years of history it would scan the entries just read again and again
(about 5 ms of a 50 ms command), for garbage that holds no cycles to speak of; the process ends right after."""


HIDDEN = frozenset({"background-round"})
"""Commands a person never types (a writing command starts them): not in --help or the manual."""


def commands(only: str | None = None, *, hidden: bool = True) -> list[Register]:
    """Registration functions, in the order ``--help`` lists the commands; only ``only``'s when given."""
    from importlib import import_module

    found = []
    for name, where in COMMANDS.items():
        if (only is None or name == only) and (hidden or name not in HIDDEN):
            module, _, function = where.partition(":")
            found.append(getattr(import_module(module), function))
    return found


def command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs, when it is plain to see before parsing (options spelt whole)."""
    words = iter(argv)
    for word in words:
        if word in ("--data-dir", "--today"):
            next(words, None)
        elif word == "--demo" or word.startswith(("--data-dir=", "--today=")):
            continue
        else:
            return word if word in COMMANDS else None
    return None


def _path(text: str) -> Path:
    """``--data-dir``'s value (pathlib is imported when one is given, not for --help)."""
    from pathlib import Path

    return Path(text)


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options before any command (the full screen's own)."""
    parser.add_argument(
        "--data-dir",
        type=_path,
        metavar="PATH",
        help="where your data lives (default: your user data folder)",
    ).complete = {"bash": "_shtab_compgen_dirs", "zsh": "_files -/", "fish": "(__fish_complete_directories)"}  # type: ignore[attr-defined]
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


def _columns() -> int:
    """The terminal's width as argparse asks shutil for it (COLUMNS first), without importing shutil
    (and the compression modules it brings: about 5 ms of --help)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    """argparse's parser with the formatter above, for every command's parser too (argparse makes
    those of the parser's own class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def build_parser(only: str | None = None, *, hidden: bool = True, listing: bool = False) -> argparse.ArgumentParser:
    """The whole parser, or (``only``) the one of a single command: the others' modules stay unread.
    ``hidden=False`` leaves out the commands in HIDDEN (for the manual); ``listing``: each command
    only as ``--help`` lists it (LISTED), no module imported."""
    parser = _Parser(
        prog=APP_NAME,
        description="A calm terminal companion for small daily acts of care. "
        "Run without a command to open the full screen.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    add_options(parser)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    if listing:
        for name, text in LISTED.items():
            sub.add_parser(name, help=text)
        return parser
    for register in commands(only, hidden=hidden):
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
    if argv in (["--help"], ["-h"]):
        build_parser(listing=True).parse_args(argv)  # prints the help and leaves
    command = command_in(argv)  # a command named plainly is no full screen: its parser alone reads argv
    args = (None if command else full_screen_args(argv)) or build_parser(command).parse_args(argv)
    if args.demo and args.data_dir is not None:
        print(f"{APP_NAME}: --demo uses a throwaway folder; leave out --data-dir.", file=sys.stderr)
        return 2
    handler: Handler = args.handler
    if handler is not run_app and command not in SHORT:
        gc.enable()  # off while starting (tui.cli.main); the full screen turns it on after its first frame
    if args.demo and handler is not run_app:
        print(f"{APP_NAME}: demo: example data in a throwaway folder; nothing is kept.", file=sys.stderr)
    return run_command(handler, args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
