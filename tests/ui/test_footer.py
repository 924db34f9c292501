"""The footer tells the truth and fits: each tab's main keys and ? at 80x24."""

from __future__ import annotations

import pytest

from tests.ui.screen_text import screen_text


def footer(app) -> str:
    return screen_text(app).rstrip("\n").splitlines()[-1]


@pytest.mark.parametrize("key", ["1", "2", "3", "4"])
async def test_every_tab_shows_help_in_the_footer_at_80x24(make_app, key) -> None:
    app = make_app()
    app.store.add_ritual("Morning coffee", created=app.today)
    app.store.add_note("Thank you for the tea.", app.today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        await pilot.pause()
        assert "? Help" in footer(app), footer(app)


async def test_today_footer_names_what_d_does_and_offers_l_m_r(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "d Done" in footer(app) and "l/m/r Did it land?" in footer(app)
        await pilot.press("d", "enter")  # done, no note
        await pilot.pause()
        line = footer(app)
        assert "d Not done" in line and "d Done" not in line, line
        assert "? Help" in line, line


async def test_the_did_it_land_line_stays_with_how_to_change_the_answer(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d", "enter", "l")
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "You said it landed · l, m or r changes it" in text


async def test_gratitude_copy_is_in_the_footer(make_app) -> None:
    app = make_app()
    app.store.add_note("Thank you for the tea.", app.today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        await pilot.pause()
        assert "c Copy" in footer(app), footer(app)


async def test_enter_on_a_favourite_says_it_became_todays_gesture(make_app) -> None:
    from tui import content, daily

    app = make_app()
    today_id = daily.todays_gesture(app.store, app.today).id
    other = next(g for g in content.gestures() if g.id != today_id)
    app.store.set_favourite(other.id, True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("v", "enter")
        await pilot.pause()
        assert app.store.gesture_day(app.today).gesture_id == other.id
        told = " ".join(str(n.message) for n in app._notifications)
        assert "favourite is today's gesture now" in told and "one of your favourites" not in told


@pytest.mark.parametrize("key", ["1", "2", "3", "4"])
async def test_at_60x20_the_footer_shows_whole_keys_and_help(make_app, key) -> None:
    app = make_app()
    app.store.add_ritual("Morning coffee", created=app.today)
    app.store.add_note("Thank you for the tea.", app.today)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        await pilot.pause()
        line = footer(app)
        assert "? Help" in line, line
        shown = {
            f" {app.get_key_display(b)} {b.description} "
            for (_n, b, _e, _t) in app.screen.active_bindings.values()
            if b.show
        }
        rest = line
        for item in sorted(shown, key=len, reverse=True):
            rest = rest.replace(item, " ")
        assert rest.strip() == "", f"cut or unknown text in the footer: {rest.strip()!r} of {line!r}"


async def test_the_rituals_footer_uses_the_room_it_has(make_app) -> None:
    """At 100 columns the Rituals footer has room for e, p and g too."""
    app = make_app()
    app.store.add_ritual("Morning coffee", created=app.today)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.pause()
        line = footer(app)
        for shown in ("space Tick", "a Add", "e Edit", "x Remove", "p Suggestions", "g Grace days", "? Help"):
            assert shown in line, line


async def test_help_lists_each_key_once(make_app) -> None:
    from tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "l/m/r" in text
        assert not any(line.strip().startswith(("m ", "r ")) for line in text.splitlines()), text


async def test_the_welcome_name_placeholder_is_whole_at_100x30(make_app) -> None:
    app = make_app(welcomed=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Their name, or none" in screen_text(app)
