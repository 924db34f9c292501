"""The markdown journal: a readable record of the days you kept, newest first."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tui import APP_NAME
from tui.format import long_day
from tui.model import FEEDBACK, Answer, Note
from tui.text import clean

if TYPE_CHECKING:
    from tui.storage import Store


def to_markdown(store: Store) -> str:
    """A readable journal, newest day first.

    A day appears when something happened on it: the gesture was done, a
    ritual was kept, a note or an answer was written. User text is printed as
    written (only cleaned of what a terminal would act on).
    """
    from tui import content

    settings = store.settings()
    partner = settings.partner_name
    gestures = content.gesture_by_id()
    prompts = content.prompt_by_id()
    rituals = {r.id: r for r in store.rituals(include_archived=True)}

    kept: dict[date, list[str]] = {}
    for rid, days in store.ticks_by_ritual().items():
        name = rituals[rid].name if rid in rituals else "A ritual no longer on your list"
        for day in days:
            kept.setdefault(day, []).append(name)
    notes: dict[date, list[Note]] = {}
    for note in sorted(store.notes(), key=lambda n: (n.created, n.id)):
        notes.setdefault(note.day, []).append(note)
    answers: dict[date, list[Answer]] = {}
    for answer in sorted(store.answers(), key=lambda a: (a.created, a.id)):
        answers.setdefault(answer.day, []).append(answer)
    done = {g.day: g for g in store.gesture_days() if g.done}

    lines = [f"# {APP_NAME} journal", ""]
    if partner.strip():
        lines += [f"Small acts of care for {_one_line(partner)}.", ""]
    days = sorted(set(kept) | set(notes) | set(answers) | set(done), reverse=True)
    if not days:
        lines += ["Nothing here yet: the days you keep will appear here, newest first.", ""]
    for day in days:
        lines += [f"## {long_day(day)}", ""]
        if day in done:
            gd = done[day]
            found = gestures.get(gd.gesture_id)
            text = content.personalise(found.text, partner) if found else f"Gesture {gd.gesture_id}"
            line = f"**Gesture** ✓ {_one_line(text)}"
            if gd.note:
                line += f" — {_one_line(gd.note)}"
            if gd.feedback in FEEDBACK:
                line += f" ({FEEDBACK[gd.feedback]})"
            lines += [line, ""]
        if day in kept:
            names = ", ".join(_one_line(n) for n in sorted(kept[day], key=str.casefold))
            lines += [f"**Rituals kept:** {names}", ""]
        if day in notes:
            lines += ["**Grateful for:**", ""]
            for note in notes[day]:
                first, *rest = clean(note.text).split("\n")
                item = f"- {first}".rstrip() + "".join("\n" + f"  {line}".rstrip() for line in rest)
                lines.append(item + (" (said aloud)" if note.said_aloud else ""))
            lines.append("")
        for answer in answers.get(day, []):
            prompt = prompts.get(answer.prompt_id)
            question = prompt.text if prompt else "A prompt no longer in the deck"
            lines += [f"**{_one_line(question)}**", "", _indent(clean(answer.text), "> "), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


def _indent(text: str, prefix: str) -> str:
    return "\n".join((prefix + line).rstrip() for line in text.split("\n"))
