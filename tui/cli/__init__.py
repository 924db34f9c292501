"""The command line (``micro-romance``): see :mod:`tui.cli.parser`.

| module | owns |
| --- | --- |
| ``quick`` | ``--version``, and ``status`` from the status file, before any parser |
| ``everyday`` | ``done WORDS``, ``gratitude TEXT`` and ``today`` in their simple forms, before any parser |
| ``options`` | the day parser, the clock, the data folder (``--demo`` too) |
| ``common`` | a command's parser, its one-line errors, opening the store, output |
| ``parser`` | the parser, the explicit list of commands, ``main()`` |
| ``launch`` | opening the full screen |
| ``today`` | ``today`` and ``status`` (read-only, no lock) |
| ``write`` | ``done`` and ``gratitude`` (locked) |
| ``transfer`` | ``export`` (read-only) and ``import`` (locked) |
| ``doctor`` | ``doctor`` (read-only, no lock) |
| ``days`` | ``days``, ``days add``, ``days remove`` (list read-only; add and remove locked) |
| ``nudge`` | ``nudge`` (read-only; its quick answer imports only ``os`` and ``time``) |
| ``calendar`` | ``calendar -o FILE.ics`` (read-only) |

Importing any of these touches only the standard library; Textual is imported
only by ``launch`` when the full screen starts.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    if argv is not None:  # called from code (tests, the bench): an ordinary function
        return _main(list(argv))
    code = _main(sys.argv[1:])
    if "textual" not in sys.modules:  # a command, not the full screen: its work is on disk and on screen
        _leave_now(code)
    return code


def _leave_now(code: int) -> None:
    """End the process as soon as a command is done, skipping the interpreter's tidying of every module
    it imported (6-8 ms of a 50 ms command, for memory the OS takes back at once). Every write is
    already durable; the exit handlers still run and the output is flushed first. When flushing fails
    (a closed pipe), the ordinary exit is left to report it."""
    import atexit
    import os

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def _main(argv: list[str]) -> int:
    if "status" in argv or argv == ["--version"]:
        from tui.cli.quick import answer

        code = answer(argv)
        if code is not None:
            return code
    if argv[:1] == ["nudge"]:  # a terminal's start-up file: answered from its last verdict while it holds
        from tui.cli.nudge import quick

        code = quick(argv[1:])
        if code is not None:
            return code
    # Start-up makes next to no garbage in cycles (about a thousand objects), yet the collector would
    # scan everything imported, again and again (25-30 ms before the full screen's first frame). It is
    # off until the first frame is painted (the App turns it back on, start-up's objects frozen) or,
    # for any other command, until its arguments are parsed (tui.cli.parser).
    gc.disable()
    try:
        if "done" in argv or "gratitude" in argv or "today" in argv:  # the everyday commands, without a parser
            from tui.cli.everyday import answer as everyday

            code = everyday(argv)
            if code is not None:
                return code
        from tui.cli.parser import main as run

        return run(argv)
    finally:
        gc.enable()


__all__ = ["main"]
