"""The reflective prompt of the day: deterministic, no repeats within 180 days."""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from datetime import date

from tui.domain.pool import last_seen_days, relaxed, shown_within
from tui.model import Prompt, PromptDay

NO_REPEAT_DAYS = 180
"""A prompt shown in this many days before today is not offered again."""


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
    shown = [(h.day, (h.prompt_id, *h.shown)) for h in history]
    return relaxed(deck, of_topic, shown_within(shown, day, NO_REPEAT_DAYS), skip, last_seen_days(shown, day))


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
