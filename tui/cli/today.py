"""``micro-romance today`` and ``micro-romance status``: the day at a glance.

Both read the data without the lock and never write: the gesture is the one
the Today tab shows for the same day (:func:`tui.daily.todays_gesture`), but
only the full screen records that it was shown.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from tui import APP_NAME
from tui.cli.common import CommandError, add_command, first_run, read_store, today
from tui.format import one_line, plural
from tui.model import FEEDBACK

if TYPE_CHECKING:
    from tui.domain.memories import Memory
    from tui.model import Ritual
    from tui.storage import Store

MEMORY_LINES = 3
"""At most this many memories are printed (fit for a shell start-up file); --json has them all."""
MEMORY_WIDTH = 100
"""A memory's line is cut at a word to this many characters."""

STATUS_FIELDS = {
    "open": "rituals still open today",
    "done": "rituals kept today",
    "total": "rituals scheduled today",
    "gesture": "today's gesture (without its final full stop)",
    "partner": "your partner's name, or 'your partner'",
}
"""The fields a ``status --format`` template may use."""


@dataclass(frozen=True)
class Glance:
    """What today holds, for the shell."""

    day: date
    first_run: bool
    partner: str
    gesture_id: str
    gesture: str
    """Personalised text of today's gesture."""
    gesture_done: bool
    gesture_note: str
    scheduled: tuple[Ritual, ...]
    open: tuple[Ritual, ...]
    done: int
    """Scheduled rituals already kept today."""
    grace: bool
    has_rituals: bool
    memories: tuple[Memory, ...] = ()
    """Notes written on this day in earlier years, newest year first."""
    named: bool = False
    """True when a partner's name is set (``partner`` is then that name)."""


def glance(store: Store, day: date, *, memories: bool = True) -> Glance:
    """Today's gesture and rituals, as the Today and Rituals tabs see them (and, unless told
    not to, the day's memories, which read every past year's file)."""
    from tui.content import FALLBACK_PARTNER, personalise
    from tui.daily import todays_gesture
    from tui.domain.calendar import due_on
    from tui.domain.memories import memories_for
    from tui.domain.rituals import in_grace, open_rituals

    settings = store.settings()
    gesture = todays_gesture(store, day)
    recorded = store.gesture_day(day)
    done = recorded is not None and recorded.done and recorded.gesture_id == gesture.id
    rituals = store.rituals()
    ticks = store.ticks_by_ritual()
    scheduled = tuple(r for r in rituals if due_on(r, day))
    grace = in_grace(day, store.grace())
    waiting = () if grace else tuple(open_rituals(rituals, ticks, day))
    kept = sum(1 for r in scheduled if day in ticks.get(r.id, ()))
    return Glance(
        day=day,
        first_run=first_run(store),
        partner=one_line(settings.partner_name) or FALLBACK_PARTNER,
        gesture_id=gesture.id,
        gesture=one_line(personalise(gesture.text, settings.partner_name)),
        gesture_done=done,
        gesture_note=one_line(recorded.note) if done and recorded else "",
        scheduled=scheduled,
        open=waiting,
        done=kept,
        grace=grace,
        has_rituals=bool(rituals),
        memories=tuple(memories_for(store.anniversary_notes(day), day)) if memories else (),
        named=bool(one_line(settings.partner_name)),
    )


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
    from tui.cli.together import state_dir
    from tui.content import gesture_by_id, personalise, told
    from tui.sync.pairing import status
    from tui.together import gifts_of_day

    found = gifts_of_day(state_dir(args), day)
    if not found:
        return []
    by_id = gesture_by_id()
    me = status(state_dir(args)).name
    out = []
    for _, by, gesture_id, answer in found:
        gesture = by_id.get(gesture_id)
        text = one_line(personalise(gesture.text, me)) if gesture else one_line(gesture_id)
        said = one_line(told(gesture_id, by))
        out.append({"by": one_line(by), "gesture": one_line(gesture_id), "text": text, "told": said, "answer": answer})
    return out


def partner_kept(args: argparse.Namespace, g: Glance) -> list[dict[str, str]]:
    """Today's rituals a partner ticked (Together), as last synced."""
    from tui.cli.together import state_dir
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

    with read_store(args) as store:
        g = glance(store, today(args))
        theirs = partners_own(store)  # how the partner feels loved, in their own words (Together)
    gifts = partner_gifts(args, g.day)
    partner_ticks = partner_kept(args, g)
    if args.json:
        from tui.jsontext import to_json

        loved = {"by": one_line(theirs[0]), "languages": list(theirs[1])} if theirs else None
        print(
            to_json(
                {
                    **_today_json(g),
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
    if g.gesture_note:
        print(f"  How it went: {g.gesture_note}")
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

_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def register_status(sub: argparse._SubParsersAction) -> None:
    fields = ", ".join(f"{{{name}}} {what}" for name, what in STATUS_FIELDS.items())
    parser = add_command(
        sub,
        "status",
        run_status,
        help="one short line for a shell prompt or status bar",
        description="Print one short line about today, e.g. '2 rituals open · gesture: ...'. "
        f"--format takes a template with these fields: {fields}. Write {{{{ and }}}} for braces.",
    )
    parser.add_argument("--format", metavar="TEMPLATE", dest="template", help="e.g. '{open}/{total} · {gesture}'")


def run_status(args: argparse.Namespace) -> int:
    """Print one line about today."""
    template = args.template
    if template is not None:
        render(template, {})  # check the template before reading anything
    with read_store(args) as store:
        g = glance(store, today(args), memories=False)  # one line has no room for them
    values: dict[str, object] = {
        "open": len(g.open),
        "done": g.done,
        "total": len(g.scheduled),
        "gesture": g.gesture.rstrip(".").rstrip(),
        "partner": g.partner,
    }
    print(render(template, values) if template is not None else default_status(g, values))
    return 0


def default_status(g: Glance, values: dict[str, object]) -> str:
    gesture = "gesture done ✓" if g.gesture_done else f"gesture: {values['gesture']}"
    if g.grace:
        return f"grace day · {gesture}"
    if g.open:
        return f"{plural(len(g.open), 'ritual')} open · {gesture}"
    if g.scheduled:
        return f"all rituals kept ✓ · {gesture}"
    return gesture


def render(template: str, values: dict[str, object]) -> str:
    """Fill ``{field}`` in ``template``; ``{{``/``}}`` are braces. Only known fields.

    The template is the user's own and kept as given (it may colour a prompt);
    the values are already cleaned. With empty ``values`` it only checks.
    """

    def fill(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        if name is None:
            raise CommandError(f"the --format template has a lone '{token}' (write {token * 2} for a brace)")
        if name not in STATUS_FIELDS:
            known = ", ".join(f"{{{k}}}" for k in STATUS_FIELDS)
            raise CommandError(f"the --format template has an unknown field {{{one_line(name)}}}; use {known}")
        return str(values.get(name, ""))

    return _FIELD.sub(fill, template)
