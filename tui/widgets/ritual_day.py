"""The line above the Rituals checklist: the day shown, how many of its rituals were kept, and
the keys that step through days; on a grace day, its reason instead of the tally.

The hint after the tally is shown whole or not at all (never cut mid-word).
"""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import Static

from tui.format import long_day
from tui.model import GraceSpan

GRACE_REASON_WIDTH = 12
"""A grace day's reason is cut to this many cells in the line."""


class RitualDay(Static):
    """The day shown on the Rituals tab, with its tally (``-past`` when it is not today)."""

    def show(self, day: date, today: date, *, due: int, kept: int, any_rituals: bool, grace: GraceSpan | None) -> None:
        self.set_class(day != today, "-past")
        if day == today:
            title = f"Today · {long_day(day, year=False)}"
            hint = "[ earlier · g grace days"
        else:
            ago = (today - day).days
            title = long_day(day, year=day.year != today.year)
            title += " · yesterday" if ago == 1 else f" · {ago} days ago"
            hint = "] next day · t today"
        if grace is not None:
            reason = grace.reason or "grace day"
            if len(reason) > GRACE_REASON_WIDTH:
                reason = reason[: GRACE_REASON_WIDTH - 1] + "…"
            rest = "rituals rest" if not kept else f"{kept} kept ♥"
            line = Content.assemble((title, "bold"), "  ", (f"◌ {reason}: {rest}", "$secondary"))
        elif not any_rituals:
            self.update(Content.styled(title, "bold"))
            return
        else:
            if not due:
                tally = "nothing scheduled"
            elif kept == due:
                tally = f"all {due} kept ♥"
            else:
                tally = f"{kept} of {due} kept"
            line = Content.assemble((title, "bold"), "  ", (tally, ""))
        with_hint = Content.assemble(line, "   ", (hint, "$foreground-muted"))
        width = self.size.width or self.app.size.width
        self.update(with_hint if with_hint.cell_length <= width else line)
