"""The footer: Textual's, rebuilt only when the keys it shows change.

Textual's footer rebuilds itself (one new widget per key, each styled anew)
every time the bindings might have changed: on every focus change, every
highlight that refreshes bindings, once for each such event even within one
refresh. A tab switch set that off a dozen times, most of the cost of a
switch. This one rebuilds at most once per refresh, and only when the keys,
their labels, their state or the width differ from what is on screen.

On a narrow terminal it shows only the keys that fit whole, in the order the
bindings give (most used first), and always the help key, instead of cutting
the last one mid-word.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

ALWAYS_SHOWN = "help"
"""The action whose key the footer keeps whatever the width."""


def _item_width(item: FooterKey) -> int:
    """The cells a key takes: " key " then "label " (Textual's padding)."""
    return cell_len(item.key_display) + cell_len(item.description) + 3


class Footer(TextualFooter):
    """The key bar at the bottom of a screen."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._shown: Hashable = None
        self._queued = False

    def _keys_shown(self) -> Hashable:
        """Everything the footer's look depends on, besides its own reactives."""
        app = self.app
        keys = tuple(
            (b.key, app.get_key_display(b), b.description, b.action, enabled, tooltip, b.group)
            for (_node, b, enabled, tooltip) in self.screen.active_bindings.values()
            if b.show or b.key == app.COMMAND_PALETTE_BINDING
        )
        return keys, self.compact, self.show_command_palette, self._width()

    def _width(self) -> int:
        return self.size.width or self.app.size.width

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys_shown()
        items = list(super().compose())
        room = self._width() - sum(_item_width(i) for i in items if i.action == ALWAYS_SHOWN)
        for item in items:
            if item.action == ALWAYS_SHOWN:
                yield item
                continue
            room -= _item_width(item)
            if room >= 0:
                yield item

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and not self._queued:
            self._queued = True
            self.call_after_refresh(self._rebuild_if_changed)

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._queued:
            self._queued = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._queued = False
        if self.is_attached and self._keys_shown() != self._shown:
            await self.recompose()
