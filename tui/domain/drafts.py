"""What becomes of a draft as time passes and its entry changes.

A draft belongs to an editor, named by its key: ``note:ID`` edits a note, ``note.new`` writes
a new one (see tui/widgets/text_dialog.py). When the note, answer, ritual or day that matters a
draft was for is gone (deleted here, removed from the command line, or by the partner), its
words are never attached to anything else of that name: the editor of a new entry of the same
kind (its *home*) offers them once, as new words, and the person saves or lets them go there.

The note of a day's gesture (``done:DAY``) left unsaved can be written only on that day, and a new
answer (``answer.new:PROMPT``) only while its prompt is the day's: once the day is gone by, start
says so with its words (on one line), and it waits for the rule below.

A draft is not kept forever: one untouched for ``KEEP_DAYS`` is first told about at start,
with the day it goes, and let go only ``NOTICE_DAYS`` later if still untouched. Opening the
editor that holds it counts as touching it. Nothing here reads a file or knows Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

KEEP_DAYS = 90
"""A draft untouched this long is told about at start, then let go ``NOTICE_DAYS`` later."""
NOTICE_DAYS = 14
"""Days between the notice that a draft is old and letting it go."""

_ENTRIES = {"note": "notes", "answer": "answers", "ritual": "rituals", "day": "days"}
"""The editors of one entry, by the start of their key, and the kind of entry they edit."""
_WHAT = {"note": "note", "answer": "answer", "ritual": "ritual", "day": "day that matters"}
_NEW_EDITOR = {"note": "note.new", "ritual": "RitualDialog:A new ritual", "day": "day.new"}
"""The editor of a new entry of the same kind, for a draft that did not record its own home
(an answer's depends on its prompt, so an answer's draft records it)."""


def entry_of(key: str) -> tuple[str, str] | None:
    """The kind and id of the entry the editor ``key`` edits; None for a new entry's editor
    (``note.new``), the settings, a done note or grace days."""
    prefix, colon, rest = key.partition(":")
    if colon and rest and prefix in _ENTRIES:
        return _ENTRIES[prefix], rest
    return None


def day_gone_by(key: str, today: date, todays_prompt: Callable[[], str] = str) -> bool:
    """Whether ``key`` is an editor only a day gone by opened, so its words can no longer be offered
    there: the note of a day's gesture (``done:DAY``) for a day before ``today`` (the Today tab opens
    that editor for today only), or a new answer to a prompt other than ``todays_prompt()``'s id (the
    Prompts tab answers the day's prompt only)."""
    prefix, _, rest = key.partition(":")
    if prefix == "answer.new":
        return rest != todays_prompt()
    try:
        return prefix == "done" and date.fromisoformat(rest) < today
    except ValueError:
        return False


def what(key: str) -> str:
    """What the editor ``key`` edits, in words ("note", "day that matters")."""
    return _WHAT.get(key.partition(":")[0], "entry")


def home_of(key: str, home: str) -> str:
    """The editor that offers the words of ``key`` once its entry is gone ("" when none is known)."""
    return home or _NEW_EDITOR.get(key.partition(":")[0], "")


@dataclass(frozen=True)
class Age:
    """When a draft was last touched (kept or offered in its editor) and when it was told it is old."""

    touched: date
    warned: date | None = None


def goes_on(warned: date) -> date:
    """The day a draft told on ``warned`` that it is old is let go, if still untouched."""
    return warned + timedelta(days=NOTICE_DAYS)


@dataclass(frozen=True)
class Fates:
    """What start does with the drafts: which to tell about, which to let go, which are homeless."""

    kept: list[str]
    """Drafts waiting in their own editor."""
    gone: list[str]
    """Drafts whose entry is gone: a new entry's editor offers their words."""
    warn: list[str]
    """Drafts untouched for ``KEEP_DAYS``, told about now."""
    let_go: list[str]
    """Drafts told about ``NOTICE_DAYS`` ago and still untouched."""


def sort_drafts(ages: Mapping[str, Age], gone: Callable[[str], bool], today: date) -> Fates:
    """Sort the drafts ``ages`` (by key) on ``today``; ``gone(key)`` says whether a draft's entry is gone."""
    fates = Fates([], [], [], [])
    for key, age in ages.items():
        if age.warned is not None and today >= goes_on(age.warned):
            fates.let_go.append(key)
            continue
        if age.warned is None and (today - age.touched).days >= KEEP_DAYS:
            fates.warn.append(key)
        (fates.gone if gone(key) else fates.kept).append(key)
    return fates
