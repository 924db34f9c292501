"""What every everyday command shares: options, opening the store, errors, output.

Kept light on purpose: importing this (and every command module) touches only
the standard library, so ``micro-romance --help`` stays fast. The store, the
content and the domain are imported when a command runs; Textual never is.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tui import APP_NAME
from tui.cli.options import data_dir, iso_day, make_clock, refuse_writing_ahead

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way

if TYPE_CHECKING:
    import argparse

    from tui.storage import Store

Run = Callable[["argparse.Namespace"], int]


class CommandError(Exception):
    """A one-line message for standard error, and the exit code to leave with."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def add_command(
    sub: argparse._SubParsersAction, name: str, run: Run, *, help: str | None, description: str
) -> argparse.ArgumentParser:
    """A subcommand parser that also accepts ``--data-dir`` and ``--today`` after its name
    (``help=None``: a command ``--help`` does not list)."""
    import argparse  # here, not at the top: the everyday commands' quick path (tui.cli.everyday) never parses

    listed = {"help": help} if help is not None else {}
    parser = sub.add_parser(name, description=description, **listed)
    # SUPPRESS: when not given here, the value given before the command stays.
    parser.add_argument("--data-dir", type=Path, metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parser.add_argument(
        "--today", type=iso_day, metavar="YYYY-MM-DD", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    parser.set_defaults(handler=guarded(run))
    return parser


def guarded(run: Run) -> Run:
    """Run a command; turn expected failures into one line on standard error."""

    def handler(args: argparse.Namespace) -> int:
        for stream in (sys.stdout, sys.stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="replace")  # a narrow terminal encoding must not crash a command
        try:
            return run(args)
        except CommandError as exc:
            fail(str(exc))
            return exc.code
        except BrokenPipeError:
            # The reader went away (``micro-romance export | head``): stop quietly.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 0

    handler.__doc__ = run.__doc__
    return handler


def write_file(path: Path, data: bytes, *, force: bool, example: str) -> bool:
    """Write a file a command was asked for (atomic, 0600); True when it replaced one.

    A folder, or a file already there without ``force``, is refused (CommandError) with nothing written;
    ``example`` is a file name to suggest inside a folder.
    """
    from tui.storage.files import atomic_write

    if path.is_dir():
        raise CommandError(f"{path} is a folder; give a file name, for example {path / example}")
    replacing = path.exists() or path.is_symlink()
    if replacing and not force:
        raise CommandError(f"{path} already exists; nothing was written (add --force to replace it)")
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise CommandError(f"could not write {path} ({exc.strerror or exc}); nothing was written") from None
    return replacing


def fail(message: str) -> None:
    print(f"{APP_NAME}: {message}", file=sys.stderr)


def today(args: argparse.Namespace) -> date:
    return make_clock(args).today()


def read_store(args: argparse.Namespace) -> Store:
    """The user's data, read-only and without the lock (writes are atomic replaces).

    A missing data folder reads as empty and is not created.
    """
    from tui.storage import open_store

    return open_store(data_dir(args), readonly=True)


def write_store(args: argparse.Namespace, *, backups: bool = True) -> Store:
    """The user's data, locked for writing (a running full screen makes this fail clearly).

    ``backups=False`` (``done``, ``gratitude``): no start-up copy of the data. Such a write is one
    small atomic change; a copy for each (about 25 ms of fsyncs) would also push the full screen's
    own start-up copies out of the three that are kept. ``import`` and the full screen still copy.
    """
    from tui.storage import open_store

    refuse_writing_ahead(args)
    return open_store(data_dir(args), backups=backups)


def share_words(args: argparse.Namespace, store: Store) -> str:
    """What ``--share`` says (``days add``, ``gratitude``): when the entry reaches the partner, in the
    words the full screen uses too (tui.domain.share), with the commands that take the next step."""
    from tui.domain.share import marked_to_share
    from tui.paths import sync_dir
    from tui.together.state import is_paired, partner_name

    state = sync_dir(data_dir(args))
    return marked_to_share(
        paired=is_paired(state),
        partner=partner_name(state),
        named=store.settings().partner_name,
        to_pair=f"{APP_NAME} pair start FOLDER",
        to_confirm=f"{APP_NAME} pair status shows it",
    )


def first_run(store: Store) -> bool:
    """True when nothing has been saved yet (no data file)."""
    return not store.path.exists()


def write_out(text: str) -> None:
    """Write ``text`` to standard output as UTF-8 bytes (data, not a message)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def read_input(source: str, what: str) -> bytes:
    """The bytes of a file, or of standard input for ``-``."""
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        try:
            return stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
        except OSError as exc:
            raise CommandError(f"could not read {what} from standard input ({exc.strerror or exc})") from None
    path = Path(source).expanduser()
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CommandError(f"could not read {path} ({exc.strerror or exc})") from None
