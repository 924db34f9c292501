"""Ticks and choices that read the same without colour.

Textual's own ``SelectionList`` and ``RadioButton`` draw the same ``X`` or
``●`` whatever their state, and tell on from off by colour alone, so with
``NO_COLOR`` (or a colour-blind eye) a ticked box looks like an empty one.
These two small subclasses draw their state in plain text instead:

- :class:`CheckList` (a ``SelectionList``): ``[x]`` ticked, ``[ ]`` not, and
  ``›`` before the row the cursor is on while the list has focus.
- :class:`RadioMark` (a ``RadioButton``): ``(•)`` chosen, ``( )`` not, and
  ``›`` before the button the cursor is on while its set has focus.

Their parts are component classes (``mark--on``, ``mark--off``,
``mark--pointer``) styled in ``styles/marks.tcss``.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.widgets import OptionList, RadioButton, SelectionList
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import SelectionType

TICKED = "[x]"
UNTICKED = "[ ]"
CHOSEN = "(•)"
NOT_CHOSEN = "( )"
POINTER = "›"
"""Before the row or button the cursor is on (only while focused)."""

MARK_CLASSES: set[str] = {"mark--on", "mark--off", "mark--pointer"}


class CheckList(SelectionList[SelectionType]):
    """A ``SelectionList`` whose boxes read ``[x]`` or ``[ ]``, with ``›`` at the cursor.

    Everything else (keys, messages, ``selected``) is the ``SelectionList``'s own.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = SelectionList.COMPONENT_CLASSES | MARK_CLASSES

    GUTTER = len(POINTER + TICKED + " ")

    def _get_left_gutter_width(self) -> int:
        # The room the pointer and the box take left of each prompt.
        return self.GUTTER

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)  # the prompt alone, without Textual's button
        _, scroll_y = self.scroll_offset
        index = scroll_y + y
        try:
            selection = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        underlying = next(iter(line)).style or self.rich_style
        ticked = selection.value in self.selected
        meta = Style(meta={"option": index})
        mark_style = underlying + self.get_component_rich_style("mark--on" if ticked else "mark--off") + meta
        pointer_style = underlying + self.get_component_rich_style("mark--pointer") + meta
        pointer = POINTER if self.has_focus and self.highlighted == index else " "
        return Strip(
            [
                Segment(pointer, pointer_style),
                Segment(TICKED if ticked else UNTICKED, mark_style),
                Segment(" ", underlying),
                *line,
            ]
        )

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class RadioMark(RadioButton):
    """A ``RadioButton`` that reads ``(•)`` when chosen and ``( )`` when not.

    ``›`` stands before it while its ``RadioSet`` has focus and the set's cursor
    is on it, so where the cursor is and what is chosen never look alike.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = RadioButton.COMPONENT_CLASSES | MARK_CLASSES

    @property
    def has_cursor(self) -> bool:
        """True while the set has focus and its cursor is on this button."""
        parent = self.parent
        return self.has_class("-selected") and parent is not None and parent.has_focus

    def render(self) -> Content:
        on = self.value
        return Content.assemble(
            (POINTER if self.has_cursor else " ", self.get_visual_style("mark--pointer")),
            (CHOSEN if on else NOT_CHOSEN, self.get_visual_style("mark--on" if on else "mark--off")),
            " ",
            self.label.stylize_before(self.get_visual_style("toggle--label")),
        )
