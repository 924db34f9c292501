"""The Rituals tab: a daily checklist of rituals of connection.

The checklist shows the rituals scheduled on the viewed day (today unless the
user stepped back with ``[``). ``space`` or ``enter`` ticks the focused one;
the tick is written by the store before the key handler returns. Each row
carries the last seven days as dots, the forgiving streak and the 30-day
consistency; a heatmap of every ritual sits underneath.

Ticks are offered only on days the domain counts for a ritual: a scheduled
weekday on or after the day it was added (earlier days are rest days, so a
tick there would change nothing the user can see).

``g`` marks the viewed day (or a range) as grace days, travel, illness or a
hard week, when rituals rest and streaks pause; on a grace day it offers to
remove that span instead. Every rule here takes ``store.grace()``.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.domain.rituals import (
    CONSISTENCY_RULE,
    DONE,
    GRACE,
    MISSED,
    OPEN,
    STREAK_RULE,
    consistency,
    forgiving_streak,
    last_days,
)
from tui import daily
from tui.model import GraceSpan, Ritual
from tui.errors import StoreWriteError
from tui.tabs.base import TabBase
from tui.widgets.heatmap import RitualHeatmap
from tui.widgets.ritual_dialogs import Choice, ChoiceDialog, RitualDialog, RitualDraft, schedule_label

DOTS = {DONE: "●", MISSED: "·", OPEN: "○", GRACE: "◌"}
"""The last seven days: kept, missed, still open today, grace; rest is blank."""
DOT_STYLES = {DONE: "$success", MISSED: "$foreground-muted", OPEN: "$accent", GRACE: "$secondary"}

CHECK_WIDTH = 4  # "[x] "
DOTS_WIDTH = 13  # seven dots with spaces between
STREAK_WIDTH = 6
PERCENT_WIDTH = 7
GAP = 2
FIXED_WIDTH = CHECK_WIDTH + GAP + DOTS_WIDTH + GAP + STREAK_WIDTH + GAP + PERCENT_WIDTH
MIN_NAME_WIDTH = 12

GRACE_REASON_WIDTH = 12
"""The day header shortens a grace day's reason to this many characters."""

REST_ID = "-rest"
"""The option id of the dim line naming rituals not on the viewed day."""

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def long_day(day: date) -> str:
    """ "Wednesday 25 November" (and the year when it is not today's)."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"


class RitualList(OptionList):
    """The checklist; ``enter`` (or a click) ticks through OptionSelected.

    The cursor stops at the first and last ritual instead of wrapping around,
    so pressing down a few times too many and ticking never ticks the top one.
    """

    def _step(self, direction: int) -> None:
        if self.highlighted is None:
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction

    def action_cursor_down(self) -> None:
        """Move to the next ritual (stops at the last)."""
        self._step(1)

    def action_cursor_up(self) -> None:
        """Move to the previous ritual (stops at the first)."""
        self._step(-1)


class RitualsTab(TabBase):
    """Tick off today's rituals; step back a day to fill one in."""

    TAB_ID = "rituals"
    TAB_TITLE = "Rituals"
    HELP = (
        "space or enter ticks the ritual under the cursor on the day shown, and unticks it. "
        "[ and ] step back and forward a day (never past today) so yesterday can be filled "
        "in; t comes back to today. A ritual can be ticked on its scheduled days from the "
        "day it was added.\n"
        "Dots, the last 7 days: ● kept, · missed, ○ still open today, ◌ grace day; blank is "
        "a rest day. The day shown is underlined.\n"
        f"Streak: {STREAK_RULE}\n"
        f"30 days: {CONSISTENCY_RULE}\n"
        "The heatmap below shades each day by the share of all rituals kept.\n"
        "x offers Archive (hidden, every tick kept; A lists archived rituals so you can "
        "restore one with x) or Delete (the ritual and its ticks go; the dialog says how many). "
        "p offers our suggestions.\n"
        "g marks the day shown, or a range of days, as grace days: travel, illness, a hard "
        "week. Rituals rest and streaks pause instead of breaking, and the Today tab suggests "
        "ideas that work from afar. On a grace day, g offers to remove it."
    )

    BINDINGS = [
        Binding("space,enter", "toggle", "Tick", id="rituals.tick",
                tooltip="Tick or untick the focused ritual on the day shown"),
        Binding("down,j", "cursor(1)", "Next ritual", show=False, id="rituals.down",
                tooltip="Move to the next ritual"),
        Binding("up,k", "cursor(-1)", "Previous ritual", show=False, id="rituals.up",
                tooltip="Move to the previous ritual"),
        Binding("left_square_bracket", "day(-1)", "Earlier", key_display="[", id="rituals.earlier",
                tooltip="Show the day before, to fill it in"),
        Binding("right_square_bracket", "day(1)", "Later", key_display="]", id="rituals.later",
                tooltip="Show the next day (never past today)"),
        Binding("t", "today", "Back to today", show=False, id="rituals.today",
                tooltip="Show today again"),
        Binding("a", "add", "Add", id="rituals.add", tooltip="Add a ritual"),
        Binding("e", "edit", "Edit", show=False, id="rituals.edit",
                tooltip="Rename the focused ritual or change its days"),
        Binding("K,shift+up", "move(-1)", "Move up", show=False, id="rituals.move_up",
                tooltip="Move the focused ritual up"),
        Binding("J,shift+down", "move(1)", "Move down", show=False, id="rituals.move_down",
                tooltip="Move the focused ritual down"),
        Binding("x", "remove", "Remove", id="rituals.remove",
                tooltip="Archive or delete the focused ritual (archived ones: restore or delete)"),
        Binding("A", "toggle_archived", "Show archived", show=False, id="rituals.archived",
                tooltip="Show or hide archived rituals"),
        Binding("p", "pick", "Suggestions", show=False, id="rituals.pick",
                tooltip="Pick rituals from our suggestions"),
        Binding("g", "grace", "Grace days", show=False, id="rituals.grace",
                tooltip="Mark the day shown (or a range) as grace days, or remove them"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.viewed: date = date.min
        """The day the checklist shows (today unless the user stepped back)."""
        self.show_archived = False
        """True while archived rituals are listed too (key A)."""
        self._seen_today: date = date.min
        self._last_focus: str | None = None

    # ------------------------------------------------------------ building

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="rituals-day")
        yield Static(Content(""), id="rituals-columns")
        yield Static(Content(""), id="rituals-empty", classes="empty-state")
        yield RitualList(id="ritual-list")
        yield RitualHeatmap(id="ritual-heatmap")

    def on_mount(self) -> None:
        super().on_mount()
        self.viewed = self._seen_today = self.app.today
        self.reload()

    def on_show(self) -> None:
        # Another screen (the welcome, the Today tab) may have changed rituals.
        self.reload()

    def on_resize(self) -> None:
        self.reload()

    def focus_first(self) -> None:
        self.reload()
        self.query_one(RitualList).focus()

    def on_day_changed(self, day: date) -> None:
        """Midnight passed: a view of today follows it; an older day stays put."""
        if self.viewed == self._seen_today or self.viewed > day:
            self.viewed = day
        self._seen_today = day
        self.reload()

    # ------------------------------------------------------------ reading

    @property
    def today(self) -> date:
        return self.app.today

    def _live(self) -> list[Ritual]:
        return self.app.store.rituals()

    def _shown_on(self, ritual: Ritual, day: date) -> bool:
        return ritual.scheduled_on(day) and (ritual.created is None or ritual.created <= day)

    def listed(self) -> list[Ritual]:
        """The rituals of the checklist, top to bottom (archived ones last when shown)."""
        rows = [r for r in self._live() if self._shown_on(r, self.viewed)]
        if self.show_archived:
            rows += self._archived()
        return rows

    def _archived(self) -> list[Ritual]:
        return [r for r in self.app.store.rituals(include_archived=True) if r.archived]

    def focused_ritual(self) -> Ritual | None:
        """The ritual under the cursor, if any."""
        option = self.query_one(RitualList).highlighted_option
        if option is None or option.id in (None, REST_ID):
            return None
        try:
            return self.app.store.ritual(option.id)
        except KeyError:
            return None

    # ------------------------------------------------------------ drawing

    def reload(self, focus_id: str | None = None) -> None:
        """Redraw everything from the store; keep the cursor on the same ritual."""
        if not self.is_mounted:
            return
        if self.viewed > self.today or self.viewed == date.min:
            self.viewed = self.today
        store = self.app.store
        live = self._live()
        ticks = store.ticks_by_ritual()
        grace = store.grace()
        listing = self.listed()
        checklist = self.query_one(RitualList)
        if focus_id is None:
            current = checklist.highlighted_option
            focus_id = current.id if current is not None else self._last_focus

        self._draw_day(live, ticks)
        empty = not live
        archived = self._archived()
        self.query_one("#rituals-empty", Static).display = empty
        self.query_one("#rituals-columns", Static).display = bool(listing)
        self.query_one(RitualHeatmap).display = not empty
        if empty:
            lines = [
                "Rituals are the small moments you two can count on: a coffee together, "
                "a goodnight kiss, a message in the middle of the day.",
                "Press a to add one, or p to pick from our suggestions.",
            ]
            if archived:
                lines.append(f"You have {len(archived)} archived; press A to see them.")
            self.query_one("#rituals-empty", Static).update(Content("\n".join(lines)))

        width = checklist.scrollable_content_region.width or 76
        name_width = max(MIN_NAME_WIDTH, width - FIXED_WIDTH)
        self.query_one("#rituals-columns", Static).update(
            Content(
                " " * (CHECK_WIDTH + name_width + GAP)
                + f"{'last 7 days':<{DOTS_WIDTH}}"
                + " " * GAP
                + f"{'streak':>{STREAK_WIDTH}}"
                + " " * GAP
                + f"{'30 days':>{PERCENT_WIDTH}}"
            )
        )
        options = [
            Option(self._row(r, ticks.get(r.id, frozenset()), grace, name_width), id=r.id)
            for r in listing
            if not r.archived
        ]
        resting = [r for r in live if not self._shown_on(r, self.viewed)]
        if resting:
            line = self._rest_line(resting).truncate(max(width - 1, 10), ellipsis=True)
            options.append(Option(line, id=REST_ID, disabled=True))
        options += [
            Option(self._row(r, ticks.get(r.id, frozenset()), grace, name_width), id=r.id)
            for r in listing
            if r.archived
        ]
        checklist.set_options(options)
        enabled = [i for i, o in enumerate(options) if not o.disabled]
        if enabled:
            checklist.highlighted = next((i for i in enabled if options[i].id == focus_id), enabled[0])
            self._last_focus = options[checklist.highlighted].id or focus_id
        elif focus_id is not None:
            self._last_focus = focus_id
        self.query_one(RitualHeatmap).show(live, ticks, self.today, grace)
        self.refresh_bindings()

    def _draw_day(self, live: list[Ritual], ticks: dict[str, frozenset[date]]) -> None:
        day, today = self.viewed, self.today
        header = self.query_one("#rituals-day", Static)
        header.set_class(day != today, "-past")
        due = [r for r in live if self._shown_on(r, day)]
        kept = sum(1 for r in due if day in ticks.get(r.id, frozenset()))
        if day == today:
            title = f"Today · {long_day(day)}"
            hint = "[ earlier · g grace days"
        else:
            ago = (today - day).days
            title = f"{long_day(day)}{f' {day.year}' if day.year != today.year else ''}"
            title += " · yesterday" if ago == 1 else f" · {ago} days ago"
            hint = "] next day · t today"
        span = daily.grace_span(self.app.store, day)
        if span is not None:
            reason = span.reason or "grace day"
            if len(reason) > GRACE_REASON_WIDTH:
                reason = reason[: GRACE_REASON_WIDTH - 1] + "…"
            rest = "rituals rest" if not kept else f"{kept} kept ♥"
            line = Content.assemble((title, "bold"), "  ", (f"◌ {reason}: {rest}", "$secondary"))
            with_hint = Content.assemble(line, "   ", (hint, "$foreground-muted"))
            width = header.size.width or self.app.size.width
            header.update(with_hint if with_hint.cell_length <= width else line)
            return
        if not live:
            header.update(Content.styled(title, "bold"))
            return
        if not due:
            tally = "nothing scheduled"
        elif kept == len(due):
            tally = f"all {len(due)} kept ♥"
        else:
            tally = f"{kept} of {len(due)} kept"
        header.update(
            Content.assemble((title, "bold"), "  ", (tally, ""), "   ", (hint, "$foreground-muted"))
        )

    def _row(self, ritual: Ritual, ticked: frozenset[date], grace, name_width: int) -> Content:
        today, day = self.today, self.viewed
        if ritual.archived:
            check: tuple[str, str] = ("  ▪ ", "$foreground-muted")
        elif day in ticked:
            check = ("[x] ", "bold $success")
        else:
            check = ("[ ] ", "")
        name = Content(ritual.name)
        if ritual.archived:
            name = Content.assemble(name, ("  archived", "$foreground-muted italic"))
        elif ritual.weekdays:
            name = Content.assemble(name, (f"  {schedule_label(ritual.weekdays)}", "$foreground-muted"))
        name = name.truncate(name_width, ellipsis=True, pad=True)
        dots: list[str | tuple[str, str]] = []
        for index, (when, state) in enumerate(last_days(ritual, ticked, today, 7, grace)):
            style = DOT_STYLES.get(state, "")
            if when == day and not ritual.archived:
                style = f"{style} underline".strip()
            dots.append((DOTS.get(state, " "), style))
            if index < 6:
                dots.append(" ")
        streak = forgiving_streak(ritual, ticked, today, grace)
        share = consistency(ritual, ticked, today, 30, grace)
        return Content.assemble(
            check,
            name,
            " " * GAP,
            *dots,
            " " * GAP,
            (f"{streak:>{STREAK_WIDTH}}", "bold" if streak else "$foreground-muted"),
            " " * GAP,
            (f"{percent(share):>{PERCENT_WIDTH}}", ""),
        )

    def _rest_line(self, resting: list[Ritual]) -> Content:
        later = [r for r in resting if r.created is not None and r.created > self.viewed]
        off = [r for r in resting if r not in later]
        when = "today" if self.viewed == self.today else "that day"
        parts = []
        if off:
            parts.append(f"Resting {when}: " + ", ".join(r.name for r in off))
        if later:
            parts.append("Added later: " + ", ".join(r.name for r in later))
        return Content("    " + " · ".join(parts))

    # ------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        live = bool(self._live())
        if action in ("day", "today") and not live:
            return False
        if action in ("toggle", "remove") and not live and not self.show_archived:
            return False
        if action == "day" and parameters and parameters[0] == 1:
            return None if self.viewed >= self.today else True
        if action == "today":
            return None if self.viewed >= self.today else True
        return True

    def _write_failed(self, exc: StoreWriteError) -> None:
        self.notify(str(exc), title="Not saved", severity="error", markup=False)
        self.reload()

    @on(OptionList.OptionSelected, "#ritual-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_toggle()

    def action_toggle(self) -> None:
        """Tick or untick the focused ritual on the day shown."""
        ritual = self.focused_ritual()
        if ritual is None:
            return
        if ritual.archived:
            self.notify("This ritual is archived; press x to bring it back first.", markup=False)
            return
        store = self.app.store
        try:
            store.set_tick(ritual.id, self.viewed, not store.is_ticked(ritual.id, self.viewed))
        except StoreWriteError as exc:
            self._write_failed(exc)
            return
        self.reload(focus_id=ritual.id)

    def action_cursor(self, step: int) -> None:
        """Move the cursor to the next or previous ritual."""
        checklist = self.query_one(RitualList)
        if step > 0:
            checklist.action_cursor_down()
        else:
            checklist.action_cursor_up()

    def action_day(self, step: int) -> None:
        """Show the day before or after (never past today)."""
        target = self.viewed + timedelta(days=step)
        if target > self.today:
            return
        self.viewed = target
        self.reload()

    def action_today(self) -> None:
        """Show today again."""
        self.viewed = self.today
        self.reload()

    def _name_taken(self, keep_id: str | None = None):
        def taken(name: str) -> str | None:
            for ritual in self.app.store.rituals(include_archived=True):
                if ritual.id != keep_id and ritual.name.casefold() == name.casefold():
                    if ritual.archived:
                        return "An archived ritual has this name; press A on the list to bring it back."
                    return "You already have a ritual with this name."
            return None

        return taken

    def action_add(self) -> None:
        """Add a ritual: its name and the days it happens on."""
        added: list[Ritual] = []

        def save(draft: RitualDraft) -> None:
            added.append(self.app.store.add_ritual(draft.name, weekdays=draft.weekdays, created=self.today))

        def closed(draft: RitualDraft | None) -> None:
            if draft is None or not added:
                return
            ritual = added[-1]
            if self.viewed < self.today:
                self.notify("Added from today on; press t to see today.", markup=False)
            elif not ritual.scheduled_on(self.today):
                self.notify(f"Added; it shows on {schedule_label(ritual.weekdays)}.", markup=False)
            self.reload(focus_id=ritual.id)

        self.app.push_screen(RitualDialog("A new ritual", taken=self._name_taken(), save=save), closed)

    def action_edit(self) -> None:
        """Rename the focused ritual or change its days."""
        ritual = self.focused_ritual()
        if ritual is None:
            return

        def save(draft: RitualDraft) -> None:
            self.app.store.update_ritual(ritual.id, name=draft.name, weekdays=draft.weekdays)

        def closed(draft: RitualDraft | None) -> None:
            self.reload(focus_id=ritual.id)

        self.app.push_screen(
            RitualDialog(
                "Edit ritual",
                name=ritual.name,
                weekdays=ritual.weekdays,
                taken=self._name_taken(ritual.id),
                save=save,
            ),
            closed,
        )

    def action_move(self, step: int) -> None:
        """Move the focused ritual up or down the list."""
        ritual = self.focused_ritual()
        if ritual is None or ritual.archived:
            return
        visible = [r.id for r in self.listed() if not r.archived]
        order = [r.id for r in self._live()]
        index = visible.index(ritual.id)
        if not 0 <= index + step < len(visible):
            return
        neighbour = visible[index + step]
        try:
            self.app.store.move_ritual(ritual.id, order.index(neighbour) - order.index(ritual.id))
        except StoreWriteError as exc:
            self._write_failed(exc)
            return
        self.reload(focus_id=ritual.id)

    def action_remove(self) -> None:
        """Archive or delete the focused ritual (an archived one: restore or delete)."""
        ritual = self.focused_ritual()
        if ritual is None:
            return
        count = len(self.app.store.ticked_days(ritual.id))
        ticks = "no ticks yet" if count == 0 else ("1 tick" if count == 1 else f"{count} ticks")
        if ritual.archived:
            first = Choice("restore", "Restore", "r", "primary")
            message = (
                f"Restore puts it back on your list with its {ticks}. "
                f"Delete removes it and its {ticks} for good."
            )
        else:
            first = Choice("archive", "Archive", "a", "primary")
            message = (
                f"Archive hides it and keeps its {ticks}; A shows archived rituals, "
                f"so you can bring it back. Delete removes it and its {ticks} for good."
                if count
                else "Archive hides it (A shows archived rituals). Delete removes it; it has no ticks yet."
            )
        choices = [first, Choice("delete", "Delete", "d", "error"), Choice("cancel", "Cancel", "escape")]

        def chosen(answer: str | None) -> None:
            store = self.app.store
            try:
                if answer == "archive":
                    store.update_ritual(ritual.id, archived=True)
                    self.notify("Archived; every tick is kept. Press A to see archived rituals.", markup=False)
                elif answer == "restore":
                    # Back at the end of the list, where a new ritual would go.
                    position = max((r.position for r in self._live()), default=-1) + 1
                    store.update_ritual(ritual.id, archived=False, position=position)
                    self.notify("Restored to your list.", markup=False)
                elif answer == "delete":
                    removed = store.delete_ritual(ritual.id)
                    gone = "" if not removed else (" and its tick" if removed == 1 else f" and its {removed} ticks")
                    self.notify(f"Deleted the ritual{gone}.", markup=False)
                else:
                    return
            except StoreWriteError as exc:
                self._write_failed(exc)
                return
            self.reload(focus_id=ritual.id if answer == "restore" else None)

        self.app.push_screen(ChoiceDialog(f"Remove “{ritual.name}”?", message, choices), chosen)

    def action_toggle_archived(self) -> None:
        """Show or hide archived rituals at the end of the list."""
        self.show_archived = not self.show_archived
        if self.show_archived and not any(r.archived for r in self.app.store.rituals(include_archived=True)):
            self.notify("Nothing is archived.", markup=False)
        self.reload()

    def action_grace(self) -> None:
        """Mark the day shown (or a range) as grace days, or remove the grace span it is in."""
        from tui.widgets.grace_dialog import GraceDialog, GraceDraft, span_label

        store, day = self.app.store, self.viewed
        span = daily.grace_span(store, day)
        if span is not None:
            self._offer_removal(span, span_label)
            return

        def save(draft: GraceDraft) -> None:
            store.save_grace(GraceSpan(id=store.new_id(), start=draft.start, end=draft.end, reason=draft.reason))

        def closed(draft: GraceDraft | None) -> None:
            if draft is None:
                return
            days = (draft.end - draft.start).days + 1
            what = "A grace day" if days == 1 else f"{days} grace days"
            self.notify(f"{what} ({draft.reason}): rituals rest, streaks wait. Be gentle with yourselves.",
                        markup=False)
            self.reload()

        self.app.push_screen(GraceDialog(day, save=save), closed)

    def _offer_removal(self, span: GraceSpan, span_label) -> None:
        when = span_label(span.start, span.end)
        if span.reason:
            when = f"{span.reason[0].upper()}{span.reason[1:]}: {when}"
        message = (
            f"{when}.\nRemoving them counts these days again for rituals and streaks; "
            "every tick is kept either way."
        )
        choices = [Choice("remove", "Remove", "r", "error"), Choice("cancel", "Keep it", "escape")]

        def chosen(answer: str | None) -> None:
            if answer != "remove":
                return
            try:
                self.app.store.delete_grace(span.id)
            except StoreWriteError as exc:
                self._write_failed(exc)
                return
            self.notify("Grace days removed.", markup=False)
            self.reload()

        self.app.push_screen(ChoiceDialog("Remove these grace days?", message, choices, focus="cancel"), chosen)

    def action_pick(self) -> None:
        """Pick rituals from our suggestions."""
        from tui.widgets.ritual_picker import RitualPickerScreen

        def picked(added: int | None) -> None:
            if added:
                self.notify(f"Added {added} ritual{'s' if added != 1 else ''}.", markup=False)
            self.reload()

        self.app.push_screen(RitualPickerScreen(), picked)

