"""Tests for tui.domain.prompts: the prompt of the day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tui.domain.prompts import prompt_of_the_day
from tui.model import Prompt, PromptDay

START = date(2025, 1, 1)
THEMES = ["gratitude", "memories", "dreams", "everyday", "repair", "play"]
DECK = [
    Prompt(id=f"{theme}-{i:02d}", topic=theme, text=f"{theme} question {i}", depth=1 + i % 3)
    for theme in THEMES
    for i in range(11)
]


def simulate(days: int, deck: list[Prompt] = DECK, theme: str | None = None) -> list[PromptDay]:
    history: list[PromptDay] = []
    for offset in range(days):
        day = START + timedelta(days=offset)
        prompt = prompt_of_the_day(day, deck, history, topic=theme)
        history.append(PromptDay(day=day, prompt_id=prompt.id, shown=(prompt.id,)))
    return history


def test_deck_shape() -> None:
    assert len(DECK) == 66


def test_deterministic() -> None:
    history = simulate(40)
    day = START + timedelta(days=40)
    assert prompt_of_the_day(day, DECK, history) == prompt_of_the_day(day, list(DECK), list(history))


@hsettings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=30000), st.sampled_from([None, *THEMES]))
def test_deterministic_property(offset: int, theme: str | None) -> None:
    day = date(2000, 1, 1) + timedelta(days=offset)
    first = prompt_of_the_day(day, DECK, [], topic=theme)
    assert first == prompt_of_the_day(day, DECK, [], topic=theme)
    assert theme is None or first.topic == theme


def test_varies_across_days() -> None:
    picks = {prompt_of_the_day(START + timedelta(days=i), DECK, []).id for i in range(60)}
    assert len(picks) >= 30


def test_no_repeat_within_30_days_over_a_year() -> None:
    history = simulate(365)
    last_seen: dict[str, date] = {}
    for entry in history:
        previous = last_seen.get(entry.prompt_id)
        assert previous is None or (entry.day - previous).days > 30, entry
        last_seen[entry.prompt_id] = entry.day
    assert len(last_seen) >= 60


def test_skip_goes_through_distinct_prompts() -> None:
    shown: list[str] = []
    for _ in range(20):
        prompt = prompt_of_the_day(START, DECK, [], skip=tuple(shown))
        assert prompt.id not in shown
        shown.append(prompt.id)
    assert len(set(shown)) == 20


def test_theme_filter() -> None:
    for offset in range(30):
        assert prompt_of_the_day(START + timedelta(days=offset), DECK, [], topic="dreams").topic == "dreams"


def test_theme_relaxes_when_exhausted_then_dropped() -> None:
    # 11 dreams prompts, all shown recently: the theme wins over the window.
    history = [
        PromptDay(day=START - timedelta(days=i + 1), prompt_id=f"dreams-{i:02d}", shown=(f"dreams-{i:02d}",))
        for i in range(11)
    ]
    assert prompt_of_the_day(START, DECK, history, topic="dreams").topic == "dreams"
    # An unknown theme falls back to the whole deck, still avoiding recent prompts.
    other = prompt_of_the_day(START, DECK, history, topic="nope")
    assert other.id not in {h.prompt_id for h in history}


def test_small_deck_relaxes() -> None:
    small = DECK[:3]
    history = simulate(20, deck=small)
    assert {h.prompt_id for h in history} <= {p.id for p in small}
    # Within the window each day avoids the others, so the three rotate.
    assert len({h.prompt_id for h in history[:3]}) >= 2
    everything = tuple(p.id for p in small)
    assert prompt_of_the_day(START, small, [], skip=everything).id != everything[-1]


def test_empty_deck_raises() -> None:
    with pytest.raises(ValueError):
        prompt_of_the_day(START, [], [])
