"""Switching tabs (issue 16 point 20): instant because nothing is rebuilt that has not changed,
and still right when something has."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets._footer import FooterKey

from tests.ui.screen_text import screen_text
from tui.record import replace
from tui.tabs.base import TabBase


def footer_keys(app) -> list[FooterKey]:
    return [key for key in app.main_screen.query(FooterKey) if key.parent.display]


async def test_the_tabs_are_built_after_the_first_frame(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        built = {tab.TAB_ID for tab in app.main_screen.query(TabBase)}
        assert built == {"today", "rituals", "gratitude", "prompts"}
        assert "Today" in screen_text(app)  # and the first tab is still the one shown


async def test_switching_back_shows_the_same_tab_and_keys(make_app) -> None:
    """(That nothing is redrawn on the way back is checked by bench/internals.py.)"""
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
            await pilot.press("2")
            await pilot.pause()
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


async def test_gratitude_built_early_reads_only_the_years_its_first_page_shows(make_app, data_dir) -> None:
    """Built hidden after the first frame, the Gratitude tab leaves the years past its first page unread
    (peak memory with decades of notes); "more" and the filter read on, in the same order as before."""
    from tui.storage import Store
    from tui.widgets.paged import MORE_ID, PAGE

    with Store(data_dir) as store, store.batch():
        for year in range(2019, 2025):
            store.add_note(f"long ago in {year}", date(year, 6, 1))
        for n in range(PAGE + 10):  # more than a page this year
            store.add_note(
                f"this year {n}", date(2026, 1, 1) + (date(2026, 11, 1) - date(2026, 1, 1)) * n // (PAGE + 10)
            )
    Store(data_dir).close()  # the open after the writes checks the past years once
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        tab = app.main_screen.query_one("#gratitude-tab")
        assert app.store.unread_years() == set(range(2019, 2025))
        await pilot.press("3")
        await pilot.pause()
        listing = tab.notes_list
        assert "16 earlier" in str(listing.get_option(MORE_ID).prompt)  # 10 of this year and 6 unread
        listing.highlighted = listing.get_option_index(MORE_ID)
        await pilot.press("enter")
        await pilot.pause()
        shown = [str(o.prompt).strip() for o in listing.options if o.id and not o.disabled]
        assert shown[-6:] == [f"long ago in {year}" for year in range(2024, 2018, -1)]
        assert [n.id for n in app.store.notes()] == [o.id for o in listing.options if o.id and not o.disabled]


async def test_a_long_gratitude_list_built_hidden_is_laid_out_as_its_first_paint_lays_it_out(
    make_app, data_dir
) -> None:
    """The list's scrollbar and virtual size, set while hidden (SteadyOptionList.expect_size), are those
    Textual gives it on its first paint: its first showing takes one frame, not a second for the scrollbar.
    (If Textual measured rows another way, this fails rather than the bench slowing down unseen.)"""
    from tui.storage import Store

    with Store(data_dir) as store, store.batch():
        for n in range(60):
            store.add_note(f"thanks {n}", date(2026, 3, 1) + (date(2026, 11, 1) - date(2026, 3, 1)) * n // 60)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        listing = app.main_screen.query_one("#gratitude-tab").notes_list
        assert not listing.size
        expected = (listing.virtual_size, listing.show_vertical_scrollbar)
        assert expected[1] and expected[0].height == listing.option_count
        await pilot.press("3")
        await pilot.pause()
        assert listing.size and listing.scrollable_content_region.width == expected[0].width
        assert (listing.virtual_size, listing.show_vertical_scrollbar) == expected


@pytest.mark.parametrize(("first", "then", "opens"), [("2", "3", "EditorScreen"), ("1", "2", "RitualDialog")])
async def test_a_key_in_the_same_read_as_a_tab_key_is_the_new_tabs(make_app, first: str, then: str, opens: str) -> None:
    """ "3a" typed quickly in a terminal: "a" writes a note on Gratitude, never adds a ritual on Rituals."""
    from tests.conftest import DAY
    from tests.ui.burst import burst

    app = make_app()
    app.store.add_ritual("Walk", created=DAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(app, pilot, f"{then}a", after=first)  # both queued before either is handled, as one read
        assert type(app.screen).__name__ == opens
