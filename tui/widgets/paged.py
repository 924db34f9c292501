"""An OptionList that shows long histories a page at a time.

Years of daily use make lists of thousands of entries; building, wrapping and
measuring every row would make a tab slow to open. This list renders only the
newest entries and ends with a row that shows more when chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual import on
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.widgets.steady_list import SteadyOptionList

MORE_ID = "paged-list-more"
PAGE = 120

Render = Callable[[Sequence[Any]], list[Option | None]]


class PagedOptionList(SteadyOptionList):
    """OptionList with :meth:`show`: the first ``page`` entries, then "more"."""

    def __init__(self, *args: Any, page: int = PAGE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page = page
        self._items: Sequence[Any] = ()
        self._rows: Render = lambda items: []
        self._limit = page

    def show(
        self,
        items: Sequence[Any],
        render: Render,
        *,
        key: Callable[[Any], str] = lambda item: item.id,
        keep: str | None = None,
    ) -> None:
        """Show ``items`` through ``render`` (entries to options; None is a
        separator), highlighting the option with id ``keep`` when given."""
        self._items, self._rows, self._limit = items, render, self.page
        if keep is not None:
            where = next((n for n, item in enumerate(items) if key(item) == keep), None)
            if where is not None:
                self._limit = max(self._limit, where + 1)
        self._show_page(keep)

    def has_option(self, option_id: str) -> bool:
        """Whether the list shows an option with this id."""
        try:
            self.get_option_index(option_id)
        except OptionDoesNotExist:
            return False
        return True

    def _show_page(self, keep: str | None) -> None:
        options = self._rows(self._items[: self._limit])
        rest = len(self._items) - self._limit
        if rest > 0:
            options = [*options, None, Option(Content(f"▸ {rest:,} earlier — enter shows more"), id=MORE_ID)]
        self.set_options(options)
        if keep is not None:
            try:
                self.highlighted = self.get_option_index(keep)
                return
            except OptionDoesNotExist:
                pass
        self.highlighted = next((n for n, option in enumerate(self.options) if not option.disabled), None)

    @on(OptionList.OptionSelected)
    def _more(self, event: OptionList.OptionSelected) -> None:
        if event.option.id != MORE_ID:
            return
        event.stop()
        index = event.option_index
        self._limit += self.page
        self._show_page(None)
        self.highlighted = min(index, self.option_count - 1)
