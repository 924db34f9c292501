"""An OptionList that shows long histories a page at a time.

Years of daily use make lists of thousands of entries; building and measuring
every row would make a tab slow to open. This list shows the newest rows and
ends with a row that shows more when chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

MORE_ID = "paged-list-more"
PAGE = 120


class PagedOptionList(OptionList):
    """OptionList with ``show_rows``: the first ``PAGE`` rows, then "more"."""

    def __init__(self, *args: object, page: int = PAGE, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.page = page
        self._rows: list[Option | None] = []
        self._limit = page

    def show_rows(self, rows: Sequence[Option | None], *, keep: str | None = None) -> None:
        """Show ``rows`` (None is a separator), highlighting ``keep`` if given."""
        self._rows = list(rows)
        self._limit = self.page
        if keep is not None:
            where = next((n for n, row in enumerate(self._rows) if row is not None and row.id == keep), None)
            if where is not None:
                self._limit = max(self._limit, where + 1)
        self._render_rows(keep)

    def _render_rows(self, keep: str | None) -> None:
        shown = self._rows[: self._limit]
        rest = sum(1 for row in self._rows[self._limit :] if row is not None and row.id and not row.disabled)
        if rest:
            shown = [*shown, None, Option(Content(f"▸ {rest:,} earlier — enter shows more"), id=MORE_ID)]
        self.set_options(shown)
        if keep is not None:
            try:
                self.highlighted = self.get_option_index(keep)
                return
            except OptionDoesNotExist:
                pass
        first = next((n for n, row in enumerate(self.options) if not row.disabled), None)
        self.highlighted = first

    @on(OptionList.OptionSelected)
    def _more(self, event: OptionList.OptionSelected) -> None:
        if event.option.id != MORE_ID:
            return
        event.stop()
        index = event.option_index
        self._limit += self.page
        self._render_rows(None)
        self.highlighted = min(index, self.option_count - 1)
