"""The Today tab's days that matter: the key that opens them, the card's reason, the coming-up lines.

Mixed into :class:`tui.tabs.today.TodayTab`. When a day of the partner's (or of both) calls for a
gesture today, the card shows the occasion gesture (:func:`tui.daily.todays_gesture`) and says why
("Sam's interview is tomorrow"); under the card, the next few days count down.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from tui import daily
from tui.domain.occasions import coming_days
from tui.format import one_line
from tui.model import DayThatMatters

if TYPE_CHECKING:
    from textual.app import App

    from tui.host import Host
    from tui.model import Gesture

COMING_LINES = 3
"""How many days ahead the tab names."""

DAYS_BINDING = Binding(
    "a",
    "days",
    "Days that matter",
    id="today.days",
    tooltip="Their interview, a trip, a birthday: add, change or remove the days that matter",
)
DAYS_HELP = (
    "a opens the days that matter (an interview, a hard day, a trip, good news, a birthday): around each, "
    "the card suggests a gesture that fits the moment and says why; the next few count down under the card."
)


class TodayDays:
    """The days that matter on the Today tab."""

    if TYPE_CHECKING:  # provided by TodayTab
        app: App[object]
        host: Host

        def query_one(self, selector: str, expect_type: type[Static]) -> Static: ...
        def redraw(self, select: str | None = None) -> None: ...
        def share_words(self) -> str: ...

    def occasion_reason(self, gesture: Gesture) -> str:
        """Why today's gesture, when a day that matters chose it ("Sam's interview is tomorrow"), else ""."""
        if "occasion" not in gesture.tags:
            return ""
        pick = daily.todays_occasion(self.host.store, self.host.today)
        return pick.reason if pick is not None and pick.occasion.id == gesture.id else ""

    def kept_here_words(self) -> str:
        """What taking a day back from sharing says: Together sends nothing kept here, and only a
        partner confirmed on this device can have had a copy, which stays as it was."""
        together = self.host.together
        if not (together.paired and together.partner):
            return "Kept here from now on."
        who = one_line(self.host.store.settings().partner_name) or together.partner
        return f"Kept here from now on; any copy {who} already has stays as it was."

    def draw_coming(self) -> None:
        store = self.host.store
        days = [*store.entries("days"), *self.host.together.state.partner_days()]
        coming = coming_days(days, self.host.today, limit=COMING_LINES)
        partner = store.settings().partner_name
        line = self.query_one("#today-coming", Static)
        line.display = bool(coming)
        line.update(Content("Coming up: " + " · ".join(c.line(partner) for c in coming)))

    def action_days(self) -> None:
        """Open the days that matter: add, change or remove one."""
        from tui.dialogs.day import DaysDialog

        store, host = self.host.store, self.host

        def save(d: DayThatMatters) -> None:  # raises StoreWriteError: the form stays open with it
            before = store.entry("days", d.id)
            store.put("days", d)
            host.redraw()
            if d.shared and not (before is not None and before.shared):  # as `days add --share` says it
                self.app.notify(self.share_words(), markup=False)
            elif before is not None and before.shared and not d.shared:
                self.app.notify(self.kept_here_words(), markup=False)

        def remove(d: DayThatMatters) -> bool:
            if host.save(lambda: store.drop("days", d.id)) is None:
                return False
            host.redraw()
            return True

        dialog = DaysDialog(
            partner=store.settings().partner_name,
            today=host.today,
            mine=lambda: list(store.entries("days")),
            theirs=lambda: host.together.state.partner_days(),
            save=save,
            remove=remove,
            new_id=store.new_id,
        )
        self.app.push_screen(dialog, lambda _: self.redraw())
