"""The tabs of the main screen, steady while the screen is still starting."""

from __future__ import annotations

from textual.widgets import TabbedContent, TabPane, Tabs
from textual.widgets._tabbed_content import ContentTabs


class SteadyTabbedContent(TabbedContent):
    """A ``TabbedContent`` that a late "activated" message cannot turn back.

    When the tab strip mounts it announces its first tab; a number key pressed
    before that announcement is handled would otherwise be undone by it, and
    the key's tab would flash and vanish. An announcement for a tab that is no
    longer the strip's active one is stale, and is dropped. So is news that a
    widget in a hidden pane took focus: Textual applies a focus a moment after it
    is asked for, and a tab's first focus landing after a number key on a busy
    machine would otherwise pull the user back to that tab.
    """

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        # Textual calls TabbedContent's own handler after this one unless the default is prevented.
        if event.tab_pane.id != self.active:
            event.stop()  # focus asked for before the user moved on; the App moves it to the tab shown
            event.prevent_default()

    def on_mount(self) -> None:
        # The underline under the tab strip jumps to the new tab instead of sliding there for
        # 0.3 s: a switch is then painted in one frame and feels instant.
        strip = self.query_one(ContentTabs)
        move = strip._highlight_active
        strip._highlight_active = lambda animate=True: move(False)  # type: ignore[method-assign]

    def _on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        if self._is_associated_tabs(event.tabs) and event.tab.id != event.tabs.active:
            event.stop()
            event.prevent_default()
