"""A dialog's buttons side by side, or one under another when the dialog is too narrow for them.

A label can hold a name (a partner's device, "Alexandria's (p)"), so the row may not fit a small
terminal; rather than push the last button out of sight, the buttons then stack, each whole and
as wide as the dialog (the ``-stacked`` class, styled in styles/dialogs.tcss).
"""

from __future__ import annotations

from textual.containers import Horizontal
from textual.widgets import Button


class ButtonRow(Horizontal):
    """Buttons on one row while they fit it, else on a row each."""

    def __init__(self, *children: Button, classes: str | None = None) -> None:
        super().__init__(*children, classes=classes)
        self._needed = 0
        """The cells the buttons take side by side, measured while they were (labels do not change)."""

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        if not self.is_attached:
            return
        if not self.has_class("-stacked"):
            self._needed = sum(b.outer_size.width + b.styles.margin.width for b in self.query_children(Button))
        self.set_class(self._needed > self.content_size.width, "-stacked")
