"""The reflective prompt of the day: deterministic, no repeats within 180 days."""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Sequence
from datetime import date, timedelta

from tui.domain.pool import last_seen_days, relaxed
from tui.model import Prompt, PromptDay

NO_REPEAT_DAYS = 180
"""A prompt shown in this many days before today is not offered again."""


def recent_prompt_ids(history: Iterable[PromptDay], day: date, days: int = NO_REPEAT_DAYS) -> set[str]:
    """Ids shown on the ``days`` days before ``day`` (``day`` itself excluded)."""
    start = day - timedelta(days=days)
    ids: set[str] = set()
    for entry in history:
        if start <= entry.day < day:
            ids.add(entry.prompt_id)
            ids.update(entry.shown)
    return ids


def _candidates(
    day: date,
    deck: Sequence[Prompt],
    history: Sequence[PromptDay],
    skip: Collection[str],
    topic: str | None,
) -> list[Prompt]:
    """Candidates, relaxing filters until some remain.

    Order: topic + window + skip; topic + skip; window + skip (topic dropped);
    skip only; anything but the prompt shown just before; the whole deck.
    """
    of_topic = [p for p in deck if not topic or p.topic == topic]
    seen = last_seen_days(((h.day, (h.prompt_id, *h.shown)) for h in history), day)
    return relaxed(deck, of_topic, recent_prompt_ids(history, day), skip, seen)


def prompt_of_the_day(
    day: date,
    deck: Sequence[Prompt],
    history: Sequence[PromptDay],
    *,
    skip: Collection[str] = (),
    topic: str | None = None,
) -> Prompt:
    """The prompt for ``day``, uniform among the candidates.

    Deterministic for the same ``day``, ``skip`` and inputs. Candidates: of
    ``topic`` when given, not shown in the 180 days before ``day``, not in
    ``skip`` (ids already shown today, oldest first); filters relax in that
    order of importance rather than fail. Raises ValueError on an empty deck.
    """
    if not deck:
        raise ValueError("the prompt deck is empty")
    rng = random.Random(f"micro-romance:prompt:{day.isoformat()}:{len(skip)}:{topic or ''}")
    return rng.choice(_candidates(day, deck, history, skip, topic))
