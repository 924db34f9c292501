"""``micro-romance today`` and ``micro-romance status``: the day at a glance.

Both read the data without the lock and never write: the gesture is the one
the Today tab shows for the same day (:func:`tui.daily.todays_gesture`), but
only the full screen records that it was shown.
"""

from __future__ import annotations

from datetime import date

from tui import APP_NAME
from tui.cli.common import CommandError, add_command, read_store, today
from tui.cli.days import why_and_coming
from tui.domain.status import STATUS_FIELDS, TemplateError, render
from tui.format import one_line, plural

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    import argparse  # annotations only: today's quick path (tui.cli.everyday) builds no parser
    from typing import Any

if TYPE_CHECKING:
    from tui.glance import Glance

MEMORY_LINES = 3
"""At most this many memories are printed (fit for a shell start-up file); --json has them all."""
MEMORY_WIDTH = 100
"""A memory's line is cut at a word to this many characters."""

# --------------------------------------------------------------------------- today


def register_today(sub: argparse._SubParsersAction) -> None:
    parser = add_command(
        sub,
        "today",
        run_today,
        help="today's gesture and the rituals still open",
        description="Print today's gesture (the one the Today tab shows) and the rituals "
        "still open today, in a few plain lines (fit for a shell start-up file).",
    )
    parser.add_argument("--json", action="store_true", help="print the same as JSON, for scripts")


def partner_gifts(args: argparse.Namespace, day: date) -> list[dict[str, str]]:
    """What a partner did for this person on ``day`` (Together): the gesture, its text, and the line
    told to this person ("Alex left a kind note ... for you to find.")."""
    from tui.cli.background import state_dir
    from tui.together import gifts_of_day

    found = gifts_of_day(state_dir(args), day)
    if not found:
        return []  # the usual answer, without loading the sync code (only a partner's gift needs it)
    from tui.content import gesture_by_id, personalise, told
    from tui.sync.pairing import own_name

    by_id = gesture_by_id()
    me = own_name(state_dir(args))  # the name alone: the shared folder is not read for it
    out = []
    for _, by, gesture_id, answer in found:
        gesture = by_id.get(gesture_id)
        text = one_line(personalise(gesture.text, me)) if gesture else one_line(gesture_id)
        said = one_line(told(gesture_id, by))
        out.append({"by": one_line(by), "gesture": one_line(gesture_id), "text": text, "told": said, "answer": answer})
    return out


def partner_kept(args: argparse.Namespace, g: Glance) -> list[dict[str, str]]:
    """Today's rituals a partner ticked (Together), as last synced."""
    from tui.cli.background import state_dir
    from tui.together import ticked_by

    who = ticked_by(state_dir(args))
    if not who:
        return []
    day = g.day.isoformat()
    out = []
    for ritual in g.scheduled:
        by = who.get(f"{ritual.id}:{day}")
        if by and ritual not in g.open:
            out.append({"id": ritual.id, "name": one_line(ritual.name), "by": one_line(by)})
    return out


def run_today(args: argparse.Namespace) -> int:
    """Print the day at a glance."""
    from tui.daily import partners_own
    from tui.glance import glance

    with read_store(args) as store:
        g = glance(store, today(args))
        recorded = store.gesture_day(g.day) if g.gesture_done else None
        partner_said = recorded.partner_feedback if recorded is not None else ""  # their answer (Together)
        theirs = partners_own(store)  # how the partner feels loved, in their own words (Together)
        why, coming = why_and_coming(store, g)  # the days that matter (tui.cli.days)
    gifts = partner_gifts(args, g.day)
    partner_ticks = partner_kept(args, g)
    if args.json:
        from tui.jsontext import to_json

        loved = {"by": one_line(theirs[0]), "languages": list(theirs[1])} if theirs else None
        base = _today_json(g)
        print(
            to_json(
                {
                    **base,
                    "gesture": {**base["gesture"], "why": why or None, "partner_said": partner_said or None},
                    "coming": coming,
                    "from_partner": gifts,
                    "ticked_by_partner": partner_ticks,
                    "partner_feels_loved_through": loved,
                }
            ),
            end="",
        )
        return 0
    mark = " (done ✓)" if g.gesture_done else ""
    print(f"Today's gesture{mark}: {g.gesture}")
    if why:
        print(f"  Why today: {why}")
    if g.gesture_note:
        print(f"  How it went: {g.gesture_note}")
    from tui.model import FEEDBACK

    if partner_said in FEEDBACK:
        print(f"  {one_line(g.partner) if g.named else 'Your partner'} said: {FEEDBACK[partner_said].lower()}")

    for gift in gifts:
        said = f" (you said: {FEEDBACK[gift['answer']].lower()})" if gift["answer"] else ""
        print(f"{gift['told']}{said}")
    for tick in partner_ticks:
        print(f"{tick['by']} ticked: {tick['name']} ✓")
    if theirs:
        from tui.domain.languages import loved_through_line

        print(one_line(loved_through_line(*theirs)))
    if g.first_run:
        print(f"Run {APP_NAME} to choose your rituals and tell it about your partner.")
    elif g.grace:
        print("A grace day: your rituals are resting.")
    elif g.has_rituals:
        if g.open:
            print("Still open today: " + ", ".join(one_line(r.name) for r in g.open))
        elif g.scheduled:
            print("Every ritual for today is kept ✓")
        else:
            print("No rituals are scheduled today.")
    if coming:
        print("Coming up: " + " · ".join(c["line"] for c in coming))
    for memory in g.memories[:MEMORY_LINES]:
        print(clip(one_line(memory.line), MEMORY_WIDTH))
    if len(g.memories) > MEMORY_LINES:
        more = len(g.memories) - MEMORY_LINES
        print(f"  and {plural(more, 'more note')} from this day: see the Gratitude tab")
    return 0


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters at a word, with "…" when cut."""
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0] if " " in text[: width - 1] else text[: width - 1]
    return cut.rstrip() + "…"


def _today_json(g: Glance) -> dict[str, Any]:
    return {
        "day": g.day.isoformat(),
        "first_run": g.first_run,
        "partner": g.partner if g.named else None,
        "gesture": {"id": g.gesture_id, "text": g.gesture, "done": g.gesture_done, "note": g.gesture_note},
        "grace": g.grace,
        "rituals": {
            "open": [{"id": r.id, "name": one_line(r.name)} for r in g.open],
            "done": g.done,
            "total": len(g.scheduled),
        },
        "memories": [
            {"years": m.years, "day": m.note.day.isoformat(), "text": one_line(m.note.text)} for m in g.memories
        ],
    }


# --------------------------------------------------------------------------- status


def register_status(sub: argparse._SubParsersAction) -> None:
    fields = ", ".join(f"{{{name}}} {what}" for name, what in STATUS_FIELDS.items())
    parser = add_command(
        sub,
        "status",
        run_status,
        help="one short line for a shell prompt or status bar",
        description="Print one short line about today, e.g. '2 rituals open · gesture: ...'. "
        f"--format takes a template with these fields: {fields}. Write {{{{ and }}}} for braces. "
        "A prompt can read the same line from the status file without starting Python: see --where.",
    )
    parser.add_argument("--format", metavar="TEMPLATE", dest="template", help="e.g. '{open}/{total} · {gesture}'")
    parser.add_argument(
        "--where",
        action="store_true",
        help="print where the status file is (its first line is the day it is for, its second the line)",
    )


def run_status(args: argparse.Namespace) -> int:
    """Print one line about today (from the status file when it is current)."""
    from tui import __version__
    from tui.cli.options import data_dir
    from tui.statusfile import current_status, data_stamp, status_path

    if args.where:
        print(status_path(data_dir(args)))
        return 0
    template = args.template
    if template is not None:
        fill(template, {})  # check the template before reading anything
    folder, day = data_dir(args), today(args)
    status = current_status(folder, day.isoformat(), __version__)
    if status is None:
        from tui.glance import glance, refresh_status

        stamp = data_stamp(folder, day.isoformat())  # before reading: a write after it is not missed
        with read_store(args) as store:  # one line has no room for memories: not read
            status = refresh_status(store, day, stamp) or glance(store, day, memories=False).status()
    print(fill(template, status.values()) if template is not None else status.line())
    return 0


def fill(template: str, values: dict[str, object]) -> str:
    try:
        return render(template, values)
    except TemplateError as exc:
        raise CommandError(str(exc)) from None
