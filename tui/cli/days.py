"""``micro-romance days``: the days that matter, listed with a countdown, added and removed.

``days`` lists what is coming (``--json`` for scripts); ``days add KIND DATE TEXT`` adds one
(``--to`` ends a trip, ``--mine`` or ``--both`` says whose day it is, ``--share`` sends it to the
partner through Together); ``days remove ID`` takes one away. A bad kind or date is one line and
changes nothing.
"""

from __future__ import annotations

from datetime import date

from tui.cli.common import CommandError, add_command, read_store, share_words, today, write_store
from tui.format import one_line
from tui.model import DAY_KINDS, day_out_of_range

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    import argparse  # annotations only: today's quick path (tui.cli.everyday) builds no parser
    from typing import Any

if TYPE_CHECKING:
    from tui.domain.occasions import Coming

KINDS_HELP = (
    "big (an interview, an exam), hard (a medical appointment), away (a trip), news (good news), yearly (a birthday)"
)


def register_days(sub: argparse._SubParsersAction) -> None:
    parser = add_command(
        sub,
        "days",
        run_list,
        help="the days that matter: what is coming, add, remove",
        description="List the days that matter with a countdown (an interview, a trip, a birthday), "
        "or add and remove one. Around each, the Today tab suggests a small gesture that fits.",
    )
    parser.add_argument("--json", action="store_true", help="print the list as JSON, for scripts")
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    add = add_command(
        actions,
        "add",
        run_add,
        help="add a day that matters",
        description=f"Add a day that matters. KIND is one of {KINDS_HELP}. "
        "It is your partner's day unless you say --mine or --both.",
    )
    add.add_argument("kind", metavar="KIND", help=", ".join(DAY_KINDS))
    add.add_argument("date", metavar="DATE", help="YYYY-MM-DD (a yearly day: its first date, e.g. a birth date)")
    add.add_argument("text", nargs="+", metavar="TEXT", help="a few words, e.g. job interview")
    add.add_argument("--to", metavar="DATE", help="the last day of a trip (away)")
    whose = add.add_mutually_exclusive_group()
    whose.add_argument("--mine", action="store_true", help="it is your own day")
    whose.add_argument("--both", action="store_true", help="it is a day of you both (an anniversary)")
    add.add_argument("--share", action="store_true", help="send it to your partner (Together)")
    remove = add_command(actions, "remove", run_remove, help="remove a day that matters", description="Remove a day.")
    remove.add_argument("id", metavar="ID", help="its id, as `days` lists it")


def parse_day(text: str, what: str) -> date:
    """A YYYY-MM-DD date, or a one-line reason it is not one."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"{what} should be a date like 2026-01-31, not {one_line(text)!r}; nothing was added"
        ) from None
    if len(text) != 10 or (problem := day_out_of_range(day)):
        raise CommandError(problem or f"{what} should be written like 2026-01-31; nothing was added")
    return day


def run_add(args: argparse.Namespace) -> int:
    """Add a day that matters."""
    from tui.cli.together import round_after_write
    from tui.model import DayThatMatters
    from tui.text import TextError, check_words

    if args.kind not in DAY_KINDS:
        raise CommandError(f"KIND is one of {', '.join(DAY_KINDS)}, not {one_line(args.kind)!r}; nothing was added")
    start = parse_day(args.date, "DATE")
    end = parse_day(args.to, "--to") if args.to is not None else None
    if end is not None and args.kind != "away":
        raise CommandError("--to ends a trip: use it with away; nothing was added")
    if end is not None and end < start:
        raise CommandError("--to is before DATE: a trip ends on or after its first day; nothing was added")
    try:
        text = check_words(" ".join(args.text))
    except TextError as exc:
        raise CommandError(f"{exc} Nothing was added.") from None
    whose = "mine" if args.mine else "both" if args.both else "theirs"
    with write_store(args) as store:
        d = DayThatMatters(store.new_id(), args.kind, start, text, end, whose, args.share)
        store.put("days", d, new=True)
        partner = store.settings().partner_name
        print(f"Added: {_line(d, partner, today(args))} (id {d.id})")
        if args.share:
            print(share_words(args, store))
        round_after_write(args, store)
    return 0


def _line(d: Any, partner: str, day: date) -> str:
    from tui.domain.occasions import coming_days, whose_words

    coming = coming_days([d], day)
    if coming:
        return one_line(coming[0].line(partner))
    return one_line(f"{whose_words(d, partner)} on {d.day.isoformat()} (already past)")


def run_remove(args: argparse.Namespace) -> int:
    """Remove a day that matters."""
    from tui.cli.together import round_after_write
    from tui.domain.occasions import whose_words

    with write_store(args) as store:
        found = {d.id: d for d in store.entries("days")}
        if args.id not in found:
            raise CommandError(
                f"no day that matters has the id {one_line(args.id)!r}; `days` lists them with their ids"
            )
        gone = store.drop("days", args.id)
        print(f"Removed: {one_line(whose_words(gone, store.settings().partner_name))} ({gone.day.isoformat()})")
        round_after_write(args, store)
    return 0


def run_list(args: argparse.Namespace) -> int:
    """List the days that matter still ahead, soonest first."""
    from tui.daily import all_days
    from tui.domain.occasions import coming_days

    day = today(args)
    with read_store(args) as store:
        partner = store.settings().partner_name
        days = all_days(store)
    coming = coming_days(days, day)
    if args.json:
        from tui.jsontext import to_json

        print(to_json({"day": day.isoformat(), "days": [_json(c, partner) for c in coming]}), end="")
        return 0
    if not coming:
        print("No days that matter ahead. Add one: micro-romance days add big 2026-12-01 job interview")
        return 0
    for c in coming:
        shared = ", shared" if c.day.shared else ""
        print(f"{one_line(c.line(partner))}  ({c.day.kind}{shared}, id {c.day.id})")
    return 0


def _json(c: Coming, partner: str) -> dict[str, Any]:
    d = c.day
    return {
        "id": d.id,
        "kind": d.kind,
        "date": d.day.isoformat(),
        "end": d.end.isoformat() if d.end else None,
        "text": one_line(d.text),
        "whose": d.whose,
        "shared": d.shared,
        "next": c.on.isoformat(),
        "days_left": c.days_left,
        "countdown": c.words,
        "line": one_line(c.line(partner)),
    }


COMING_LINES = 3
"""How many days ahead ``today`` names (``days`` lists them all)."""


def why_and_coming(store: Any, g: Any) -> tuple[str, list[dict[str, Any]]]:
    """Why today's gesture (when a day that matters chose it) and the next few days, for ``today``."""
    from tui.daily import all_days, todays_occasion
    from tui.domain.occasions import coming_days

    pick = todays_occasion(store, g.day)
    why = one_line(pick.reason) if pick is not None and pick.occasion.id == g.gesture_id else ""
    partner = store.settings().partner_name
    return why, [_json(c, partner) for c in coming_days(all_days(store), g.day, limit=COMING_LINES)]
