"""Lines that wrap rather than being cut, each continuation hanging under its own text.

"1 of 1  Tea at dusk, with the long walk around the lake" wraps under "Tea", past the column of
counts before it (two spaces end a line's lead); a sentence without such a lead wraps two cells
in. The weekly review's sections use it, so a long ritual name, and our own sentences, read whole
in a narrow column instead of ending in an ellipsis.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

_LEAD = re.compile(r" *\S.*?  (?=\S)")
"""A line's lead: up to the first two spaces after its first word ("  1 of 1  ")."""
HANG = 2
"""Cells a continuation of a line without a lead is indented."""
NARROWEST = 12
"""Below this many cells for the text, a line wraps at the full width instead of hanging."""


def hanging(lines: Sequence[str], width: int) -> str:
    """``lines`` wrapped to ``width`` cells (0: as they are), continuations hanging under their text."""
    out: list[str] = []
    for line in lines:
        if not width or cell_len(line) <= width:
            out.append(line)
            continue
        found = _LEAD.match(line)
        lead = found.group(0) if found else ""
        hang = cell_len(lead) if found else HANG
        if width - hang < NARROWEST:  # no room to hang: wrap at the full width
            lead, hang = "", 0
        if lead:
            first, rest = lead, line[len(lead) :]
            parts = _wrap(rest, width - hang)
            out.append(first + parts[0])
        else:
            first = _wrap(line, width)[0]
            parts = [first, *_wrap(line[len(first) :].lstrip(), width - hang)]
            out.append(first)
        out += [" " * hang + part for part in parts[1:] if part]
    return "\n".join(out)


def _wrap(text: str, width: int) -> list[str]:
    return [str(part).rstrip() for part in Content(text).wrap(width)] or [""]


class HangingLines(Static):
    """A few lines that wrap, hanging under their own text, at whatever width they are given."""

    def __init__(self, *, id: str | None = None, classes: str = "") -> None:
        super().__init__(Content(""), id=id, classes=classes)
        self._lines: tuple[str, ...] = ()

    def show(self, lines: Sequence[str]) -> None:
        """Show ``lines`` (user text among them: literal, never markup)."""
        self._lines = tuple(lines)
        self._rewrap()

    def on_resize(self) -> None:
        self._rewrap()

    def _rewrap(self) -> None:
        self.update(Content(hanging(self._lines, self.content_region.width)))
