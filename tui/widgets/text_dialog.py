"""One rule for every dialog that takes text.

:class:`TextDialog` is the base of the welcome and settings, the done note,
the ritual and grace-day forms and the gratitude and answer editors:

- ``ctrl+s`` saves (and enter in a one-line field, where the dialog has one);
- ``escape`` closes at once when nothing was changed, and otherwise asks
  (:class:`CloseDialog`): keep editing, discard, or save;
- quitting (``q``, ``ctrl+q``) over changed words asks the same question;
  "save" saves and then quits, "discard" quits, "keep editing" stays.

A subclass writes ``action_save`` (dismissing only once the words are saved)
and, when its state is more than its ``Input`` fields, ``snapshot``.

Drafts: changed words are kept on disk (``Host.drafts``) a moment after the
typing stops and when the app is told to end (``keep_draft``), with the
dialog's choices (``DRAFT_CHOICES``: a ritual's days and whether it is shared,
a day's kind, ...); the next time the same editor (``draft_key``) opens, it
holds them again, words and choices, under a line that says they are a draft.
Saving or closing the dialog forgets its draft; a draft is never saved as an
entry by itself.

A field that gets focus keeps its text and puts the cursor at the end (never
select-all), so a key typed to add to a name adds to it.
Every string shown here is literal ``Content``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Protocol, TypeVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Input, Static

from tui.domain.drafts import home_of, what
from tui.format import short_day
from tui.host import host_of
from tui.widgets.choice_line import ChoiceLine

ResultType = TypeVar("ResultType")

DRAFT_DELAY = 0.8
"""Seconds after the last change before the words are kept as a draft."""


class DraftChoice(Protocol):
    """A choice a draft keeps (a ChoiceLine, the ritual's days and its shared switch)."""

    @property
    def draft_value(self) -> Any:
        """The choice as a plain JSON value."""

    def restore_draft(self, value: object) -> None:
        """Choose what a draft kept; a value that does not fit leaves the choice as it is."""


class CloseDialog(ModalScreen[str]):
    """Asked when words are not saved yet: keep editing, discard or save.

    Dismisses "keep", "discard" or "save". When ``quitting``, discard and save
    say that the app quits after them.
    """

    BINDINGS = [
        Binding("k,escape", "choose('keep')", "Keep editing", id="editor.close.keep"),
        Binding("d", "choose('discard')", "Discard", id="editor.close.discard"),
        Binding("s", "choose('save')", "Save", id="editor.close.save"),
    ]

    def __init__(self, *, quitting: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self._quitting = quitting

    def compose(self) -> ComposeResult:
        then = " and quit" if self._quitting else ""
        with Vertical(classes="dialog", id="close-dialog"):
            yield Static(Content("You have changes that are not saved yet."), classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Keep editing (k)"), id="keep", variant="primary")
                yield Button(Content(f"Discard{then} (d)"), id="discard", variant="error")
                yield Button(Content(f"Save{then} (s)"), id="save", variant="success")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "keep")

    def action_choose(self, choice: str) -> None:
        """Close the question with one of the three choices."""
        self.dismiss(choice)


class TextDialog(ModalScreen[ResultType]):
    """A dialog that takes text: ctrl+s saves, escape asks first when there are changes."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="text.save", tooltip="Save and close"),
        Binding(
            "escape",
            "close",
            "Close",
            id="text.close",
            tooltip="Close (asks first when there are changes)",
            priority=True,
        ),
    ]

    _opened_with: object = None
    _quitting = False
    _early = ""
    """Characters typed in the same read as the key that opened the dialog, waiting for its field."""
    _through: tuple[events.Key, ...] = ()
    """The last keys that came through the dialog itself (on its own fields, buttons or lists): in a burst,
    several pass through the dialog before the App sees the first of them, and none may be taken as early text."""
    _start_texts: dict[object, str] = {}
    """Each field's text when the dialog opened."""
    draft_key = ""
    """Which editor this is, for its draft ("note.new", "answer:ID"); by default its kind and title."""
    draft_place = ""
    draft_home = ""
    draft_year: int | None = None
    """The year of the dated entry this editor edits (a note, an answer): read first to find it."""
    """The editor of a new entry that offers this draft's words if its entry is gone (by default, by
    its kind: tui/domain/drafts.py; an answer's names its prompt's)."""
    """Where the draft was written, in words (by default the dialog's title)."""
    DRAFT_CHOICES: ClassVar[tuple[str, ...]] = ()
    """The ids of the dialog's choices (each a :class:`DraftChoice`), kept in its draft with its words."""
    _draft_timer: Timer | None = None
    _draft_failed = False
    _draft_elsewhere = False
    """The draft under this editor's key is for an entry gone since: this editor leaves it alone."""

    def on_key(self, event: events.Key) -> None:
        if self.focused is None and self.keep_typed(event):  # before any field has focus
            event.prevent_default()
            event.stop()
        else:
            self._through = (*self._through[-63:], event)

    def keep_typed(self, event: events.Key) -> bool:
        """Keep a character typed (or pasted) in the same read as the key that opened the dialog, for
        its field: it reaches the dialog before a field has focus, or the App by way of the screen
        below, as Textual routes each queued key through the focus it found (MicroRomanceApp.on_key)."""
        if any(event is seen for seen in self._through) or not (event.is_printable and event.character):
            return False
        self._early += event.character
        self.call_after_refresh(self._type_early)
        return True

    def _type_early(self, tries: int = 0) -> None:
        field, text = self.focused, self._early
        if not text:
            return
        if field is None:
            if tries < 20:  # the field takes focus once mounted
                self.call_after_refresh(self._type_early, tries + 1)
            return
        self._early = ""
        # Before whatever reached the field itself since (it came later): where its text ended when opened.
        start = self._start_texts.get(field)
        if start:  # a field that opened holding text (a name): the key was repeated ("ss"), not typed for it
            return
        if isinstance(field, Input):
            at, cursor = (field.cursor_position if start is None else len(start)), field.cursor_position
            field.insert(text, at)
            field.cursor_position = cursor + len(text) if cursor >= at else cursor
        elif hasattr(field, "insert"):  # the note editor's TextArea (loaded with the editor, not here)
            lines = (start or "").split("\n")
            field.insert(text, None if start is None else (len(lines) - 1, len(lines[-1])))

    def snapshot(self) -> object:
        """What the user can change, to tell whether anything was: every field's text and every
        choice a draft keeps (``DRAFT_CHOICES``), so esc asks when only a choice changed."""
        return (tuple(field.value for field in self.query(Input)), tuple(self.draft_choices().values()))

    def on_mount(self) -> None:
        # Runs after a subclass's own on_mount (Textual calls the subclass first),
        # so what it filled in counts as the starting point.
        self._opened_with = self.snapshot()
        self._start_texts = {f: f.value if isinstance(f, Input) else f.text for f in self.query("Input, TextArea")}
        for field in self.query(Input):
            field.select_on_focus = False
            field.cursor_position = len(field.value)
        self._offer_draft()

    # ------------------------------------------------------------ drafts

    @property
    def draft_id(self) -> str:
        return self.draft_key or f"{type(self).__name__}:{self._dialog_title()}"

    def _dialog_title(self) -> str:
        return str(getattr(self, "_title", "") or getattr(self, "TITLE_TEXT", ""))

    def draft_fields(self) -> dict[str, str]:
        """The words in the dialog's fields, by field id."""
        return {
            field.id: field.value if isinstance(field, Input) else field.text
            for field in self.query("Input, TextArea")
            if field.id
        }

    def draft_choices(self) -> dict[str, Any]:
        """The dialog's choices besides its words, by widget id, as plain JSON values."""
        return {name: cast(DraftChoice, self.query_one(f"#{name}")).draft_value for name in self.DRAFT_CHOICES}

    def restore_choices(self, choices: Mapping[str, Any]) -> None:
        """Choose again what a draft kept, by widget id; a value that does not fit is left as the dialog opened."""
        for name in self.DRAFT_CHOICES:
            if name in choices:
                cast(DraftChoice, self.query_one(f"#{name}")).restore_draft(choices[name])

    def _offer_draft(self) -> None:
        """Open holding the words and choices of this editor's draft, under a line that says so; a new
        entry's editor without one offers the words of a draft whose entry is gone (once: they are its now)."""
        host = host_of(self)
        drafts, homeless = host.drafts, ""
        draft = drafts.get(self.draft_id)

        def entry(kind: str, entry_id: str, year: int | None) -> object:
            return host.store.entry(kind, entry_id, year=year)

        if draft is not None and drafts.gone(self.draft_id, entry):  # opened on an entry gone since (a late list)
            try:  # its words go to a new one's editor now, so this editor keeps its own words as any does
                if home := home_of(self.draft_id, draft.home):
                    drafts.move(self.draft_id, home, draft.place)
            except OSError:
                pass
            # not handed over (that editor holds words of its own): they wait, never shown, kept or dropped here
            self._draft_elsewhere = drafts.get(self.draft_id) is not None
            return
        try:
            if draft is None and (homeless := drafts.homeless(self.draft_id, entry)):
                drafts.move(homeless, self.draft_id, self.draft_place or self._dialog_title() or "a dialog")
                draft = drafts.get(self.draft_id)
            elif draft is not None:
                drafts.seen(self.draft_id)  # offered: it is not an old draft nobody looks at
        except OSError:
            pass  # a draft of its own is offered all the same; one whose entry is gone waits where it was
        if draft is None:
            return
        choices = self.draft_choices()
        same_words = all(self.draft_fields().get(field_id, text) == text for field_id, text in draft.fields.items())
        if same_words and draft.choices in (None, choices):
            try:  # the words are what the dialog opens with anyway (saved since): nothing to offer
                drafts.drop(self.draft_id)
            except OSError:
                pass
            return
        if draft.choices is not None:
            self.restore_choices(draft.choices)
        for field in self.query("Input, TextArea"):  # by id, never a selector made from the file's words
            text = draft.fields.get(field.id or "")
            if text is None:
                continue
            if isinstance(field, Input):
                field.value = text
                field.cursor_position = len(text)
            else:  # the note editor's TextArea (named by its type, so it loads with the editor, not here)
                field.load_text(text)
                field.move_cursor(field.document.end)
        when = f"{short_day(draft.kept.date())} at {draft.kept:%H:%M}"
        text = f"A draft from {when}, not saved yet: ctrl+s saves it, esc asks before letting it go."
        if homeless:
            thing = what(homeless)
            text = (
                f"Words from {when}, written for a {thing} that is gone since: ctrl+s saves them "
                f"as a new {thing}, esc asks before letting them go."
            )
        if draft.choices is None and choices:  # kept before choices were: only its words came back
            text += " Only its words were kept: look over the choices before saving."
        note = Static(Content(text), classes="draft-note")
        titles = self.query(".dialog-title, #editor-title, .settings-title")
        if titles:
            titles.first().parent.mount(note, after=titles.first())  # type: ignore[union-attr]
        elif self.children:
            self.children[0].mount(note, before=0)

    @on(Input.Changed)
    @on(ChoiceLine.Changed)
    def keep_draft_soon(self) -> None:  # the note editor calls it on its TextArea's changes
        """Keep the words and choices as a draft once the changes pause (a timer restarted on each change)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self.keep_draft, name="draft")

    def keep_draft(self) -> None:
        """Keep the changed words and choices as this editor's draft now (or forget it when nothing changed)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if not self.is_mounted or self._draft_elsewhere:
            return
        drafts = host_of(self).drafts
        fields, choices = self.draft_fields(), self.draft_choices()
        try:
            if not self.changed:
                drafts.drop(self.draft_id)
            elif (kept := drafts.get(self.draft_id)) is None or (kept.fields, kept.choices) != (fields, choices):
                place = self.draft_place or self._dialog_title() or "a dialog"
                drafts.keep(self.draft_id, fields, place, choices, self.draft_home, self.draft_year)
        except OSError as exc:
            if not self._draft_failed:
                self._draft_failed = True
                self.notify(
                    f"Your words could not be kept as a draft ({exc.strerror or exc}); ctrl+s saves them.",
                    title="No draft",
                    severity="warning",
                    markup=False,
                )

    def _forget_draft(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if self._draft_elsewhere:
            return
        try:
            host_of(self).drafts.drop(self.draft_id)
        except OSError:
            pass  # the words were saved or let go; an old draft offered again says it is a draft

    @property
    def changed(self) -> bool:
        """True when something differs from what the dialog opened with."""
        return self.is_mounted and self.snapshot() != self._opened_with

    def action_save(self) -> None:
        raise NotImplementedError

    def leave(self) -> None:
        """Close without saving (a subclass may dismiss another value)."""
        self.dismiss(None)

    def discard(self) -> bool:
        """Drop the changes ("discard" in the question); False when the dialog stays open."""
        self.leave()
        return True

    def action_close(self, quitting: bool = False) -> None:
        """Close when nothing changed; otherwise ask what to do with the changes."""
        if not self.changed:
            self.leave()
            if quitting:
                self.app.exit()
            return
        self.app.push_screen(CloseDialog(quitting=quitting), lambda choice: self._after_question(choice, quitting))

    def _after_question(self, choice: str | None, quitting: bool) -> None:
        if choice == "discard":
            if self.discard() and quitting:
                self.app.exit()
        elif choice == "save":
            self._quitting = quitting
            try:
                self.action_save()  # stays open, with the reason shown, when it cannot save
            finally:
                self._quitting = False
        else:
            self.focus_field()

    def focus_field(self) -> None:
        """Put the cursor back in the first field (after "keep editing")."""
        fields = self.query(Input)
        if fields:
            fields.first().focus()

    def dismiss(self, result: Any = None) -> Any:
        self._forget_draft()  # saved, or closed on purpose
        done = super().dismiss(result)
        if self._quitting:
            self.app.exit()  # saved: now quit, as asked
        return done
