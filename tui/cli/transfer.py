"""``micro-romance export`` and ``micro-romance import``: your data out and back in.

The format and the merge rules are in ``docs/data-format.md``; the conversion
lives in :mod:`tui.exchange`. Export reads without the lock; import checks the
whole file first and then writes everything at once, or nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import CommandError, add_command, read_input, read_store, write_file, write_out, write_store
from tui.format import one_line, plural


def register_export(sub: argparse._SubParsersAction) -> None:
    parser = add_command(
        sub,
        "export",
        run_export,
        help="write out everything you have kept",
        description="Write out everything: settings, rituals, ticks, gestures, favourites, notes "
        "and answers. JSON (the default) can be imported again; Markdown is a readable journal, "
        "newest day first.",
    )
    parser.add_argument(
        "--format", choices=("json", "markdown"), default="json", dest="fmt", help="json (default) or markdown"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (private, mode 0600) instead of standard output"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE when it already exists")


def run_export(args: argparse.Namespace) -> int:
    """Export the data as JSON or Markdown."""
    from tui.exchange import export_data, export_json, to_markdown

    with read_store(args) as store:
        text = export_json(export_data(store)) if args.fmt == "json" else to_markdown(store)
        counts = store.counts()
    if args.output in (None, "-"):
        write_out(text)
        return 0
    path = Path(args.output).expanduser()
    replacing = write_file(path, text.encode("utf-8"), force=args.force, example="micro-romance.json")
    total = counts.total
    replaced = " (replaced the file that was there)" if replacing else ""
    print(f"Exported {plural(total, 'entry', 'entries')} to {one_line(str(path))}{replaced}.")
    return 0


def register_import(sub: argparse._SubParsersAction) -> None:
    parser = add_command(
        sub,
        "import",
        run_import,
        help="merge a JSON export into your data",
        description="Merge a JSON export (from 'export') into your data. Entries already here are "
        "kept; importing the same file twice adds nothing. The whole file is checked first: if "
        "anything is wrong, nothing changes.",
    )
    parser.add_argument("file", metavar="FILE", help="the export file, or - for standard input")


def run_import(args: argparse.Namespace) -> int:
    """Check an export, then merge it in one write."""
    from tui.exchange import ImportProblem, apply, parse, plan_import

    source = "standard input" if args.file == "-" else str(Path(args.file).expanduser())
    raw = read_input(args.file, "the export")
    try:
        bundle = parse(raw)
    except ImportProblem as exc:
        raise CommandError(f"cannot import {source}: {exc}. Nothing was changed.") from None
    from tui.cli.together import round_after_write

    with write_store(args) as store:
        plan = plan_import(bundle, store)
        apply(plan, store)
        if not plan.empty:
            round_after_write(args, store)
    if plan.empty and not bundle.size():
        print("Nothing to import: the file holds no entries.")
        return 0
    if plan.empty:
        print(f"Nothing new to import: all {plural(bundle.size(), 'entry', 'entries')} are already here.")
        return 0
    from tui.storage.kinds import BY_SECTION

    parts = [plural(n, *BY_SECTION[name].label) for name, n in plan.changes().items()]
    if plan.settings_filled:
        parts.append("settings you had not set (" + ", ".join(f.replace("_", " ") for f in plan.settings_filled) + ")")
    line = "Imported " + ", ".join(parts) + "."
    if plan.already:
        line += f" {plural(plan.already, 'entry was', 'entries were')} already here."
    print(line)
    return 0
