"""Which love-language ranking the picks lean on: the partner's own over the guess.

The user guesses how their partner feels loved (``Settings.love_languages``). With
Together, the partner may say it themself ("How do you feel loved?", shared as their
``own_love_languages``); that ranking, chosen by the person it is about, counts instead
of the guess. These pure functions choose; :mod:`tui.daily` hands the result to the
gesture pick and the ledger, which lean on whatever ranking they are given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tui.model import LOVE_LANGUAGES

SHORT_NAMES: dict[str, str] = {
    "words": "words",
    "touch": "touch",
    "service": "service",
    "time": "time",
    "gifts": "gifts",
}
"""One word per love language, for one-line summaries."""


def ranking(languages: Iterable[str]) -> tuple[str, ...]:
    """``languages`` as a ranking: known love languages only, each once, in their order."""
    return tuple(dict.fromkeys(lang for lang in languages if lang in LOVE_LANGUAGES))


def partner_ranking(
    shared: Sequence[tuple[str, Sequence[str]]], partner_name: str = ""
) -> tuple[str, tuple[str, ...]] | None:
    """(who, ranking) of the partner's own shared ranking, or None when none was shared.

    ``shared`` holds (who, ranking) for each partner who shared one (normally one). With
    several, the one whose name is ``partner_name`` (compared without case) wins, else
    the first. Empty rankings (and unknown languages) are left out.
    """
    found = [(who, ranked) for who, langs in shared if (ranked := ranking(langs))]
    if not found:
        return None
    wanted = " ".join(partner_name.split()).casefold()
    named = [item for item in found if " ".join(item[0].split()).casefold() == wanted]
    return (named or found)[0]


def effective_ranking(guess: Sequence[str], own: Sequence[str] = ()) -> tuple[str, ...]:
    """The ranking to lean on: the partner's ``own`` when they shared one, else the ``guess``."""
    return ranking(own) or tuple(dict.fromkeys(guess))


def loved_through_line(who: str, languages: Sequence[str]) -> str:
    """ "Alex feels loved through: touch, words" (``who`` on one line, kept as written)."""
    words = ", ".join(SHORT_NAMES.get(lang, lang) for lang in ranking(languages))
    return f"{' '.join(who.split())} feels loved through: {words}"


__all__ = ["SHORT_NAMES", "effective_ranking", "loved_through_line", "partner_ranking", "ranking"]
