"""The tabs of the main screen, steady while the screen is still starting."""

from __future__ import annotations

from textual.widgets import TabbedContent, Tabs
from textual.widgets._tabbed_content import ContentTabs


class SteadyTabbedContent(TabbedContent):
    """A ``TabbedContent`` that a late "activated" message cannot turn back.

    When the tab strip mounts it announces its first tab; a number key pressed
    before that announcement is handled would otherwise be undone by it, and
    the key's tab would flash and vanish. An announcement for a tab that is no
    longer the strip's active one is stale, and is dropped.
    """

    def on_mount(self) -> None:
        # The underline under the tab strip jumps to the new tab instead of sliding there for
        # 0.3 s: a switch is then painted in one frame and feels instant.
        strip = self.query_one(ContentTabs)
        move = strip._highlight_active
        strip._highlight_active = lambda animate=True: move(False)  # type: ignore[method-assign]

    def _on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        if self._is_associated_tabs(event.tabs) and event.tab.id != event.tabs.active:
            event.stop()
            return
        super()._on_tabs_tab_activated(event)
