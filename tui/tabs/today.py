"""The Today tab: one small act of care for today, and what was done lately.

The suggestion comes from :mod:`tui.daily`; it is recorded in the store as
soon as the tab shows it (``store.show_gesture``), so every launch on the same
day shows the same gesture until the user asks for another. Everything the
user wrote (the partner's name, a note, a grace day's reason) is rendered as
literal ``Content``.

Once the gesture is done, l / m / r answer "did it land?" (and change the
answer later); the answers and the love-language ledger underneath
(:mod:`tui.domain.ledger`) explain where the next days' picks lean, and
"Alex feels loved through: touch, words" says which ranking they lean on once
the partner shared their own (Together).
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui import content, daily
from tui.domain.gestures import FEEDBACK_RULE, done_counts
from tui.domain.languages import loved_through_line
from tui.domain.ledger import PARTNER_MARK, grace_line, ledger_lines, waiting_line
from tui.format import short_day
from tui.model import FEEDBACK, Gesture, GestureDay
from tui.record import replace
from tui.tabs.base import TabBase
from tui.tabs.today_days import DAYS_BINDING, DAYS_HELP, TodayDays
from tui.tabs.today_dialogs import TodayDialogs
from tui.tabs.today_partner import answer_partner, partner_text
from tui.tabs.today_rows import (
    ASK_FEEDBACK,
    EMPTY_FAVOURITES,
    EMPTY_HISTORY,
    answered_line,
    counts_line,
    favourite_row,
    gesture_label,
    history_row,
    status_line,
)
from tui.widgets.paged import PagedOptionList

HISTORY = "history"
FAVOURITES = "favourites"

ANSWER_NOTICES = {
    "landed": "Noted: it landed. Gestures like it will come up a little more often.",
    "so_so": "Noted: so-so. That changes nothing in what comes up.",
    "not_really": "Noted, and thank you. Gestures like it will come up a little less.",
}


def why_line(day: date) -> str:
    """The day's line on why small, frequent acts matter (the same all day)."""
    lines = content.why_lines()
    return lines[day.toordinal() % len(lines)] if lines else ""


class TodayTab(TodayDays, TodayDialogs, TabBase):
    """Today's suggested gesture, its keys, and the done history or favourites."""

    TAB_ID = "today"
    TAB_TITLE = "Today"
    HELP = (
        "One small act of care a day, leaning towards the love languages you chose in "
        "settings (s). The suggestion stays the same all day; n asks for another, and "
        "that one stays for the day. d marks it done with an optional note (d again "
        "unmarks it). f keeps a gesture among your favourites; v switches the list "
        "between what you have done and your favourites, where enter makes a favourite "
        "today's gesture.\n"
        "Did it land? Once the gesture is done, l says it landed, m so-so and r not "
        "really; another of the three changes the answer. "
        f"{FEEDBACK_RULE}\n"
        f"The ledger counts the gestures done in the last 30 days by love language, "
        f"{PARTNER_MARK} marking your partner's (their own ranking, when they shared how they feel "
        f'loved through Together: it counts over your guess); "Landed: touch 5 of 6" means five of six '
        f"answered touch gestures landed. {daily.NEGLECT_RULE}\n"
        "On a grace day (g on the Rituals tab) the ideas are ones that work from afar.\n"
        f"{DAYS_HELP}"
    )

    BINDINGS = [
        Binding("d", "done", "Done", id="today.done", tooltip="Mark today's gesture done, with an optional note"),
        Binding("d", "undo_done", "Not done", id="today.undone", tooltip="Mark today's gesture as not done yet"),
        Binding("n", "another", "Another", id="today.another", tooltip="Suggest a different gesture for today"),
        Binding(
            "f",
            "favourite",
            "Favourite",
            id="today.favourite",
            tooltip="Add today's gesture to your favourites, or remove it",
        ),
        Binding(
            "v",
            "switch_list",
            "Favourites",
            id="today.switch_list",
            tooltip="Switch the list between done gestures and favourites",
        ),
        Binding(
            "l",
            "feedback('landed')",
            "Did it land?",
            key_display="l/m/r",
            id="today.landed",
            tooltip="Today's done gesture landed: gestures like it come up more",
        ),
        Binding(
            "m", "feedback('so_so')", "So-so", show=False, id="today.so_so", tooltip="Today's done gesture was so-so"
        ),
        Binding(
            "r",
            "feedback('not_really')",
            "Not really",
            show=False,
            id="today.not_really",
            tooltip="Today's done gesture did not really land: gestures like it come up less",
        ),
        DAYS_BINDING,
    ]

    list_mode: reactive[str] = reactive(HISTORY, init=False, bindings=True)
    """What the list shows: the done history or the favourites (key v)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._gesture: Gesture | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="today-card"):
            yield Static(id="today-gesture")
            yield Static(id="today-meta")
            yield Static(id="today-status")
            yield Static(id="today-feedback")
        with Vertical(id="today-lines"):
            yield Static(id="today-coming")
            yield Static(id="today-nudge")
            yield Static(id="today-partner")
            yield Static(id="today-why")
            yield Static(id="today-counts")
            yield Static(id="today-loved")
            yield Static(id="today-ledger")
        yield Static(id="today-list-title")
        yield PagedOptionList(id="today-list")

    def on_mount(self) -> None:
        # TabBase.on_mount (called too) watches the app's day.
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        self._record()
        self.redraw()

    # ------------------------------------------------------------ reading

    @property
    def day(self) -> date:
        return self.host.today

    def _may_record(self) -> bool:
        """Record what is shown only once the welcome is behind us (it may change the pick)."""
        return bool(self.host.store.settings().welcomed or self.host.demo)

    def _record(self) -> None:
        """Record today's gesture in the store the first time it is shown."""
        store, day = self.host.store, self.day
        recorded = store.gesture_day(day)
        if not self._may_record() or (recorded is not None and recorded.done):
            return  # a done day keeps its record (and note) untouched, even when its gesture left the catalog
        gesture = daily.todays_gesture(store, day)  # a gesture gone from the catalog, or a day that matters, moves it
        if recorded is None or recorded.gesture_id != gesture.id:
            self.host.save(lambda: store.show_gesture(day, gesture.id))

    def _today(self) -> tuple[Gesture, GestureDay | None]:
        """Today's gesture and its record, if recorded (reading only)."""
        store, day = self.host.store, self.day
        return daily.todays_gesture(store, day), store.gesture_day(day)

    # ------------------------------------------------------------ showing

    def draw(self, select: str | None = None) -> None:
        """Re-read the store and repaint everything the tab shows."""
        store, day = self.host.store, self.day
        gesture, recorded = self._today()
        self._gesture = gesture
        name = store.settings().partner_name
        done = recorded is not None and recorded.done and recorded.gesture_id == gesture.id
        favourite = gesture.id in store.favourites()

        card = self.query_one("#today-card", Vertical)
        card.border_title = Content(f"Today, {short_day(day, year=True)}")
        card.set_class(done, "-done")
        self.query_one("#today-gesture", Static).update(Content(content.personalise(gesture.text, name)))
        meta = (self.occasion_reason(gesture) or gesture_label(gesture)) + ("  ★ favourite" if favourite else "")
        self.query_one("#today-meta", Static).update(Content(meta))
        self.query_one("#today-status", Static).update(status_line(recorded if done else None, name))
        asking = self.query_one("#today-feedback", Static)
        # Once the partner said how it landed (Together), the status line says so and nothing more is asked.
        asked = recorded is not None and (recorded.feedback in FEEDBACK or recorded.partner_feedback not in FEEDBACK)
        asking.display = done and recorded is not None and asked
        if done and recorded is not None:
            asking.update(ASK_FEEDBACK if recorded.feedback not in FEEDBACK else answered_line(recorded.feedback))

        nudge = self._nudge(gesture, done)
        nudge_line = self.query_one("#today-nudge", Static)
        nudge_line.display = bool(nudge)
        nudge_line.update(Content(nudge))
        partner, gifts = self.query_one("#today-partner", Static), partner_text(self.host.together.state, day)
        partner.display = bool(gifts)  # what a partner did for you today (Together)
        partner.update(Content(gifts))
        self.query_one("#today-why", Static).update(Content(why_line(day)))
        week, month = done_counts(store.gesture_days(), day)
        self.query_one("#today-counts", Static).update(Content(counts_line(week, month, day)))
        theirs = daily.partners_own(store)  # how the partner said they feel loved (Together)
        loved = self.query_one("#today-loved", Static)
        loved.display = theirs is not None
        loved.update(Content(loved_through_line(*theirs) if theirs else ""))
        history = store.gesture_days()
        lines = ledger_lines(history, content.gesture_by_id(), daily.lean_settings(store), day)
        ledger = self.query_one("#today-ledger", Static)
        ledger.display = bool(lines)
        ledger.update(Content("\n".join(lines)))
        self.draw_coming()
        self._fill_list()
        self.refresh_bindings()

    def _nudge(self, gesture: Gesture, done: bool) -> str:
        """The grace-day line, else the line about a language that has waited, else ""."""
        store, day = self.host.store, self.day
        span = daily.grace_span(store, day)
        if span is not None:
            return grace_line(span.reason, apart=done or "apart" in gesture.tags)
        waiting = daily.waiting_language(store, day)
        if waiting is None or (done and gesture.language == waiting[0]):
            return ""
        return waiting_line(*waiting, done_today=done, shown=gesture.language)

    def _fill_list(self) -> None:
        store, day = self.host.store, self.day
        name = store.settings().partner_name
        by_id = daily.known_gestures()  # occasion gestures too
        title = self.query_one("#today-list-title", Static)
        option_list = self.query_one("#today-list", PagedOptionList)
        current = option_list.highlighted_option
        keep = current.id if current is not None else None
        if self.list_mode == HISTORY:
            title.update(Content.assemble(("Done lately", "bold"), ("   v shows favourites", "dim")))

            width = option_list.scrollable_content_region.width or self.app.size.width - 4

            def history_rows(page: list[GestureDay]) -> list[Option | None]:
                if not page:
                    return [Option(Content(EMPTY_HISTORY), disabled=True)]
                return [history_row(gd, by_id.get(gd.gesture_id), name, day, width) for gd in page]

            done = [gd for gd in store.gesture_days() if gd.done]
            option_list.show(done, history_rows, key=lambda gd: f"day-{gd.day.isoformat()}", keep=keep)
        else:
            title.update(Content.assemble(("Favourites", "bold"), ("   enter makes one today's · v shows done", "dim")))
            favourites = store.favourites()
            today_id = self._gesture.id if self._gesture else ""

            def favourite_rows(page: list[Gesture]) -> list[Option | None]:
                if not page:
                    return [Option(Content(EMPTY_FAVOURITES), disabled=True)]
                return [favourite_row(gesture, name, today=gesture.id == today_id) for gesture in page]

            chosen = [g for g in content.gestures() if g.id in favourites]
            option_list.show(chosen, favourite_rows, keep=keep)

    def on_resize(self) -> None:
        self.redraw_if_stale()

    def focus_first(self) -> None:
        self.take_focus(self.query_one("#today-list", PagedOptionList))

    def on_day_changed(self, day: date) -> None:
        self._record()
        self.redraw()

    def _screen_changed(self, screen: Screen) -> None:
        # Back from a dialog, the welcome or settings (or a grace day marked on the Rituals
        # tab): the name, the day's record or the grace line may have changed.
        if self.is_attached and screen is self.screen:
            self._record()
            self.redraw()

    def _notify(self, message: str) -> None:
        self.notify(message, markup=False)

    # ------------------------------------------------------------ actions

    def action_done(self) -> None:
        """Mark today's gesture done with an optional note, or unmark it."""
        self._record()
        gesture, recorded = self._today()
        if recorded is None:
            return
        day = recorded.day
        if recorded.done:
            self._undo_done(recorded)
            return
        self._ask_note(day, gesture, recorded.note)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """d marks done, or unmarks once done: the footer names the one that applies."""
        if action in ("done", "undo_done") and self.is_mounted:
            recorded = self.host.store.gesture_day(self.day)
            done = recorded is not None and recorded.done
            return done == (action == "undo_done")
        return True

    def action_undo_done(self) -> None:
        """Mark today's gesture as not done yet (asks first when it has a note)."""
        self.action_done()

    def action_feedback(self, answer: str) -> None:
        """Say whether today's done gesture landed (again to change the answer)."""
        if answer not in FEEDBACK:
            return
        self._record()
        _, recorded = self._today()
        if answer_partner(self, answer, own_done=recorded is not None and recorded.done):
            return  # what the partner did for you today (Together)
        if recorded is None or not recorded.done:
            self._notify("First mark today's gesture done (d); then l, m or r says how it landed.")
            return
        if recorded.feedback == answer:
            self._notify(f"Already noted: {FEEDBACK[answer].lower()}.")
            return
        if self.host.save(lambda: self.host.store.save_gesture_day(replace(recorded, feedback=answer))) is None:
            return
        self.redraw()
        self._notify(ANSWER_NOTICES[answer])

    def _refuse_when_done(self, recorded: GestureDay | None) -> bool:
        if recorded is not None and recorded.done:
            self._notify("Today's gesture is already done. Lovely! To choose another, first press d to unmark it.")
            return True
        return False

    def action_another(self) -> None:
        """Suggest a different gesture for today (remembered for the day)."""
        self._record()
        _, recorded = self._today()
        if self._refuse_when_done(recorded):
            return
        store, day = self.host.store, self.day
        gesture = daily.another_gesture(store, day)
        if self.host.save(lambda: store.show_gesture(day, gesture.id)) is None:
            return
        self.redraw()

    def action_favourite(self) -> None:
        """Add today's gesture to your favourites, or take it out."""
        self._record()
        gesture, _ = self._today()
        store = self.host.store
        favourite = gesture.id not in store.favourites()
        if self.host.save(lambda: store.set_favourite(gesture.id, favourite)) is None:
            return
        self.redraw()
        self._notify("Kept among your favourites (v shows them)." if favourite else "Taken out of your favourites.")

    def action_switch_list(self) -> None:
        """Switch the list between done gestures and favourites."""
        self.list_mode = FAVOURITES if self.list_mode == HISTORY else HISTORY

    def watch_list_mode(self) -> None:
        self.query_one("#today-list", PagedOptionList).highlighted = None
        self.redraw()

    @on(OptionList.OptionSelected, "#today-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter on a favourite makes it today's gesture."""
        if self.list_mode != FAVOURITES or not event.option.id:
            return
        self._record()
        gesture, recorded = self._today()
        if event.option.id == gesture.id:
            self._notify("That is already today's gesture.")
            return
        if self._refuse_when_done(recorded):
            return
        chosen, day, store = event.option.id, self.day, self.host.store
        if self.host.save(lambda: store.show_gesture(day, chosen)) is None:
            return
        self.redraw()
        self._notify("This favourite is today's gesture now.")
