"""Switching tabs (issue 16 point 20): instant because nothing is rebuilt that has not changed,
and still right when something has."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.widgets._footer import FooterKey

from tests.ui.screen_text import screen_text
from tui.tabs.base import TabBase
from tui.tabs.rituals import RitualsTab


def footer_keys(app) -> list[FooterKey]:
    return [key for key in app.main_screen.query(FooterKey) if key.parent.display]


async def test_the_tabs_are_built_after_the_first_frame(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        built = {tab.TAB_ID for tab in app.main_screen.query(TabBase)}
        # Gratitude waits for its first showing: it reads every year's notes.
        assert built == {"today", "rituals", "prompts"}
        assert "Today" in screen_text(app)  # and the first tab is still the one shown


async def test_switching_back_repaints_nothing_that_did_not_change(make_app, monkeypatch) -> None:
    drawn: list[str] = []
    real_draw = RitualsTab.draw
    monkeypatch.setattr(RitualsTab, "draw", lambda self, select=None: (drawn.append("rituals"), real_draw(self, select)))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.store.add_ritual("Morning coffee together", created=date(2026, 1, 1))
        await pilot.press("2")
        await pilot.pause()
        today_keys = None
        for _ in range(3):
            await pilot.press("1")
            await pilot.pause()
            keys = footer_keys(app)
            assert [k.description for k in keys][-1] == "Help"
            if today_keys is None:
                today_keys = keys
            assert keys == today_keys  # the same key widgets, shown again, not built anew
            drawn.clear()
            await pilot.press("2")
            await pilot.pause()
            assert drawn == []  # the checklist was not rebuilt
            assert "Morning coffee together" in screen_text(app)
            assert "Tick" in [k.description for k in footer_keys(app)]


async def test_a_write_elsewhere_shows_when_the_tab_comes_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert "Morning walk" not in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        app.store.add_ritual("Morning walk", created=date(2026, 1, 1))  # as another screen would
        await pilot.press("2")
        await pilot.pause()
        assert "Morning walk" in screen_text(app)
        await pilot.press("3")
        await pilot.pause()
        app.store.save_settings(replace(app.store.settings(), partner_name="Sam"))
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert "about Sam" in screen_text(app)
