"""The Rituals tab as a user meets it: tick, step back a day, add, edit, reorder, archive."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input, Static

from tests.conftest import DAY
from tests.ui.screen_text import checklist_row, checklist_rows, screen_text
from tui.dialogs.basic import ChoiceDialog
from tui.dialogs.ritual import DayPicker, RitualDialog
from tui.dialogs.ritual_picker import RitualPickerScreen
from tui.domain.rituals import CONSISTENCY_RULE, STREAK_RULE
from tui.storage import Store, StoreWriteError
from tui.tabs.rituals import RitualsTab
from tui.widgets.heatmap import RitualHeatmap, shade
from tui.widgets.ritual_list import RitualList

YESTERDAY = DAY - timedelta(days=1)
MARKUP = "[bold]x[/] [@click=app.quit]y[/] [/]"


rows = checklist_rows
row = checklist_row


def day_line(app) -> str:
    return str(app.query_one("#rituals-day", Static).render())


def focused_name(app) -> str:
    tab = app.query_one(RitualsTab)
    ritual = tab.focused_ritual()
    return ritual.name if ritual else ""


async def open_tab(pilot) -> None:
    """Show the Rituals tab (as key 2 does), whatever the first tab focused."""
    await pilot.pause()
    pilot.app.action_show_tab("rituals")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.focused, RitualList), pilot.app.focused


def seed(store: Store, *names: str, created: date = DAY - timedelta(days=20), weekdays=()) -> list[str]:
    return [store.add_ritual(name, weekdays=weekdays, created=created).id for name in names]


def on_disk(data_dir) -> Store:
    """The files as a second reader sees them (no lock needed)."""
    return Store(data_dir, readonly=True)


def restart(app, make_app, **kwargs):
    """Close the first app's store and build a fresh app on the same folder."""
    app.store.close()
    return make_app(**kwargs)


# --------------------------------------------------------------------------- ticking


async def test_space_ticks_today_and_survives_a_restart(make_app, data_dir) -> None:
    app = make_app()
    (coffee,) = seed(app.store, "Morning coffee")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        assert "Today" in day_line(app)
        assert row(app, "Morning coffee").startswith("[ ]")
        await pilot.press("space")
        # On disk before the next key: a second reader of the files sees it.
        assert on_disk(data_dir).is_ticked(coffee, DAY)
        assert row(app, "Morning coffee").startswith("[x]")
        assert "all 1 kept" in day_line(app)
    app = restart(app, make_app)
    assert app.store.is_ticked(coffee, DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        assert row(app, "Morning coffee").startswith("[x]")


async def test_cursor_keys_enter_and_untick(make_app, data_dir) -> None:
    app = make_app()
    first, second, third = seed(app.store, "One", "Two", "Three")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("j", "j", "k", "space")
        assert app.store.is_ticked(second, DAY)
        await pilot.press("down", "enter")
        assert app.store.is_ticked(third, DAY)
        await pilot.press("up", "up", "space")
        assert app.store.is_ticked(first, DAY)
        await pilot.press("space")
        assert not app.store.is_ticked(first, DAY)
        assert row(app, "One").startswith("[ ]") and row(app, "Two").startswith("[x]")
        await pilot.click("#ritual-list", offset=(5, 0))  # a click on a row ticks it too
        await pilot.pause()
        assert app.store.is_ticked(first, DAY)
        await pilot.click("#ritual-list", offset=(5, 0))
        await pilot.pause()
    disk = on_disk(data_dir)
    assert (disk.is_ticked(first, DAY), disk.is_ticked(second, DAY), disk.is_ticked(third, DAY)) == (
        False,
        True,
        True,
    )


async def test_bracket_then_space_records_yesterday_not_today(make_app, data_dir) -> None:
    app = make_app()
    (coffee,) = seed(app.store, "Morning coffee")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        tab = app.query_one(RitualsTab)
        await pilot.press("right_square_bracket")  # never past today
        assert tab.viewed == DAY
        await pilot.press("left_square_bracket")
        assert "Tuesday 24 November" in day_line(app)
        assert "yesterday" in day_line(app)
        await pilot.press("space")
        assert app.store.ticked_days(coffee) == {YESTERDAY}
        assert row(app, "Morning coffee").startswith("[x]")
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert "3 days ago" in day_line(app)
        await pilot.press("right_square_bracket")
        assert tab.viewed == DAY - timedelta(days=2)
        await pilot.press("t")
        assert "Today" in day_line(app)
        assert row(app, "Morning coffee").startswith("[ ]")
    assert on_disk(data_dir).ticked_days(coffee) == {YESTERDAY}


async def test_every_ritual_is_listed_and_selectable_every_day(make_app) -> None:
    app = make_app()
    # 2026-11-25 is a Wednesday (2); the weekly date is on Fridays (4).
    (coffee,) = seed(app.store, "Morning coffee")
    (date_night,) = seed(app.store, "Weekly date", weekdays=(4,))
    (walk,) = seed(app.store, "Walk", weekdays=(0, 2, 4))
    (new,) = seed(app.store, "New one", created=DAY)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_tab(pilot)
        texts = rows(app)
        assert [t[:18] for t in texts[:3]] == ["[ ] Morning coffee", "[ ] Walk  Mon, Wed", "[ ] New one       "]
        # A ritual resting today is still a row the cursor reaches (so e, x, J and K reach it).
        assert texts[3].startswith("  – Weekly date  Fridays  resting")
        await pilot.press("down", "down", "down", "space")
        assert focused_name(app) == "Weekly date"
        assert not app.store.ticked_days(date_night)
        await pilot.press("up", "space")
        assert app.store.is_ticked(new, DAY)
        # Yesterday (a Tuesday): the walk rests; the new ritual did not exist yet, and
        # ticking it moves its start back to that day.
        await pilot.press("left_square_bracket")
        texts = rows(app)
        assert texts[0].startswith("[ ] Morning coffee") and len(texts) == 4
        assert texts[2].startswith("  – Walk  Mon, Wed, Fri  resting")
        assert texts[3].startswith("  – New one  added later · space ticks")
        await pilot.press("home", "down", "down", "space")
        assert focused_name(app) == "Walk" and app.store.ticked_days(walk) == set()
        await pilot.press("down", "space")
        assert app.store.ticked_days(new) == {DAY, YESTERDAY}
        assert app.store.ritual(new).created == YESTERDAY
        assert rows(app)[1].startswith("[x] New one")
    assert app.store.ticked_days(coffee) == set()


async def test_the_day_is_said_clearly_and_help_states_the_rules(make_app) -> None:
    assert STREAK_RULE in RitualsTab.HELP and CONSISTENCY_RULE in RitualsTab.HELP
    app = make_app()
    seed(app.store, "Coffee")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        assert day_line(app).startswith("Today · Wednesday 25 November")
        await pilot.press("question_mark")
        await pilot.pause()
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert STREAK_RULE in text and CONSISTENCY_RULE in text
        assert "space, enter" in text


# --------------------------------------------------------------------------- numbers


async def test_consistency_and_streak_match_a_hand_computed_example(make_app) -> None:
    app = make_app()
    store = app.store
    # Daily since Mon 16 Nov: 9 past days (16..24), today still open.
    # Missed 17 and 23, kept the other 7: 7/9 = 78%.
    # Streak walking back: 24 kept (1), 23 missed (forgiven), 22..18 kept (6),
    # 17 missed only 6 days before 23: the walk stops. Streak 6.
    (daily,) = seed(store, "Daily", created=date(2026, 11, 16))
    for day in range(16, 25):
        if day not in (17, 23):
            store.set_tick(daily, date(2026, 11, day), True)
    # Mon/Wed/Fri since Mon 2 Nov: 2,4,6,9,11,13,16,18,20,23 are past (10 days);
    # kept all but 6 and 18: 8/10 = 80%. Streak: 23, 20 kept (2), 18 missed
    # (forgiven), 16, 13, 11, 9 kept (6), 6 missed 12 days before 18: forgiven,
    # 4 and 2 kept (8).
    (mwf,) = seed(store, "Walk", created=date(2026, 11, 2), weekdays=(0, 2, 4))
    for day in (2, 4, 9, 11, 13, 16, 20, 23):
        store.set_tick(mwf, date(2026, 11, day), True)
    # Added today, nothing to count yet: a dash, not 0%.
    seed(store, "Fresh", created=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        daily_row, walk_row = row(app, "Daily"), row(app, "Walk")
        assert daily_row.split()[-2:] == ["6", "78%"]
        assert walk_row.split()[-2:] == ["8", "80%"]
        # Last 7 days, 19..25: kept, kept, kept, kept, missed, kept, open.
        assert "● ● ● ● · ● ○" in daily_row
        # Thu 19 rest, Fri 20 kept, Sat/Sun rest, Mon 23 kept, Tue rest, Wed open.
        assert "  ●     ●   ○" in walk_row
        assert row(app, "Fresh").split()[-2:] == ["0", "—"]
        await pilot.press("space")
        # Ticking today: 8/10 = 80% and the streak grows to 7.
        assert row(app, "Daily").split()[-2:] == ["7", "80%"]


# --------------------------------------------------------------------------- add, edit, order


async def test_add_with_chosen_days_and_it_shows_tomorrow(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, RitualDialog)
        await pilot.press(*"Tea on the balcony")
        await pilot.press("tab")  # to the days
        assert isinstance(app.screen.focused, DayPicker)
        # Keep Wed and Thu only: untick Mon, Tue, Fri, Sat, Sun.
        await pilot.press(
            "space", "right", "space", "right", "right", "right", "space", "right", "space", "right", "space", "enter"
        )
        await pilot.pause()
        assert not isinstance(app.screen, RitualDialog)
        (tea,) = app.store.rituals()
        assert (tea.name, tea.weekdays, tea.created) == ("Tea on the balcony", (2, 3), DAY)
        assert row(app, "Tea on the balcony").startswith("[ ] Tea on the balcony  Wed, Thu")
    app = restart(app, make_app, today=DAY + timedelta(days=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        assert "Thursday 26 November" in day_line(app)
        await pilot.press("space")
        assert app.store.is_ticked(tea.id, DAY + timedelta(days=1))


async def test_add_refuses_an_empty_or_taken_name_and_keeps_the_text(make_app) -> None:
    app = make_app()
    seed(app.store, "Morning coffee")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        assert isinstance(app.screen, RitualDialog)
        assert "cannot be empty" in str(app.screen.query_one("#ritual-error", Static).render())
        await pilot.press(*"morning COFFEE", "enter")
        assert isinstance(app.screen, RitualDialog)
        assert "already have" in str(app.screen.query_one("#ritual-error", Static).render())
        assert app.screen.query_one(Input).value == "morning COFFEE"
        await pilot.press("escape")
        await pilot.pause()
        assert [r.name for r in app.store.rituals()] == ["Morning coffee"]


async def test_add_with_markup_name_every_day(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one(Input).insert_text_at_cursor(MARKUP)
        await pilot.press("enter")
        await pilot.pause()
        (ritual,) = app.store.rituals()
        assert ritual.name == MARKUP and ritual.weekdays == ()
        assert MARKUP in row(app, "[bold]")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert MARKUP in " ".join(str(s.render()) for s in app.screen.query(Static))
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.store.rituals() == [ritual]


async def test_edit_renames_and_keeps_ticks(make_app, data_dir) -> None:
    app = make_app()
    (coffee,) = seed(app.store, "Coffee")
    app.store.set_tick(coffee, YESTERDAY, True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "Coffee"
        await pilot.press("home", "ctrl+k", *"Coffee in bed")
        await pilot.click("#ritual-days", offset=(7 * 6 + 2, 0))  # untick Sunday with the mouse
        await pilot.pause()
        assert "Mon, Tue, Wed, Thu, Fri, Sat" in str(app.screen.query_one("#ritual-schedule", Static).render())
        await pilot.click("#save")
        await pilot.pause()
        assert row(app, "Coffee in bed")
    disk = on_disk(data_dir)
    assert disk.ritual(coffee).name == "Coffee in bed"
    assert disk.ritual(coffee).weekdays == (0, 1, 2, 3, 4, 5)
    assert disk.ticked_days(coffee) == {YESTERDAY}


async def test_reorder_with_shift_keys_and_restart(make_app, data_dir) -> None:
    app = make_app()
    seed(app.store, "One", "Two", "Three")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("J")
        assert [r.name for r in app.store.rituals()] == ["Two", "One", "Three"]
        assert focused_name(app) == "One"
        await pilot.press("shift+down")
        assert [r.name for r in app.store.rituals()] == ["Two", "Three", "One"]
        await pilot.press("K", "K")
        assert [r.name for r in app.store.rituals()] == ["One", "Two", "Three"]
        await pilot.press("shift+up")  # already first: nothing moves
        await pilot.press("j", "shift+up")
        assert [r.name for r in app.store.rituals()] == ["Two", "One", "Three"]
        assert [r[4:].split()[0] for r in rows(app)] == ["Two", "One", "Three"]
    assert [r.name for r in on_disk(data_dir).rituals()] == ["Two", "One", "Three"]


async def test_reorder_steps_over_rituals_resting_today(make_app) -> None:
    app = make_app()
    seed(app.store, "One")
    seed(app.store, "Friday only", weekdays=(4,))
    seed(app.store, "Three")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("J")
        assert [r[4:].split()[0] for r in rows(app)[:2]] == ["Three", "One"]


async def test_day_toggles_in_one_burst_all_land(make_app) -> None:
    """Space Right Space Right Space sent at once unticks Mon, Tue and Wed, as the same keys slowly do."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("tab")
        picker = app.screen.query_one(DayPicker)
        assert app.screen.focused is picker
        for key in ("space", "right", "space", "right", "space"):
            app.post_message(events.Key(key, " " if key == "space" else None))
        await pilot.pause()
        await pilot.pause()
        assert picker.chosen == frozenset({3, 4, 5, 6})
        assert "Happens Thu, Fri, Sat, Sun." in " ".join(str(s.render()) for s in app.screen.query(Static))


# --------------------------------------------------------------------------- archive, delete


async def test_an_archived_ritual_does_not_read_as_open_today(make_app, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")  # and it reads so without colour
    app = make_app()
    coffee, walk = seed(app.store, "Coffee", "Walk")
    app.store.set_tick(coffee, YESTERDAY, True)
    app.store.update_ritual(coffee, archived=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("A")
        await pilot.pause()
        assert "○" in row(app, "Walk")  # still open today
        archived = row(app, "Coffee")
        assert "archived" in archived and "●" in archived  # its kept day stays
        assert "○" not in archived


async def test_archive_keeps_history_and_can_be_restored(make_app) -> None:
    app = make_app()
    coffee, walk = seed(app.store, "Coffee", "Walk")
    app.store.set_tick(coffee, YESTERDAY, True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        message = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "keeps its 1 tick" in message and "removes it and its 1 tick" in message
        await pilot.press("a")
        await pilot.pause()
        assert app.store.ritual(coffee).archived
        assert not any("Coffee" in r for r in rows(app))
        await pilot.press("A")
        assert any("Coffee" in r and "archived" in r for r in rows(app))
    app = restart(app, make_app)
    assert app.store.ritual(coffee).archived
    assert app.store.ticked_days(coffee) == {YESTERDAY}
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("A", "down", "x")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "Restore" in " ".join(str(b.label) for b in app.screen.query("Button"))
        await pilot.press("r")
        await pilot.pause()
        assert not app.store.ritual(coffee).archived
        assert [r.name for r in app.store.rituals()] == ["Walk", "Coffee"]
        assert row(app, "Coffee").startswith("[ ]")


async def test_delete_says_how_many_ticks_go_and_removes_them(make_app, data_dir) -> None:
    app = make_app()
    coffee, walk = seed(app.store, "Coffee", "Walk")
    for back in range(1, 4):
        app.store.set_tick(coffee, DAY - timedelta(days=back), True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("x")
        await pilot.pause()
        message = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "its 3 ticks (u brings them back until you quit)" in message
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.store.rituals()) == 2
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert [r.name for r in app.store.rituals(include_archived=True)] == ["Walk"]
        assert focused_name(app) == "Walk"
    disk = on_disk(data_dir)
    assert disk.counts().ticks == 0
    assert [r.name for r in disk.rituals(include_archived=True)] == ["Walk"]


async def test_u_brings_back_a_deleted_ritual_with_its_ticks(make_app, data_dir) -> None:
    app = make_app()
    coffee, _walk = seed(app.store, "Coffee", "Walk")
    for back in range(1, 4):
        app.store.set_tick(coffee, DAY - timedelta(days=back), True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("x", "d")
        await pilot.pause()
        assert "Coffee" not in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert "Coffee" in screen_text(app)
        told = " ".join(str(n.message) for n in app._notifications)
        assert "“Coffee” is back with its 3 ticks." in told
    disk = on_disk(data_dir)
    assert [r.name for r in disk.rituals()] == ["Walk", "Coffee"]
    assert disk.ticked_days(coffee) == {DAY - timedelta(days=back) for back in range(1, 4)}


# --------------------------------------------------------------------------- empty, picker, midnight


async def test_empty_state_points_to_add_and_suggestions(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        empty = str(app.query_one("#rituals-empty", Static).render())
        assert "press a to add one" in empty.lower() and "p to pick" in empty
        assert not app.query_one(RitualHeatmap).display
        await pilot.press("space", "x", "e", "J")  # nothing to act on: nothing happens
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, RitualPickerScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(app.store.rituals()) == 6
        assert len([r for r in rows(app) if r.startswith("[ ]")]) == 6
        assert not app.query_one("#rituals-empty", Static).display


async def test_midnight_moves_a_view_of_today(make_app, clock) -> None:
    app = make_app()
    seed(app.store, "Coffee")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        tab = app.query_one(RitualsTab)
        clock.advance()
        app.check_day()
        await pilot.pause()
        assert tab.viewed == DAY + timedelta(days=1)
        assert "Today · Thursday 26 November" in day_line(app)
        # Looking at an older day: midnight leaves it there.
        await pilot.press("left_square_bracket", "left_square_bracket")
        clock.advance()
        app.check_day()
        await pilot.pause()
        assert tab.viewed == DAY - timedelta(days=1)
        assert "3 days ago" in day_line(app)


async def test_heatmap_shades_by_share_kept(make_app) -> None:
    assert shade(None) == " "
    assert shade((DAY, 0, 0)) == " "
    assert shade((DAY, 0, 3)) == "·"
    assert shade((DAY, 1, 4)) == "░"
    assert shade((DAY, 1, 2)) == "▒"
    assert shade((DAY, 3, 4)) == "▓"
    assert shade((DAY, 2, 2)) == "█"
    app = make_app()
    one, two = seed(app.store, "One", "Two")
    app.store.set_tick(one, YESTERDAY, True)
    app.store.set_tick(two, YESTERDAY, True)
    app.store.set_tick(one, DAY - timedelta(days=2), True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        heat = app.query_one(RitualHeatmap)
        lines = heat.render().plain.splitlines()
        assert "Last 8 weeks, all rituals" in lines[0]
        assert [line[:3] for line in lines[1:]] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        last = 4 + 2 * (heat.weeks - 1)
        # This week's column: Mon half kept, Tue all kept, Wed (today) none yet, Thu on ahead.
        assert [line[last] for line in lines[1:5]] == ["▒", "█", "·", " "]
        assert "Nov" in lines[0]
        # Today is marked by a symbol beside its cell (and in the legend), not by colour alone.
        assert [line[last + 1] for line in lines[1:8]] == [" ", " ", "◂", " ", " ", " ", " "]
        assert "◂ today" in lines[6]


async def test_heatmap_months_include_the_current_one(make_app) -> None:
    app = make_app(today=date(2026, 12, 2))
    seed(app.store, "One")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        heat = app.query_one(RitualHeatmap)
        top = heat.render().plain.splitlines()[0]
        assert "Nov" in top and "Dec" in top
        assert top.index("Dec") == 4 + 2 * (heat.weeks - 1)  # over this week's column


async def test_a_failed_write_is_said_and_keeps_the_typed_name(make_app, monkeypatch) -> None:
    app = make_app()
    (coffee,) = seed(app.store, "Coffee")
    said: list[str] = []

    def refuse(*args, **kwargs):
        raise StoreWriteError("Could not save (disk full). Nothing on disk was changed.")

    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        monkeypatch.setattr(app, "notify", lambda message, **kw: said.append(message))
        monkeypatch.setattr(app.store, "set_tick", refuse)
        monkeypatch.setattr(app.store, "add_ritual", refuse)
        await pilot.press("space")
        assert said and "disk full" in said[-1]
        assert row(app, "Coffee").startswith("[ ]")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Slow breakfast", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RitualDialog)
        assert "disk full" in str(app.screen.query_one("#ritual-error", Static).render())
        assert app.screen.query_one(Input).value == "Slow breakfast"
        monkeypatch.undo()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, RitualDialog)
        assert [r.name for r in app.store.rituals()] == ["Coffee", "Slow breakfast"]
        assert not app.store.is_ticked(coffee, DAY)


async def test_the_cursor_stays_on_its_ritual_across_days(make_app) -> None:
    app = make_app()
    seed(app.store, "One", "Two")
    seed(app.store, "Added today", created=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("j")
        assert focused_name(app) == "Two"
        await pilot.press("left_square_bracket")
        assert focused_name(app) == "Two"
        await pilot.press("j", "j", "j")  # stops at the last ritual (added later, listed last)
        assert focused_name(app) == "Added today"
        await pilot.press("t")
        assert focused_name(app) == "Added today"
        await pilot.press("left_square_bracket")
        assert focused_name(app) == "Added today"  # every ritual is listed every day


async def test_removing_an_archived_ritual_reads_true(make_app) -> None:
    app = make_app()
    [coffee] = seed(app.store, "Coffee")
    app.store.update_ritual(coffee, archived=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_tab(pilot)
        await pilot.press("A", "x")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Restore or delete “Coffee”?" in text
        assert "no ticks yet" not in text and "it has no ticks" in text


async def test_show_archived_with_nothing_archived_says_so_and_stays_off(make_app) -> None:
    app = make_app()
    seed(app.store, "Coffee")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_tab(pilot)
        await pilot.press("A")
        await pilot.pause()
        assert not app.query_one(RitualsTab).show_archived
        assert "Nothing is archived" in " ".join(str(n.message) for n in app._notifications)


async def test_archiving_while_archived_are_shown_does_not_ask_for_A(make_app) -> None:
    app = make_app()
    coffee, walk = seed(app.store, "Coffee", "Walk")
    app.store.update_ritual(walk, archived=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_tab(pilot)
        await pilot.press("A", "x", "a")
        await pilot.pause()
        assert app.store.ritual(coffee).archived
        told = " ".join(str(n.message) for n in app._notifications)
        assert "Press A" not in told and "listed at the end" in told


async def test_a_ritual_resting_today_can_be_edited(make_app) -> None:
    app = make_app()
    seed(app.store, "Coffee")
    seed(app.store, "Friday date", weekdays=(4,))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("down", "e")
        await pilot.pause()
        assert isinstance(app.screen, RitualDialog)
        assert app.screen.query_one("#ritual-name", Input).value == "Friday date"


async def test_the_day_header_drops_its_hint_rather_than_cut_a_word_at_60_columns(make_app) -> None:
    app = make_app()
    seed(app.store, "Coffee", "Walk")
    async with app.run_test(size=(60, 20)) as pilot:
        await open_tab(pilot)
        header = app.query_one("#rituals-day", Static)
        line = day_line(app)
        assert len(line) <= header.size.width, line
        assert line.rstrip().endswith("0 of 2 kept"), line


async def test_the_heatmap_sits_under_a_short_list_not_at_the_bottom(make_app) -> None:
    app = make_app()
    seed(app.store, "Morning coffee", "Goodnight", "Walk")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_tab(pilot)
        listing = app.query_one(RitualList).region
        heatmap = app.query_one(RitualHeatmap).region
        assert listing.height == 3  # as many rows as rituals
        assert heatmap.y == listing.bottom + 1  # one blank line between, not a gap of empty rows


async def test_after_adding_a_ritual_every_row_shows_its_30_days(make_app) -> None:
    """The new row makes the list one row too short for a frame: no row stays drawn without its 30 days."""
    app = make_app()
    coffee, _walk = seed(app.store, "Coffee", "Walk")
    for back in range(1, 6):
        app.store.set_tick(coffee, DAY - timedelta(days=back), True)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_tab(pilot)
        assert "25%" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Tea", "enter")
        await pilot.pause()
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert next(line for line in lines if "Coffee" in line).rstrip().endswith("25%")
        assert next(line for line in lines if "Walk" in line).rstrip().endswith("0%")
        assert next(line for line in lines if "Tea" in line).rstrip().endswith("—")


async def test_early_in_january_last_years_days_count_as_before(make_app, data_dir) -> None:
    """Last year's file waits unread at open like the older years; the Rituals tab still counts
    December's days in the streak, the consistency and the last 7 days, as with every year read."""
    new_year = date(2027, 1, 3)
    with Store(data_dir) as s:
        (daily,) = seed(s, "Daily", created=date(2026, 12, 1))
        s.add_ticks((daily, date(2026, 12, 1) + timedelta(days=n)) for n in range(31))
        s.set_tick(daily, date(2027, 1, 1), True)  # a 2027 entry: 2026 moves to history/2026.json
        s.set_tick(daily, date(2027, 1, 2), True)
    with Store(data_dir, readonly=True) as whole:
        whole.read_all()
        assert len(whole.ticked_days(daily)) == 33
    app = make_app(today=new_year)
    assert 2026 in app.store.unread_years()  # opened without reading last year
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        daily_row = row(app, "Daily")
        assert daily_row.split()[-2:] == ["33", "100%"]  # 1 December to 2 January, every day kept
        assert "● ● ● ● ● ● ○" in daily_row  # 28 December to 2 January kept, today open
