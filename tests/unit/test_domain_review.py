"""Tests for tui.domain.review and tui.domain.share: the weekly review's choices, the shared note."""

from __future__ import annotations

from datetime import date

import pytest

from tui import content
from tui.domain.review import (
    FEW_NOTES,
    first_week,
    headline,
    prompt_topics,
    review_due,
    review_prompt,
    step_week,
    week_has_entries,
)
from tui.domain.share import share_message
from tui.domain.weekly import WeekSummary
from tui.model import GestureDay, Note, Prompt
from tui.record import replace

# The week of Monday 9 .. Sunday 15 June 2025.
MON, WED, SUN = date(2025, 6, 9), date(2025, 6, 11), date(2025, 6, 15)
NO_GESTURES = {"words": 0, "touch": 0, "service": 0, "time": 0, "gifts": 0}

DECK = [
    Prompt(id=f"{theme}-{i}", topic=theme, text=f"{theme} {i}")
    for theme in ("seen", "blocks", "rituals", "gratitude", "repair")
    for i in range(6)
]


def week(
    *,
    kept: int = 0,
    scheduled: int = 0,
    notes: int = FEW_NOTES,
    slipped: tuple[str, ...] = (),
    gestures: int = 0,
    start: date = MON,
) -> WeekSummary:
    return WeekSummary(
        start=start,
        end=date.fromordinal(start.toordinal() + 6),
        rituals_kept=kept,
        rituals_scheduled=scheduled,
        gestures_by_language={**NO_GESTURES, "touch": gestures},
        notes_written=notes,
        slipped=list(slipped),
    )


# --- the prompt -----------------------------------------------------------------------


def test_themes_follow_what_slipped() -> None:
    assert prompt_topics(week(slipped=("Walk",), notes=0)) == ("rituals", "blocks")
    assert prompt_topics(week(notes=FEW_NOTES - 1)) == ("gratitude",)
    assert prompt_topics(week(notes=FEW_NOTES)) == ("seen",)


@pytest.mark.parametrize(
    ("summary", "themes"),
    [
        (week(slipped=("Walk",)), {"rituals", "blocks"}),
        (week(notes=0), {"gratitude"}),
        (week(notes=5), {"seen"}),
    ],
)
def test_prompt_comes_from_the_themes(summary: WeekSummary, themes: set[str]) -> None:
    for offset in range(20):
        shifted = replace(summary, start=date.fromordinal(MON.toordinal() + 7 * offset))
        prompt = review_prompt(shifted, DECK)
        assert prompt is not None and prompt.topic in themes


def test_prompt_is_the_same_for_the_same_week_and_varies_across_weeks() -> None:
    summary = week(slipped=("Walk",))
    first = review_prompt(summary, DECK)
    assert review_prompt(summary, list(DECK)) == first
    weeks = {review_prompt(replace(summary, start=date.fromordinal(MON.toordinal() + 7 * n)), DECK) for n in range(12)}
    assert len(weeks) > 3


def test_prompt_falls_back_to_the_whole_deck_and_none_for_no_deck() -> None:
    only_repair = [p for p in DECK if p.topic == "repair"]
    assert review_prompt(week(notes=0), only_repair) in only_repair
    assert review_prompt(week(), []) is None


def test_shipped_deck_has_every_theme_the_review_asks_for() -> None:
    shipped = {p.topic for p in content.prompts()}
    assert {"rituals", "blocks", "gratitude", "seen"} <= shipped


# --- the headline ---------------------------------------------------------------------


GUILT = ("fail", "miss", "only", "should", "behind", "broke", "lost")


@pytest.mark.parametrize(
    ("summary", "start"),
    [
        (week(notes=0), "A quiet week — that's normal."),
        (week(kept=8, scheduled=11, notes=0), "A warm, steady week."),
        (week(kept=2, scheduled=11, notes=0), "A lighter week — that's normal."),
        (week(notes=2, gestures=2), "A week full of small kindnesses."),
        (week(notes=1), "A lighter week — that's normal."),
    ],
)
def test_headline_is_warm(summary: WeekSummary, start: str) -> None:
    line = headline(summary)
    assert line.startswith(start)
    assert not any(word in line.lower() for word in GUILT)


def test_headline_claims_giving_only_when_something_was_given() -> None:
    rituals_only = headline(week(kept=5, scheduled=5, notes=0), in_progress=True)
    assert "all you gave" not in rituals_only and "Your rituals held" in rituals_only
    assert headline(week(kept=3, scheduled=3, notes=1)).endswith("Your rituals held, and you gave a little more.")
    assert headline(week(kept=5, scheduled=6, notes=2)).endswith("Look at all you gave.")


def test_headline_of_a_week_in_progress() -> None:
    assert headline(week(notes=0), in_progress=True).startswith("A fresh week")
    assert headline(week(kept=5, scheduled=5, notes=0), in_progress=True).startswith("A warm, steady week so far")


def test_headline_claims_no_steady_week_on_two_days() -> None:
    """Two ritual days kept on a Monday, one note: a good start, not yet a steady week nor "all you gave"."""
    line = headline(week(kept=2, scheduled=2, notes=1), in_progress=True)
    assert line == "A good start to the week: every ritual day so far kept."


# --- offering the review --------------------------------------------------------------


def test_review_due_once_a_week() -> None:
    assert review_due("", WED)
    assert review_due("2025-06-02", WED)
    assert not review_due("2025-06-09", WED)
    assert not review_due("2025-06-09", SUN)
    assert review_due("2025-06-09", date(2025, 6, 16))


def test_week_has_entries() -> None:
    before, after = date(2025, 6, 8), date(2025, 6, 16)
    assert not week_has_entries(WED, {}, [], [])
    assert not week_has_entries(
        WED, {"r": {before, after}}, [GestureDay(after, "g", done=True)], [Note("n", before, "x")]
    )
    assert week_has_entries(WED, {"r": {before, SUN}}, [], [])
    assert week_has_entries(WED, {}, [GestureDay(MON, "g", done=True)], [])
    assert not week_has_entries(WED, {}, [GestureDay(MON, "g", done=False)], [])
    assert week_has_entries(WED, {}, [], [Note("n", SUN, "x")])


def test_stepping_stays_between_the_first_week_and_this_week() -> None:
    today = date(2025, 6, 12)
    earliest = first_week([None, date(2025, 5, 28), date(2025, 6, 1), date(2030, 1, 1)], today)
    assert earliest == date(2025, 5, 26)
    assert first_week([], today) == MON
    assert step_week(MON, 1, earliest=earliest, today=today) == MON
    assert step_week(MON, -1, earliest=earliest, today=today) == date(2025, 6, 2)
    assert step_week(date(2025, 6, 2), -1, earliest=earliest, today=today) == date(2025, 5, 26)
    assert step_week(date(2025, 5, 26), -1, earliest=earliest, today=today) == date(2025, 5, 26)


# --- sharing a note -------------------------------------------------------------------


def test_share_message_with_and_without_a_name() -> None:
    assert share_message("Your laugh at breakfast", "") == "I was thinking about this today: Your laugh at breakfast ♥"
    assert share_message("Your laugh", "  Alex ") == "Alex, I was thinking about this today: Your laugh ♥"


def test_share_message_keeps_the_words_literal() -> None:
    text = "[bold]x[/] [@click=app.quit]y[/] {partner} 100%\nsecond line"
    assert share_message(f"  {text}\n", "[/]") == f"[/], I was thinking about this today: {text} ♥"
