"""Today's gesture and prompt, the same for the full screen and the shell.

These read the store and the shipped content and return what the day shows;
the Today and Prompts tabs record what they show, ``micro-romance today`` only
reads. No Textual here.

The gesture pick leans on two things learnt from the days before (never the
day itself, so the pick stays the same all day): the "did it land?" answers
(:func:`tui.domain.gestures.feedback_weights`) and, outside grace days, the
partner's language that has waited a week or more, whose gestures become
NEGLECT_BOOST times likelier (see :func:`gesture_weights`).

The ranking the pick and the ledger lean on is the partner's own, when they shared one
through Together (kept in ``DATA/sync/together.json``), else the user's guess from settings
(:func:`lean_settings`).
"""

from __future__ import annotations

from datetime import date

from tui import content
from tui.domain.gestures import feedback_weights, neglected_language, pick_gesture
from tui.domain.languages import effective_ranking, partner_ranking
from tui.domain.occasions import OccasionPick, fill, pick_occasion
from tui.domain.prompts import prompt_of_the_day
from tui.model import DayThatMatters, Gesture, GestureDay, GraceSpan, Prompt, Settings
from tui.record import replace
from tui.storage import Store
from tui.together.state import partner_days, partner_rankings


def _gesture_history(store: Store, day: date):
    return [g for g in store.gesture_days() if g.day < day]


NEGLECT_BOOST = 1.5
"""How much likelier a waiting partner's language becomes (x1.5).

It multiplies that language's feedback weight; the pick clamps the product to
at most 2.0 (double), so a waiting language never crowds out the rest.
"""

NEGLECT_RULE = (
    "When one of your partner's languages has had no done gesture for a week or more, "
    "the Today tab says so, and gestures of that language come up one and a half times "
    "as often until one is done (never more than double, counting the answers too). "
    "Grace days skip this lean."
)
"""Plain-language statement of the lean in :func:`gesture_weights`, for a help screen."""


def is_grace_day(store: Store, day: date) -> bool:
    """Whether ``day`` is marked as a grace day (travel, illness, a hard week)."""
    return any(span.covers(day) for span in store.grace())


def grace_span(store: Store, day: date) -> GraceSpan | None:
    """The grace span covering ``day`` (the latest-starting one when several do)."""
    covering = [span for span in store.grace() if span.covers(day)]
    return max(covering, key=lambda span: (span.start, span.id)) if covering else None


def partners_own(store: Store) -> tuple[str, tuple[str, ...]] | None:
    """(who, ranking) the partner chose for themself and shared through Together, as last synced."""
    return partner_ranking(partner_rankings(store.sync_dir), store.settings().partner_name)


def lean_settings(store: Store) -> Settings:
    """The settings with the ranking to lean on: the partner's own when shared, else the guess."""
    settings, theirs = store.settings(), partners_own(store)
    ranked = effective_ranking(settings.love_languages, theirs[1] if theirs else ())
    return settings if ranked == settings.love_languages else replace(settings, love_languages=ranked)


def settings_for(store: Store, day: date) -> Settings:
    """The settings the pick uses: the ranking to lean on; on a grace day, gestures that work apart."""
    settings = lean_settings(store)
    return replace(settings, together="apart") if is_grace_day(store, day) else settings


def waiting_language(store: Store, day: date) -> tuple[str, int] | None:
    """The partner's language that has waited a week or more before ``day``, and for how long.

    Computed from the days strictly before ``day`` (so it does not change when
    today's gesture is marked done), among the ranked languages that have a
    gesture fitting the day (on a grace day or for a couple apart, one that works
    from afar). None on grace days, and when nothing waits.
    """
    if is_grace_day(store, day):
        return None
    settings = settings_for(store, day)
    offered = {g.language for g in content.gestures() if not settings.together or settings.together in g.tags}
    ranked = tuple(lang for lang in settings.love_languages if lang in offered)
    if not ranked:
        return None
    history = _gesture_history(store, day)
    return neglected_language(history, content.gesture_by_id(), replace(settings, love_languages=ranked), day)


def gesture_weights(store: Store, day: date) -> dict[str, float]:
    """The weights the day's pick uses: feedback, times NEGLECT_BOOST for a waiting language."""
    weights = feedback_weights(_gesture_history(store, day), content.gesture_by_id(), day)
    waiting = waiting_language(store, day)
    if waiting is not None:
        language = waiting[0]
        weights[language] = weights.get(language, 1.0) * NEGLECT_BOOST
    return weights


def todays_gesture(store: Store, day: date) -> Gesture:
    """The gesture shown for ``day``: the occasion gesture a day that matters calls for (:func:`todays_occasion`)
    unless the day's gesture is done or another was asked for after it, else the one recorded, else the day's pick."""
    by_id = content.gesture_by_id()
    recorded = store.gesture_day(day)
    occasion = todays_occasion(store, day)
    if occasion is not None and occasion_shown(recorded, occasion.occasion.id):
        return occasion_gesture(occasion, store.settings().partner_name)
    if recorded is not None and recorded.gesture_id in by_id:
        return by_id[recorded.gesture_id]
    history = _gesture_history(store, day)
    weights = gesture_weights(store, day)
    return pick_gesture(day, content.gestures(), settings_for(store, day), history, weights=weights)


def occasion_shown(recorded: GestureDay | None, occasion_id: str) -> bool:
    """Whether the day's card shows the occasion gesture ``occasion_id``: nothing recorded for the day yet, it is
    the one recorded, or the day's gesture is not done and no other was asked for after it."""
    if recorded is None or recorded.gesture_id == occasion_id:
        return True
    return not recorded.done and occasion_id not in recorded.shown


def another_gesture(store: Store, day: date) -> Gesture:
    """A different suggestion for ``day`` than any shown so far that day."""
    recorded = store.gesture_day(day)
    skip = recorded.shown if recorded else (todays_gesture(store, day).id,)
    history = _gesture_history(store, day)
    weights = gesture_weights(store, day)
    return pick_gesture(day, content.gestures(), settings_for(store, day), history, skip=skip, weights=weights)


def todays_prompt(store: Store, day: date) -> Prompt:
    """The prompt shown for ``day``: the one recorded, else the day's pick."""
    by_id = content.prompt_by_id()
    recorded = store.prompt_day(day)
    if recorded is not None and recorded.prompt_id in by_id:
        return by_id[recorded.prompt_id]
    history = [p for p in store.prompt_days() if p.day < day]
    return prompt_of_the_day(day, content.prompts(), history)


def another_prompt(store: Store, day: date, *, topic: str | None = None) -> Prompt:
    """A different prompt for ``day`` (optionally of one topic)."""
    recorded = store.prompt_day(day)
    skip = recorded.shown if recorded else (todays_prompt(store, day).id,)
    history = [p for p in store.prompt_days() if p.day < day]
    return prompt_of_the_day(day, content.prompts(), history, skip=skip, topic=topic)


# --------------------------------------------------------------------------- days that matter


def all_days(store: Store) -> list[DayThatMatters]:
    """This person's days that matter and those the partner shared (Together), as last synced."""
    return [*store.entries("days"), *partner_days(store.sync_dir)]


def todays_occasion(store: Store, day: date) -> OccasionPick | None:
    """The occasion gesture a day of the partner's (or of both) calls for on ``day``, with why; None most days."""
    days = all_days(store)
    if not days:
        return None
    settings = settings_for(store, day)
    return pick_occasion(
        days, day, content.occasions(), partner=settings.partner_name, apart=settings.together == "apart"
    )


OCCASION_WORDS = {"big": "big day", "hard": "hard day", "away": "trip", "news": "good news", "yearly": "day"}
"""What {what} reads in an occasion gesture once its day is gone (the history of done gestures)."""


def occasion_gesture(pick: OccasionPick, partner: str) -> Gesture:
    """An occasion gesture as the Today card shows it: its words filled in, about a minute of effort."""
    o = pick.occasion
    tags = frozenset({"occasion", "apart" if o.apart else "together"})
    return Gesture(id=o.id, text=fill(o.text, partner, pick.day.text), language="", effort="minute", tags=tags)


def known_gestures() -> dict[str, Gesture]:
    """Every gesture by id, occasion gestures too (their {what} in general words), for the history."""
    out = content.gesture_by_id()
    for o in content.occasions():
        text = o.text.replace("{what}", OCCASION_WORDS[o.kind])
        out.setdefault(o.id, Gesture(o.id, text, "", "minute", frozenset({"occasion"})))
    return out
