"""The multi-line editor shared by the Gratitude and Prompts tabs.

``EditorScreen`` is a modal with a ``TextArea``. The tab that opens it passes a
``save`` callback that performs the store write; the editor checks the text
with :func:`tui.text.check_note` first and calls ``save`` with the cleaned
text. Whatever goes wrong (empty text, too long, a failed write) is shown
inside the editor, which stays open with every word still in it: nothing is
ever cut or dropped silently.

Keys, as in every dialog that takes text (:class:`tui.widgets.text_dialog.TextDialog`):
``ctrl+s`` saves; ``escape`` closes when nothing changed, and otherwise asks
whether to keep editing, discard or save (:class:`CloseDialog`).
Every string shown here is passed as literal ``Content``: never markup.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static, TextArea

from tui.errors import StoreWriteError
from tui.text import MAX_CHARS, TextError, check_note
from tui.widgets.text_dialog import CloseDialog, TextDialog

__all__ = ["CloseDialog", "EditorScreen", "count_label"]

SaveFunction = Callable[[str], object]
"""Writes the cleaned text to the store; raises TextError or StoreWriteError."""


def count_label(length: int, limit: int = MAX_CHARS) -> str:
    """The live character count, e.g. "1,234 / 10,000"; past the limit it says so in words."""
    if length > limit:
        return f"{length:,} / {limit:,} · {length - limit:,} over the limit"
    return f"{length:,} / {limit:,}"


class EditorScreen(TextDialog[str | None]):
    """Write or edit a few lines of text; dismisses the saved text or None.

    ``save`` receives the cleaned text and writes it (raising TextError or
    StoreWriteError when it cannot); the editor closes only after it returned.
    """

    def __init__(
        self,
        title: str,
        save: SaveFunction,
        *,
        text: str = "",
        hint: str = "ctrl+s saves · esc closes · tab types a tab",
        limit: int = MAX_CHARS,
    ) -> None:
        super().__init__(classes="editor-screen")
        self._title = title
        self._save = save
        self._initial = text
        self._hint = hint
        self._limit = limit
        self._error = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="editor-dialog"):
            yield Static(Content(self._title), id="editor-title")
            area = TextArea(self._initial, soft_wrap=True, tab_behavior="indent", id="editor-text")
            area.indent_type = "tabs"
            yield area
            yield Static(Content(""), id="editor-error")
            with Horizontal(id="editor-footer"):
                yield Static(Content(self._hint), id="editor-hint")
                yield Static(Content(count_label(len(self._initial), self._limit)), id="editor-count")

    def on_mount(self) -> None:
        area = self.text_area
        area.focus()
        area.move_cursor(area.document.end)
        self._update_count()

    # ------------------------------------------------------------ state

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#editor-text", TextArea)

    @property
    def text(self) -> str:
        """The text as it is in the editor right now."""
        return self.text_area.text

    def snapshot(self) -> object:
        return self.text

    @property
    def changed(self) -> bool:
        """True when the text differs from what the editor opened with."""
        return self.is_mounted and self.text != self._initial

    def focus_field(self) -> None:
        self.text_area.focus()

    @property
    def error(self) -> str:
        """The message shown under the text ("" when none)."""
        return self._error

    def show_error(self, message: str) -> None:
        self._error = message
        error = self.query_one("#editor-error", Static)
        error.update(Content(message))
        error.set_class(bool(message), "-shown")

    def _update_count(self) -> None:
        length = len(self.text)
        count = self.query_one("#editor-count", Static)
        count.update(Content(count_label(length, self._limit)))
        count.set_class(length > self._limit, "-over")

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        self._update_count()
        self.keep_draft_soon()
        if self.error:
            self.show_error("")

    # ------------------------------------------------------------ actions

    def action_save(self) -> None:
        """Check the text, write it, and close; on any problem stay open and say why."""
        try:
            cleaned = check_note(self.text, limit=self._limit)
            self._save(cleaned)
        except (TextError, StoreWriteError) as exc:
            self.show_error(str(exc))
            self.text_area.focus()
            return
        self.dismiss(cleaned)
