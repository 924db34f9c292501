"""The weekly review: what was kept, given and written in one week, and a question.

Opened with ``w`` or from the command palette, and offered once a week on the
first launch of a new week (the review of the week just ended). The numbers
come from :func:`tui.domain.weekly.summarise_week`, the headline and the prompt
from :mod:`tui.domain.review`; this module only lays them out. Ritual names are
user text and reach the screen as literal ``Content``.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui import content
from tui.domain.calendar import due_on, week_bounds
from tui.domain.pair_week import pair_lines, pair_week
from tui.domain.review import (
    first_week,
    gestures_done,
    headline,
    review_due,
    review_prompt,
    step_week,
    week_has_entries,
)
from tui.domain.rituals import in_grace
from tui.domain.weekly import WeekSummary, summarise_week
from tui.format import short_day
from tui.host import host_of
from tui.model import LOVE_LANGUAGES, GraceSpan, Ritual
from tui.record import replace
from tui.themes import HEADER_ICON
from tui.widgets.hanging import HangingLines
from tui.widgets.header import Header
from tui.widgets.heatmap import RitualHeatmap

if TYPE_CHECKING:
    from tui.storage import Store
    from tui.together.door import TogetherDoor

NARROW_WIDTH = 70
"""Narrower than this, the rituals and what was given stack instead of sitting side by side."""
KEPT_ALL_MARK = "✓"
"""After a ritual kept on every scheduled day of the week, and beside notes said aloud."""


def week_title(start: date, today: date) -> str:
    """ "This week so far · Mon 23 Nov – Sun 29 Nov", "Last week · ...", "Week of ..."."""
    end = start + timedelta(days=6)
    span = f"{short_day(start)} – {short_day(end)}"
    if end.year != today.year:
        span += f" {end.year}"
    this_monday = week_bounds(today)[0]
    if start == this_monday:
        return f"This week so far · {span}"
    if start == this_monday - timedelta(weeks=1):
        return f"Last week · {span}"
    return f"Week of {span}"


def upcoming(rituals: list[Ritual], grace: list[GraceSpan], monday: date, today: date) -> set[str]:
    """Names of the rituals still due later this week, on a day that is not a grace day."""
    later = [today + timedelta(days=n) for n in range(1, (monday + timedelta(days=6) - today).days + 1)]
    return {r.name for r in rituals if any(due_on(r, day) and not in_grace(day, grace) for day in later)}


def ritual_lines(
    summary: WeekSummary, *, in_progress: bool, upcoming: Collection[str] | None = None
) -> tuple[str, list[str]]:
    """The rituals heading and one line per ritual ("6 of 7  Morning coffee").

    A ritual with no day counted yet reads "not yet" while a day of it is still
    ahead this week (every ritual when ``upcoming`` is None), else "rest".
    """
    if not summary.per_ritual:
        return "Rituals", ["None chosen yet.", "The Rituals tab has ideas."]
    so_far = " so far" if in_progress else ""  # days counted: rituals still to come are not in it
    heading = f"Ritual days kept{so_far}: {summary.rituals_kept} of {summary.rituals_scheduled}"
    if not summary.rituals_scheduled:
        heading = "Rituals"

    def waiting(name: str) -> bool:
        return in_progress and (upcoming is None or name in upcoming)

    counts = [
        f"{kept} of {scheduled}" if scheduled else ("not yet" if waiting(name) else "rest")
        for name, kept, scheduled in summary.per_ritual
    ]
    width = max(len(c) for c in counts)
    lines = []
    for (name, kept, scheduled), count in zip(summary.per_ritual, counts, strict=True):
        mark = f" {KEPT_ALL_MARK}" if scheduled and kept == scheduled else ""
        lines.append(f"{count:>{width}}  {name}{mark}")
    return heading, lines


def gesture_lines(summary: WeekSummary) -> tuple[str, list[str]]:
    """The gestures heading and one line per love language given in."""
    done = gestures_done(summary)
    if not done:
        return "Gestures", ["None marked done.", "Unmarked kindness counts too."]
    lines = [
        f"{count}  {LOVE_LANGUAGES.get(language, language)}"
        for language, count in summary.gestures_by_language.items()
        if count
    ]
    return f"Gestures done: {done}", lines


def note_lines(summary: WeekSummary, *, in_progress: bool) -> tuple[str, list[str]]:
    """The gratitude heading and a line on notes said aloud."""
    written, aloud = summary.notes_written, summary.notes_said_aloud
    if not written:
        return "Notes of thanks", ["A fresh page. One line is plenty." if in_progress else "A quiet page this week."]
    if aloud:
        said = f"{aloud} said aloud {KEPT_ALL_MARK}"
    else:
        said = "None said aloud yet."
    return f"Notes of thanks: {written}", [said]


def summary_for(store: Store, together: TogetherDoor, monday: date, today: date) -> WeekSummary:
    """The week starting ``monday`` as seen on ``today`` (the notes this person wrote: not a partner's)."""
    theirs = together.state.note_authors()
    return summarise_week(
        monday,
        store.rituals(include_archived=True),
        store.ticks_by_ritual(),
        store.gesture_days(),
        content.gesture_by_id(),
        [n for n in store.notes() if n.id not in theirs],
        store.grace(),
        today=today,
    )


def pair_for(store: Store, together: TogetherDoor, monday: date, today: date) -> tuple[str, list[str]] | None:
    """The section on the two of you, or None when no partner is confirmed on this device."""
    partner = together.partner if together.paired else ""
    if not partner:
        return None
    held = together.state
    week = pair_week(
        monday,
        min(monday + timedelta(days=6), today),
        partner,
        store.rituals(include_archived=True),
        store.ticks_by_ritual(),
        set(held.ticked_by()),
        store.gesture_days(),
        held.gift_days(),
        store.notes(),
        held.shared_notes(),
        set(held.note_authors()),
    )
    return pair_lines(week)


def earliest_week(store: Store, today: date) -> date:
    """The Monday of the first week anything was kept (stepping back stops there)."""
    days: list[date | None] = [r.created for r in store.rituals(include_archived=True)]
    days += [min(ticked) for ticked in store.ticks_by_ritual().values() if ticked]
    days += [g.day for g in store.gesture_days()]
    days += [n.day for n in store.notes()]
    return first_week(days, today)


class WeeklyReviewScreen(Screen[None]):
    """One week looked back on: rituals kept, gestures given, notes, a question."""

    BINDINGS = [
        Binding(
            "left_square_bracket",
            "step(-1)",
            "Earlier week",
            key_display="[",
            id="review.earlier",
            tooltip="Review the week before",
        ),
        Binding(
            "right_square_bracket",
            "step(1)",
            "Later week",
            key_display="]",
            id="review.later",
            tooltip="Review the week after (up to this week)",
        ),
        Binding("escape,w", "close", "Close", id="review.close", tooltip="Back to the tabs"),
    ]

    def __init__(self, week: date | None = None) -> None:
        """Review the week holding ``week`` (default: the app's current week)."""
        super().__init__()
        self._week = week
        self.monday = date.min
        """The Monday of the week shown."""
        self._earliest = date.min
        """The Monday of the first week with anything in it (as of the last showing)."""

    @property
    def store(self) -> Store:
        return host_of(self).store

    @property
    def today(self) -> date:
        return host_of(self).today

    def compose(self) -> ComposeResult:
        yield Header(icon=HEADER_ICON)
        with VerticalScroll(id="review-body"):
            yield Static(Content(""), id="review-title")
            yield Static(Content(""), id="review-headline")
            with Horizontal(id="review-columns"):
                with Vertical(id="review-rituals", classes="review-section"):
                    yield Static(Content(""), id="review-rituals-heading", classes="review-heading")
                    yield HangingLines(id="review-rituals-lines", classes="review-lines")
                with Vertical(id="review-given", classes="review-section"):
                    yield Static(Content(""), id="review-gestures-heading", classes="review-heading")
                    yield HangingLines(id="review-gestures-lines", classes="review-lines")
                    yield Static(Content(""), id="review-notes-heading", classes="review-heading")
                    yield HangingLines(id="review-notes-lines", classes="review-lines")
            with Vertical(id="review-pair", classes="review-section"):
                yield Static(Content(""), id="review-pair-heading", classes="review-heading")
                yield HangingLines(id="review-pair-lines", classes="review-lines")
            with Vertical(id="review-prompt", classes="review-section"):
                yield Static(Content(""), id="review-prompt-heading", classes="review-heading")
                yield Static(Content(""), id="review-prompt-text")
            yield RitualHeatmap(id="review-heatmap")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Weekly review"
        self.monday = week_bounds(self._week or self.today)[0]
        self.watch(self.app, "today", self._day_changed, init=False)
        self.show_week()
        self.query_one("#review-body", VerticalScroll).focus()

    def on_resize(self) -> None:
        # Narrow: the sections stack, so ritual names keep the whole width.
        self.query_one("#review-columns").set_class(self.size.width < NARROW_WIDTH, "-stacked")

    def _day_changed(self, day: date) -> None:
        self.show_week()

    def _set(self, widget_id: str, text: str) -> None:
        self.query_one(f"#{widget_id}", Static).update(Content(text))

    def show_week(self) -> None:
        """Fill every section for the week starting ``self.monday``."""
        store, today = self.store, self.today
        in_progress = self.monday == week_bounds(today)[0]
        self._earliest = earliest_week(store, today)
        summary = summary_for(store, host_of(self).together, self.monday, today)
        self._set("review-title", week_title(self.monday, today))
        self._set("review-headline", headline(summary, in_progress=in_progress))
        for section, (heading, lines) in (
            (
                "rituals",
                ritual_lines(
                    summary,
                    in_progress=in_progress,
                    upcoming=upcoming(store.rituals(), store.grace(), self.monday, today),
                ),
            ),
            ("gestures", gesture_lines(summary)),
            ("notes", note_lines(summary, in_progress=in_progress)),
        ):
            self._set(f"review-{section}-heading", heading)
            self.query_one(f"#review-{section}-lines", HangingLines).show(lines)
        pair = pair_for(store, host_of(self).together, self.monday, today)
        self.query_one("#review-pair").display = pair is not None
        if pair is not None:
            self._set("review-pair-heading", pair[0])
            self.query_one("#review-pair-lines", HangingLines).show(pair[1])
        prompt = review_prompt(summary, content.prompts())
        self.query_one("#review-prompt").display = prompt is not None
        if prompt is not None:
            topic = content.topics().get(prompt.topic, "")
            self._set("review-prompt-heading", f"To reflect on · {topic}" if topic else "To reflect on")
            self._set("review-prompt-text", prompt.text)
        rituals = store.rituals()
        heat = self.query_one(RitualHeatmap)
        heat.display = bool(rituals)
        heat.show(rituals, store.ticks_by_ritual(), today, store.grace(), until=self.monday + timedelta(days=6))
        self.refresh_bindings()

    def _target(self, offset: int) -> date:
        return step_week(self.monday, offset, earliest=self._earliest, today=self.today)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step" and parameters == (1,) and self.monday != date.min:
            return None if self._target(1) == self.monday else True
        return True

    def action_step(self, offset: int) -> None:
        """Show the week before (-1) or after (+1), never beyond this week."""
        target = self._target(offset)
        if target == self.monday and offset < 0:
            self.notify("This is the first week with anything in it; there is nothing earlier.", markup=False)
        if target != self.monday:
            self.monday = target
            self.show_week()
            self.query_one("#review-body", VerticalScroll).scroll_home(animate=False)

    def action_close(self) -> None:
        """Close the review and go back to the tabs."""
        self.dismiss(None)


def offer_review(app: App[Any]) -> bool:
    """On the first launch of a new week, open the review of the week just ended.

    ``settings.last_review`` remembers the Monday of the week the review was
    last considered, so it is offered once a week. A week is new only when an
    earlier one was seen: when nothing is remembered yet (the first launch
    with weekly reviews), this week is noted quietly and the offer starts next
    week. Only after the welcome, and only when the week just ended holds a
    tick, a note or a gesture done. Returns True when the review was opened.
    """
    host = host_of(app)
    store, today = host.store, host.today
    settings = store.settings()
    if not settings.welcomed or not review_due(settings.last_review, today):
        return False
    if len(app.screen_stack) > 1:
        return False  # something else is open; offer on a later launch
    first_seen = not settings.last_review
    this_monday = week_bounds(today)[0]
    host.save(
        lambda: store.save_settings(replace(settings, last_review=this_monday.isoformat())),
        title="Could not note this week's review",
    )
    if first_seen:
        return False
    last_monday = this_monday - timedelta(weeks=1)
    if not week_has_entries(last_monday, store.ticks_by_ritual(), store.gesture_days(), store.notes()):
        return False
    app.push_screen(WeeklyReviewScreen(last_monday))
    return True
