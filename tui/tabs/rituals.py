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
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui import daily
from tui.domain.calendar import due_on
from tui.domain.rituals import TICK_FILL_IN, TICK_TOO_EARLY, tick_kind
from tui.format import one_line
from tui.model import Ritual
from tui.tabs.base import TabBase
from tui.tabs.ritual_dialogs import RitualDialogs
from tui.tabs.ritual_keys import RITUALS_BINDINGS, RITUALS_HELP
from tui.tabs.ritual_rows import columns_line, name_width_for, ritual_row
from tui.widgets.heatmap import RitualHeatmap
from tui.widgets.ritual_day import RitualDay
from tui.widgets.ritual_list import RitualList


class RitualsTab(RitualDialogs, TabBase):
    """Tick off today's rituals; step back a day to fill one in."""

    TAB_ID = "rituals"
    TAB_TITLE = "Rituals"
    HELP = RITUALS_HELP
    BINDINGS = RITUALS_BINDINGS

    viewed: reactive[date] = reactive(date.min, init=False, bindings=True)
    """The day the checklist shows (today unless the user stepped back)."""
    show_archived: reactive[bool] = reactive(False, init=False, bindings=True)
    """True while archived rituals are listed too (key A)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._seen_today: date = date.min
        self._last_focus: str | None = None
        self.deleted_rituals: list[tuple[Ritual, frozenset[date]]] = []

    # ------------------------------------------------------------ building

    def compose(self) -> ComposeResult:
        yield RitualDay(Content(""), id="rituals-day")
        yield Static(Content(""), id="rituals-columns")
        yield Static(Content(""), id="rituals-empty", classes="empty-state")
        yield RitualList(id="ritual-list")
        yield RitualHeatmap(id="ritual-heatmap")

    def on_mount(self) -> None:
        super().on_mount()
        self._seen_today = self.host.today
        self.set_reactive(RitualsTab.viewed, self._seen_today)
        self.redraw()

    def on_resize(self) -> None:
        self.redraw_if_stale()

    def focus_first(self) -> None:
        self.redraw_if_stale()
        self.take_focus(self.query_one(RitualList))

    def on_day_changed(self, day: date) -> None:
        """Midnight passed: a view of today follows it; an older day stays put."""
        follow = self.viewed == self._seen_today or self.viewed > day
        self._seen_today = day
        if follow and self.viewed != day:
            self.viewed = day  # redraws
        else:
            self.redraw()

    def watch_viewed(self) -> None:
        self.redraw()

    def watch_show_archived(self) -> None:
        self.redraw()

    # ------------------------------------------------------------ reading

    @property
    def today(self) -> date:
        return self.host.today

    def live_rituals(self) -> list[Ritual]:
        return self.host.store.rituals()

    def _shown_on(self, ritual: Ritual, day: date) -> bool:
        return due_on(ritual, day)

    def listed(self) -> list[Ritual]:
        """The rituals of the checklist, top to bottom (archived ones last when shown)."""
        live = self.live_rituals()
        rows = [r for r in live if self._shown_on(r, self.viewed)]
        rows += [r for r in live if not self._shown_on(r, self.viewed)]  # resting, dimmed
        if self.show_archived:
            rows += self._archived()
        return rows

    def _rest_note(self, ritual: Ritual) -> str:
        """Why a live ritual is not due on the day shown ("rests today"), or ""."""
        day = self.viewed
        if ritual.archived or self._shown_on(ritual, day):
            return ""
        kind = tick_kind(ritual, day, self.today)
        return {TICK_FILL_IN: "added later · space ticks", TICK_TOO_EARLY: "added later"}.get(kind, "resting")

    def _archived(self) -> list[Ritual]:
        return [r for r in self.host.store.rituals(include_archived=True) if r.archived]

    def focused_ritual(self) -> Ritual | None:
        """The ritual under the cursor, if any."""
        option = self.query_one(RitualList).highlighted_option
        if option is None or option.id is None:
            return None
        try:
            return self.host.store.ritual(option.id)
        except KeyError:
            return None

    # ------------------------------------------------------------ drawing

    def draw(self, select: str | None = None) -> None:
        """Redraw everything from the store; keep the cursor on the same ritual."""
        focus_id = select
        if self.viewed > self.today or self.viewed == date.min:
            self.set_reactive(RitualsTab.viewed, self.today)
        store = self.host.store
        live = self.live_rituals()
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
        heatmap = self.query_one(RitualHeatmap)
        folded = RitualHeatmap.folds(self.view_size.height, len(listing))
        if heatmap.display != (not empty and not folded):
            heatmap.display = not empty and not folded
            self.call_after_refresh(self.redraw)  # the list's width changes with its scrollbar
        if empty:
            lines = [
                "Rituals are the small moments you two can count on: a coffee together, "
                "a goodnight kiss, a message in the middle of the day.",
                "Press a to add one, or p to pick from our suggestions.",
            ]
            if archived:
                lines.append(f"You have {len(archived)} archived; press A to see them.")
            self.query_one("#rituals-empty", Static).update(Content("\n".join(lines)))

        width = checklist.scrollable_content_region.width or self.view_size.width or 76
        name_width, thirty = name_width_for(width)
        self.query_one("#rituals-columns", Static).update(columns_line(name_width, thirty=thirty))
        day, today = self.viewed, self.today
        together = self.host.together
        paired = together.paired
        who = together.state.ticked_by() if paired else {}
        untold = together.state.unticked_by() if paired else {}
        options = [
            Option(
                ritual_row(
                    r,
                    ticks.get(r.id, frozenset()),
                    grace,
                    name_width,
                    day=day,
                    today=today,
                    rest=self._rest_note(r),
                    thirty=thirty,
                    paired=paired,
                    by=one_line(who.get(f"{r.id}:{day.isoformat()}", "")),
                    unticked_by=one_line(untold.get(f"{r.id}:{day.isoformat()}", "")),
                ),
                id=r.id,
            )
            for r in listing
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
        day = self.viewed
        due = [r for r in live if self._shown_on(r, day)]
        kept = sum(1 for r in due if day in ticks.get(r.id, frozenset()))
        grace = daily.grace_span(self.host.store, day)
        self.query_one(RitualDay).show(day, self.today, due=len(due), kept=kept, any_rituals=bool(live), grace=grace)

    # ------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        live = bool(self.live_rituals())
        if action in ("day", "today") and not live:
            return False
        if action in ("toggle", "remove") and not live and not self.show_archived:
            return False
        if action == "day" and parameters and parameters[0] == 1:
            return None if self.viewed >= self.today else True
        if action == "today":
            return None if self.viewed >= self.today else True
        return True

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
        store, day = self.host.store, self.viewed
        if not self._shown_on(ritual, day):
            self._tick_resting(ritual, day)
            return
        if self.host.save(lambda: store.set_tick(ritual.id, day, not store.is_ticked(ritual.id, day))) is None:
            return
        self.redraw(ritual.id)

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
        self.viewed = target  # redraws

    def action_today(self) -> None:
        """Show today again."""
        self.viewed = self.today  # redraws

    def action_move(self, step: int) -> None:
        """Move the focused ritual up or down the list."""
        ritual = self.focused_ritual()
        if ritual is None or ritual.archived:
            return
        due = self._shown_on(ritual, self.viewed)  # moves within its part of the list
        visible = [r.id for r in self.listed() if not r.archived and self._shown_on(r, self.viewed) == due]
        order = [r.id for r in self.live_rituals()]
        index = visible.index(ritual.id)
        if not 0 <= index + step < len(visible):
            return
        neighbour = visible[index + step]
        offset = order.index(neighbour) - order.index(ritual.id)
        if self.host.save(lambda: self.host.store.move_ritual(ritual.id, offset)) is None:
            return
        self.redraw(ritual.id)

    def action_toggle_archived(self) -> None:
        """Show or hide archived rituals at the end of the list."""
        if not self.show_archived and not any(r.archived for r in self.host.store.rituals(include_archived=True)):
            self.notify("Nothing is archived, so there is nothing more to show.", markup=False)
            return
        self.show_archived = not self.show_archived  # redraws
