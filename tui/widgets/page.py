"""A page that scrolls, and takes the focus (for the arrow keys and page up/down) only when there
is something to scroll: on a terminal tall enough for all of it, tab never stops on the page itself,
where nothing would show as focused and typing would go nowhere."""

from __future__ import annotations

from textual.containers import VerticalScroll


class ScrollPage(VerticalScroll):
    """A VerticalScroll that is a tab stop only while it can scroll."""

    def allow_focus(self) -> bool:
        return super().allow_focus() and self.max_scroll_y > 0
