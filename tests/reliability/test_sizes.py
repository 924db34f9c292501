"""Terminal sizes: tiny and huge do not crash; at 80x24 every tab is usable.

Each tab is visited with its number key, help is opened and closed, and at
80x24 the widget each tab focuses first is on screen, inside its tab, with
room to show something.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import TabbedContent

from tui.screens.help import HelpScreen
from tui.tabs import TABS

DAY = date(2026, 11, 25)


def fill(store) -> None:
    """Enough of everything that each tab has rows to lay out."""
    for n, name in enumerate(["Morning coffee", "Evening walk, hand in hand", "Goodnight"]):
        ritual = store.add_ritual(name, created=DAY - timedelta(days=60))
        for back in range(0, 60, n + 2):
            store.set_tick(ritual.id, DAY - timedelta(days=back), True)
    for back in range(12):
        store.add_note(
            f"Thank you for day {back}: " + "the soup, the walk, the patience. " * 3, DAY - timedelta(days=back)
        )
    store.show_gesture(DAY - timedelta(days=1), "door-hug")


@pytest.mark.parametrize("size", [(40, 12), (300, 100)])
async def test_extreme_sizes_do_not_crash(make_app, size: tuple[int, int]) -> None:
    app = make_app()
    fill(app.store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for number, tab in enumerate(TABS, start=1):
            await pilot.press(str(number))
            await pilot.pause()
            assert app.query_one(TabbedContent).active == tab.TAB_ID
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        # And resized while open, down to almost nothing and back.
        for other in [(20, 5), (80, 24), size]:
            await pilot.resize_terminal(*other)
            await pilot.pause()
        assert app.size == size


async def test_every_tab_is_usable_at_80x24(make_app) -> None:
    app = make_app()
    fill(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen.region
        for number, tab_class in enumerate(TABS, start=1):
            await pilot.press(str(number))
            await pilot.pause()
            tab = app.tab(tab_class.TAB_ID)
            focused = app.focused
            assert focused is not None, tab_class.TAB_ID
            assert tab in focused.ancestors_with_self, (tab_class.TAB_ID, focused)
            region = focused.region
            assert region.width >= 20 and region.height >= 1, (tab_class.TAB_ID, focused, region)
            assert screen.contains_region(region), (tab_class.TAB_ID, focused, region)
            assert screen.contains_region(tab.region)


async def test_a_tab_key_typed_at_start_lands_on_that_tab(make_app) -> None:
    app = make_app()
    activations: list[str] = []

    def hook(message: object) -> None:
        if isinstance(message, TabbedContent.TabActivated) and message.pane.id:
            activations.append(message.pane.id)

    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.press("3")  # before the first refresh
        await pilot.pause()
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "gratitude"
        switches = [tab for n, tab in enumerate(activations) if n == 0 or activations[n - 1] != tab]
        assert switches in (["gratitude"], ["today", "gratitude"]), activations[:12]
