"""What ``micro-romance nudge`` says: one warm line when something is due now, else nothing.

Pure: the caller gathers the day's facts (from the one clock, the store and Together's state)
and keeps what was said when. Three things may be due, in this order (:func:`all_due`):

1. a day that matters calls for its gesture (the evening before, the day, the day after, a trip,
   good news, a yearly day) and it is not done yet: the line names the day;
2. the partner shared notes or answers that the nudge has not told of yet;
3. in the evening (from EVENING_HOUR), rituals of the day are still open (not on a grace day).

One line is said: the first of them not said in the last QUIET_HOURS (:func:`to_say`). So the
same thing (its ``key``) is said at most once every QUIET_HOURS, and something else newly due may
speak sooner.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from tui.domain.occasions import OccasionPick
from tui.format import plural

EVENING_HOUR = 18
"""From this hour, rituals still open are worth a word."""
QUIET_HOURS = 3
"""The same thing is said at most once in this many hours."""


@dataclass(frozen=True)
class Due:
    key: str
    """What the line is about: the same key stays quiet for QUIET_HOURS."""
    line: str


@dataclass(frozen=True)
class Shared:
    """Something the partner shared: a note or an answer, by whom."""

    id: str
    kind: str
    """"note" or "answer"."""
    by: str


def _sentence(text: str) -> str:
    """``text`` ending as a sentence: a full stop unless typed words already end in one (or ! ? …)."""
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def _shared_line(shared: Sequence[Shared]) -> str:
    who = sorted({s.by for s in shared})
    name = who[0] if len(who) == 1 else "Your partner"
    notes = sum(1 for s in shared if s.kind == "note")
    answers = len(shared) - notes
    things = [
        one if n == 1 else plural(n, word)
        for n, word, one in ((notes, "note", "a note"), (answers, "answer", "an answer"))
        if n
    ]
    what = " and ".join(things)
    return f"{name} shared {what} with you: have a look when you have a quiet minute."


def all_due(
    *,
    today: date,
    hour: int,
    partner: str,
    occasion: OccasionPick | None,
    occasion_done: bool,
    shared: Sequence[Shared] = (),
    open_rituals: Sequence[str] = (),
    grace: bool = False,
) -> list[Due]:
    """Everything due now, the first to say first."""
    found = []
    if occasion is not None and not occasion_done:
        key = f"day:{occasion.day.id}:{today.isoformat()}:{occasion.when}"
        text = occasion.text(partner).rstrip()
        found.append(Due(key, f"{_sentence(occasion.reason)} {text}"))
    if shared:
        key = "shared:" + ",".join(sorted(s.id for s in shared))
        found.append(Due(key, _shared_line(shared)))
    if hour >= EVENING_HOUR and open_rituals and not grace:
        names = ", ".join(open_rituals)
        line = _sentence(f"Still open this evening, if you have a moment: {names}")
        found.append(Due(f"rituals:{today.isoformat()}", line))
    return found


def quiet(due: Due, said: Mapping[str, float], now: float) -> bool:
    """Whether ``due`` was said less than QUIET_HOURS ago (``said``: key -> when, in seconds)."""
    when = said.get(due.key)
    return when is not None and 0 <= now - when < QUIET_HOURS * 3600


def to_say(due: Sequence[Due], said: Mapping[str, float], now: float) -> Due | None:
    """The first of ``due`` not said in the last QUIET_HOURS, or None when all of it was."""
    return next((d for d in due if not quiet(d, said, now)), None)
