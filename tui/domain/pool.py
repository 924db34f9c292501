"""Choosing candidates for a daily pick, relaxing filters until some remain.

Shared by the gesture pick and the prompt of the day.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol, TypeVar


class HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)


def relaxed(everything: Sequence[T], fitting: Sequence[T], recent: Collection[str], skip: Collection[str]) -> list[T]:
    """The first non-empty level of candidates.

    Levels: (1) ``fitting`` not recent and not skipped; (2) ``fitting`` not
    skipped; (3) ``everything`` not recent and not skipped; (4) ``everything``
    not skipped; (5) when everything was skipped, anything but the item shown
    just before (``skip`` is ordered, oldest first); (6) ``everything``.
    """
    skipped = set(skip)
    last_shown = list(skip)[-1] if skip else None
    levels = (
        lambda: [x for x in fitting if x.id not in recent and x.id not in skipped],
        lambda: [x for x in fitting if x.id not in skipped],
        lambda: [x for x in everything if x.id not in recent and x.id not in skipped],
        lambda: [x for x in everything if x.id not in skipped],
        lambda: [x for x in everything if x.id != last_shown],
    )
    for level in levels:
        found = level()
        if found:
            return found
    return list(everything)
