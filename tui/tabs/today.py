"""The Today tab: one small act of care for today, and what was done lately.

The suggestion comes from :mod:`tui.daily`; it is recorded in the store as
soon as the tab shows it (``store.show_gesture``), so every launch on the same
day shows the same gesture until the user asks for another. Everything the
user wrote (the partner's name, a note, a grace day's reason) is rendered as
literal ``Content``.

Once the gesture is done, l / m / r answer "did it land?" (and change the
answer later); the answers and the love-language ledger underneath
(:mod:`tui.domain.ledger`) explain where the next days' picks lean.
"""

from __future__ import annotations

import textwrap
from dataclasses import replace
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui import content, daily
from tui.domain.gestures import FEEDBACK_RULE, done_counts
from tui.domain.ledger import PARTNER_MARK, grace_line, ledger_lines, waiting_line
from tui.model import EFFORTS, FEEDBACK, LOVE_LANGUAGES, Gesture, GestureDay
from tui.errors import StoreWriteError
from tui.tabs.base import TabBase
from tui.text import check_line
from tui.widgets.dialogs import ConfirmDialog, LineDialog
from tui.widgets.paged import PagedOptionList

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DATE_WIDTH = 11
"""Width of the date column in the history ("Tue 24 Nov" and a space)."""

HISTORY = "history"
FAVOURITES = "favourites"

ANSWERED = {
    "landed": "It landed ♥",
    "so_so": "So-so, noted.",
    "not_really": "Not quite this time; noted.",
}
"""What the status line says after each "did it land?" answer."""

ANSWER_NOTICES = {
    "landed": "Noted: it landed. Gestures like it will come up a little more often.",
    "so_so": "Noted: so-so. That changes nothing in what comes up.",
    "not_really": "Noted, and thank you. Gestures like it will come up a little less.",
}


def short_date(day: date, today: date) -> str:
    """A human date such as "Tue 24 Nov" (with the year when it is not this year)."""
    text = f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def why_line(day: date) -> str:
    """The day's line on why small, frequent acts matter (the same all day)."""
    lines = content.why_lines()
    return lines[day.toordinal() % len(lines)] if lines else ""


def gesture_label(gesture: Gesture) -> str:
    """ "Physical touch · About a minute" """
    return f"{LOVE_LANGUAGES.get(gesture.language, gesture.language)} · {EFFORTS.get(gesture.effort, gesture.effort)}"


EMPTY_HISTORY = "Nothing here yet, and that is fine: the gestures you mark done will gather here."
EMPTY_FAVOURITES = "No favourites yet. Press f on a gesture you would like to keep."

class TodayTab(TabBase):
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
        f"{PARTNER_MARK} marking your partner's; \"Landed: touch 5 of 6\" means five of six "
        f"answered touch gestures landed. {daily.NEGLECT_RULE}\n"
        "On a grace day (g on the Rituals tab) the ideas are ones that work from afar."
    )

    BINDINGS = [
        Binding("d", "done", "Done", id="today.done", tooltip="Mark today's gesture done, with an optional note (again to unmark)"),
        Binding("n", "another", "Another", id="today.another", tooltip="Suggest a different gesture for today"),
        Binding("f", "favourite", "Favourite", id="today.favourite", tooltip="Add today's gesture to your favourites, or remove it"),
        Binding("v", "switch_list", "Favourites list", id="today.switch_list", tooltip="Switch the list between done gestures and favourites"),
        Binding("l", "feedback('landed')", "It landed", show=False, id="today.landed",
                tooltip="Today's done gesture landed: gestures like it come up more"),
        Binding("m", "feedback('so_so')", "So-so", show=False, id="today.so_so",
                tooltip="Today's done gesture was so-so"),
        Binding("r", "feedback('not_really')", "Not really", show=False, id="today.not_really",
                tooltip="Today's done gesture did not really land: gestures like it come up less"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._list_mode = HISTORY
        self._gesture: Gesture | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="today-card"):
            yield Static(id="today-gesture")
            yield Static(id="today-meta")
            yield Static(id="today-status")
            yield Static(id="today-feedback")
        with Vertical(id="today-lines"):
            yield Static(id="today-nudge")
            yield Static(id="today-why")
            yield Static(id="today-counts")
            yield Static(id="today-ledger")
        yield Static(id="today-list-title")
        yield PagedOptionList(id="today-list")

    def on_mount(self) -> None:
        # TabBase.on_mount (called too) watches the app's day.
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        self.refresh_view()

    # ------------------------------------------------------------ reading

    @property
    def day(self) -> date:
        return self.app.today

    def _may_record(self) -> bool:
        """Record what is shown only once the welcome is behind us (it may change the pick)."""
        return bool(self.app.store.settings().welcomed or getattr(self.app, "demo", False))

    def _today(self) -> tuple[Gesture, GestureDay | None]:
        """Today's gesture, recorded in the store when it is first shown."""
        store, day = self.app.store, self.day
        gesture = daily.todays_gesture(store, day)
        recorded = store.gesture_day(day)
        known = recorded is not None and recorded.gesture_id in content.gesture_by_id()
        # A done day whose gesture left the catalog keeps its record (and note) untouched.
        if self._may_record() and (recorded is None or (not known and not recorded.done)):
            try:
                recorded = store.show_gesture(day, gesture.id)
            except StoreWriteError as exc:
                self._write_failed(exc)
        return gesture, recorded

    # ------------------------------------------------------------ showing

    def refresh_view(self) -> None:
        """Re-read the store and repaint everything the tab shows."""
        store, day = self.app.store, self.day
        gesture, recorded = self._today()
        self._gesture = gesture
        name = store.settings().partner_name
        done = recorded is not None and recorded.done and recorded.gesture_id == gesture.id
        favourite = gesture.id in store.favourites()

        card = self.query_one("#today-card", Vertical)
        card.border_title = Content(f"Today, {short_date(day, day)}")
        card.set_class(done, "-done")
        self.query_one("#today-gesture", Static).update(Content(content.personalise(gesture.text, name)))
        meta = gesture_label(gesture) + ("  ★ favourite" if favourite else "")
        self.query_one("#today-meta", Static).update(Content(meta))
        status = self.query_one("#today-status", Static)
        answer = recorded.feedback if done and recorded is not None else ""
        if done and recorded is not None:
            line = Content.assemble(("✓ Done today.", "bold"), " ", ANSWERED.get(answer, "Lovely."))
            if recorded.note:
                line = Content.assemble(line, "  ", (f"“{recorded.note}”", "italic"))
            status.update(line)
        else:
            status.update(Content("When you have done it, press d. Not today's thing? n for another."))
        asking = self.query_one("#today-feedback", Static)
        asking.display = done and answer not in FEEDBACK
        if asking.display:
            asking.update(
                Content.assemble(
                    "Did it land?  ",
                    ("l", "bold"), " it landed · ",
                    ("m", "bold"), " so-so · ",
                    ("r", "bold"), " not really",
                )
            )

        nudge = self._nudge(gesture, done)
        nudge_line = self.query_one("#today-nudge", Static)
        nudge_line.display = bool(nudge)
        nudge_line.update(Content(nudge))
        self.query_one("#today-why", Static).update(Content(why_line(day)))
        week, month = done_counts(store.gesture_days(), day)
        if month:
            counts = f"Done this week: {week} · this month: {month}"
        else:
            counts = "Each gesture you mark done is counted here, this week and this month."
        self.query_one("#today-counts", Static).update(Content(counts))
        history = store.gesture_days()
        lines = ledger_lines(history, content.gesture_by_id(), store.settings(), day)
        ledger = self.query_one("#today-ledger", Static)
        ledger.display = bool(lines)
        ledger.update(Content("\n".join(lines)))
        self._fill_list()

    def _nudge(self, gesture: Gesture, done: bool) -> str:
        """The grace-day line, else the line about a language that has waited, else ""."""
        store, day = self.app.store, self.day
        span = daily.grace_span(store, day)
        if span is not None:
            return grace_line(span.reason, apart=done or "apart" in gesture.tags)
        waiting = daily.waiting_language(store, day)
        if waiting is None or (done and gesture.language == waiting[0]):
            return ""
        return waiting_line(*waiting, done_today=done)

    def _fill_list(self) -> None:
        store, day = self.app.store, self.day
        name = store.settings().partner_name
        by_id = content.gesture_by_id()
        title = self.query_one("#today-list-title", Static)
        option_list = self.query_one("#today-list", PagedOptionList)
        current = option_list.highlighted_option
        keep = current.id if current is not None else None
        if self._list_mode == HISTORY:
            title.update(Content.assemble(("Done lately", "bold"), ("   v shows favourites", "dim")))

            def history_rows(page: list[GestureDay]) -> list[Option | None]:
                if not page:
                    return [Option(Content(EMPTY_HISTORY), disabled=True)]
                rows: list[Option | None] = []
                for gd in page:
                    gesture = by_id.get(gd.gesture_id)
                    text = content.personalise(gesture.text, name) if gesture else "A gesture no longer in the list"
                    lines = [(short_date(gd.day, day).ljust(_DATE_WIDTH), "bold")]
                    for number, line in enumerate(self._wrap(text)):
                        lines += ["\n" + " " * _DATE_WIDTH if number else "", line]
                    for line in self._wrap(f"“{gd.note}”" if gd.note else ""):
                        lines += ["\n" + " " * _DATE_WIDTH, (line, "italic")]
                    rows.append(Option(Content.assemble(*lines), id=f"day-{gd.day.isoformat()}"))
                return rows

            done = [gd for gd in store.gesture_days() if gd.done]
            option_list.show(done, history_rows, key=lambda gd: f"day-{gd.day.isoformat()}", keep=keep)
        else:
            title.update(Content.assemble(("Favourites", "bold"), ("   enter makes one today's · v shows done", "dim")))
            favourites = store.favourites()
            today_id = self._gesture.id if self._gesture else ""

            def favourite_rows(page: list[Gesture]) -> list[Option | None]:
                if not page:
                    return [Option(Content(EMPTY_FAVOURITES), disabled=True)]
                rows: list[Option | None] = []
                for gesture in page:
                    label = gesture_label(gesture) + (" · today's" if gesture.id == today_id else "")
                    prompt = Content.assemble(content.personalise(gesture.text, name), "\n", (label, "dim"))
                    rows.append(Option(prompt, id=gesture.id))
                return rows

            chosen = [g for g in content.gestures() if g.id in favourites]
            option_list.show(chosen, favourite_rows, keep=keep)

    def _wrap(self, text: str) -> list[str]:
        """Wrap history text so it hangs under itself, right of the date column."""
        width = self.query_one("#today-list", PagedOptionList).scrollable_content_region.width
        width = (width or self.app.size.width - 4) - _DATE_WIDTH - 2  # room for a scrollbar
        return textwrap.wrap(text, max(20, width), break_long_words=True, break_on_hyphens=False)

    def on_resize(self) -> None:
        self._fill_list()

    def focus_first(self) -> None:
        self.query_one("#today-list", PagedOptionList).focus()

    def on_day_changed(self, day: date) -> None:
        self.refresh_view()

    def _screen_changed(self, screen: Screen) -> None:
        # Back from a dialog, the welcome or settings (or a grace day marked on the Rituals
        # tab): the name, the day's record or the grace line may have changed.
        if self.is_attached and screen is self.screen:
            self.refresh_view()

    def _write_failed(self, exc: StoreWriteError) -> None:
        self.notify(str(exc), title="Not saved", severity="error", markup=False)

    def _notify(self, message: str) -> None:
        self.notify(message, markup=False)

    # ------------------------------------------------------------ actions

    def action_done(self) -> None:
        """Mark today's gesture done with an optional note, or unmark it."""
        gesture, recorded = self._today()
        if recorded is None:
            return
        day = recorded.day
        if recorded.done:
            self._undo_done(recorded)
            return
        self._ask_note(day, gesture, recorded.note)

    def _ask_note(self, day: date, gesture: Gesture, value: str = "") -> None:
        def save(note: str | None) -> None:
            if note is None:
                return
            store = self.app.store
            current = store.gesture_day(day)
            if current is None:
                return
            try:
                store.save_gesture_day(replace(current, done=True, note=note))
            except StoreWriteError as exc:
                self._write_failed(exc)
                self._ask_note(day, gesture, note)  # keep what was written
                return
            self.refresh_view()
            self._notify("Done. That counts, and it matters.")

        self.app.push_screen(
            LineDialog(
                "Done! How did it go?",
                value=value,
                placeholder="A few words, or leave it empty",
                hint="optional · enter saves · esc cancels",
                check=check_line,
            ),
            save,
        )

    def _undo_done(self, recorded: GestureDay) -> None:
        def undo(yes: bool | None = True) -> None:
            if not yes:
                return
            store = self.app.store
            current = store.gesture_day(recorded.day)
            if current is None:
                return
            try:
                store.save_gesture_day(replace(current, done=False, note="", feedback=""))
            except StoreWriteError as exc:
                self._write_failed(exc)
                return
            self.refresh_view()
            self._notify("Marked as not done yet.")

        if recorded.note:
            self.app.push_screen(
                ConfirmDialog(
                    "Mark as not done?",
                    f"Its note will be removed: “{recorded.note}”",
                    yes="Unmark",
                    no="Keep it",
                ),
                undo,
            )
        else:
            undo()

    def action_feedback(self, answer: str) -> None:
        """Say whether today's done gesture landed (again to change the answer)."""
        if answer not in FEEDBACK:
            return
        _, recorded = self._today()
        if recorded is None or not recorded.done:
            self._notify("First mark today's gesture done (d); then l, m or r says how it landed.")
            return
        if recorded.feedback == answer:
            self._notify(f"Already noted: {FEEDBACK[answer].lower()}.")
            return
        try:
            self.app.store.save_gesture_day(replace(recorded, feedback=answer))
        except StoreWriteError as exc:
            self._write_failed(exc)
            return
        self.refresh_view()
        self._notify(ANSWER_NOTICES[answer])

    def _refuse_when_done(self, recorded: GestureDay | None) -> bool:
        if recorded is not None and recorded.done:
            self._notify("Today's gesture is already done. Lovely! To choose another, first press d to unmark it.")
            return True
        return False

    def action_another(self) -> None:
        """Suggest a different gesture for today (remembered for the day)."""
        _, recorded = self._today()
        if self._refuse_when_done(recorded):
            return
        store = self.app.store
        gesture = daily.another_gesture(store, self.day)
        try:
            store.show_gesture(self.day, gesture.id)
        except StoreWriteError as exc:
            self._write_failed(exc)
            return
        self.refresh_view()

    def action_favourite(self) -> None:
        """Add today's gesture to your favourites, or take it out."""
        gesture, _ = self._today()
        store = self.app.store
        favourite = gesture.id not in store.favourites()
        try:
            store.set_favourite(gesture.id, favourite)
        except StoreWriteError as exc:
            self._write_failed(exc)
            return
        self.refresh_view()
        self._notify("Kept among your favourites (v shows them)." if favourite else "Taken out of your favourites.")

    def action_switch_list(self) -> None:
        """Switch the list between done gestures and favourites."""
        self._list_mode = FAVOURITES if self._list_mode == HISTORY else HISTORY
        self.query_one("#today-list", PagedOptionList).highlighted = None
        self._fill_list()

    @on(OptionList.OptionSelected, "#today-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter on a favourite makes it today's gesture."""
        if self._list_mode != FAVOURITES or not event.option.id:
            return
        gesture, recorded = self._today()
        if event.option.id == gesture.id:
            self._notify("That is already today's gesture.")
            return
        if self._refuse_when_done(recorded):
            return
        try:
            self.app.store.show_gesture(self.day, event.option.id)
        except StoreWriteError as exc:
            self._write_failed(exc)
            return
        self.refresh_view()
        self._notify("Today's gesture is now one of your favourites.")
