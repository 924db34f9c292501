"""A few choices on a line, "(•) chosen  ( ) other", on more rows when narrow (none ever cut): the
forms' pickers (a day's kind, whose it is and whether it is shared; why grace days). Left/right, or a
click, choose; the chosen one reads in plain text as well as in colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class ChoiceLine(Widget, can_focus=True):
    """A few choices on one line, "(•) chosen  ( ) other": left/right (or a click) choose."""

    BINDINGS = [
        Binding("left,h", "move(-1)", "Previous", show=False),
        Binding("right,l", "move(1)", "Next", show=False),
    ]

    chosen: reactive[int] = reactive(0)
    """Index into ``labels``."""
    GAP = 2

    @dataclass
    class Changed(Message):
        """The choice changed."""

        line: ChoiceLine
        index: int

        @property
        def control(self) -> ChoiceLine:
            return self.line

    def __init__(self, labels: Sequence[str], chosen: int = 0, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = tuple(labels)
        self.set_reactive(ChoiceLine.chosen, chosen)

    def _label(self, index: int) -> str:
        return f"{'(•)' if index == self.chosen else '( )'} {self.labels[index]}"

    def rows(self, width: int) -> list[list[int]]:
        """The choices laid out in ``width`` cells: each choice whole on one row, never cut, so the
        chosen one is always in view (a narrow terminal gets more rows)."""
        rows: list[list[int]] = [[]]
        used = 0
        for index in range(len(self.labels)):
            size = len(self._label(index))
            if rows[-1] and width and used + self.GAP + size > width:
                rows.append([])
                used = 0
            used += (self.GAP if rows[-1] else 0) + size
            rows[-1].append(index)
        return rows

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows(width))

    def render(self) -> Content:
        lines: list[Content] = []
        for row in self.rows(self.content_region.width):
            parts: list[str | tuple[str, str]] = []
            for index in row:
                style = "bold $success" if index == self.chosen else "$foreground-muted"
                if self.has_focus and index == self.chosen:
                    style += " reverse"
                parts += [(self._label(index), style), " " * self.GAP]
            lines.append(Content.assemble(*parts[:-1]))
        return Content("\n").join(lines)

    def watch_chosen(self, chosen: int) -> None:
        self.post_message(self.Changed(self, chosen))

    @property
    def draft_value(self) -> int:
        """The choice, as a draft keeps it: its index."""
        return self.chosen

    def restore_draft(self, value: object) -> None:
        """Choose what a draft kept; an index that is not one of the choices leaves it as it is."""
        if type(value) is int and 0 <= value < len(self.labels):
            self.chosen = value

    def action_move(self, step: int) -> None:
        """Choose the previous or next one."""
        self.chosen = (self.chosen + step) % len(self.labels)

    def on_click(self, event: events.Click) -> None:
        rows = self.rows(self.content_region.width)
        if not 0 <= event.y < len(rows):
            return
        x = 0
        for index in rows[event.y]:
            width = len(self._label(index))
            if x <= event.x < x + width:
                self.chosen = index
                return
            x += width + self.GAP

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
