"""Merging an import: what a checked bundle would change in a store, and writing it.

:func:`plan_import` compares a bundle with a store and says what is new (a
:class:`Plan`); :func:`apply` writes a plan in one batch (all or nothing).
Importing the same file twice adds nothing: every entry has an identity
(rituals, notes, answers and grace spans by id; ticks by ritual and day;
gesture and prompt days by day; favourites by gesture id) and entries already
present are kept as they are, or merged as ``docs/data-format.md`` describes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from tui.exchange.document import SECTIONS
from tui.exchange.reading import Bundle
from tui.model import Answer, GestureDay, GraceSpan, Note, PromptDay, Ritual, Settings

if TYPE_CHECKING:
    from tui.storage import Store


@dataclass
class Plan:
    """What an import would change in a store."""

    settings: Settings | None = None
    settings_filled: tuple[str, ...] = ()
    rituals: list[Ritual] = field(default_factory=list)
    ticks: list[tuple[str, date]] = field(default_factory=list)
    gestures: list[GestureDay] = field(default_factory=list)
    favourites: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    prompt_days: list[PromptDay] = field(default_factory=list)
    grace: list[GraceSpan] = field(default_factory=list)
    already: int = 0
    """Entries of the file that were already present and changed nothing."""

    def changes(self) -> dict[str, int]:
        """How many entries each section adds or updates (non-zero only)."""
        found = {name: len(getattr(self, name)) for name in SECTIONS}
        return {name: n for name, n in found.items() if n}

    @property
    def empty(self) -> bool:
        return self.settings is None and not self.changes()


def plan_import(bundle: Bundle, store: Store) -> Plan:
    """Compare ``bundle`` with ``store``: what to add, what to merge.

    Nothing is written. See ``docs/data-format.md`` ("Merging") for the rules.
    """
    plan = Plan()

    local = store.settings()
    filled: dict[str, Any] = {}
    incoming = bundle.settings
    if not local.partner_name and incoming.partner_name:
        filled["partner_name"] = incoming.partner_name
    if not local.love_languages and incoming.love_languages:
        filled["love_languages"] = incoming.love_languages
    if not local.own_love_languages and incoming.own_love_languages:
        filled["own_love_languages"] = incoming.own_love_languages
    if not local.together and incoming.together:
        filled["together"] = incoming.together
    if not local.welcomed and incoming.welcomed:
        filled["welcomed"] = True
    if not local.theme and incoming.theme:
        filled["theme"] = incoming.theme
    if filled:
        plan.settings = replace(local, **filled)
        plan.settings_filled = tuple(filled)

    existing = {r.id: r for r in store.rituals(include_archived=True)}
    new = [r for r in bundle.rituals if r.id not in existing]
    plan.already += len(bundle.rituals) - len(new)
    if existing and new:
        # After the rituals already here, in the file's order.
        offset = max(r.position for r in existing.values()) + 1 - min(r.position for r in new)
        new = [replace(r, position=r.position + offset) for r in new]
    plan.rituals = new

    ticks = store.ticks_by_ritual()
    plan.ticks = [(rid, day) for rid, day in bundle.ticks if day not in ticks.get(rid, ())]
    plan.already += len(bundle.ticks) - len(plan.ticks)

    for gd in bundle.gestures:
        here = store.gesture_day(gd.day)
        merged = gd if here is None else merge_gesture_day(here, gd)
        if merged != here:
            plan.gestures.append(merged)
        else:
            plan.already += 1

    favourites = store.favourites()
    plan.favourites = [gid for gid in bundle.favourites if gid not in favourites]
    plan.already += len(bundle.favourites) - len(plan.favourites)

    notes = {n.id for n in store.notes()}
    plan.notes = [n for n in bundle.notes if n.id not in notes]
    plan.already += len(bundle.notes) - len(plan.notes)

    answers = {a.id for a in store.answers()}
    plan.answers = [a for a in bundle.answers if a.id not in answers]
    plan.already += len(bundle.answers) - len(plan.answers)

    for pd in bundle.prompt_days:
        here_pd = store.prompt_day(pd.day)
        merged_pd = pd if here_pd is None else replace(here_pd, shown=_union(here_pd.shown, pd.shown))
        if merged_pd != here_pd:
            plan.prompt_days.append(merged_pd)
        else:
            plan.already += 1

    grace = {g.id for g in store.grace()}
    plan.grace = [g for g in bundle.grace if g.id not in grace]
    plan.already += len(bundle.grace) - len(plan.grace)
    return plan


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(first + second))


def merge_gesture_day(here: GestureDay, incoming: GestureDay) -> GestureDay:
    """One day's gesture from two copies: a done day wins, shown ids are joined.

    The copy that is done wins (the local one when both or neither are); the
    other copy's note and feedbacks fill in only when it is about the same
    gesture and the winner has none. Merging again changes nothing.
    """
    base, other = (incoming, here) if incoming.done and not here.done else (here, incoming)
    same = other.gesture_id == base.gesture_id
    return replace(
        base,
        shown=_union(base.shown, other.shown),
        done=base.done or (same and other.done),
        note=base.note or (other.note if same else ""),
        feedback=base.feedback or (other.feedback if same else ""),
        partner_feedback=base.partner_feedback or (other.partner_feedback if same else ""),
    )


def apply(plan: Plan, store: Store) -> None:
    """Write ``plan`` into ``store`` with one write; all or nothing."""
    if plan.empty:
        return
    with store.batch():
        if plan.settings is not None:
            store.save_settings(plan.settings)
        for ritual in plan.rituals:
            store.save_ritual(ritual)
        store.add_ticks(plan.ticks)
        for gd in plan.gestures:
            store.save_gesture_day(gd)
        for gid in plan.favourites:
            store.set_favourite(gid, True)
        for note in plan.notes:
            store.save_note(note)
        for answer in plan.answers:
            store.save_answer(answer)
        for pd in plan.prompt_days:
            store.save_prompt_day(pd)
        for span in plan.grace:
            store.save_grace(span)
