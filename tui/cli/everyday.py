"""``done WORDS``, ``gratitude TEXT`` and ``today`` in their everyday forms, run without building a parser.

The words (or the note), ``--data-dir`` and ``--today`` before or after the command's name, and
``--undo``, ``--share`` or ``--json`` before or after the words, each spelt whole and given once: these
are read here and handed to the very handler the parser would call, so the answer, the exit code and
what is written are the parser's (tests/unit/test_everyday.py runs both ways). Anything else (``--help``,
``-`` for standard input, ``--demo``, an option between the words, a short or unknown option, a day
that is no date, no words for ``done`` or ``gratitude``, words for ``today``) is None: the whole parser
reads it, with its own messages.
"""

from __future__ import annotations

from types import SimpleNamespace

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from collections.abc import Sequence

FLAGS = {
    "done": ("--undo", "undo", "words"),
    "gratitude": ("--share", "share", "text"),
    "today": ("--json", "json", ""),
}
"""Each command: its one switch, its name in the parser's namespace, and the words' name ("": none taken)."""

VALUED = ("--data-dir", "--today")


def answer(argv: Sequence[str]) -> int | None:
    """The exit code once the command has run, or None when the whole parser must read ``argv``."""
    args = read(argv)
    if args is None:
        return None
    from tui.cli.common import guarded
    from tui.cli.options import run_command

    if args.command == "today":
        from tui.cli.today import run_today as run
    else:
        from tui.cli.write import run_done, run_gratitude

        run = run_done if args.command == "done" else run_gratitude
    args.handler = guarded(run)
    del args.command
    return run_command(args.handler, args)


def read(argv: Sequence[str]) -> SimpleNamespace | None:
    """What the parser would make of ``argv``, when it is a simple ``done`` or ``gratitude``; else None."""
    command: str | None = None
    values: dict[str, str] = {}
    switch = False
    words: list[str] = []
    words_ended = False
    given = iter(argv)
    for word in given:
        if not word.startswith("-"):
            if command is None:
                if word not in FLAGS:
                    return None
                command = word
            elif words_ended:
                return None  # words again after an option: the parser refuses them
            else:
                words.append(word)
            continue
        if words:
            words_ended = True
        name, equals, value = word.partition("=")
        if command is not None and word == FLAGS[command][0] and not switch:
            switch = True
            continue
        if name not in VALUED or name in values:
            return None
        if not equals:
            value = next(given, "")
        if not value or value.startswith("-"):
            return None
        values[name] = value
    if command is None or bool(words) != bool(FLAGS[command][2]):
        return None
    return _namespace(command, values, switch, words)


def _namespace(command: str, values: dict[str, str], switch: bool, words: list[str]) -> SimpleNamespace | None:
    day = None
    if "--today" in values:
        from tui.cli.options import iso_day

        try:
            day = iso_day(values["--today"])
        except Exception:  # noqa: BLE001 (argparse's ArgumentTypeError: the parser says it its own way)
            return None
    folder = None
    if "--data-dir" in values:
        from pathlib import Path

        folder = Path(values["--data-dir"])
    _, flag, words_name = FLAGS[command]
    fields = {"data_dir": folder, "today": day, "demo": False, flag: switch}
    if words_name:
        fields[words_name] = words
    return SimpleNamespace(command=command, **fields)
