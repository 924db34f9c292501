"""Choosing candidates for a daily pick, relaxing filters until some remain.

Shared by the gesture pick and the prompt of the day, each reading its history as
(day, ids shown that day) pairs. When every fitting item was seen inside the
no-repeat window, the ones seen longest ago come first, so a small pool rotates
instead of repeating at random.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, timedelta

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Protocol, TypeVar

    class HasId(Protocol):
        @property
        def id(self) -> str: ...

    T = TypeVar("T", bound=HasId)


def oldest_seen(items: Iterable[T], last_seen: Mapping[str, date]) -> list[T]:
    """The items whose last showing is the oldest (never-seen items beat all)."""
    pool = list(items)
    if not pool:
        return pool
    never = [x for x in pool if x.id not in last_seen]
    if never:
        return never
    oldest = min(last_seen[x.id] for x in pool)
    return [x for x in pool if last_seen[x.id] == oldest]


def relaxed(
    everything: Sequence[T],
    fitting: Sequence[T],
    recent: Collection[str],
    skip: Collection[str],
    last_seen: Mapping[str, date] | None = None,
) -> list[T]:
    """The first non-empty level of candidates.

    Levels: (1) ``fitting`` not recent and not skipped; (2) ``fitting`` not
    skipped, those seen longest ago (by ``last_seen``; all of them without
    it); (3) ``everything`` not recent and not skipped; (4) ``everything`` not
    skipped, seen longest ago; (5) when everything was skipped, anything but
    the item shown just before (``skip`` is ordered, oldest first); (6)
    ``everything``.
    """
    skipped = set(skip)
    last_shown = list(skip)[-1] if skip else None
    seen = last_seen or {}
    levels = (
        lambda: [x for x in fitting if x.id not in recent and x.id not in skipped],
        lambda: oldest_seen((x for x in fitting if x.id not in skipped), seen),
        lambda: [x for x in everything if x.id not in recent and x.id not in skipped],
        lambda: oldest_seen((x for x in everything if x.id not in skipped), seen),
        lambda: [x for x in everything if x.id != last_shown],
    )
    for level in levels:
        found = level()
        if found:
            return found
    return list(everything)


def last_seen_days(entries: Iterable[tuple[date, Iterable[str]]], before: date) -> dict[str, date]:
    """For each id, the last day before ``before`` on which it was shown."""
    out: dict[str, date] = {}
    for day, ids in entries:
        if day >= before:
            continue
        for item in ids:
            if item not in out or out[item] < day:
                out[item] = day
    return out


def shown_within(entries: Iterable[tuple[date, Iterable[str]]], before: date, days: int) -> set[str]:
    """The ids shown on the ``days`` days before ``before`` (``before`` itself excluded): the no-repeat window."""
    start = before - timedelta(days=days)
    return {item for day, ids in entries if start <= day < before for item in ids}
