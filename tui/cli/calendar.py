"""``micro-romance calendar -o FILE.ics``: the days that matter and the rituals, for a phone's calendar."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import add_command, read_store, today, write_file
from tui.format import one_line, plural


def register_calendar(sub: argparse._SubParsersAction) -> None:
    parser = add_command(
        sub,
        "calendar",
        run_calendar,
        help="the days that matter and the rituals as a calendar file (.ics)",
        description="Write the days that matter (yearly ones repeating every year) and your rituals (repeating "
        "on their weekdays) as an iCalendar file, to import into a phone's calendar or to give a partner "
        "who does not use a terminal. Days not shared with your partner and personal rituals are left "
        "out unless you add --include-private.",
    )
    parser.add_argument("-o", "--output", metavar="FILE.ics", required=True, type=Path, help="the file to write")
    parser.add_argument("--force", action="store_true", help="replace FILE.ics when it already exists")
    parser.add_argument(
        "--include-private", action="store_true", help="also the days and rituals kept from your partner"
    )


def run_calendar(args: argparse.Namespace) -> int:
    """Write the calendar file."""
    from tui.cli.options import make_clock
    from tui.daily import all_days
    from tui.exchange.calendar import calendar_bytes

    clock = make_clock(args)
    with read_store(args) as store:
        days = all_days(store)
        rituals = store.rituals(include_archived=True)
        partner = store.settings().partner_name
    data, n_days, n_rituals = calendar_bytes(
        days, rituals, partner=partner, today=today(args), stamp=clock.now(), include_private=args.include_private
    )
    path: Path = args.output.expanduser()
    replaced = (
        " (replaced the file that was there)" if write_file(path, data, force=args.force, example="us.ics") else ""
    )
    counts = f"{plural(n_days, 'day that matters', 'days that matter')} and {plural(n_rituals, 'ritual')}"
    print(f"Wrote {one_line(str(path))}{replaced}: {counts}.")
    left = len(days) + sum(not r.archived for r in rituals) - n_days - n_rituals  # what calendar_bytes kept out
    if left and not args.include_private:
        print(f"Left out {plural(left, 'entry', 'entries')} kept from your partner; --include-private adds them.")
    return 0
