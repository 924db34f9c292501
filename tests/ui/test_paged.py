"""Long histories open fast: the newest rows first, more on request."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets.option_list import Option

from tui.widgets.paged import MORE_ID, PagedOptionList


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield PagedOptionList(page=50)


def rows(count: int) -> list[str]:
    return [f"e{n}" for n in range(count)]


def render(ids: list[str]) -> list[Option]:
    return [Option(Content(f"entry {i} [bold]x[/]"), id=i) for i in ids]


async def test_shows_a_page_then_more_on_enter() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        listing = app.query_one(PagedOptionList)
        listing.show(rows(130), render, key=str)
        listing.focus()
        await pilot.pause()
        assert listing.option_count == 51  # 50 rows and the "more" row
        assert "80 earlier" in str(listing.get_option(MORE_ID).prompt)
        listing.highlighted = listing.get_option_index(MORE_ID)
        await pilot.press("enter")
        await pilot.pause()
        assert listing.option_count == 101
        assert listing.get_option_at_index(listing.highlighted).id == "e50"  # reading goes on where it was


async def test_keeping_an_old_row_shows_enough_to_reach_it() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 20)):
        listing = app.query_one(PagedOptionList)
        listing.show(rows(130), render, key=str, keep="e90")
        assert listing.get_option_at_index(listing.highlighted).id == "e90"
        assert listing.option_count == 91 + 1


async def test_short_lists_have_no_more_row() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 20)):
        listing = app.query_one(PagedOptionList)
        listing.show(rows(3), render, key=str)
        assert listing.option_count == 3 and listing.highlighted == 0


async def test_the_list_keeps_textuals_own_render() -> None:
    """Showing rows must not shadow Widget._render, which Textual calls to draw a widget."""
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        listing = app.query_one(PagedOptionList)
        listing.show(rows(3), render, key=str)
        await pilot.pause()
        listing._render()  # raised TypeError while the rows function sat in its place
