"""Days that matter, from the Today tab: the list (add, edit, remove) and the form of one day.

:class:`DaysDialog` lists this person's days still ahead and those the partner shared (read
only: the person whose day it is keeps it); ``a`` adds, enter edits, ``x`` removes (asked first).
:class:`DayDialog` is the form: what kind of day, its date (and a trip's last day), a few words,
whose day it is, and whether it is shared with the partner. It saves through a callback before it
closes, so a refused write keeps everything as typed; esc asks before dropping changes, as every
text dialog does. Every string shown is literal ``Content``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.dialogs.basic import FieldError, FormDialog, parse_date
from tui.domain.occasions import coming_days, whose_words
from tui.model import DAY_KINDS, DayThatMatters
from tui.text import TextError, check_words
from tui.widgets.choice_line import ChoiceLine

KIND_WORDS = {"big": "big day", "hard": "hard day", "away": "away", "news": "good news", "yearly": "yearly"}
SHARE_WORDS = ("keep it here", "share it")


class DayDialog(FormDialog[DayThatMatters | None]):
    """One day that matters: a new one (``day`` None) or one to change."""

    ERROR_ID = "day-error"
    ENTER_SAVES_ON = (ChoiceLine,)
    DRAFT_CHOICES = ("day-kind", "day-whose", "day-share")

    def __init__(
        self,
        *,
        partner: str,
        today: date,
        day: DayThatMatters | None = None,
        new_id: Callable[[], str],
        save: Callable[[DayThatMatters], object] | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self._partner = partner.strip() or "your partner"
        self._today = today
        self._day = day
        self._new_id = new_id
        self._save = save

    def compose(self) -> ComposeResult:
        d = self._day
        kinds = list(DAY_KINDS)
        whose = ("theirs", "mine", "both")
        with Vertical(classes="dialog", id="day-dialog"):
            yield Static(Content("A day that matters" if d is None else "Change this day"), classes="dialog-title")
            yield ChoiceLine([KIND_WORDS[k] for k in kinds], kinds.index(d.kind) if d else 0, id="day-kind")
            with Horizontal(id="day-dates"):
                yield Static(Content("On"), classes="day-label")
                start = (d.day if d else self._today).isoformat()
                yield Input(start, placeholder="2026-12-01", id="day-date", classes="day-date")
                yield Static(Content("until"), classes="day-label", id="day-to-label")
                end = d.end.isoformat() if d and d.end else ""
                yield Input(end, placeholder="last day", id="day-to", classes="day-date")
            yield Input(d.text if d else "", placeholder="In a few words: job interview", id="day-words", max_length=80)
            whose_labels = (f"{self._partner}'s day", "mine", "both of ours")
            yield ChoiceLine(whose_labels, whose.index(d.whose) if d else 0, id="day-whose")
            yield ChoiceLine(SHARE_WORDS, int(d.shared) if d else 0, id="day-share")
            yield from self.form_footer("←/→ choose · tab moves · enter saves · esc closes")

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self._show_to()
        self.query_one("#day-kind", ChoiceLine).focus()

    @property
    def kind(self) -> str:
        return list(DAY_KINDS)[self.query_one("#day-kind", ChoiceLine).chosen]

    def _show_to(self) -> None:
        away = self.kind == "away"
        self.query_one("#day-to", Input).display = away
        self.query_one("#day-to-label", Static).display = away

    @on(ChoiceLine.Changed, "#day-kind")
    def _kind_changed(self) -> None:
        if self.is_mounted:
            self._show_to()
            self.show_error("")

    def _date(self, field: str, what: str) -> date:
        return parse_date(self.query_one(f"#{field}", Input).value, what, field)

    def _draft(self) -> DayThatMatters:
        kind = self.kind
        start = self._date("day-date", "day")
        end = None
        if kind == "away" and self.query_one("#day-to", Input).value.strip():
            end = self._date("day-to", "last day")
            if end < start:
                raise FieldError("The last day of the trip comes before its first.", "day-to")
        try:
            words = check_words(self.query_one("#day-words", Input).value)
        except TextError as exc:
            raise FieldError(str(exc), "day-words") from None
        whose = ("theirs", "mine", "both")[self.query_one("#day-whose", ChoiceLine).chosen]
        shared = bool(self.query_one("#day-share", ChoiceLine).chosen)
        ident = self._day.id if self._day else self._new_id()
        return DayThatMatters(ident, kind, start, words, end if end != start else None, whose, shared)

    def action_save(self) -> None:
        """Save the day, or say what needs changing."""
        try:
            draft = self._draft()
        except FieldError as exc:
            self.show_field_error(exc)
            return
        self.save_and_close(draft, self._save)


class DaysDialog(ModalScreen[None]):
    """The days that matter: this person's own (add, edit, remove) and those the partner shared."""

    BINDINGS = [
        Binding("a", "add", "Add", id="days.add", tooltip="Add a day that matters"),
        Binding("enter", "edit", "Change", id="days.edit", tooltip="Change the day under the cursor"),
        Binding("x,delete", "remove", "Remove", id="days.remove", tooltip="Remove the day (asked first)"),
        Binding("escape", "close", "Close", id="days.close", tooltip="Close"),
    ]

    def __init__(
        self,
        *,
        partner: str,
        today: date,
        mine: Callable[[], list[DayThatMatters]],
        theirs: Callable[[], list[DayThatMatters]],
        save: Callable[[DayThatMatters], object],
        remove: Callable[[DayThatMatters], bool],
        new_id: Callable[[], str],
    ) -> None:
        super().__init__(classes="dialog-screen")
        self._partner, self._today = partner, today
        self._mine, self._theirs, self._save, self._remove, self._new_id = mine, theirs, save, remove, new_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="days-dialog"):
            yield Static(Content("Days that matter"), classes="dialog-title")
            yield Static(
                Content("Their interview, a trip, a birthday: the Today tab suggests a gesture that fits the day."),
                classes="dialog-message",
            )
            yield OptionList(id="days-list")
            yield Static(Content("a adds · enter changes · x removes · esc closes"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#days-list", OptionList).focus()

    def fill(self, keep: str | None = None) -> None:
        """List the days still ahead (and the past ones of this person's, to tidy)."""
        days = self.query_one("#days-list", OptionList)
        days.clear_options()
        mine, theirs = self._mine(), self._theirs()
        ahead = coming_days([*mine, *theirs], self._today)
        ids = {c.day.id for c in ahead}
        past = sorted((d for d in mine if d.id not in ids), key=lambda d: d.day, reverse=True)
        own = {d.id for d in mine}
        if not ahead and not past:
            days.add_option(Option(Content("None yet. Press a to add one."), disabled=True))
        for c in ahead:
            note = ("" if c.day.shared else " · kept here") if c.day.id in own else " · shared with you"
            days.add_option(Option(Content(f"{c.line(self._partner)}{note}"), id=c.day.id))
        for d in past:
            days.add_option(Option(Content(f"past: {whose_words(d, self._partner)}, {d.day.isoformat()}"), id=d.id))
        if keep is not None and keep in ids | own:
            days.highlighted = days.get_option_index(keep)
        elif days.option_count and not days.get_option_at_index(0).disabled:
            days.highlighted = 0

    def _chosen(self) -> DayThatMatters | None:
        days = self.query_one("#days-list", OptionList)
        option = days.highlighted_option
        if option is None or option.id is None:
            return None
        found = {d.id: d for d in self._mine()}.get(option.id)
        if found is None:
            self.notify("This is your partner's day: they keep it, and it counts down here.", markup=False)
        return found

    def action_add(self) -> None:
        """Add a day that matters."""
        self._form(None)

    def action_edit(self) -> None:
        """Change the day under the cursor."""
        if (d := self._chosen()) is not None:
            self._form(d)

    @on(OptionList.OptionSelected, "#days-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def _form(self, d: DayThatMatters | None) -> None:
        def closed(saved: DayThatMatters | None) -> None:
            if saved is None:
                return
            self.fill(keep=saved.id)

        dialog = DayDialog(partner=self._partner, today=self._today, day=d, new_id=self._new_id, save=self._save)
        dialog.draft_key = "day.new" if d is None else f"day:{d.id}"  # its words kept as a draft, as in every editor
        self.app.push_screen(dialog, closed)

    def action_remove(self) -> None:
        """Remove the day under the cursor (asked first)."""
        d = self._chosen()
        if d is None:
            return
        from tui.dialogs.basic import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes and self._remove(d):
                self.fill()

        what = whose_words(d, self._partner)
        self.app.push_screen(ConfirmDialog("Remove this day?", f"{what[:1].upper()}{what[1:]}", yes="Remove"), answered)

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)
