"""The Rituals tab's checklist: an option list whose cursor stops at either end."""

from __future__ import annotations

from tui.widgets.steady_list import SteadyOptionList


class RitualList(SteadyOptionList):
    """The checklist; ``enter`` (or a click) ticks through OptionSelected.

    The cursor stops at the first and last ritual instead of wrapping around,
    so pressing down a few times too many and ticking never ticks the top one.
    """

    def _step(self, direction: int) -> None:
        if self.highlighted is None:
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction

    def action_cursor_down(self) -> None:
        """Move to the next ritual (stops at the last)."""
        self._step(1)

    def action_cursor_up(self) -> None:
        """Move to the previous ritual (stops at the first)."""
        self._step(-1)
