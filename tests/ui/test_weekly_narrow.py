"""The weekly review on a small terminal (60x20, 80x24): a long ritual name and our own sentences
wrap, hanging under their column, instead of being cut short with an ellipsis."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import DAY
from tests.sync.pairs import pair_up
from tests.ui import waiting
from tests.ui.screen_text import screen_text
from tui.screens.weekly import WeeklyReviewScreen
from tui.storage import Store

LONG_RITUAL = "Tea at dusk, with the long walk around the lake on Sundays"


def seen_in(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    """The text a person reads inside one part of the screen, its lines joined by single spaces."""
    region = app.screen.query_one(selector).region
    rows = screen_text(app).splitlines()[region.y : region.bottom]
    return " ".join(" ".join(row[region.x : region.right].split()) for row in rows).strip()


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_long_lines_wrap_whole_in_the_review(
    size: tuple[int, int], tmp_path: Path, data_dir: Path, make_app
) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    pair_up(tmp_path / "alex" / "sync", data_dir / "sync", shared)  # the week of both shows too
    monday = DAY - timedelta(days=DAY.weekday())
    with Store(data_dir) as store:
        tea = store.add_ritual(LONG_RITUAL, created=monday - timedelta(weeks=2))
        store.set_tick(tea.id, monday, True)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.push_screen(WeeklyReviewScreen())
        await waiting.settle(pilot)  # laid out, and wrapped at the width it was given
        assert "…" not in screen_text(app), screen_text(app)
        assert f"1 of 2 {LONG_RITUAL}" in seen_in(app, "#review-rituals-lines")
        assert "Unmarked kindness counts too." in seen_in(app, "#review-gestures-lines")
        app.screen.query_one("#review-pair").scroll_visible(animate=False)
        await waiting.settle(pilot)
        assert "Gestures: you did 0 things for Alex, Alex did 0 for you" in seen_in(app, "#review-pair-lines")


async def test_a_key_that_does_nothing_this_week_reads_so_without_colour(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets._footer import FooterKey

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    app.store.add_ritual("Tea at dusk", created=DAY - timedelta(weeks=2))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        app.push_screen(WeeklyReviewScreen())  # this week: there is no later one
        await waiting.settle(pilot)  # laid out, and wrapped at the width it was given

        def struck(action: str) -> bool:
            key = next(k for k in app.screen.query(FooterKey) if k.action == action)
            strip = key.render_lines(key.region.reset_offset)[0]
            return any(seg.style is not None and seg.style.strike for seg in strip if "week" in seg.text)

        assert struck("step(1)")  # "Later week" struck through, not only a shade dimmer
        assert not struck("step(-1)")
        await pilot.press("left_square_bracket")  # last week: a later one is there again
        await waiting.settle(pilot)
        assert not struck("step(1)")
