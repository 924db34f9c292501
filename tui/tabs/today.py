"""The Today tab."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.tabs.base import TabBase


class TodayTab(TabBase):
    """The Today tab (its own issue fills it in)."""

    TAB_ID = "today"
    TAB_TITLE = "Today"
    HELP = ""

    def compose(self) -> ComposeResult:
        yield Static("Your suggested gesture for today appears here. Coming soon.", classes="empty-state")
