"""The Gratitude tab."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.tabs.base import TabBase


class GratitudeTab(TabBase):
    """The Gratitude tab (its own issue fills it in)."""

    TAB_ID = "gratitude"
    TAB_TITLE = "Gratitude"
    HELP = ""

    def compose(self) -> ComposeResult:
        yield Static("Your gratitude notes will be kept here. Coming soon.", classes="empty-state")
