"""How the Rituals tab draws its rows: ticks, names, dots, streaks and the column heads.

Pure functions from rituals and days to literal ``Content``: a ritual's name
is never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from textual.content import Content

from tui.domain.rituals import DONE, GRACE, MISSED, OPEN, consistency, forgiving_streak, last_days
from tui.format import schedule_label
from tui.model import GraceSpan, Ritual

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
WIDE_NAME_WIDTH = 28
"""Narrower than this, the names take the room of the 30-day column, which is left out."""


def percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"


def name_width_for(width: int) -> tuple[int, bool]:
    """The names' width in a row ``width`` cells wide, and whether the 30-day column fits too."""
    if width - FIXED_WIDTH >= WIDE_NAME_WIDTH:
        return width - FIXED_WIDTH, True
    return max(MIN_NAME_WIDTH, width - FIXED_WIDTH + GAP + PERCENT_WIDTH), False


def columns_line(name_width: int, *, thirty: bool = True) -> Content:
    """The column heads above the rows (``thirty``: with the 30-day column)."""
    return Content(
        " " * (CHECK_WIDTH + name_width + GAP)
        + f"{'last 7 days':<{DOTS_WIDTH}}"
        + " " * GAP
        + f"{'streak':>{STREAK_WIDTH}}"
        + (" " * GAP + f"{'30 days':>{PERCENT_WIDTH}}" if thirty else "")
    )


def ritual_row(
    ritual: Ritual,
    ticked: frozenset[date],
    grace: Collection[GraceSpan],
    name_width: int,
    *,
    day: date,
    today: date,
    rest: str = "",
    thirty: bool = True,
    paired: bool = False,
    by: str = "",
    unticked_by: str = "",
) -> Content:
    """One checklist row: the tick, the name, the last seven days, the streak, the 30 days.

    ``rest`` says why a ritual is not due on ``day`` ("rests today", "added later"):
    its row is then marked with a dash instead of a box. When ``paired``, a personal
    ritual (kept to this person's devices) says so in words, and ``by`` names the
    partner whose tick on ``day`` this is ("by Alex"), ``unticked_by`` the partner who took
    back a tick on ``day`` ("unticked by Alex"). Without ``thirty``
    the row ends at the streak (a narrow terminal).
    """
    if ritual.archived:
        check: tuple[str, str] = ("  ▪ ", "$foreground-muted")
    elif rest:
        check = ("  – ", "$foreground-muted")
    elif day in ticked:
        check = ("[x] ", "bold $success")
    else:
        check = ("[ ] ", "")
    name = Content(ritual.name)
    if ritual.archived:
        name = Content.assemble(name, ("  archived", "$foreground-muted italic"))
    if ritual.personal and paired and not ritual.archived:
        name = Content.assemble(name, ("  personal", "$foreground-muted italic"))
    by_whom = Content.assemble(name, (f"  by {by}", "$foreground-muted italic"))
    untick = Content.assemble(name, (f"  unticked by {unticked_by}", "$foreground-muted italic"))
    if by and day in ticked and not ritual.archived and by_whom.cell_length <= name_width:
        name = by_whom  # whole or not at all: a cut name ("by Al…") would read as someone else
    elif unticked_by and day not in ticked and not ritual.archived and untick.cell_length <= name_width:
        name = untick
    if ritual.weekdays and not ritual.archived:
        name = Content.assemble(name, (f"  {schedule_label(ritual.weekdays)}", "$foreground-muted"))
    if rest and not ritual.archived:
        name = Content.assemble(name, (f"  {rest}", "$foreground-muted italic"))
    name = name.truncate(name_width, ellipsis=True, pad=True)
    dots: list[str | tuple[str, str]] = []
    for index, (when, state) in enumerate(last_days(ritual, ticked, today, 7, grace)):
        if ritual.archived and state == OPEN:
            state = ""  # archived: nothing is open today, so no ○ (the row says "archived")
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
        *((" " * GAP, (f"{percent(share):>{PERCENT_WIDTH}}", "")) if thirty else ()),
    )
