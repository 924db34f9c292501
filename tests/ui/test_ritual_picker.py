"""The ritual picker on its own (as the first-run welcome pushes it) and from the tab."""

from __future__ import annotations

from textual.widgets import SelectionList

from tests.conftest import DAY
from tui import content
from tui.dialogs.ritual_picker import RitualPickerScreen


async def push_picker(app, pilot) -> list[int]:
    """Push the picker as another screen would; the list collects what it dismisses."""
    results: list[int] = []
    await pilot.pause()
    app.push_screen(RitualPickerScreen(), results.append)
    await pilot.pause()
    assert isinstance(app.screen, RitualPickerScreen)
    return results


def picker_list(app) -> SelectionList:
    return app.screen.query_one("#picker-list", SelectionList)


async def test_daily_suggestions_start_ticked_and_save_adds_them(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        results = await push_picker(app, pilot)
        daily = [r["name"] for r in content.default_rituals() if not r["weekdays"]]
        weekly = [r for r in content.default_rituals() if r["weekdays"]]
        assert len(daily) == 6 and len(weekly) == 2
        ticked = [content.default_rituals()[i]["name"] for i in picker_list(app).selected]
        assert ticked == daily
        # Untick the first, tick the first weekly one (row 7), then save.
        await pilot.press("space", "down", "down", "down", "down", "down", "down", "space", "ctrl+s")
        await pilot.pause()
        assert results == [6]
        assert not isinstance(app.screen, RitualPickerScreen)
        names = [r.name for r in app.store.rituals()]
        assert names == daily[1:] + [weekly[0]["name"]]
        added = {r.name: r for r in app.store.rituals()}
        assert added[weekly[0]["name"]].weekdays == tuple(weekly[0]["weekdays"])
        assert all(r.created == DAY for r in added.values())
    app.store.close()
    app = make_app()
    assert len(app.store.rituals()) == 6


async def test_skip_adds_none(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        results = await push_picker(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert results == [0]
        assert app.store.rituals() == []


async def test_names_already_there_are_not_added_twice(make_app) -> None:
    app = make_app()
    first = content.default_rituals()[0]["name"]
    app.store.add_ritual(first.upper(), created=DAY)
    archived = app.store.add_ritual(content.default_rituals()[1]["name"], created=DAY)
    app.store.update_ritual(archived.id, archived=True)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await push_picker(app, pilot)
        picker = picker_list(app)
        assert picker.get_option_at_index(0).disabled and picker.get_option_at_index(1).disabled
        assert "already yours" in picker.get_option_at_index(0).prompt.plain
        assert 0 not in picker.selected and 1 not in picker.selected
        await pilot.click("#picker-save")
        await pilot.pause()
        assert results == [4]
        names = [r.name.casefold() for r in app.store.rituals(include_archived=True)]
        assert len(names) == len(set(names)) == 6


async def test_description_follows_the_cursor(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push_picker(app, pilot)
        about = app.screen.query_one("#picker-about")
        assert str(about.render()) == content.default_rituals()[0]["description"]
        await pilot.press("down")
        await pilot.pause()
        assert str(about.render()) == content.default_rituals()[1]["description"]


async def test_mostly_apart_leaves_together_only_rituals_unticked(make_app) -> None:
    """Chosen "Mostly apart" in the welcome: coffee, the homecoming hug and goodnight closeness wait to be picked."""
    from tui.record import replace

    app = make_app()
    app.store.save_settings(replace(app.store.settings(), together="apart"))
    async with app.run_test(size=(80, 24)) as pilot:
        await push_picker(app, pilot)
        ticked = {content.default_rituals()[i]["name"] for i in picker_list(app).selected}
        assert ticked == {"Check in about the day", "A 'thinking of you' message", "Thanks for one small thing"}
