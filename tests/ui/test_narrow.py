"""A small terminal (60x20): nothing cut mid-word, the list before the heatmap."""

from __future__ import annotations

import pytest

from tests.ui.screen_text import checklist_rows, screen_text
from tui.app import MicroRomanceApp
from tui.demo import build_demo


@pytest.fixture
def demo_app(store, clock):
    build_demo(store, clock.today())
    return lambda: MicroRomanceApp(store=store, clock=clock, demo=True)


async def _rituals(app, pilot, size) -> None:
    await pilot.resize_terminal(*size)
    await pilot.press("2")
    await pilot.pause()
    await pilot.pause()


async def test_at_60x20_ritual_names_are_whole_and_the_heatmap_folds(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await _rituals(app, pilot, (60, 20))
        text = screen_text(app)
        names = [r.name for r in app.store.rituals() if not r.archived]
        assert names
        for name in names:
            assert name in text, f"{name!r} cut:\n{text}"
        assert "…" not in "".join(checklist_rows(app))
        assert "none kept yet" not in text  # the heatmap's legend: folded away
        assert len(checklist_rows(app)) == len(names)


async def test_at_80x24_the_heatmap_stays_under_the_list(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _rituals(app, pilot, (80, 24))
        text = screen_text(app)
        assert "none kept yet" in text and "30 days" in text, text


async def test_the_heatmap_comes_back_when_the_terminal_grows(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await _rituals(app, pilot, (60, 20))
        assert "none kept yet" not in screen_text(app)
        await _rituals(app, pilot, (80, 24))
        assert "none kept yet" in screen_text(app)


async def test_the_demo_sub_title_is_shortened_by_whole_clauses(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        header = screen_text(app).splitlines()[0]
        assert "demo: a throwaway copy" in header and "…" not in header, header
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        header = screen_text(app).splitlines()[0]
        assert "demo: a throwaway copy, your own data is untouched" in header, header


async def test_at_60x20_the_weekly_review_keeps_ritual_names_whole(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "Morning coffee together" in text and "Check in about the day" in text, text


async def test_at_60x20_the_settings_form_stacks_and_keeps_every_choice_whole(demo_app) -> None:
    from tui.dialogs.welcome import SettingsForm

    app = demo_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsForm)
        form = app.screen
        for list_id in ("#love-languages", "#own-languages"):
            form.query_one(list_id).scroll_visible(animate=False)
            await pilot.pause()
            assert screen_text(app).count("Words of affirmation") >= 1
            assert "affir…" not in screen_text(app)
