"""Content words of a text, and the overlap that counts as a near-duplicate.

Overlap is |A ∩ B| / min(|A|, |B|) over the sets of content words (lowercase,
stopwords and placeholders removed): the strictest of the usual measures, since
a short text inside a longer one counts fully.
"""

from __future__ import annotations

import re

LIMIT = 0.6

STOPWORDS = frozenset(
    """
    a about after again all also an and any are as at be because been before being both but by
    can could did do does doing down during each even every for from get gets give had has have
    having he her here hers him his how i if in into is it its just let like make me more most my
    no not now of off on once one only or other our out over own really same she so some such
    than that the their theirs them then there these they this those through to too under until
    up very was we were what when where which while who whom why will with without would you
    your yours yourself partner partner_s s t don way thing things something someone
    """.split()
)

_WORD = re.compile(r"[a-z]+")


def content_words(text: str) -> frozenset[str]:
    words = _WORD.findall(text.casefold().replace("{partner_s}", " ").replace("{partner}", " "))
    return frozenset(w for w in words if w not in STOPWORDS and len(w) > 1)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def near_duplicates(texts: dict[str, str], limit: float = LIMIT) -> list[tuple[str, str, float]]:
    """Every pair of ids whose texts overlap by more than ``limit``."""
    words = {key: content_words(text) for key, text in texts.items()}
    keys = list(words)
    found = []
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            score = overlap(words[a], words[b])
            if score > limit:
                found.append((a, b, round(score, 2)))
    return found
