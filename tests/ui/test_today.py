"""The Today tab as a user meets it: the day's gesture, d / n / f / v, history, restarts."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import OptionList

from tests.conftest import DAY
from tests.ui.screen_text import screen_text, shown, toasts
from tui import content
from tui.dialogs.basic import ConfirmDialog, LineDialog
from tui.model import GestureDay
from tui.record import replace
from tui.storage import Store, StoreWriteError
from tui.tabs.today import TodayTab, why_line
from tui.tabs.today_rows import short_date

MARKUP = "[bold]x[/] [@click=app.quit]y[/] [/]"


def list_texts(app) -> list[str]:
    option_list = app.query_one("#today-list", OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


def card_text(app) -> str:
    return " ".join(shown(app, s) for s in ("#today-gesture", "#today-meta", "#today-status"))


def restart(app, make_app):
    """Close the first app's store and open the same data again, as a new launch does."""
    app.store.close()
    return make_app()


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def test_two_launches_show_the_same_gesture(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = shown(app, "#today-gesture")
        recorded = app.store.gesture_day(DAY)
    assert recorded is not None and recorded.shown == (recorded.gesture_id,)
    again = restart(app, make_app)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(again, "#today-gesture") == first
        assert again.store.gesture_day(DAY).gesture_id == recorded.gesture_id
        # The card says the day, the language and the effort; the why-line is the day's.
        card = again.query_one("#today-card")
        assert "Wed 25 Nov" in str(card.border_title)
        gesture = content.gesture_by_id()[recorded.gesture_id]
        assert content.personalise(gesture.text, "") == first
        assert shown(again, "#today-why") == why_line(DAY)


async def test_first_day_reads_well(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app, "#today-gesture").strip()
        assert "press d" in shown(app, "#today-status")
        assert "counted here" in shown(app, "#today-counts")
        texts = list_texts(app)
        assert len(texts) == 1 and texts[0].startswith("Nothing here yet")
        await pilot.press("v")
        assert list_texts(app)[0].startswith("No favourites yet")


async def test_d_marks_done_with_a_note_that_survives_a_restart(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        gesture_text = shown(app, "#today-gesture")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, LineDialog)
        await type_text(pilot, "she laughed")
        await pilot.press("enter")
        assert not isinstance(app.screen, LineDialog)
        assert "Done today" in shown(app, "#today-status")
        assert "she laughed" in shown(app, "#today-status")
        assert "Done this week: 1 · this month: 1" == shown(app, "#today-counts")
    again = restart(app, make_app)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        recorded = again.store.gesture_day(DAY)
        assert recorded.done and recorded.note == "she laughed"
        texts = list_texts(again)
        assert texts[0].startswith("Wed 25 Nov")
        flat = " ".join(texts[0].split())
        assert " ".join(gesture_text.split()) in flat
        assert "“she laughed”" in flat


async def test_d_note_with_markup_shows_literally(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one("Input").value = MARKUP
        await pilot.press("enter")
        assert app.is_running
        assert app.store.gesture_day(DAY).note == MARKUP
        assert MARKUP in " ".join(list_texts(app)[0].split())
        assert MARKUP in shown(app, "#today-status")


async def test_d_escape_empty_note_n_refused_and_d_again_unmarks(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d", "escape")
        assert not app.store.gesture_day(DAY).done
        await pilot.press("d", "enter")  # done, with no note (a note is optional)
        before = app.store.gesture_day(DAY)
        assert before.done and before.note == ""
        await pilot.press("n")  # refused kindly: today's is done
        assert app.store.gesture_day(DAY) == before
        assert "already done" in toasts(app)
        await pilot.press("d")  # no note: unmarked at once
        assert not app.store.gesture_day(DAY).done
        await pilot.press("d", "o", "k", "enter")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep it
        assert app.store.gesture_day(DAY).note == "ok"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        recorded = app.store.gesture_day(DAY)
        assert not recorded.done and recorded.note == ""
        assert list_texts(app)[0].startswith("Nothing here yet")


async def test_n_shows_another_gesture_that_a_restart_keeps(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first_id = app.store.gesture_day(DAY).gesture_id
        first = shown(app, "#today-gesture")
        await pilot.press("n")
        second_id = app.store.gesture_day(DAY).gesture_id
        second = shown(app, "#today-gesture")
        assert second_id != first_id and second != first
        assert app.store.gesture_day(DAY).shown == (first_id, second_id)
    again = restart(app, make_app)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(again, "#today-gesture") == second


async def test_f_favourites_and_v_lists_them_and_enter_picks_one(make_app, data_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first_id = app.store.gesture_day(DAY).gesture_id
        first = shown(app, "#today-gesture")
        await pilot.press("f")
        assert app.store.favourites() == {first_id}
        assert "★ favourite" in shown(app, "#today-meta")
        await pilot.press("n")
        assert shown(app, "#today-gesture") != first
        assert "★" not in shown(app, "#today-meta")
        await pilot.press("v")
        assert "Favourites" in shown(app, "#today-list-title")
        texts = list_texts(app)
        assert len(texts) == 1 and texts[0].startswith(first)
        await pilot.press("enter")
        assert app.store.gesture_day(DAY).gesture_id == first_id
        assert shown(app, "#today-gesture") == first
        await pilot.press("v")
        assert "Done lately" in shown(app, "#today-list-title")
    again = restart(app, make_app)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.store.favourites() == {first_id}
        await pilot.press("f")  # unfavourite
        assert again.store.favourites() == frozenset()
    again.store.close()
    store = Store(data_dir)
    try:
        assert store.favourites() == frozenset()
    finally:
        store.close()


async def test_partner_name_with_markup_shows_literally(make_app, store: Store) -> None:
    store.save_settings(replace(store.settings(), partner_name="[bold]Sam[/]", welcomed=True))
    store.show_gesture(DAY, "specific-compliment")
    store.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app, "#today-gesture").startswith("Give [bold]Sam[/] a genuine, specific compliment")
        await pilot.press("f", "v")
        assert list_texts(app)[0].startswith("Give [bold]Sam[/]")


async def test_history_newest_first_and_counts(make_app, store: Store) -> None:
    ids = [g.id for g in content.gestures()]
    store.save_settings(replace(store.settings(), welcomed=True))
    for offset, (gid, note) in enumerate([(ids[0], "lovely"), (ids[1], ""), (ids[2], "")], start=1):
        day = DAY - timedelta(days=offset)
        store.save_gesture_day(GestureDay(day=day, gesture_id=gid, shown=(gid,), done=offset != 3, note=note))
    store.save_gesture_day(GestureDay(day=date(2025, 12, 30), gesture_id=ids[3], shown=(ids[3],), done=True))
    store.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        texts = list_texts(app)
        assert texts[0].startswith("Tue 24 Nov")
        assert "“lovely”" in texts[0]
        assert texts[1].startswith("Mon 23 Nov")
        assert texts[2].startswith("Tue 30 Dec 2025")  # the not-done day is left out
        assert len(texts) == 3
        assert shown(app, "#today-counts") == "Done this week: 2 · this month: 2"


async def test_midnight_shows_the_new_days_gesture(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.advance()
        app.check_day()
        tomorrow = DAY + timedelta(days=1)
        assert app.store.gesture_day(tomorrow) is not None
        assert "Thu 26 Nov" in str(app.query_one("#today-card").border_title)
        assert shown(app, "#today-why") == why_line(tomorrow)


async def test_a_failed_write_keeps_the_note(make_app, monkeypatch) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()

        def broken(gd):
            raise StoreWriteError("Could not save (disk full).")

        monkeypatch.setattr(app.store, "save_gesture_day", broken)
        await pilot.press("d")
        await pilot.pause()
        await type_text(pilot, "keep me")
        await pilot.press("enter")
        assert isinstance(app.screen, LineDialog)
        assert app.screen.query_one("Input").value == "keep me"
        assert "disk full" in screen_text(app)  # said inside the dialog, which stays open


async def test_keys_are_described_for_the_help_screen() -> None:
    keys = {b.key: b for b in TodayTab.BINDINGS}
    assert set(keys) == {"a", "d", "n", "f", "v", "l", "m", "r"}
    assert all(b.id and b.id.startswith("today.") and b.tooltip for b in keys.values())
    assert TodayTab.HELP


def test_short_date() -> None:
    assert short_date(date(2026, 11, 24), DAY) == "Tue 24 Nov"
    assert short_date(date(2025, 1, 3), DAY) == "Fri 3 Jan 2025"


def test_counts_say_why_the_week_holds_more_than_the_month() -> None:
    from tui.tabs.today_rows import counts_line

    assert counts_line(2, 1, date(2026, 12, 2)) == "Done this week: 2 · this month: 1 (the week began in November)"
    assert counts_line(3, 5, date(2026, 11, 25)) == "Done this week: 3 · this month: 5"
    assert counts_line(1, 0, date(2026, 12, 1)).startswith("Done this week: 1 · this month: 0")


async def test_d_then_discarding_the_note_still_marks_done(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d", *"lovely", "escape")
        await pilot.pause()
        assert "not saved yet" in screen_text(app)
        await pilot.press("k")  # keep editing: the note is still there, nothing written yet
        await pilot.pause()
        assert isinstance(app.screen, LineDialog) and app.screen.query_one("Input").value == "lovely"
        assert not app.store.gesture_day(DAY).done
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")  # discard the note, not the gesture
        await pilot.pause()
        assert not isinstance(app.screen, LineDialog)
        recorded = app.store.gesture_day(DAY)
        assert recorded.done and recorded.note == ""
        assert "lovely" not in screen_text(app)


async def test_a_day_of_another_year_keeps_its_date_apart_and_the_card_names_the_year(make_app) -> None:
    """Seen from 1 June 2030, a gesture done on Mon 7 Dec 2026 reads "Mon 7 Dec 2026  Help…", never glued."""
    app = make_app(today=date(2030, 6, 1))
    gesture = content.gestures()[0]
    app.store.save_gesture_day(GestureDay(day=date(2026, 12, 7), gesture_id=gesture.id, done=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Today, Sat 1 Jun 2030" in text
        first_words = content.personalise(gesture.text, app.store.settings().partner_name).split()[0]
        assert f"Mon 7 Dec 2026  {first_words}" in text
