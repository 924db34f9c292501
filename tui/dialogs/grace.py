"""Mark grace days: a day or a range when rituals rest and streaks pause.

The dialog asks why (travel, illness, a hard week, or in the user's own words)
and for which days (the day viewed on the Rituals tab by default). It saves
through a callback before it closes, so a refused write keeps it open with
everything as typed. Every string shown is literal ``Content``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from tui.dialogs.basic import FieldError, FormDialog, parse_date
from tui.format import short_day
from tui.text import TextError, check_line
from tui.widgets.choice_line import ChoiceLine

REASONS = ("travel", "illness", "a hard week", "other")
"""The reasons offered; "other" asks for a few words instead."""
OTHER = "other"

REASON_LIMIT = 40
"""The longest reason in the user's own words."""
EXAMPLE = "2026-11-25"
"""How a date is written, in the dialog's messages."""
MAX_DAYS = 366
"""The longest span one dialog marks (add another for more)."""


def span_label(start: date, end: date) -> str:
    """ "Wed 25 Nov 2026" for one day, "Wed 25 Nov 2026 to Fri 27 Nov 2026 · 3 days" for a range."""
    if start == end:
        return short_day(start, year=True)
    return f"{short_day(start, year=True)} to {short_day(end, year=True)} · {(end - start).days + 1} days"


@dataclass(frozen=True)
class GraceDraft:
    """What the dialog returns: checked dates and a reason."""

    start: date
    end: date
    reason: str


class ReasonPicker(ChoiceLine):
    """The reasons on one line: left/right (or a click) choose one."""

    BINDINGS = [
        Binding("left,h", "move(-1)", "Previous reason", show=False),
        Binding("right,l", "move(1)", "Next reason", show=False),
    ]

    def __init__(self, reason: str = REASONS[0], *, id: str | None = None) -> None:
        super().__init__(REASONS, REASONS.index(reason) if reason in REASONS else 0, id=id)

    @property
    def reason(self) -> str:
        return REASONS[self.chosen]


class GraceDialog(FormDialog[GraceDraft | None]):
    """Ask why and for which days; ``save(draft)`` writes before the dialog closes."""

    ERROR_ID = "grace-error"
    ENTER_SAVES_ON = (ReasonPicker,)
    DRAFT_CHOICES = ("grace-reason",)

    def __init__(self, day: date, *, save: Callable[[GraceDraft], object] | None = None) -> None:
        """``day`` is the first and last day offered; a StoreWriteError from ``save``
        is shown and the dialog stays open with everything as typed."""
        super().__init__(classes="dialog-screen")
        self._day = day
        self._save = save
        self.draft_key = f"grace:{day.isoformat()}"  # a draft is offered again for the same day only
        self.draft_place = f"Grace days from {short_day(day)}"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="grace-dialog"):
            yield Static(Content("Grace days"), classes="dialog-title")
            yield Static(
                Content(
                    "Life happens. Rituals rest and streaks wait; the Today tab suggests ideas that work from afar."
                ),
                classes="dialog-message",
            )
            yield Static(Content("Why?"), classes="grace-label")
            yield ReasonPicker(id="grace-reason")
            yield Input(placeholder="In a few words", id="grace-other", max_length=REASON_LIMIT)
            with Horizontal(id="grace-dates"):
                yield Static(Content("From"), classes="grace-date-label")
                yield Input(self._day.isoformat(), id="grace-start", classes="grace-date")
                yield Static(Content("to"), classes="grace-date-label")
                yield Input(self._day.isoformat(), id="grace-end", classes="grace-date")
            yield Static(Content(span_label(self._day, self._day)), id="grace-span")
            yield from self.form_footer("←/→ chooses why · tab: dates · enter saves · esc closes")

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.query_one("#grace-other", Input).display = False
        self.query_one(ReasonPicker).focus()

    # ------------------------------------------------------------ changes

    @on(ChoiceLine.Changed, "#grace-reason")
    def _reason_changed(self, event: ChoiceLine.Changed) -> None:
        other = self.query_one("#grace-other", Input)
        other.display = REASONS[event.index] == OTHER
        self.show_error("")

    @on(Input.Changed, ".grace-date")
    def _dates_changed(self) -> None:
        span = self.query_one("#grace-span", Static)
        try:
            start, end = self._dates()
        except FieldError:
            span.update(Content(""))
            return
        span.update(Content(span_label(start, end)))

    def _dates(self) -> tuple[date, date]:
        start = parse_date(self.query_one("#grace-start", Input).value, "first day", "grace-start", like=EXAMPLE)
        end = parse_date(self.query_one("#grace-end", Input).value, "last day", "grace-end", like=EXAMPLE)
        if end < start:
            raise FieldError("The last day comes before the first one.", "grace-end")
        if (end - start) >= timedelta(days=MAX_DAYS):
            raise FieldError(f"One span can cover up to {MAX_DAYS} days; add another for more.", "grace-end")
        return start, end

    # ------------------------------------------------------------ saving

    def _reason(self) -> str:
        picker = self.query_one(ReasonPicker)
        if picker.reason != OTHER:
            return picker.reason
        other = self.query_one("#grace-other", Input)
        reason = check_line(other.value, limit=REASON_LIMIT)
        if not reason:
            raise TextError("Say why in a few words, or choose travel, illness or a hard week.")
        return reason

    def action_save(self) -> None:
        """Save the grace days, or say what needs changing."""
        try:
            reason = self._reason()
        except TextError as exc:
            self.show_error(str(exc))
            self.query_one("#grace-other", Input).focus()
            return
        try:
            start, end = self._dates()
        except FieldError as exc:
            self.show_field_error(exc)
            return
        self.save_and_close(GraceDraft(start=start, end=end, reason=reason), self._save)
