"""The header: Textual's, with a sub-title that shortens by whole clauses, never mid-word."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import Header as TextualHeader
from textual.widgets._header import HeaderTitle


def fitting(title: str, sub_title: str, width: int) -> str:
    """``sub_title`` shortened to fit beside ``title`` in ``width`` cells (wide characters,
    as in a partner's name written in Japanese, take two).

    Trailing clauses (after ", ") go first, then a leading label ("together: "), whose words
    matter less than the last ones ("shared folder missing" kept whole, never "together: shared
    folder"), then trailing words; what is left is always whole words, with no ellipsis. Nothing
    fits: no sub-title.
    """
    room = width - cell_len(title) - 3  # " — "
    if cell_len(sub_title) <= room:
        return sub_title
    clauses = sub_title.split(", ")
    while len(clauses) > 1:
        clauses.pop()
        if cell_len(", ".join(clauses)) <= room:
            return ", ".join(clauses)
    _label, labelled, said = clauses[0].partition(": ")
    if labelled and cell_len(said) <= room:
        return said
    words = clauses[0].split()
    while words and cell_len(" ".join(words)) > room:
        words.pop()
    return " ".join(words)


class Header(TextualHeader):
    """The top line: icon, title and the sub-title that fits."""

    def format_title(self) -> Content:
        title, sub_title = self.screen_title, self.screen_sub_title
        if sub_title:
            try:
                width = self.query_one(HeaderTitle).content_region.width
            except NoMatches:  # not composed yet
                width = 0
            if width:
                sub_title = fitting(title, sub_title, width)
        return self.app.format_title(title, sub_title)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._retitle)

    def _retitle(self) -> None:
        if self.is_attached:
            self.query_one(HeaderTitle).update(self.format_title())
