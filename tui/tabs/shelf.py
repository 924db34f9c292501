"""The App's tabs: each built hidden after the first frame (one per frame), shown and focused.

Mixed into the App (tui/app.py). A tab is built the first time it is asked for
(``tab``), by the build after the first frame or by its number key, whichever
comes first; nothing here assumes the app is still running when a step lands
(a quit, a resize or a tab switch may come at any moment of the build).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

from textual import events
from textual.screen import Screen
from textual.widgets import TabbedContent, TabPane, Tabs

from tui.tabs import TAB_SPECS, TabBase


class TabShelf:
    """The App's tabs, built hidden one per frame after the first, shown by number keys."""

    _tabs: dict[str, TabBase]
    _mounting: dict[str, Any]

    if TYPE_CHECKING:
        is_running: bool
        screen_stack: list[Screen]
        screen: Screen

        def load_later_styles(self) -> None: ...
        def call_after_refresh(self, callback: Any, *args: Any) -> bool: ...

    def build_hidden_tab(self) -> None:
        """Build a tab not shown yet, hidden, then (after a frame) the next one.

        Runs after the first frame, one tab at a time so that a key pressed
        meanwhile waits for one tab at most: a tab's first visit is then as
        quick as any other.
        """
        missing = [spec.id for spec in TAB_SPECS if spec.id not in self._tabs]
        if missing and self.is_running and self.screen_stack:
            self.load_later_styles()
            self.tab(missing[0])
            self.call_after_refresh(self.build_hidden_tab)
        elif not missing:
            # Start-up's objects live as long as the app: the collector stops scanning them, so a full
            # collection (50-70 ms with years of history) no longer lands in a keypress.
            gc.freeze()

    def action_show_tab(self, tab_id: str) -> None:
        """Switch to a tab by its id."""
        self.main_screen.query_one(TabbedContent).active = tab_id
        widget = self.tab(tab_id)  # built now if this is its first showing
        if widget.is_mounted:
            widget.focus_first()  # painted in the same frame as the tab
        else:
            self.call_after_refresh(self._focus_if_active, tab_id)

    @property
    def main_screen(self) -> Screen:
        """The screen holding the tabs (dialogs stack above it)."""
        return self.screen_stack[0]

    def tab(self, tab_id: str) -> TabBase:
        """The tab widget; built (and mounting) the first time it is asked for."""
        widget = self._tabs.get(tab_id)
        if widget is None:
            pane = self.main_screen.query_one(f"#{tab_id}", TabPane)
            found = pane.query(f"#{tab_id}-tab")
            if found:
                widget = found.first(TabBase)
            else:
                self.load_later_styles()
                spec = next(s for s in TAB_SPECS if s.id == tab_id)
                widget = spec.load()(id=f"{tab_id}-tab")
                self._mounting[tab_id] = pane.mount(widget)
            self._tabs[tab_id] = widget
        return widget

    async def ensure_tab(self, tab_id: str) -> TabBase:
        """The tab widget, mounted."""
        widget = self.tab(tab_id)
        pending = self._mounting.pop(tab_id, None)
        if pending is not None:
            await pending
        return widget

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Focus never rests on the tab strip, where a tab's own keys would not reach, nor in a
        tab that is hidden (a focus asked for before a number key, applied after it)."""
        if self.screen is not self.main_screen:
            return
        active = self.main_screen.query_one(TabbedContent).active
        pane = next((w for w in event.widget.ancestors if isinstance(w, TabPane)), None)
        if active and (isinstance(event.widget, Tabs) or (pane is not None and pane.id != active)):
            self.call_after_refresh(self._focus_if_active, active)

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane_id = event.pane.id
        if pane_id:
            widget = await self.ensure_tab(pane_id)  # built on its first showing
            focused = self.main_screen.focused
            if event.tabbed_content.active == pane_id and (focused is None or widget not in focused.ancestors):
                widget.focus_first()

    async def _focus_if_active(self, pane_id: str) -> None:
        """Focus a tab's main widget unless the user has already moved on."""
        if not self.is_running or not self.screen_stack:
            return
        tabs = self.main_screen.query(TabbedContent)
        if not tabs or tabs.first().active != pane_id:
            return
        widget = await self.ensure_tab(pane_id)
        if tabs.first().active == pane_id:  # a key may have moved on while the tab was mounting
            widget.focus_first()
