"""The Rituals tab."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.tabs.base import TabBase


class RitualsTab(TabBase):
    """The Rituals tab (its own issue fills it in)."""

    TAB_ID = "rituals"
    TAB_TITLE = "Rituals"
    HELP = ""

    def compose(self) -> ComposeResult:
        yield Static("Your rituals of connection will be listed here. Coming soon.", classes="empty-state")
