"""The tabs built hidden after the first frame: a quit, a resize or a tab switch at any moment of it.

Each is driven after 0, 1 and 3 frames of the build (one tab is built per frame): before its
first tab, between two, after its last.
"""

from __future__ import annotations

import pytest
from textual.widgets import TabbedContent

from tests.ui.screen_text import screen_text
from tui.tabs.gratitude import GratitudeTab

POINTS = (0, 1, 3)


async def frames(pilot, count: int) -> None:
    for _ in range(count):
        await pilot.pause()


@pytest.mark.parametrize("point", POINTS)
async def test_quit_while_tabs_are_built(make_app, point: int) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await frames(pilot, point)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0  # ended by the quit, not by an error in a tab being built


@pytest.mark.parametrize("point", POINTS)
async def test_resize_and_switch_while_tabs_are_built(make_app, point: int) -> None:
    app = make_app()
    app.store.add_note("The soup you left on the stove", app.today)
    async with app.run_test(size=(80, 24)) as pilot:
        await frames(pilot, point)
        await pilot.resize_terminal(60, 20)
        await pilot.press("3")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.query_one(TabbedContent).active == "gratitude"
        tab = app.query_one(GratitudeTab)
        assert app.focused is tab.notes_list
        assert "The soup you left on the stove" in screen_text(app)
