"""The weekly review's heatmap shows the weeks up to the week viewed, apart from the question."""

from __future__ import annotations

from datetime import date, timedelta

from tests.ui.screen_text import screen_text
from tui.screens.weekly import WeeklyReviewScreen

OLD_MONDAY = date(2026, 3, 2)  # far beyond what the heatmap shows from 25 November


def _lines(app) -> list[str]:
    return screen_text(app).splitlines()


async def test_the_heatmap_follows_the_week_viewed(make_app) -> None:
    app = make_app()
    tea = app.store.add_ritual("Tea", created=OLD_MONDAY - timedelta(weeks=4))
    for offset in range(7):
        app.store.set_tick(tea.id, OLD_MONDAY + timedelta(days=offset), True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.push_screen(WeeklyReviewScreen(OLD_MONDAY))
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "weeks to Sun 8 Mar" in text, text
        assert "Mar" in next(line for line in _lines(app) if "weeks to" in line)
        sunday_row = next(line for line in _lines(app) if line.strip().startswith("Sun "))
        assert "█" in sunday_row, text  # the week viewed: all kept
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "weeks to Sun 15 Mar" in screen_text(app)


async def test_this_weeks_review_shows_the_last_weeks_and_a_blank_line_before_the_question(make_app) -> None:
    app = make_app()
    tea = app.store.add_ritual("Tea", created=date(2026, 11, 2))
    app.store.set_tick(tea.id, date(2026, 11, 23), True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.pause()
        lines = _lines(app)
        assert any("Last 8 weeks, all rituals" in line for line in lines), "\n".join(lines)
        heading = next(i for i, line in enumerate(lines) if "To reflect on" in line)
        legend = next(i for i, line in enumerate(lines) if "weeks, all rituals" in line)
        if legend > heading:  # the heatmap below the question: a blank line above the heatmap
            assert lines[legend - 1].strip() == "", "\n".join(lines)
        else:
            assert lines[heading - 1].strip() == "", "\n".join(lines)
