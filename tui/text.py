"""Cleaning and checking the words people write, before they are saved.

Text is kept exactly as typed except for what a terminal would act on:
escape sequences and control characters are removed (newlines and tabs stay),
and lone surrogates, which cannot be stored as UTF-8, become U+FFFD.
Markup-looking text such as ``[bold]`` is left alone: it is rendered literally.
"""

from __future__ import annotations

import re
from functools import cache

MAX_CHARS = 10_000
"""The longest note or answer we accept (in characters)."""

MAX_LINE_CHARS = 200
"""The longest one-line note (a gesture's "how did it go")."""


@cache
def _untidy() -> re.Pattern[str]:
    """What :func:`clean` removes or replaces, all in one class: :func:`tidy` looks for it first (when
    the text is not plainly printable)."""
    return re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@cache
def _cleaners() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """:func:`clean`'s patterns, compiled when first needed (text read from our own files seldom needs them):
    CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-byte ESC sequences and the 8-bit CSI/OSC
    introducers; C0 and C1 controls except tab and newline, DEL, and the bidirectional embeddings, overrides
    and isolates that reorder the text around them; lone surrogates, handled apart."""
    escapes = re.compile(
        r"\x1b\[[0-?]*[ -/]*[@-~]"
        r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
        r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
        r"|\x1b[@-Z\\-_]"
        r"|\x9b[0-?]*[ -/]*[@-~]"
        r"|\x9d[^\x07\x9c]*(?:\x07|\x9c)?"
    )
    controls = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    return escapes, controls, re.compile(r"[\ud800-\udfff]")


class TextError(ValueError):
    """A note that cannot be saved as it is; the message is for the user."""


def clean(text: str) -> str:
    """Remove what a terminal would interpret; keep everything a person wrote."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    escapes, controls, surrogates = _cleaners()
    text = escapes.sub("", text)
    text = controls.sub("", text)
    return surrogates.sub("\ufffd", text)


def tidy(text: str) -> str:
    """:func:`clean` for text read from a file, quick when there is nothing to remove."""
    if text.replace("\n", " ").replace("\t", " ").isprintable():
        return text  # every character clean() acts on is a control, a format character or a surrogate
    return clean(text) if _untidy().search(text) else text


def check_note(text: str, *, limit: int = MAX_CHARS) -> str:
    """Return the cleaned text, or raise TextError saying what is wrong.

    Leading and trailing blank lines are trimmed; inner spacing is kept.
    """
    cleaned = clean(text).strip("\n")
    if not cleaned.strip():
        raise TextError("There is nothing to save yet: write a few words first.")
    if len(cleaned) > limit:
        raise TextError(
            f"This is {len(cleaned):,} characters; the limit is {limit:,}. Shorten it a little (nothing has been cut)."
        )
    return cleaned


def one_line(text: str) -> str:
    """:func:`clean` text on one line: every run of white space (newlines too) one space, none at the ends."""
    return " ".join(clean(text).split())


def check_line(text: str, *, limit: int = MAX_LINE_CHARS) -> str:
    """A one-line note that may be empty (for example how a gesture went)."""
    cleaned = one_line(text)
    if len(cleaned) > limit:
        raise TextError(f"This note is {len(cleaned):,} characters; keep it under {limit:,} (nothing has been cut).")
    return cleaned


def _short_line(text: str, limit: int, *, empty: str, keep: str) -> str:
    """One line, not empty, at most ``limit`` characters; ``empty`` and ``keep`` word the refusals."""
    cleaned = one_line(text)
    if not cleaned:
        raise TextError(empty)
    if len(cleaned) > limit:
        raise TextError(f"{keep} under {limit} characters (it is {len(cleaned)}).")
    return cleaned


def check_name(text: str, *, limit: int = 60) -> str:
    """A short name (a partner, a ritual): one line, not empty."""
    return _short_line(text, limit, empty="A name cannot be empty.", keep="Keep the name")


def check_words(text: str, *, limit: int = 80) -> str:
    """A few words naming a day that matters ("interview", "trip to Lisbon"): one line, not empty."""
    return _short_line(
        text, limit, empty="Say in a few words what the day is, e.g. 'interview'.", keep="Keep it to a few words,"
    )
