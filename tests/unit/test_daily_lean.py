"""Where the day's pick leans: "did it land?" answers and a partner's language that waited.

Includes the issue's "done when": after a simulated month in which touch
gestures landed and gifts did not, the picker's share of touch gestures has
risen (and tests/ui/test_feedback_ledger.py shows the ledger saying why).
"""

from __future__ import annotations

from datetime import date, timedelta

from tui import content, daily
from tui.domain.gestures import pick_gesture
from tui.model import GestureDay, GraceSpan, Settings
from tui.record import replace
from tui.storage import Store

DAY = date(2026, 11, 25)
MONTH = 30
SAMPLES = 300


def simulate_month(store: Store, *, answers: bool, end: date = DAY) -> dict[str, int]:
    """Thirty days before ``end``: each day's gesture shown and done, as the Today tab does.

    With ``answers``, touch gestures are answered "It landed" and gifts "Not
    really" (the rest unanswered). Returns how many of each language were done.
    """
    store.save_settings(replace(store.settings(), welcomed=True, last_review="2026-11-23"))
    done: dict[str, int] = {}
    with store.batch():
        for offset in range(MONTH, 0, -1):
            day = end - timedelta(days=offset)
            gesture = daily.todays_gesture(store, day)
            store.show_gesture(day, gesture.id)
            feedback = ""
            if answers:
                feedback = {"touch": "landed", "gifts": "not_really"}.get(gesture.language, "")
            store.save_gesture_day(replace(store.gesture_day(day), done=True, feedback=feedback))
            done[gesture.language] = done.get(gesture.language, 0) + 1
    return done


def share_of(store: Store, language: str, start: date = DAY, samples: int = SAMPLES) -> float:
    """The share of ``language`` among ``samples`` picks, each with what was learnt by ``start``.

    Each sample is a later day with the same past moved along with it, so the
    30-day language share sees the same recent days as ``start`` does.
    """
    catalog, by_id = content.gestures(), content.gesture_by_id()
    history = [g for g in store.gesture_days() if g.day < start]
    weights = daily.gesture_weights(store, start)
    settings = daily.settings_for(store, start)
    picks = []
    for n in range(samples):
        moved = [replace(g, day=g.day + timedelta(days=n)) for g in history]
        picks.append(pick_gesture(start + timedelta(days=n), catalog, settings, moved, weights=weights))
    return sum(1 for g in picks if by_id[g.id].language == language) / samples


def test_a_month_of_answers_raises_the_share_of_what_landed(tmp_path) -> None:
    with Store(tmp_path / "answered") as answered, Store(tmp_path / "silent") as silent:
        done = simulate_month(answered, answers=True)
        simulate_month(silent, answers=False)
        assert done.get("touch", 0) >= 3 and done.get("gifts", 0) >= 1  # the month had both
        touch_with, touch_without = share_of(answered, "touch"), share_of(silent, "touch")
        gifts_with, gifts_without = share_of(answered, "gifts"), share_of(silent, "gifts")
    assert touch_with > touch_without + 0.05, (touch_with, touch_without)
    assert gifts_with < gifts_without, (gifts_with, gifts_without)


def test_weights_follow_the_answers_of_the_days_before(store: Store) -> None:
    simulate_month(store, answers=True)
    weights = daily.gesture_weights(store, DAY)
    assert weights["touch"] > 1.0 > weights["gifts"]
    # Today's own answer does not move today's pick (it stays the same all day).
    gesture = daily.todays_gesture(store, DAY)
    store.show_gesture(DAY, gesture.id)
    store.save_gesture_day(replace(store.gesture_day(DAY), done=True, feedback="landed"))
    assert daily.gesture_weights(store, DAY) == weights


def _done(store: Store, day: date, gesture_id: str) -> None:
    store.save_gesture_day(GestureDay(day, gesture_id, (gesture_id,), done=True))


def _of(language: str, *, apart: bool = False) -> list[str]:
    return [g.id for g in content.gestures() if g.language == language and (not apart or "apart" in g.tags)]


def test_a_waiting_language_is_boosted_one_and_a_half_times(store: Store) -> None:
    store.save_settings(Settings(love_languages=("touch", "words"), welcomed=True))
    words = _of("words")
    for n in range(1, 10):  # nine days of words, no touch
        _done(store, DAY - timedelta(days=n), words[n])
    assert daily.waiting_language(store, DAY) == ("touch", 9)
    weights = daily.gesture_weights(store, DAY)
    assert weights["touch"] == daily.NEGLECT_BOOST == 1.5
    # A touch gesture done yesterday ends the wait.
    _done(store, DAY - timedelta(days=1), _of("touch")[0])
    assert daily.waiting_language(store, DAY) is None
    assert "touch" not in daily.gesture_weights(store, DAY)


def test_the_boost_is_bounded_with_feedback(store: Store) -> None:
    store.save_settings(Settings(love_languages=("words", "touch"), welcomed=True))
    touch = _of("touch")
    # Words waits 20 days; every done touch landed.
    for n in range(1, 21):
        store.save_gesture_day(GestureDay(DAY - timedelta(days=n), touch[n], (touch[n],), done=True, feedback="landed"))
    assert daily.waiting_language(store, DAY) == ("words", 20)
    weights = daily.gesture_weights(store, DAY)
    assert weights["words"] == 1.5 and weights["touch"] == 2.0
    from tui.domain.gestures import language_probabilities

    probabilities = language_probabilities(daily.settings_for(store, DAY), ["words", "touch"], weights)
    plain = language_probabilities(daily.settings_for(store, DAY), ["words", "touch"])
    assert probabilities["words"] < plain["words"] * 2  # never more than double


def test_the_lean_shows_in_the_picks(tmp_path) -> None:
    def share_of_touch(waited: bool) -> float:
        with Store(tmp_path / f"waited-{waited}") as store:
            store.save_settings(Settings(love_languages=("words", "touch"), welcomed=True))
            words, touch = _of("words"), _of("touch")
            for n in range(1, 11):
                # Unwaited: touch every third day, words (first) still over half the days.
                gesture_id = words[n] if waited or n % 3 else touch[n]
                _done(store, DAY - timedelta(days=n), gesture_id)
            return share_of(store, "touch")

    assert share_of_touch(True) > share_of_touch(False) + 0.05


def test_no_lean_on_grace_days_and_only_for_languages_that_fit(store: Store) -> None:
    store.save_settings(Settings(love_languages=("touch",), welcomed=True))
    words = _of("words")
    for n in range(1, 10):
        _done(store, DAY - timedelta(days=n), words[n])
    assert daily.waiting_language(store, DAY) == ("touch", 9)
    store.save_grace(GraceSpan("trip", DAY, DAY + timedelta(days=2), "travel"))
    assert daily.waiting_language(store, DAY) is None
    assert "touch" not in daily.gesture_weights(store, DAY)
    assert daily.grace_span(store, DAY).reason == "travel"
    assert daily.grace_span(store, DAY + timedelta(days=3)) is None


def test_apart_couples_are_not_told_about_languages_with_nothing_to_offer(store: Store, monkeypatch) -> None:
    store.save_settings(Settings(love_languages=("touch", "words"), together="apart", welcomed=True))
    words = _of("words", apart=True)
    for n in range(1, 10):
        _done(store, DAY - timedelta(days=n), words[n % len(words)])
    assert daily.waiting_language(store, DAY) == ("touch", 9)  # some touch gestures work apart
    no_apart_touch = [g for g in content.gestures() if not (g.language == "touch" and "apart" in g.tags)]
    monkeypatch.setattr(content, "gestures", lambda: no_apart_touch)
    assert daily.waiting_language(store, DAY) is None


def test_the_shell_and_the_tab_pick_the_same(store: Store) -> None:
    store.save_settings(Settings(love_languages=("touch", "words"), welcomed=True))
    words = _of("words")
    for n in range(1, 10):
        _done(store, DAY - timedelta(days=n), words[n])
    from tui.glance import glance

    assert glance(store, DAY).gesture_id == daily.todays_gesture(store, DAY).id
