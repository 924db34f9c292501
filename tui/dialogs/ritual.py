"""The ritual dialog of the Rituals tab: a ritual's name, the days it happens on, and
whether it is shared with the partner or personal (Together).

Every string shown here is literal ``Content``: a ritual's name is never
parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.dialogs.basic import FormDialog
from tui.format import EVERY_DAY, SHORT_DAY_NAMES, schedule_label
from tui.text import TextError, check_name

# --------------------------------------------------------------------------- days


class DayPicker(Widget, can_focus=True):
    """Seven days on one line: left/right move, space ticks a day, e every day."""

    BINDINGS = [
        Binding("left,h", "move(-1)", "Previous day", show=False),
        Binding("right,l", "move(1)", "Next day", show=False),
        Binding("space", "toggle", "Tick day", show=False),
        Binding("e", "every_day", "Every day", show=False),
    ]

    CELL = 7
    """Cells per day: "[x]Mon" and a space."""

    chosen: reactive[frozenset[int]] = reactive(frozenset(EVERY_DAY))
    """The days ticked (Monday=0)."""
    cursor: reactive[int] = reactive(0)
    """The day the cursor is on."""

    @dataclass
    class Changed(Message):
        """The chosen days changed."""

        picker: DayPicker
        days: frozenset[int]

    def __init__(self, days: Iterable[int] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        chosen = frozenset(days) or frozenset(EVERY_DAY)
        self.set_reactive(DayPicker.chosen, chosen)

    def render(self) -> Content:
        parts: list[str | tuple[str, str]] = []
        for day, name in enumerate(SHORT_DAY_NAMES):
            mark = "[x]" if day in self.chosen else "[ ]"
            style = "bold $success" if day in self.chosen else "$foreground-muted"
            if self.has_focus and day == self.cursor:
                style += " reverse"
            parts.append((f"{mark}{name}", style))
            parts.append(" ")
        return Content.assemble(*parts)

    def watch_chosen(self, days: frozenset[int]) -> None:
        self.post_message(self.Changed(self, days))

    @property
    def draft_value(self) -> list[int]:
        """The days ticked, as a draft keeps them (Monday=0)."""
        return sorted(self.chosen)

    def restore_draft(self, value: object) -> None:
        """Tick the days a draft kept; anything but a list of days leaves them as they are."""
        if isinstance(value, list) and all(type(day) is int and 0 <= day < 7 for day in value):
            self.chosen = frozenset(value)

    def action_move(self, step: int) -> None:
        """Move the cursor to the previous or next day."""
        self.cursor = (self.cursor + step) % 7

    def action_toggle(self) -> None:
        """Tick or untick the day under the cursor."""
        self.chosen = self.chosen ^ {self.cursor}

    def action_every_day(self) -> None:
        """Tick all seven days."""
        self.chosen = frozenset(EVERY_DAY)

    def on_click(self, event: events.Click) -> None:
        day = event.x // self.CELL
        if 0 <= day < 7:
            self.cursor = day
            self.action_toggle()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class SharedChoice(Widget, can_focus=True):
    """ "[x] Shared with your partner" or "[ ] ... personal": space (or a click) switches."""

    BINDINGS = [Binding("space", "toggle", "Shared or personal", show=False)]

    shared: reactive[bool] = reactive(True)

    @dataclass
    class Changed(Message):
        """Switched between shared and personal."""

        choice: SharedChoice
        shared: bool

    def __init__(self, shared: bool = True, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(SharedChoice.shared, shared)

    def render(self) -> Content:
        if self.shared:
            text = "[x] Shared with your partner"
        else:
            text = "[ ] Shared with your partner: personal, your devices only"
        return Content.styled(text, "reverse" if self.has_focus else "")

    def watch_shared(self, shared: bool) -> None:
        self.post_message(self.Changed(self, shared))

    @property
    def draft_value(self) -> bool:
        """Shared (True) or personal (False), as a draft keeps it."""
        return self.shared

    def restore_draft(self, value: object) -> None:
        """Share or keep personal as a draft kept it; anything but true or false leaves it as it is."""
        if isinstance(value, bool):
            self.shared = value

    def action_toggle(self) -> None:
        """Share the ritual with your partner, or keep it personal."""
        self.shared = not self.shared

    def on_click(self) -> None:
        self.action_toggle()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


# --------------------------------------------------------------------------- add / edit


@dataclass(frozen=True)
class RitualDraft:
    """What the ritual dialog returns: a checked name and its weekdays."""

    name: str
    weekdays: tuple[int, ...]
    """Empty means every day."""
    personal: bool = False
    """Kept to this person's own devices, not shared with the partner."""


class RitualDialog(FormDialog[RitualDraft | None]):
    """Ask for a ritual's name and the days it happens on."""

    ERROR_ID = "ritual-error"
    ENTER_SAVES_ON = (DayPicker, SharedChoice)
    DRAFT_CHOICES = ("ritual-days", "ritual-shared")

    def __init__(
        self,
        title: str,
        *,
        name: str = "",
        weekdays: Sequence[int] = (),
        personal: bool = False,
        taken: Callable[[str], str | None] | None = None,
        save: Callable[[RitualDraft], object] | None = None,
    ) -> None:
        """``taken(name)`` returns a reason when the name is already used, else None.

        ``save(draft)`` writes the ritual before the dialog closes; when it raises
        StoreWriteError the reason is shown and the dialog stays open with the
        text as typed, so nothing is lost.
        """
        super().__init__(classes="dialog-screen")
        self._title, self._name, self._weekdays = title, name, tuple(weekdays)
        self._personal = personal
        self._taken = taken or (lambda name: None)
        self._save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="ritual-dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            yield Input(self._name, placeholder="e.g. Tea together after work", id="ritual-name")
            yield Static(Content("Which days?"), classes="ritual-days-label")
            yield DayPicker(self._weekdays, id="ritual-days")
            yield Static(Content(""), id="ritual-schedule", classes="ritual-schedule")
            yield SharedChoice(not self._personal, id="ritual-shared")
            yield from self.form_footer("enter saves · tab: days, shared (space ticks) · esc closes")

    def on_mount(self) -> None:
        name = self.query_one("#ritual-name", Input)
        name.cursor_blink = False
        name.focus()
        self._show_schedule(self.query_one(DayPicker).chosen)

    def _show_schedule(self, days: frozenset[int]) -> None:
        text = f"Happens {schedule_label(days)}." if days else "No day chosen yet."
        self.query_one("#ritual-schedule", Static).update(Content(text))

    @on(DayPicker.Changed)
    def _days_changed(self, event: DayPicker.Changed) -> None:
        self._show_schedule(event.days)
        self.keep_draft_soon()

    @on(SharedChoice.Changed)
    def _shared_changed(self) -> None:
        self.keep_draft_soon()

    def action_save(self) -> None:
        """Save the ritual, or say what is missing."""
        try:
            name = check_name(self.query_one("#ritual-name", Input).value)
        except TextError as exc:
            self.show_error(str(exc))
            self.query_one("#ritual-name", Input).focus()
            return
        reason = self._taken(name)
        if reason:
            self.show_error(reason)
            self.query_one("#ritual-name", Input).focus()
            return
        days = self.query_one(DayPicker).chosen
        if not days:
            self.show_error("Choose at least one day (all seven means every day).")
            self.query_one(DayPicker).focus()
            return
        weekdays = () if days == frozenset(EVERY_DAY) else tuple(sorted(days))
        draft = RitualDraft(name=name, weekdays=weekdays, personal=not self.query_one(SharedChoice).shared)
        self.save_and_close(draft, self._save)
