"""Today's gesture: a deterministic, love-language-weighted pick.

The pick for a day depends only on its arguments, so the Today tab shows the
same suggestion however often it is opened. Pressing "another" passes the ids
already shown today as ``skip``, which changes the seed and the candidates.

Also here: small counts for the Today tab (done this week / month), a ledger of
done gestures per love language, the language that has waited longest, and the
feedback rule that lets "did it land?" answers tilt future picks.

The ranking these lean on is ``settings.love_languages`` as given: :func:`tui.daily.lean_settings`
puts the partner's own ranking there when they shared one (:mod:`tui.domain.languages`).
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, timedelta

from tui.domain.calendar import week_start
from tui.domain.pool import last_seen_days, relaxed, shown_within
from tui.model import LOVE_LANGUAGES, Gesture, GestureDay, Settings

NO_REPEAT_DAYS = 90
"""A gesture shown or done in this many days before today is not suggested again."""

SHARE_WINDOW = 30
"""At least half of the day's gestures in any this many days are of the first language."""

FIRST_SHARE = 0.65
"""Probability of the partner's first-ranked love language."""
RANKED_SHARE = 0.25
"""Shared by the other ranked languages, more for higher ranks."""
UNRANKED_SHARE = 0.10
"""Shared evenly by the languages the user did not rank."""

WEIGHT_MIN = 0.5
WEIGHT_MAX = 2.0
FEEDBACK_STEP = 0.1
PARTNER_WEIGHT = 2
"""The partner's own answer counts this many times, in place of the giver's guess."""
NEGLECT_DAYS = 7
"""A ranked language is "waiting" once it has not been done for this many days."""

FEEDBACK_RULE = (
    'Each "It landed" in the last 90 days adds 10% to how often gestures of that '
    'kind come up, each "Not really" takes 10% away and "So-so" changes nothing. '
    "The effect never goes below half or above double. When your partner says how a "
    "gesture landed for them (Together), their answer counts instead of yours, and twice."
)
"""Plain-language statement of :func:`feedback_weights`, for a help screen."""


def _seed(day: date, skip: Collection[str]) -> str:
    return f"micro-romance:{day.isoformat()}:{len(skip)}"


def _clamp(value: float, low: float = WEIGHT_MIN, high: float = WEIGHT_MAX) -> float:
    return max(low, min(high, value))


def _fits_together(gesture: Gesture, together: str) -> bool:
    return not together or together in gesture.tags


def _candidate_levels(
    day: date,
    catalog: Sequence[Gesture],
    settings: Settings,
    history: Sequence[GestureDay],
    skip: Collection[str],
) -> list[Gesture]:
    """Candidates for the pick, relaxing the filters until some remain.

    Order of relaxation: (1) together/apart + no-repeat window + skip;
    (2) drop the window; (3) drop together/apart but keep the window;
    (4) skip only; (5) when everything was skipped, anything but the gesture
    shown just before (``skip`` should be ordered, oldest first); (6) the whole
    catalog.
    """
    fits = [g for g in catalog if _fits_together(g, settings.together)]
    shown = [(h.day, (h.gesture_id, *h.shown)) for h in history]  # shown or chosen, by day
    return relaxed(catalog, fits, shown_within(shown, day, NO_REPEAT_DAYS), skip, last_seen_days(shown, day))


def first_language_due(
    day: date,
    history: Iterable[GestureDay],
    catalog_by_id: Mapping[str, Gesture],
    first: str,
    window: int = SHARE_WINDOW,
) -> bool:
    """Whether ``day`` must bring the first-ranked language to keep it at half.

    Counts the day's gestures (``gesture_id``) on the ``window - 1`` days
    before ``day``: when one more gesture of another language would leave
    ``first`` under half of them, the day is due. Applied every day, this keeps
    every run of ``window`` days at least half ``first``.
    """
    start = day - timedelta(days=window - 1)
    days = {h.day: h.gesture_id for h in history if start <= h.day < day}
    mine = sum(1 for gid in days.values() if (g := catalog_by_id.get(gid)) is not None and g.language == first)
    return 2 * mine < len(days) + 1


def language_probabilities(
    settings: Settings,
    languages: Sequence[str],
    weights: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Probability of each language in ``languages`` (those that have candidates).

    The first ranked language gets 0.65; the other ranked ones share 0.25 with
    weights n-1, n-2, .., 1 by rank; the unranked ones share 0.10 evenly. With no
    ranking every language is equally likely. Each share is then multiplied by
    ``weights[language]`` (clamped to 0.5..2.0) and the result renormalised so
    that it sums to 1 over ``languages``.
    """
    present = list(dict.fromkeys(languages))
    if not present:
        return {}
    ranked = list(dict.fromkeys(settings.love_languages))
    raw: dict[str, float] = {}
    if not ranked:
        raw = {lang: 1.0 for lang in present}
    else:
        others = ranked[1:]
        rank_total = sum(range(1, len(others) + 1))
        unranked = [lang for lang in present if lang not in ranked]
        for lang in present:
            if lang == ranked[0]:
                raw[lang] = FIRST_SHARE
            elif lang in others:
                rank_weight = len(others) - others.index(lang)
                raw[lang] = RANKED_SHARE * rank_weight / rank_total
            else:
                raw[lang] = UNRANKED_SHARE / len(unranked)
    if weights:
        raw = {lang: p * _clamp(weights.get(lang, 1.0)) for lang, p in raw.items()}
    total = sum(raw.values())
    return {lang: p / total for lang, p in raw.items()}


def pick_gesture(
    day: date,
    catalog: Sequence[Gesture],
    settings: Settings,
    history: Sequence[GestureDay],
    *,
    skip: Collection[str] = (),
    weights: Mapping[str, float] | None = None,
) -> Gesture:
    """Today's suggested gesture.

    Deterministic for the same ``day``, ``skip`` and inputs (string-seeded
    ``random.Random``). Candidates come from :func:`_candidate_levels`: fitted to
    ``settings.together``, not shown in the 90 days before ``day`` and not in
    ``skip``, relaxed step by step rather than failing (then the gestures seen
    longest ago). In the first week of use, gestures tagged ``occasion`` (they wait
    for an illness, good news, a trip) are left out. When the first-ranked language is due (:func:`first_language_due`)
    and has a candidate left, only its gestures remain. A love language is drawn
    with :func:`language_probabilities`, then a gesture of that language, each
    weighted by ``weights[effort]`` (clamped to 0.5..2.0; 1.0 when absent).

    Raises ValueError only when ``catalog`` is empty.
    """
    if not catalog:
        raise ValueError("the gesture catalog is empty")
    candidates = _candidate_levels(day, catalog, settings, history, skip)
    if _first_week(day, history):
        # Someone new should meet gestures they can do today, not "when your partner is ill".
        candidates = [g for g in candidates if "occasion" not in g.tags] or candidates
    ranked = settings.love_languages
    if ranked and first_language_due(day, history, {g.id: g for g in catalog}, ranked[0]):
        # Unseen beats a language match: only narrow when the first language has some left.
        candidates = [g for g in candidates if g.language == ranked[0]] or candidates
    rng = random.Random(_seed(day, skip))
    probabilities = language_probabilities(settings, [g.language for g in candidates], weights)
    languages = list(probabilities)
    language = rng.choices(languages, weights=[probabilities[lang] for lang in languages])[0]
    pool = [g for g in candidates if g.language == language]
    effort_weights = [_clamp((weights or {}).get(g.effort, 1.0)) for g in pool]
    return rng.choices(pool, weights=effort_weights)[0]


FIRST_WEEK = 7
"""For the first days of use the pick leaves out gestures that wait for an occasion."""


def _first_week(day: date, history: Iterable[GestureDay]) -> bool:
    """Whether ``day`` is within the first week of use (or before any use)."""
    first = min((entry.day for entry in history), default=day)
    return (day - first).days < FIRST_WEEK


def _done_days(history: Iterable[GestureDay], start: date, end: date) -> set[date]:
    return {entry.day for entry in history if entry.done and start <= entry.day <= end}


def done_counts(history: Sequence[GestureDay], day: date) -> tuple[int, int]:
    """Days with a done gesture in (this ISO week, this calendar month), up to ``day``."""
    monday = week_start(day)
    first = day.replace(day=1)
    return len(_done_days(history, monday, day)), len(_done_days(history, first, day))


def language_ledger(
    history: Sequence[GestureDay],
    catalog_by_id: Mapping[str, Gesture],
    day: date,
    window: int = 30,
) -> dict[str, int]:
    """Done gestures per language in the ``window`` days ending on ``day`` (inclusive).

    Every language of LOVE_LANGUAGES is present (0 when none); gestures missing
    from the catalog are ignored.
    """
    start = day - timedelta(days=window - 1)
    ledger = {lang: 0 for lang in LOVE_LANGUAGES}
    for entry in history:
        gesture = catalog_by_id.get(entry.gesture_id)
        if entry.done and gesture is not None and start <= entry.day <= day:
            ledger[gesture.language] = ledger.get(gesture.language, 0) + 1
    return ledger


def neglected_language(
    history: Sequence[GestureDay],
    catalog_by_id: Mapping[str, Gesture],
    settings: Settings,
    day: date,
) -> tuple[str, int] | None:
    """The highest-ranked partner language not done for at least 7 days.

    Returns (language, days since last done). A language never done counts from
    the first day in ``history`` (so nothing is "waiting" in the first week of
    use). None when no ranked language waits or the history is empty.
    """
    past = [entry for entry in history if entry.day <= day]
    if not past:
        return None
    first_day = min(entry.day for entry in past)
    last_done: dict[str, date] = {}
    for entry in past:
        gesture = catalog_by_id.get(entry.gesture_id)
        if entry.done and gesture is not None:
            previous = last_done.get(gesture.language)
            if previous is None or entry.day > previous:
                last_done[gesture.language] = entry.day
    for lang in settings.love_languages:
        since = (day - last_done.get(lang, first_day)).days
        if since >= NEGLECT_DAYS:
            return lang, since
    return None


def feedback_weights(
    history: Sequence[GestureDay],
    catalog_by_id: Mapping[str, Gesture],
    day: date,
    window: int = 90,
) -> dict[str, float]:
    """Multipliers per language and per effort learnt from "did it land?" answers.

    Rule (see FEEDBACK_RULE): over done gestures in the ``window`` days ending
    on ``day`` (inclusive), each key (the gesture's language and its effort)
    scores +1 for "landed", 0 for "so_so" and -1 for "not_really". The
    multiplier is ``clamp(1 + 0.1 * score, 0.5, 2.0)``: five net "landed" make
    a kind 50% likelier, five net "not really" halve it, and that is the floor.
    Only keys with at least one answer appear; a missing key means 1.0. The
    partner's own answer (``partner_feedback``), when there is one, replaces the
    giver's and counts PARTNER_WEIGHT times.
    """
    start = day - timedelta(days=window - 1)
    points = {"landed": 1, "so_so": 0, "not_really": -1}
    scores: dict[str, int] = {}
    for entry in history:
        gesture = catalog_by_id.get(entry.gesture_id)
        if gesture is None or not entry.done or not start <= entry.day <= day:
            continue
        if entry.partner_feedback in points:
            score = PARTNER_WEIGHT * points[entry.partner_feedback]
        elif entry.feedback in points:
            score = points[entry.feedback]
        else:
            continue
        for key in (gesture.language, gesture.effort):
            scores[key] = scores.get(key, 0) + score
    return {key: _clamp(1 + FEEDBACK_STEP * score) for key, score in scores.items()}


__all__ = [
    "FEEDBACK_RULE",
    "NO_REPEAT_DAYS",
    "SHARE_WINDOW",
    "first_language_due",
    "done_counts",
    "feedback_weights",
    "language_ledger",
    "language_probabilities",
    "neglected_language",
    "pick_gesture",
]
