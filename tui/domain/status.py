"""The day's status in one line, for a shell prompt: what it says, and the ``--format`` template.

Pure and small on purpose: ``micro-romance status`` reads a status file kept by every write
(:mod:`tui.statusfile`) and fills a template with this module alone, so a prompt does
not wait for the store. Plain classes, no dataclass machinery: this is imported on every Enter
of a prompt that calls ``status``.
"""

from __future__ import annotations

import re

STATUS_FIELDS = {
    "open": "rituals still open today",
    "done": "rituals kept today",
    "total": "rituals scheduled today",
    "gesture": "today's gesture (without its final full stop)",
    "partner": "your partner's name, or 'your partner'",
    "coming": "the next day that matters and its countdown, e.g. 'tomorrow: Sam's interview' (empty when none)",
}
"""The fields a ``status --format`` template may use."""


class DayStatus:
    """What one day holds, in the few words a prompt has room for.

    Every text is already one clean line (no control characters, no line breaks).
    """

    __slots__ = (
        "day",
        "open",
        "done",
        "total",
        "gesture",
        "gesture_done",
        "grace",
        "partner",
        "open_names",
        "rituals",
        "coming",
    )

    def __init__(
        self,
        day: str,
        *,
        open: int,
        done: int,
        total: int,
        gesture: str,
        gesture_done: bool,
        grace: bool,
        partner: str,
        open_names: tuple[str, ...] = (),
        rituals: tuple[str, ...] = (),
        coming: str = "",
    ) -> None:
        self.day = day
        """The day it is for, as YYYY-MM-DD."""
        self.open = open
        self.done = done
        self.total = total
        self.gesture = gesture
        """Today's gesture, without its final full stop."""
        self.gesture_done = gesture_done
        self.grace = grace
        self.partner = partner
        self.open_names = open_names
        """The names of the rituals still open, in their order."""
        self.rituals = rituals
        """The names of every ritual in use (not archived), for completing ``done``."""
        self.coming = coming
        """The next day that matters with its countdown ("tomorrow: Sam's interview"), or ""."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DayStatus) and all(getattr(self, n) == getattr(other, n) for n in self.__slots__)

    def __repr__(self) -> str:
        return f"DayStatus({', '.join(f'{n}={getattr(self, n)!r}' for n in self.__slots__)})"

    def values(self) -> dict[str, object]:
        """The template's fields."""
        return {
            "open": self.open,
            "done": self.done,
            "total": self.total,
            "gesture": self.gesture,
            "partner": self.partner,
            "coming": self.coming,
        }

    def line(self) -> str:
        """The line a prompt shows, e.g. "2 rituals open · gesture: Leave a note in their coat pocket"."""
        gesture = "gesture done ✓" if self.gesture_done else f"gesture: {self.gesture}"
        if self.grace:
            return f"grace day · {gesture}"
        if self.open:
            return f"{self.open} ritual{'' if self.open == 1 else 's'} open · {gesture}"
        if self.total:
            return f"all rituals kept ✓ · {gesture}"
        return gesture


class TemplateError(ValueError):
    """A ``--format`` template that cannot be filled; the message is one line."""


_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def _shown(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def render(template: str, values: dict[str, object]) -> str:
    """Fill ``{field}`` in ``template``; ``{{``/``}}`` are braces. Only known fields.

    The template is the user's own and kept as given (it may colour a prompt);
    the values are already cleaned. With empty ``values`` it only checks.
    Raises :class:`TemplateError`.
    """

    def fill(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        if name is None:
            raise TemplateError(f"the --format template has a lone '{token}' (write {token * 2} for a brace)")
        if name not in STATUS_FIELDS:
            known = ", ".join(f"{{{k}}}" for k in STATUS_FIELDS)
            raise TemplateError(f"the --format template has an unknown field {{{_shown(name)}}}; use {known}")
        return str(values.get(name, ""))

    return _FIELD.sub(fill, template)
