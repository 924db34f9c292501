"""The Prompts tab."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.tabs.base import TabBase


class PromptsTab(TabBase):
    """The Prompts tab (its own issue fills it in)."""

    TAB_ID = "prompts"
    TAB_TITLE = "Prompts"
    HELP = ""

    def compose(self) -> ComposeResult:
        yield Static("A reflective prompt for today will appear here. Coming soon.", classes="empty-state")
