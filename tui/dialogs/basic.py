"""Small typed dialogs shared by the tabs: confirm, one line of text, a choice of outcomes, a form.

Every string shown here is passed as literal ``Content``: user text is never
parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from tui.model import day_out_of_range
from tui.storage import StoreWriteError
from tui.text import TextError
from tui.widgets.button_row import ButtonRow
from tui.widgets.text_dialog import TextDialog


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes/no question; dismisses True for yes."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", show=False, id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", show=False, id="confirm.no"),
    ]

    def __init__(self, title: str, message: str, *, yes: str = "Yes", no: str = "Cancel") -> None:
        super().__init__(classes="dialog-screen")
        self._title, self._message, self._yes, self._no = title, message, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            yield Static(Content(self._message), classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(f"{self._yes} (y)"), variant="error", id="yes")
                yield Button(Content(f"{self._no} (n)"), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class LineDialog(TextDialog[str | None]):
    """Ask for one line of text; ``check`` cleans it or raises TextError.

    Enter or ctrl+s saves; escape closes (asking first when the line was
    changed). ``save(text)`` writes the checked text before the dialog closes;
    a refused line or a failed write (StoreWriteError) keeps the dialog open
    with the reason shown and the text kept. Dismisses the saved text, or
    None when closed without saving. With ``save_on_discard``, choosing
    "discard" drops what was typed but still saves the line the dialog opened
    with (the done note: discarding the note keeps the gesture done).
    """

    def __init__(
        self,
        title: str,
        *,
        value: str = "",
        placeholder: str = "",
        hint: str = "enter saves · esc closes",
        check: Callable[[str], str] | None = None,
        save: Callable[[str], object] | None = None,
        save_on_discard: bool = False,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self._title, self._value, self._placeholder, self._hint = title, value, placeholder, hint
        self._check = check or (lambda text: text)
        self._save = save
        self._save_on_discard = save_on_discard

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            yield Input(self._value, placeholder=self._placeholder, id="line")
            yield Static(Content(""), id="line-error", classes="dialog-error")
            yield Static(Content(self._hint), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submit(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Check the line, write it, and close; on any problem stay open and say why."""
        self._write(self.query_one("#line", Input).value)

    def discard(self) -> bool:
        if not self._save_on_discard:
            return super().discard()
        return self._write(self._value)

    def _write(self, value: str) -> bool:
        try:
            text = self._check(value)
            if self._save is not None:
                self._save(text)
        except (TextError, StoreWriteError) as exc:
            self.query_one("#line-error", Static).update(Content(str(exc)))
            self.query_one("#line", Input).focus()
            return False
        self.dismiss(text)
        return True

    def action_cancel(self) -> None:
        """Close without saving (escape asks first when the line was changed)."""
        self.action_close()


ResultType = TypeVar("ResultType")
Draft = TypeVar("Draft")


class FieldError(TextError):
    """What keeps a form from saving; ``field`` is the id of the input to fix."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def parse_date(text: str, what: str, field: str = "", *, like: str = "2026-12-01") -> date:
    """A date written as year-month-day in the field ``field``; FieldError says how to write it
    otherwise ("Write the last day as year-month-day, like 2026-12-01.") or why it cannot be saved."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise FieldError(f"Write the {what} as year-month-day, like {like}.", field) from None
    if problem := day_out_of_range(day):
        raise FieldError(f"The {what} {problem}.", field)
    return day


class FormDialog(TextDialog[ResultType]):
    """A dialog of fields with Save and Cancel buttons.

    Enter in a text field, enter on one of ``ENTER_SAVES_ON``, ctrl+s or the
    Save button call ``action_save``; escape or Cancel closes, asking first
    when something was changed (:class:`TextDialog`). Subclasses write
    ``action_save``, show problems with ``show_error``, and name their
    choices in ``DRAFT_CHOICES`` (kept in drafts and asked about on escape).
    """

    ERROR_ID: ClassVar[str] = ""
    """The id of the Static that shows what is wrong."""
    ENTER_SAVES_ON: ClassVar[tuple[type[Widget], ...]] = ()
    """Focusable widgets (not text fields) on which enter saves."""

    def form_footer(self, hint: str) -> ComposeResult:
        """The error line, the hint and the Save and Cancel buttons."""
        yield Static(Content(""), id=self.ERROR_ID, classes="dialog-error")
        yield Static(Content(hint), classes="dialog-hint")
        with Horizontal(classes="dialog-buttons"):
            yield Button(Content("Save (ctrl+s)"), variant="primary", id="save")
            yield Button(Content("Cancel (esc)"), id="cancel")

    def action_cancel(self) -> None:
        """Close (asking first when something was changed)."""
        self.action_close()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter" and isinstance(self.focused, self.ENTER_SAVES_ON):
            event.stop()
            self.action_save()

    def show_error(self, text: str) -> None:
        self.query_one(f"#{self.ERROR_ID}", Static).update(Content(text))

    def show_field_error(self, error: FieldError) -> None:
        """Say what is wrong and put the cursor in the field to fix."""
        self.show_error(str(error))
        self.query_one(f"#{error.field}", Input).focus()

    def save_and_close(self: FormDialog[Draft | None], draft: Draft, save: Callable[[Draft], object] | None) -> None:
        """Write ``draft`` through ``save`` (when given), then close with it; a refused write
        (StoreWriteError) is shown and the dialog stays open with everything as typed."""
        if save is not None:
            try:
                save(draft)
            except StoreWriteError as exc:
                self.show_error(str(exc))
                return
        self.dismiss(draft)


# --------------------------------------------------------------------------- choice


_KEY_NAMES = {"escape": "esc", "enter": "enter"}


@dataclass(frozen=True)
class Choice:
    """One way out of a ChoiceDialog: an id, a button label, a key, a variant."""

    id: str
    label: str
    key: str
    variant: str = "default"


class ChoiceDialog(ModalScreen[str | None]):
    """Offer a few outcomes; dismisses the chosen id, or None on escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice.cancel")]

    def __init__(self, title: str, message: str, choices: Sequence[Choice], *, focus: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self._title, self._message, self._choices = title, message, tuple(choices)
        self._focus = focus or (self._choices[0].id if self._choices else "")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog choice-dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            yield Static(Content(self._message), classes="dialog-message")
            with ButtonRow(classes="dialog-buttons"):  # a label may hold a long name: they stack if need be
                for choice in self._choices:
                    yield Button(
                        Content(f"{choice.label} ({_KEY_NAMES.get(choice.key, choice.key)})"),
                        variant=choice.variant,  # type: ignore[arg-type]
                        id=f"choice-{choice.id}",
                    )

    def on_mount(self) -> None:
        if self._focus:
            self.query_one(f"#choice-{self._focus}", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def on_key(self, event: events.Key) -> None:
        for choice in self._choices:
            if event.key == choice.key:
                event.stop()
                self.dismiss(choice.id)
                return

    def action_cancel(self) -> None:
        """Close without doing anything."""
        self.dismiss(None)
