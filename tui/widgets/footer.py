"""The footer: Textual's, with each set of keys built once and shown again.

Textual's footer rebuilds itself (one new widget per key, each styled anew)
every time the bindings might have changed: on every focus change, every
highlight that refreshes bindings, once for each such event even within one
refresh. A tab switch set that off a dozen times, most of the cost of a
switch. This one looks at what it would show at most once per refresh,
before the next frame, and only when the keys, their labels, their state or
the width differ from what is on screen does it change anything: a set of
keys it has shown lately (switching back to a tab) is shown again as it was
built; only a new set is built.

On a narrow terminal it shows only the keys that fit whole, in the order the
bindings give (most used first), and always the help key, instead of cutting
the last one mid-word.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


def shown(node: object, binding: Binding) -> bool:
    """Whether the footer shows ``binding``: ``show``, or its node says so now (``footer_shows``:
    a key that matters only in some states, like p to share once paired)."""
    if binding.show:
        return True
    ask = getattr(node, "footer_shows", None)
    return bool(ask is not None and ask(binding))


ALWAYS_SHOWN = "help"
"""The action whose key the footer keeps whatever the width."""

ROWS_KEPT = 8
"""Sets of keys kept built (hidden) to be shown again: a few per tab."""


def _item_width(item: FooterKey) -> int:
    """The cells a key takes: " key " then "label " (Textual's padding)."""
    return cell_len(item.key_display) + cell_len(item.description) + 3


class KeyRow(HorizontalGroup):
    """One set of keys, as the footer shows them side by side."""

    DEFAULT_CSS = """
    KeyRow {
        height: 1;
    }
    """


class Footer(TextualFooter):
    """The key bar at the bottom of a screen."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._shown: Hashable = None
        self._rows: dict[Hashable, KeyRow] = {}
        """The sets of keys built, by what they show, the least recently shown first."""
        self._queued = False

    def _keys_shown(self) -> Hashable:
        """Everything the footer's look depends on, besides its own reactives."""
        app = self.app
        keys = tuple(
            (b.key, app.get_key_display(b), b.description, b.action, enabled, tooltip, b.group)
            for (node, b, enabled, tooltip) in self.screen.active_bindings.values()
            if shown(node, b) or b.key == app.COMMAND_PALETTE_BINDING
        )
        return keys, self.compact, self.show_command_palette, self._width()

    def _width(self) -> int:
        return self.size.width or self.app.size.width

    def compose(self) -> ComposeResult:
        self._rows.clear()
        if not self._bindings_ready:
            return
        self._shown = self._keys_shown()
        row = self._rows[self._shown] = KeyRow(*self._keys())
        yield row

    def _keys(self) -> list[FooterKey]:
        """A key per action shown, as Textual's footer makes them, that fit the width.

        (Binding groups, which Textual's footer draws apart, are not used here.)
        """
        app, compact = self.app, self.compact
        active = self.screen.active_bindings
        items: list[FooterKey] = []
        actions: set[str] = set()
        for node, binding, enabled, tooltip in active.values():
            if not shown(node, binding) or binding.action in actions:
                continue
            actions.add(binding.action)
            items.append(
                FooterKey(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    disabled=not enabled,
                    tooltip=tooltip,
                )
            )
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, tooltip = active[app.COMMAND_PALETTE_BINDING]
            items.append(
                FooterKey(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    classes="-command-palette",
                    disabled=not enabled,
                    tooltip=binding.tooltip or binding.description,
                )
            )
        for item in items:
            if item.has_class("-command-palette"):
                continue  # compact whatever the footer's style, as in Textual's footer
            # Born in the footer's style (Textual's starts compact, then follows the footer's
            # value, restyled twice on mount); a footer whose style changes builds new keys.
            item.set_reactive(FooterKey.compact, compact)
            item.set_class(compact, "-compact", update=False)
        room = self._width() - sum(_item_width(i) for i in items if i.action == ALWAYS_SHOWN)
        fitting = []
        for item in items:
            if item.action != ALWAYS_SHOWN:
                room -= _item_width(item)
                if room < 0:
                    continue
            fitting.append(item)
        return fitting

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
            if self._shown is None:  # the screen's first keys: after its first frame, not delaying it
                self.call_after_refresh(self._rebuild_if_changed)
            else:  # before the next frame: a tab switch paints its keys with the tab
                self.call_later(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._queued = False
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown == self._shown:
            return
        async with self.batch():  # no frame between hiding one set and showing the next
            row = self._rows.pop(shown, None)
            if row is None:
                row = KeyRow(*self._keys())
                row.display = False
                await self.mount(row)
            self._rows[shown] = row  # the most recently shown last
            for other in self._rows.values():
                other.display = other is row
            self._shown = shown
            while len(self._rows) > ROWS_KEPT:
                await self._rows.pop(next(iter(self._rows))).remove()
