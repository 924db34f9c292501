"""The love-language ledger: what was done lately, language by language.

Pure functions for the Today tab's compact ledger: how many gestures of each
love language were done in the last 30 days (the partner's ranked languages
first, marked ♥; their own ranking when they shared one, else the guess), how
the answered ones landed, and the gentle lines for a language that has waited
and for a grace day. No Textual here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tui.domain.gestures import language_ledger
from tui.domain.languages import SHORT_NAMES
from tui.model import LOVE_LANGUAGES, Gesture, GestureDay, Settings

WINDOW = 30
"""The ledger covers this many days, ending with the day shown."""

SINCE_PHRASES: dict[str, str] = {
    "words": "some words of affirmation",
    "touch": "a touch gesture",
    "service": "an act of service",
    "time": "some quality time",
    "gifts": "a small gift",
}
"""How "It's been 9 days since ..." ends for each language."""

PARTNER_MARK = "♥"
"""Marks the partner's ranked languages in the ledger."""


@dataclass(frozen=True)
class LedgerEntry:
    """One love language in the ledger."""

    language: str
    done: int
    """Done gestures of this language in the window."""
    landed: int = 0
    """Of those, answered "It landed"."""
    answered: int = 0
    """Of those, answered at all (landed, so-so or not really)."""
    partners: bool = False
    """True for a language the partner ranked."""


def short_name(language: str) -> str:
    return SHORT_NAMES.get(language, language)


def ledger(
    history: Sequence[GestureDay],
    catalog_by_id: Mapping[str, Gesture],
    settings: Settings,
    day: date,
    window: int = WINDOW,
) -> list[LedgerEntry]:
    """Every love language with its done count over the ``window`` days ending on ``day``.

    The ranked languages (``settings.love_languages``: :func:`tui.daily.lean_settings` puts
    the partner's own ranking there when they shared one) come first, in their order; the
    others follow in LOVE_LANGUAGES order. Gestures no longer in the catalog are left out.
    """
    counts = language_ledger(history, catalog_by_id, day, window)
    start = day - timedelta(days=window - 1)
    landed: dict[str, int] = {}
    answered: dict[str, int] = {}
    for entry in history:
        gesture = catalog_by_id.get(entry.gesture_id)
        if gesture is None or not entry.done or not start <= entry.day <= day or not entry.feedback:
            continue
        answered[gesture.language] = answered.get(gesture.language, 0) + 1
        if entry.feedback == "landed":
            landed[gesture.language] = landed.get(gesture.language, 0) + 1
    ranked = [lang for lang in dict.fromkeys(settings.love_languages) if lang in counts]
    order = ranked + [lang for lang in LOVE_LANGUAGES if lang not in ranked]
    order += [lang for lang in counts if lang not in order]
    return [
        LedgerEntry(
            language=lang,
            done=counts.get(lang, 0),
            landed=landed.get(lang, 0),
            answered=answered.get(lang, 0),
            partners=lang in ranked,
        )
        for lang in order
    ]


def ledger_line(entries: Sequence[LedgerEntry], window: int = WINDOW) -> str:
    """ "Last 30 days: ♥ touch 6 · ♥ words 4 · service 0 · time 2 · gifts 1" """
    parts = [
        f"{PARTNER_MARK + ' ' if entry.partners else ''}{short_name(entry.language)} {entry.done}" for entry in entries
    ]
    return f"Last {window} days: " + " · ".join(parts)


def answers_line(entries: Sequence[LedgerEntry]) -> str:
    """ "Landed: touch 5 of 5 · words 1 of 2 · gifts 0 of 3" (answered languages only); "" when none."""
    parts = [f"{short_name(entry.language)} {entry.landed} of {entry.answered}" for entry in entries if entry.answered]
    return "Landed: " + " · ".join(parts) if parts else ""


def ledger_lines(
    history: Sequence[GestureDay],
    catalog_by_id: Mapping[str, Gesture],
    settings: Settings,
    day: date,
    window: int = WINDOW,
) -> list[str]:
    """The Today tab's ledger: the counts line, and the answers line when there are answers.

    Empty when nothing was done in the window (a row of zeros helps nobody).
    """
    entries = ledger(history, catalog_by_id, settings, day, window)
    if not any(entry.done for entry in entries):
        return []
    answers = answers_line(entries)
    return [ledger_line(entries, window)] + ([answers] if answers else [])


def waiting_line(language: str, days: int, *, done_today: bool = False, shown: str | None = None) -> str:
    """ "It's been 9 days since a touch gesture — today leans that way."

    With ``done_today`` (today's gesture, of another language, is already done)
    the line looks to tomorrow instead. ``shown`` is the language of the gesture
    on screen: when it is another one, the line says the picks lean that way
    (and n offers another) rather than that today's gesture does.
    """
    since = SINCE_PHRASES.get(language, f"a {LOVE_LANGUAGES.get(language, language).lower()} gesture")
    if done_today:
        return f"It's been {days} days since {since} — tomorrow leans that way."
    if shown is not None and shown != language:
        return f"It's been {days} days since {since}; the picks lean that way (n offers another)."
    return f"It's been {days} days since {since} — today leans that way."


def grace_line(reason: str, *, apart: bool = True) -> str:
    """ "Grace day (travel): rituals rest; today's ideas work from afar."

    ``apart`` is False when the gesture shown was chosen before the day became a
    grace day and does not work from afar; the line then offers another.
    """
    label = f"Grace day ({reason})" if reason else "Grace day"
    ideas = "today's ideas work from afar." if apart else "n finds an idea that works from afar."
    return f"{label}: rituals rest; {ideas}"


__all__ = [
    "LedgerEntry",
    "PARTNER_MARK",
    "WINDOW",
    "answers_line",
    "grace_line",
    "ledger",
    "ledger_line",
    "ledger_lines",
    "short_name",
    "waiting_line",
]
