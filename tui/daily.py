"""Today's gesture and prompt, the same for the full screen and the shell.

These read the store and the shipped content and return what the day shows;
the Today and Prompts tabs record what they show, ``micro-romance today`` only
reads. No Textual here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tui import content
from tui.domain.gestures import feedback_weights, pick_gesture
from tui.domain.prompts import prompt_of_the_day
from tui.model import Gesture, Prompt, Settings
from tui.store import Store


def _gesture_history(store: Store, day: date):
    return [g for g in store.gesture_days() if g.day < day]


def in_grace(store: Store, day: date) -> bool:
    """Whether ``day`` is marked as a grace day (travel, illness, a hard week)."""
    return any(span.covers(day) for span in store.grace())


def settings_for(store: Store, day: date) -> Settings:
    """The settings the pick uses: on a grace day, gestures that work apart."""
    settings = store.settings()
    return replace(settings, together="apart") if in_grace(store, day) else settings


def todays_gesture(store: Store, day: date) -> Gesture:
    """The gesture shown for ``day``: the one recorded, else the day's pick."""
    by_id = content.gesture_by_id()
    recorded = store.gesture_day(day)
    if recorded is not None and recorded.gesture_id in by_id:
        return by_id[recorded.gesture_id]
    history = _gesture_history(store, day)
    weights = feedback_weights(history, by_id, day)
    return pick_gesture(day, content.gestures(), settings_for(store, day), history, weights=weights)


def another_gesture(store: Store, day: date) -> Gesture:
    """A different suggestion for ``day`` than any shown so far that day."""
    by_id = content.gesture_by_id()
    recorded = store.gesture_day(day)
    skip = recorded.shown if recorded else (todays_gesture(store, day).id,)
    history = _gesture_history(store, day)
    weights = feedback_weights(history, by_id, day)
    return pick_gesture(day, content.gestures(), settings_for(store, day), history, skip=skip, weights=weights)


def todays_prompt(store: Store, day: date) -> Prompt:
    """The prompt shown for ``day``: the one recorded, else the day's pick."""
    by_id = content.prompt_by_id()
    recorded = store.prompt_day(day)
    if recorded is not None and recorded.prompt_id in by_id:
        return by_id[recorded.prompt_id]
    history = [p for p in store.prompt_days() if p.day < day]
    return prompt_of_the_day(day, content.prompts(), history)


def another_prompt(store: Store, day: date, *, theme: str | None = None) -> Prompt:
    """A different prompt for ``day`` (optionally of one theme)."""
    recorded = store.prompt_day(day)
    skip = recorded.shown if recorded else (todays_prompt(store, day).id,)
    history = [p for p in store.prompt_days() if p.day < day]
    return prompt_of_the_day(day, content.prompts(), history, skip=skip, theme=theme)
