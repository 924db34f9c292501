"""How the Today tab draws its lines: the status, done gestures with their notes, favourites.

User text (the partner's name, a note) reaches the screen as literal ``Content``.
"""

from __future__ import annotations

import textwrap
from datetime import date

from textual.content import Content
from textual.widgets.option_list import Option

from tui import content
from tui.domain.calendar import week_start
from tui.format import MONTH_NAMES, short_day
from tui.model import EFFORTS, FEEDBACK, LOVE_LANGUAGES, Gesture, GestureDay

DATE_WIDTH = 11
YEAR_DATE_WIDTH = 16
"""The date column of a day of another year ("Mon 7 Dec 2026" and a space)."""
"""Width of the date column in the history ("Tue 24 Nov" and a space)."""

ANSWERED = {
    "landed": "It landed ♥",
    "so_so": "So-so, noted.",
    "not_really": "Not quite this time; noted.",
}
"""What the status line says after each "did it land?" answer."""

ASK_FEEDBACK = Content.assemble(
    "Did it land?  ", ("l", "bold"), " it landed · ", ("m", "bold"), " so-so · ", ("r", "bold"), " not really"
)
"""Asked once today's gesture is done, until it is answered."""

ANSWER_HINTS = {
    "landed": "You said it landed",
    "so_so": "You said so-so",
    "not_really": "You said not really",
}
"""Shown after an answer, with how to change it."""


def answered_line(feedback: str) -> Content:
    """After an answer: what was said, and that l, m or r changes it."""
    return Content.assemble(
        (ANSWER_HINTS.get(feedback, ""), ""),
        " · ",
        ("l", "bold"),
        ", ",
        ("m", "bold"),
        " or ",
        ("r", "bold"),
        " changes it",
    )


EMPTY_HISTORY = "Nothing here yet, and that is fine: the gestures you mark done will gather here."
EMPTY_FAVOURITES = "No favourites yet. Press f on a gesture you would like to keep."


def counts_line(week: int, month: int, day: date) -> str:
    """ "Done this week: 2 · this month: 5", saying why when the week began last month."""
    if not week and not month:
        return "Each gesture you mark done is counted here, this week and this month."
    line = f"Done this week: {week} · this month: {month}"
    monday = week_start(day)
    if monday.month != day.month:
        line += f" (the week began in {MONTH_NAMES[monday.month - 1]})"
    return line


def short_date(day: date, today: date) -> str:
    """A date in the history, "Tue 24 Nov" (with the year when it is not this year)."""
    return short_day(day, year=day.year != today.year)


def status_line(done: GestureDay | None, partner: str = "") -> Content:
    """The card's status: done (with the answer, ``partner``'s answer and the note), or what to press."""
    if done is None:
        return Content("When you have done it, press d. Not today's thing? n for another.")
    line = Content.assemble(("✓ Done today.", "bold"), " ", ANSWERED.get(done.feedback, "Lovely."))
    if done.partner_feedback in FEEDBACK:  # their own answer (Together)
        who = " ".join(partner.split()) or "Your partner"
        line = Content.assemble(line, f"  {who} said: {FEEDBACK[done.partner_feedback].lower()}.")
    if done.note:
        line = Content.assemble(line, "  ", (f"“{done.note}”", "italic"))
    return line


def gesture_label(gesture: Gesture) -> str:
    """ "Physical touch · About a minute" """
    return f"{LOVE_LANGUAGES.get(gesture.language, gesture.language)} · {EFFORTS.get(gesture.effort, gesture.effort)}"


def hanging(text: str, width: int, column: int = DATE_WIDTH) -> list[str]:
    """Wrap history text so it hangs under itself, right of the date column (``column`` wide)."""
    width = width - column - 2  # room for a scrollbar
    return textwrap.wrap(text, max(20, width), break_long_words=True, break_on_hyphens=False)


def history_row(gd: GestureDay, gesture: Gesture | None, name: str, today: date, width: int) -> Option:
    """A done day: its date, the gesture and the note, wrapped to ``width``."""
    text = content.personalise(gesture.text, name) if gesture else "A gesture no longer in the list"
    column = DATE_WIDTH if gd.day.year == today.year else YEAR_DATE_WIDTH  # the date and at least one space
    lines: list[str | tuple[str, str]] = [(short_date(gd.day, today).ljust(column), "bold")]
    for number, line in enumerate(hanging(text, width, column)):
        lines += ["\n" + " " * column if number else "", line]
    for line in hanging(f"“{gd.note}”" if gd.note else "", width, column):
        lines += ["\n" + " " * column, (line, "italic")]
    return Option(Content.assemble(*lines), id=f"day-{gd.day.isoformat()}")


def favourite_row(gesture: Gesture, name: str, *, today: bool) -> Option:
    """A favourite gesture, its love language and effort (and whether it is today's)."""
    label = gesture_label(gesture) + (" · today's" if today else "")
    return Option(Content.assemble(content.personalise(gesture.text, name), "\n", (label, "dim")), id=gesture.id)
