"""An OptionList that keeps its drawn rows when it is shown again at the same width."""

from __future__ import annotations

from textual import events
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import OptionList


class SteadyOptionList(OptionList):
    """An ``OptionList`` that a tab switch does not make measure and draw every row again.

    Textual sends a widget a resize each time it is shown, and the option list
    answers every resize by dropping the rows it has measured and drawn; a list
    of a few hundred rows then costs a frame of its own each time its tab comes
    back (and twice on its first showing). The rows depend on the width only, so
    at the width they were measured at they are kept.
    """

    _rows_width: int | None = None
    """The width the rows in the list's caches were measured at (None: unknown)."""

    _strips_width: int | None = None
    """The width the drawn rows (strips) in the cache were drawn at."""

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        if not self._line_cache.lines:  # every row is about to be measured, at this width
            self._rows_width = width
        if width != self._strips_width:
            # A scrollbar came or went with no resize (a row added to a list one row too short until the
            # next layout): rows drawn at the other width would stay cut until each is drawn again.
            self._option_render_cache.clear()
            self._strips_width = width
        return super().render_lines(crop)

    def _on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if width == self._rows_width:
            event.prevent_default()  # OptionList's own handler would drop every row
            return
        self._rows_width = width

    def expect_size(self, size: Size) -> None:
        """Before the list is first shown: take on the scrollbar its rows will need in a
        region of ``size``, when they certainly overflow it.

        Textual measures an option list's rows on its first paint; a list found longer than
        its region then gets its scrollbar in a second layout, a frame later (about 30 ms
        more on a first visit to a tab). Rows of one line each (``text-wrap: nowrap``) are
        as many lines as options, whatever the width, so the virtual size and the scrollbar
        can be set before that first paint, as the paint would set them.
        """
        if self.size or not size or self.option_count <= size.height or self.styles.text_wrap != "nowrap":
            return
        styles = self.styles
        width = size.width - styles.margin.width - styles.gutter.width - styles.scrollbar_size_vertical
        if width <= 0:
            return
        lines = self.get_content_height(size, size, width)
        self.show_vertical_scrollbar = True
        self.virtual_size = Size(width, lines)
