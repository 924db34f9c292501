"""Tests for tui.domain.gestures: the deterministic, weighted gesture pick."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tui.domain.gestures import (
    done_counts,
    feedback_weights,
    language_ledger,
    language_probabilities,
    neglected_language,
    pick_gesture,
)
from tui.model import EFFORTS, LOVE_LANGUAGES, Gesture, GestureDay, Settings

START = date(2025, 1, 6)  # a Monday
LANGS = list(LOVE_LANGUAGES)
EFFORT_KEYS = list(EFFORTS)


def make_catalog(per_language: int = 26) -> list[Gesture]:
    """5 languages x ``per_language`` gestures with mixed tags and efforts."""
    tag_cycle = [
        frozenset({"together"}),
        frozenset({"apart"}),
        frozenset({"together", "apart"}),
    ]
    return [
        Gesture(
            id=f"{lang}-{i:02d}",
            text=f"{lang} gesture {i}",
            language=lang,
            effort=EFFORT_KEYS[i % 3],
            tags=tag_cycle[i % 3],
        )
        for lang in LANGS
        for i in range(per_language)
    ]


CATALOG = make_catalog()
BY_ID = {g.id: g for g in CATALOG}
BIG = make_catalog(90)
BIG_BY_ID = {g.id: g for g in BIG}


def simulate(
    days: int,
    settings: Settings,
    catalog: list[Gesture] = CATALOG,
    start: date = START,
    weights: dict[str, float] | None = None,
) -> list[GestureDay]:
    """Pick each day, record it as shown and done, return the history."""
    history: list[GestureDay] = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        gesture = pick_gesture(day, catalog, settings, history, weights=weights)
        history.append(GestureDay(day=day, gesture_id=gesture.id, shown=(gesture.id,), done=True))
    return history


def test_catalog_shape() -> None:
    assert len(CATALOG) == 130
    assert len(BY_ID) == 130


def test_same_inputs_same_pick() -> None:
    s = Settings(love_languages=("words", "time"))
    history = simulate(20, s)
    day = START + timedelta(days=20)
    first = pick_gesture(day, CATALOG, s, history)
    again = pick_gesture(day, list(CATALOG), s, list(history))
    assert first == again


@hsettings(max_examples=40, deadline=None)
@given(
    offset=st.integers(min_value=0, max_value=20000),
    langs=st.lists(st.sampled_from(LANGS), unique=True, max_size=5),
    together=st.sampled_from(["", "together", "apart"]),
)
def test_determinism_property(offset: int, langs: list[str], together: str) -> None:
    day = date(2000, 1, 1) + timedelta(days=offset)
    s = Settings(love_languages=tuple(langs), together=together)
    assert pick_gesture(day, CATALOG, s, []) == pick_gesture(day, CATALOG, s, [])


def test_changes_from_day_to_day() -> None:
    s = Settings()
    picks = [pick_gesture(START + timedelta(days=i), CATALOG, s, []).id for i in range(100)]
    assert len(set(picks)) >= 50
    changes = sum(1 for a, b in zip(picks, picks[1:], strict=False) if a != b)
    assert changes >= 90


def test_first_language_dominates() -> None:
    # 90 per language, as a 90-day no-repeat window needs (26 cannot fill it).
    s = Settings(love_languages=("touch",))
    history = simulate(1000, s, catalog=BIG)
    share = sum(1 for h in history if BIG_BY_ID[h.gesture_id].language == "touch") / 1000
    assert share >= 0.60


def test_language_probabilities_ranked() -> None:
    s = Settings(love_languages=("touch", "words", "time"))
    probs = language_probabilities(s, LANGS)
    # touch .65; words .25*2/3; time .25*1/3; service and gifts .05 each.
    assert probs["touch"] == pytest.approx(0.65)
    assert probs["words"] == pytest.approx(0.25 * 2 / 3)
    assert probs["time"] == pytest.approx(0.25 / 3)
    assert probs["service"] == pytest.approx(0.05)
    assert probs["gifts"] == pytest.approx(0.05)
    assert sum(probs.values()) == pytest.approx(1.0)


def test_language_probabilities_renormalised_and_uniform() -> None:
    only_touch = language_probabilities(Settings(love_languages=("touch",)), LANGS)
    assert only_touch["touch"] == pytest.approx(0.65 / 0.75)
    assert only_touch["gifts"] == pytest.approx(0.025 / 0.75)
    uniform = language_probabilities(Settings(), ["words", "gifts"])
    assert uniform == {"words": pytest.approx(0.5), "gifts": pytest.approx(0.5)}
    missing_first = language_probabilities(Settings(love_languages=("touch", "words")), ["words", "gifts"])
    assert missing_first["words"] == pytest.approx(0.25 / 0.35)
    assert missing_first["gifts"] == pytest.approx(0.10 / 0.35)


@pytest.mark.parametrize("together", ["apart", "together"])
def test_together_apart_respected(together: str) -> None:
    history = simulate(300, Settings(together=together, love_languages=("gifts",)))
    assert all(together in BY_ID[h.gesture_id].tags for h in history)


def test_no_repeat_within_90_days_synthetic() -> None:
    history = simulate(1000, Settings(love_languages=("touch", "words")))
    last_seen: dict[str, date] = {}
    for entry in history:
        previous = last_seen.get(entry.gesture_id)
        assert previous is None or (entry.day - previous).days > 90, entry
        last_seen[entry.gesture_id] = entry.day


def test_shown_but_not_done_also_excluded() -> None:
    s = Settings()
    day = START + timedelta(days=5)
    first = pick_gesture(day, CATALOG, s, [])
    history = [GestureDay(day=day - timedelta(days=3), gesture_id="x", shown=(first.id, "x"))]
    assert pick_gesture(day, CATALOG, s, history).id != first.id
    # Older than 90 days no longer counts: the original pick comes back.
    old = [GestureDay(day=day - timedelta(days=91), gesture_id=first.id, shown=(first.id,))]
    assert pick_gesture(day, CATALOG, s, old).id == first.id


def test_skip_goes_through_distinct_gestures() -> None:
    s = Settings(love_languages=("service",))
    day = START
    shown: list[str] = []
    for _ in range(40):
        gesture = pick_gesture(day, CATALOG, s, [], skip=tuple(shown))
        assert gesture.id not in shown
        shown.append(gesture.id)
    assert len(set(shown)) == 40


def test_skip_is_deterministic() -> None:
    s = Settings()
    skip = (pick_gesture(START, CATALOG, s, []).id,)
    assert pick_gesture(START, CATALOG, s, [], skip=skip) == pick_gesture(START, CATALOG, s, [], skip=skip)


def test_small_catalog_relaxes() -> None:
    small = [
        Gesture("a", "A", "words", "minute", frozenset({"together"})),
        Gesture("b", "B", "touch", "minute", frozenset({"together"})),
    ]
    s = Settings(together="apart", love_languages=("gifts",))
    history = simulate(30, s, catalog=small)
    assert {h.gesture_id for h in history} <= {"a", "b"}
    # Everything skipped: still an answer, and not the one shown just before.
    assert pick_gesture(START, small, s, [], skip=("a", "b")).id == "a"
    assert pick_gesture(START, small, s, [], skip=("b", "a")).id == "b"
    single = small[:1]
    assert pick_gesture(START, single, s, [], skip=("a",)).id == "a"


def test_window_dropped_before_together_filter() -> None:
    catalog = [
        Gesture("apart1", "A", "words", "minute", frozenset({"apart"})),
        Gesture("tog1", "T", "words", "minute", frozenset({"together"})),
        Gesture("tog2", "T", "words", "minute", frozenset({"together"})),
    ]
    history = [GestureDay(day=START - timedelta(days=1), gesture_id="apart1", shown=("apart1",))]
    assert pick_gesture(START, catalog, Settings(together="apart"), history).id == "apart1"


def test_empty_catalog_raises() -> None:
    with pytest.raises(ValueError):
        pick_gesture(START, [], Settings(), [])


def test_done_counts() -> None:
    day = date(2025, 3, 5)  # a Wednesday; the week began Monday 3 March
    history = [
        GestureDay(date(2025, 2, 28), "words-00", done=True),  # last month, last week
        GestureDay(date(2025, 3, 1), "words-01", done=True),  # this month, last week
        GestureDay(date(2025, 3, 3), "words-02", done=True),  # this week
        GestureDay(date(2025, 3, 4), "words-03", done=False),  # not done
        GestureDay(date(2025, 3, 5), "words-04", done=True),  # today
        GestureDay(date(2025, 3, 6), "words-05", done=True),  # after day
    ]
    assert done_counts(history, day) == (2, 3)


def test_language_ledger_and_neglect() -> None:
    day = date(2025, 3, 31)
    history = [
        GestureDay(date(2025, 3, 1), "touch-00", done=True),  # day-30: outside a 30-day window
        GestureDay(date(2025, 3, 2), "touch-01", done=True),  # day-29: inside
        GestureDay(date(2025, 3, 20), "words-00", done=True),
        GestureDay(date(2025, 3, 28), "words-01", done=True),
        GestureDay(date(2025, 3, 29), "gifts-00", done=False),
        GestureDay(date(2025, 3, 31), "time-00", done=True),
    ]
    ledger = language_ledger(history, BY_ID, day)
    assert ledger == {"words": 2, "touch": 1, "service": 0, "time": 1, "gifts": 0}
    s = Settings(love_languages=("touch", "words", "service"))
    # touch last done 29 days ago.
    assert neglected_language(history, BY_ID, s, day) == ("touch", 29)
    s2 = Settings(love_languages=("words", "service"))
    # words done 3 days ago; service never done, counted from the first day (30 days).
    assert neglected_language(history, BY_ID, s2, day) == ("service", 30)
    assert neglected_language(history, BY_ID, Settings(love_languages=("time",)), day) is None
    assert neglected_language([], BY_ID, s, day) is None


def test_feedback_weights_rule() -> None:
    day = date(2025, 4, 30)
    history = [
        GestureDay(date(2025, 4, 1), "touch-00", done=True, feedback="landed"),  # touch, minute
        GestureDay(date(2025, 4, 2), "touch-01", done=True, feedback="landed"),  # touch, ten_minutes
        GestureDay(date(2025, 4, 3), "touch-03", done=True, feedback="so_so"),  # touch, minute
        GestureDay(date(2025, 4, 4), "gifts-00", done=True, feedback="not_really"),  # gifts, minute
        GestureDay(date(2025, 4, 5), "gifts-02", done=False, feedback="landed"),  # not done: ignored
        GestureDay(date(2024, 12, 1), "words-00", done=True, feedback="landed"),  # outside 90 days
    ]
    weights = feedback_weights(history, BY_ID, day)
    assert weights == {
        "touch": pytest.approx(1.2),  # +1 +1 +0
        "minute": pytest.approx(1.0),  # touch-00 +1, touch-03 0, gifts-00 -1
        "ten_minutes": pytest.approx(1.1),  # touch-01 +1
        "gifts": pytest.approx(0.9),  # -1
    }


def test_feedback_weights_bounded() -> None:
    day = START + timedelta(days=60)
    days = [START + timedelta(days=i) for i in range(40)]
    landed = [GestureDay(d, "touch-00", done=True, feedback="landed") for d in days]
    flop = [GestureDay(d, "gifts-01", done=True, feedback="not_really") for d in days]
    weights = feedback_weights(landed + flop, BY_ID, day)
    assert weights["touch"] == 2.0
    assert weights["gifts"] == 0.5
    assert weights["minute"] == 2.0
    assert weights["ten_minutes"] == 0.5


def test_feedback_raises_touch_share() -> None:
    month_start = date(2025, 5, 1)
    history = []
    for i in range(30):
        lang, feedback = ("touch", "landed") if i % 2 == 0 else ("gifts", "not_really")
        history.append(
            GestureDay(month_start + timedelta(days=i), f"{lang}-{i % 26:02d}", done=True, feedback=feedback)
        )
    weights = feedback_weights(history, BY_ID, month_start + timedelta(days=29))
    assert weights["touch"] > 1.0 > weights["gifts"]
    s = Settings()
    after = month_start + timedelta(days=30)

    def share(lang: str, w: dict[str, float] | None) -> float:
        picks = [pick_gesture(after + timedelta(days=i), CATALOG, s, [], weights=w) for i in range(1000)]
        return sum(1 for g in picks if g.language == lang) / 1000

    plain_touch, tuned_touch = share("touch", None), share("touch", weights)
    assert tuned_touch > plain_touch + 0.08
    assert share("gifts", weights) < share("gifts", None)


def test_weights_out_of_bounds_are_clamped() -> None:
    probs_huge = language_probabilities(Settings(), LANGS, {"touch": 1000.0})
    probs_two = language_probabilities(Settings(), LANGS, {"touch": 2.0})
    assert probs_huge == probs_two
    assert probs_two["touch"] == pytest.approx(2 / 6)


def test_the_partners_answer_replaces_the_givers_and_counts_twice() -> None:
    day = date(2025, 4, 30)
    history = [
        # touch, minute: the giver thought it landed; the partner says not really
        GestureDay(date(2025, 4, 1), "touch-00", done=True, feedback="landed", partner_feedback="not_really"),
        # gifts, minute: only the partner answered
        GestureDay(date(2025, 4, 2), "gifts-00", done=True, partner_feedback="landed"),
    ]
    assert feedback_weights(history, BY_ID, day) == {
        "touch": pytest.approx(0.8),  # -2, not +1
        "minute": pytest.approx(1.0),  # -2 +2
        "gifts": pytest.approx(1.2),  # +2
    }
