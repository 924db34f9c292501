"""The week of both partners, for the weekly review when Together is on.

Only what crosses between the two is counted, so each side sees the same story:
ticks of shared rituals (by whoever made them), gestures done for the other, notes
shared with the other. Personal rituals and private notes stay out of it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Set
from dataclasses import dataclass
from datetime import date

from tui.format import plural
from tui.model import GestureDay, Note, Ritual


@dataclass(frozen=True)
class PairWeek:
    """What each partner gave the pair in one week; ``mine``/``theirs`` are counts."""

    partner: str
    ticks: tuple[int, int] = (0, 0)
    gestures: tuple[int, int] = (0, 0)
    notes: tuple[int, int] = (0, 0)

    @property
    def empty(self) -> bool:
        return not any(self.ticks + self.gestures + self.notes)


def pair_week(
    start: date,
    end: date,
    partner: str,
    rituals: Iterable[Ritual],
    ticks_by_ritual: Mapping[str, Set[date]],
    ticked_by_partner: Collection[str],
    gesture_days: Iterable[GestureDay],
    gifts_received: Iterable[date],
    notes: Iterable[Note],
    shared_by_me: Collection[str],
    from_partner: Collection[str],
) -> PairWeek:
    """Count the week ``start``..``end`` (both included) for this person and ``partner``.

    ``ticked_by_partner`` holds the tick ids (``RITUAL:DAY``) a partner made; every other
    tick of a shared ritual is this person's. ``gifts_received`` are the days a partner
    marked a gesture done for this person; ``shared_by_me`` and ``from_partner`` are note ids.
    """

    def in_week(day: date | None) -> bool:
        return day is not None and start <= day <= end

    mine = theirs = 0
    for ritual in rituals:
        if ritual.personal:
            continue
        for day in ticks_by_ritual.get(ritual.id, ()):
            if in_week(day):
                if f"{ritual.id}:{day.isoformat()}" in ticked_by_partner:
                    theirs += 1
                else:
                    mine += 1
    given = sum(1 for g in gesture_days if g.done and in_week(g.day))
    received = sum(1 for day in gifts_received if in_week(day))
    sent = got = 0
    for note in notes:
        if in_week(note.day):
            if note.id in from_partner:
                got += 1
            elif note.id in shared_by_me:
                sent += 1
    return PairWeek(partner, (mine, theirs), (given, received), (sent, got))


def pair_lines(week: PairWeek) -> tuple[str, list[str]]:
    """The heading and lines of the review's section on the two of you."""
    name = week.partner
    heading = f"You and {name}"
    if week.empty:
        return heading, [f"Nothing has crossed between you and {name} this week yet."]
    (my_ticks, their_ticks), (given, received), (sent, got) = week.ticks, week.gestures, week.notes
    return heading, [
        f"Shared rituals: you ticked {my_ticks}, {name} ticked {their_ticks}",
        f"Gestures: you did {plural(given, 'thing')} for {name}, {name} did {received} for you",
        f"Notes shared: you sent {plural(sent, 'note')}, {name} sent you {got}",
    ]
