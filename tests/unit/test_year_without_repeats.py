"""A simulated year with the shipped catalog and deck: nothing wears out.

No gesture comes back within 90 days and no prompt within 180, for every
single-language setting and for none; at least half of any 30 days' gestures
are of the first-ranked language; and when the two rules conflict, an unseen
gesture wins over a language match.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui import content
from tui.domain.gestures import first_language_due, pick_gesture
from tui.domain.prompts import prompt_of_the_day
from tui.model import LOVE_LANGUAGES, Gesture, GestureDay, PromptDay, Settings

START = date(2026, 1, 1)
YEAR = 365
SETTINGS = [(), *[(lang,) for lang in LOVE_LANGUAGES]]


def gesture_year(settings: Settings, catalog=None, days: int = YEAR) -> list[GestureDay]:
    catalog = content.gestures() if catalog is None else catalog
    history: list[GestureDay] = []
    for offset in range(days):
        day = START + timedelta(days=offset)
        gesture = pick_gesture(day, catalog, settings, history)
        history.append(GestureDay(day=day, gesture_id=gesture.id, shown=(gesture.id,), done=True))
    return history


def gaps_over(history, key, days: int) -> list[tuple[str, int]]:
    last: dict[str, date] = {}
    bad = []
    for entry in history:
        item = key(entry)
        if item in last and (entry.day - last[item]).days <= days:
            bad.append((item, (entry.day - last[item]).days))
        last[item] = entry.day
    return bad


@pytest.mark.parametrize("languages", SETTINGS, ids=lambda langs: "+".join(langs) or "none")
def test_no_gesture_within_90_days_and_first_language_half_of_any_30(languages) -> None:
    history = gesture_year(Settings(love_languages=languages))
    assert gaps_over(history, lambda h: h.gesture_id, 90) == []
    if languages:
        by_id = content.gesture_by_id()
        mine = [by_id[h.gesture_id].language == languages[0] for h in history]
        worst = min(sum(mine[i : i + 30]) for i in range(len(mine) - 29))
        assert worst >= 15, worst


@pytest.mark.parametrize("languages", SETTINGS, ids=lambda langs: "+".join(langs) or "none")
def test_no_gesture_within_90_days_with_a_second_language_and_apart(languages) -> None:
    second = [lang for lang in LOVE_LANGUAGES if lang not in languages][:1]
    history = gesture_year(Settings(love_languages=(*languages, *second), together="apart"))
    by_id = content.gesture_by_id()
    assert gaps_over(history, lambda h: h.gesture_id, 90) == []
    assert all("apart" in by_id[h.gesture_id].tags for h in history)


def test_feedback_weights_cannot_pull_the_first_language_under_half() -> None:
    weights = {"touch": 0.5, "words": 2.0, "time": 2.0}
    history: list[GestureDay] = []
    for offset in range(120):
        day = START + timedelta(days=offset)
        g = pick_gesture(day, content.gestures(), Settings(love_languages=("touch",)), history, weights=weights)
        history.append(GestureDay(day, g.id, (g.id,), done=True))
    by_id = content.gesture_by_id()
    mine = [by_id[h.gesture_id].language == "touch" for h in history]
    assert min(sum(mine[i : i + 30]) for i in range(len(mine) - 29)) >= 15


def test_an_unseen_gesture_beats_a_language_match() -> None:
    # Ten touch gestures only: once they are all seen, the due days bring other languages.
    few_touch = [g for g in content.gestures() if g.language != "touch"]
    few_touch += [g for g in content.gestures() if g.language == "touch"][:10]
    history = gesture_year(Settings(love_languages=("touch",)), catalog=few_touch, days=90)
    assert gaps_over(history, lambda h: h.gesture_id, 90) == []
    touch = [h for h in history if h.gesture_id in {g.id for g in few_touch if g.language == "touch"}]
    assert len(touch) == 10  # each once, none back within the 90 days


def test_first_language_due_rule() -> None:
    cat = {f"t{i}": Gesture(f"t{i}", "T", "touch", "minute") for i in range(30)}
    cat |= {f"w{i}": Gesture(f"w{i}", "W", "words", "minute") for i in range(30)}
    day = START + timedelta(days=29)

    def days(pattern: str) -> list[GestureDay]:
        return [GestureDay(START + timedelta(days=i), f"{c}{i}") for i, c in enumerate(pattern)]

    assert first_language_due(START, [], cat, "touch")  # the very first day
    assert not first_language_due(day, days("tw" * 14 + "t"), cat, "touch")  # 15 of 29: free
    assert first_language_due(day, days("wt" * 14 + "w"), cat, "touch")  # 14 of 29: due
    old = [GestureDay(START - timedelta(days=1), "w0")]
    assert not first_language_due(day, old + days("tw" * 14 + "t"), cat, "touch")  # outside the window


def test_no_prompt_within_180_days_over_a_year() -> None:
    history: list[PromptDay] = []
    for offset in range(YEAR):
        day = START + timedelta(days=offset)
        prompt = prompt_of_the_day(day, content.prompts(), history)
        history.append(PromptDay(day=day, prompt_id=prompt.id, shown=(prompt.id,)))
    assert gaps_over(history, lambda h: h.prompt_id, 180) == []
    assert len({h.prompt_id for h in history}) >= 180
