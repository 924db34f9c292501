"""A calendar-like heatmap of every ritual over the last weeks.

Weeks are columns (oldest left, this week right), Monday..Sunday are rows, and
each cell is shaded by the share of the day's scheduled rituals that were
kept; a grace day where nothing was kept shows as ◌, and ◂ points at today.
The grid comes from :func:`tui.domain.rituals.heatmap`; this widget only
draws it, as literal ``Content`` with theme-variable styles (no markup).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence, Set
from datetime import date, timedelta

from textual.content import Content
from textual.widget import Widget

from tui.domain.calendar import week_start
from tui.domain.rituals import Cell, heatmap, in_grace
from tui.format import SHORT_DAY_NAMES as WEEKDAY_LABELS
from tui.format import SHORT_MONTH_NAMES as MONTHS
from tui.format import short_day
from tui.model import GraceSpan, Ritual

NONE_KEPT = "·"
GRACE_GLYPH = "◌"
"""A grace day with nothing kept (rituals rested)."""
TODAY_MARK = "◂"
"""Drawn just right of today's cell, so today reads without colour (NO_COLOR)."""
SHADES = ("░", "▒", "▓", "█")
"""Some kept (up to a third), about half (up to two thirds), most, all."""

LABEL_WIDTH = 4
CELL_WIDTH = 2
LEGEND_WIDTH = 30
"""Two spaces and the widest legend line ("Last 12 weeks, all rituals")."""
MIN_WEEKS = 8
MAX_WEEKS = 26

KEPT_STYLE = "$success"
NONE_STYLE = "$foreground-muted"
LABEL_STYLE = "$foreground-muted"
TODAY_STYLE = "bold $accent"
GRACE_STYLE = "$secondary"


def shade(cell: Cell | None) -> str:
    """The glyph for one cell: blank for days ahead or with nothing scheduled."""
    if cell is None:
        return " "
    _, kept, scheduled = cell
    if scheduled == 0:
        return " "
    if kept == 0:
        return NONE_KEPT
    share = kept / scheduled
    if share >= 1:
        return SHADES[3]
    if share > 2 / 3:
        return SHADES[2]
    if share > 1 / 3:
        return SHADES[1]
    return SHADES[0]


def weeks_for_width(width: int, since: date | None = None, today: date | None = None) -> int:
    """How many week columns to draw: what fits beside the labels and legend,
    and no more than reach back to ``since`` (the oldest ritual), at least 8."""
    fit = max(MIN_WEEKS, min(MAX_WEEKS, (width - LABEL_WIDTH - LEGEND_WIDTH) // CELL_WIDTH))
    if since is None or today is None:
        return fit
    needed = (week_start(today) - week_start(since)).days // 7 + 1
    return max(MIN_WEEKS, min(fit, needed))


def month_row(grid: Sequence[Sequence[Cell | None]], first_monday: date) -> str:
    """Month names above the week where each month begins (never overlapping).

    One cell wider than the grid, so a month that begins in this week's column
    (the last one) still has room for its three letters.
    """
    row = [" "] * (len(grid) * CELL_WIDTH + 1)
    free_from = 0
    for column in range(len(grid)):
        monday = first_monday + timedelta(weeks=column)
        sunday = monday + timedelta(days=6)
        starts = monday.day == 1 or sunday.month != monday.month
        label_month = sunday.month if starts else monday.month
        if column == 0 and not starts:
            # Label the first column unless a month begins right after it.
            nxt = monday + timedelta(weeks=1)
            if (nxt + timedelta(days=6)).month != nxt.month or nxt.day == 1:
                continue
        elif not starts:
            continue
        x = column * CELL_WIDTH
        label = MONTHS[label_month - 1]
        if x < free_from or x + len(label) > len(row):
            continue
        row[x : x + len(label)] = list(label)
        free_from = x + len(label) + 1
    return "".join(row)


class RitualHeatmap(Widget):
    """Every ritual over the last weeks, shaded by the share kept each day."""

    ROWS = 9
    """The heatmap's height with its margin (styles/rituals.tcss)."""
    SHORT_LIST_ROWS = 8
    """With fewer rows than this left for the list above it, the heatmap folds away if the list needs them."""

    @classmethod
    def folds(cls, height: int, rows: int) -> bool:
        """On a short terminal (``height`` rows for the tab) the heatmap gives its room to a list of
        ``rows`` that would not fit beside it."""
        if not height:
            return False
        beside = height - 2 - cls.ROWS  # the day, the column heads, the heatmap and its margin
        return beside < cls.SHORT_LIST_ROWS and rows > beside

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rituals: Sequence[Ritual] = ()
        self._ticks: Mapping[str, Set[date]] = {}
        self._grace: Collection[GraceSpan] = ()
        self._today: date | None = None
        self._until: date | None = None
        self.weeks = MIN_WEEKS
        """How many week columns the last drawing had."""

    def show(
        self,
        rituals: Sequence[Ritual],
        ticks: Mapping[str, Set[date]],
        today: date,
        grace: Collection[GraceSpan] = (),
        until: date | None = None,
    ) -> None:
        """Draw these rituals and ticks as seen on ``today``, up to the day ``until``
        (an earlier week's Sunday in the weekly review; default today)."""
        self._rituals, self._ticks, self._today, self._grace = rituals, ticks, today, grace
        self._until = until if until is not None and until < today else None
        self.refresh()

    def _end(self) -> date | None:
        return self._until or self._today

    def grid(self, weeks: int) -> list[list[Cell | None]]:
        """The domain heatmap for ``weeks`` weeks ending with the week shown."""
        end = self._end()
        if end is None:
            return []
        return heatmap(self._rituals, self._ticks, end, weeks=weeks, grace=self._grace)

    def render(self) -> Content:
        if self._today is None:
            return Content("")
        created = [r.created for r in self._rituals if r.created is not None and not r.archived]
        weeks = weeks_for_width(self.size.width or 80, min(created, default=None), self._end())
        self.weeks = weeks
        grid = self.grid(weeks)
        first_monday = grid[0][0][0] if grid and grid[0][0] else None
        if first_monday is None:  # pragma: no cover - the first column is always past
            return Content("")
        legend = [
            Content.styled(
                f"{weeks} weeks to {short_day(self._until)}" if self._until else f"Last {weeks} weeks, all rituals",
                "bold",
            ),
            Content.assemble((NONE_KEPT, NONE_STYLE), " none kept yet"),
            Content.assemble((SHADES[0], KEPT_STYLE), " a few kept"),
            Content.assemble((SHADES[1], KEPT_STYLE), " about half kept"),
            Content.assemble((SHADES[2], KEPT_STYLE), " most kept"),
            Content.assemble((SHADES[3], KEPT_STYLE), " all kept"),
            Content.assemble((TODAY_MARK, TODAY_STYLE), " today  ", (GRACE_GLYPH, GRACE_STYLE), " grace day"),
            Content.styled("blank: nothing scheduled", LABEL_STYLE),
        ]
        lines: list[Content] = [
            Content.assemble(" " * LABEL_WIDTH, (month_row(grid, first_monday), LABEL_STYLE), " ", legend[0])
        ]
        for weekday in range(7):
            parts: list[str | tuple[str, str]] = [(f"{WEEKDAY_LABELS[weekday]:<{LABEL_WIDTH}}", LABEL_STYLE)]
            for week in grid:
                cell = week[weekday]
                glyph = shade(cell)
                grace = cell is not None and cell[1] == 0 and in_grace(cell[0], self._grace)
                if grace:
                    glyph = GRACE_GLYPH
                if cell is not None and cell[0] == self._today:
                    style = TODAY_STYLE
                elif grace:
                    style = GRACE_STYLE
                elif glyph == NONE_KEPT:
                    style = NONE_STYLE
                else:
                    style = KEPT_STYLE
                parts.append((glyph, style))
                parts.append((TODAY_MARK, TODAY_STYLE) if style == TODAY_STYLE else " ")
            parts.append(" ")
            lines.append(Content.assemble(*parts, legend[weekday + 1]))
        return Content("\n").join(lines)
