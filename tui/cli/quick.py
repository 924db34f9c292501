"""The two answers a shell asks for most, given before any parser is built.

``micro-romance --version``, and ``micro-romance status`` (with ``--format``, ``--data-dir``
and ``--today``) while the status file is current: one small file read, one line printed,
nothing else imported (no argparse, no pathlib, no store). Anything else, and any status the
file cannot vouch for, goes to the whole parser (:mod:`tui.cli.parser`), which gives the same
answer the long way and writes the file again.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from tui import APP_NAME, __version__

_VALUED = ("--data-dir", "--today", "--format")


def answer(argv: Sequence[str]) -> int | None:
    """The exit code once answered here, or None when the whole parser must read ``argv``."""
    if list(argv) == ["--version"]:
        return _say(f"{APP_NAME} {__version__}")
    if "status" not in argv:
        return None
    options = _status_options(argv)
    if options is None:
        return None
    folder = options.get("--data-dir")
    folder = os.path.expanduser(folder) if folder is not None else default_data_dir()
    if not folder:
        return None
    day = options.get("--today")
    if day is None:
        from tui.clock import DayClock

        day = DayClock().today().isoformat()
    from tui.statusfile import current_status

    status = current_status(folder, day, __version__)  # a --today that is no date matches no file
    if status is None:
        return None
    template = options.get("--format")
    if template is None:
        return _say(status.line())
    from tui.domain.status import TemplateError, render

    try:
        return _say(render(template, status.values()))
    except TemplateError as exc:
        print(f"{APP_NAME}: {exc}", file=sys.stderr)
        return 1


def _status_options(argv: Sequence[str]) -> dict[str, str] | None:
    """``status``'s options when ``argv`` is only ``status`` and the options it shares, spelt whole."""
    found: dict[str, str] = {}
    command_seen = False
    words = iter(argv)
    for word in words:
        if word == "status" and not command_seen:
            command_seen = True
            continue
        name, equals, value = word.partition("=")
        if name not in _VALUED or (name == "--format" and not command_seen):
            return None
        if not equals:
            value = next(words, None)
            if value is None:
                return None
        if name == "--format" and name in found:
            return None
        found[name] = value
    return found if command_seen else None


def default_data_dir() -> str | None:
    """platformdirs' user data folder, found without importing it (Linux and the BSDs: XDG);
    None elsewhere, where the whole parser asks platformdirs."""
    if sys.platform.startswith(("win", "darwin", "cygwin", "msys")):
        return None
    base = os.environ.get("XDG_DATA_HOME", "")
    if not base.strip():
        base = os.path.expanduser("~/.local/share")
    return os.path.join(base, APP_NAME)


def _say(line: str) -> int:
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")  # a narrow terminal encoding must not crash a prompt
    try:
        print(line)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0
