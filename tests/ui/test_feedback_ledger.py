"""The Today tab after a gesture is done: "did it land?" (l / m / r), the ledger, the gentle lines."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from tests.conftest import DAY
from tests.ui.screen_text import screen_text, shown, toasts
from tests.unit.test_daily_lean import simulate_month
from tui import content, daily
from tui.dialogs.basic import LineDialog
from tui.model import GestureDay, GraceSpan, Settings
from tui.record import replace
from tui.storage import Store, StoreWriteError

MARKUP = "[bold]x[/] [@click=app.quit]y[/] [/]"


def visible(app, selector: str) -> bool:
    return bool(app.query_one(selector, Static).display)


def prepare(data_dir, settings: Settings | None = None, history=(), grace=()) -> None:
    """Write settings, done days and grace spans before the app opens the folder."""
    with Store(data_dir) as store:
        base = settings or store.settings()
        store.save_settings(replace(base, welcomed=True, last_review="2026-11-23"))
        for gd in history:
            store.save_gesture_day(gd)
        for span in grace:
            store.save_grace(span)


def done_day(days_ago: int, gesture_id: str, feedback: str = "") -> GestureDay:
    return GestureDay(DAY - timedelta(days=days_ago), gesture_id, (gesture_id,), done=True, feedback=feedback)


def of(language: str) -> list[str]:
    return [g.id for g in content.gestures() if g.language == language]


async def mark_done(pilot) -> None:
    await pilot.press("d")
    await pilot.pause()
    assert isinstance(pilot.app.screen, LineDialog)
    await pilot.press("enter")
    await pilot.pause()


async def test_did_it_land_asks_once_done_and_can_be_changed(data_dir, make_app) -> None:
    prepare(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert not visible(app, "#today-feedback")
        await pilot.press("l")  # not done yet: nothing is saved
        await pilot.pause()
        assert app.store.gesture_day(DAY).feedback == ""
        assert "First mark today's gesture done" in toasts(app)

        await mark_done(pilot)
        assert visible(app, "#today-feedback")
        assert "Did it land?  l it landed · m so-so · r not really" in screen_text(app)

        await pilot.press("l")
        await pilot.pause()
        assert app.store.gesture_day(DAY).feedback == "landed"
        # The question gives way to the answer given, and how to change it.
        assert "You said it landed · l, m or r changes it" in shown(app, "#today-feedback")
        assert "✓ Done today. It landed ♥" in shown(app, "#today-status")
        assert "Landed: " in shown(app, "#today-ledger")

        await pilot.press("r")  # changed later
        await pilot.pause()
        assert app.store.gesture_day(DAY).feedback == "not_really"
        assert "Not quite this time" in shown(app, "#today-status")
        assert "come up a little less" in toasts(app)

    app.store.close()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.store.gesture_day(DAY).feedback == "not_really"
        assert "You said not really" in shown(again, "#today-feedback")
        await pilot.press("m")
        await pilot.pause()
        assert again.store.gesture_day(DAY).feedback == "so_so"
        # Unmarking the gesture clears its answer too; done again, the question comes back.
        await pilot.press("d")
        await pilot.pause()
        assert again.store.gesture_day(DAY).feedback == "" and not again.store.gesture_day(DAY).done
        assert not visible(again, "#today-feedback")
        await mark_done(pilot)
        assert visible(again, "#today-feedback")


async def test_a_refused_answer_is_said_and_nothing_changes(data_dir, make_app, monkeypatch) -> None:
    prepare(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await mark_done(pilot)

        def broken(gd):
            raise StoreWriteError("Could not save (disk full).")

        monkeypatch.setattr(app.store, "save_gesture_day", broken)
        await pilot.press("l")
        await pilot.pause()
        assert "disk full" in toasts(app)
        assert app.store.gesture_day(DAY).feedback == ""
        assert visible(app, "#today-feedback")


async def test_the_ledger_counts_by_language_with_the_partners_first(data_dir, make_app) -> None:
    touch, words, gifts = of("touch"), of("words"), of("gifts")
    history = [
        done_day(1, touch[0], "landed"),
        done_day(2, touch[1]),
        done_day(3, words[0], "so_so"),
        done_day(4, gifts[0], "not_really"),
        done_day(31, touch[2]),  # too old for the ledger
    ]
    prepare(data_dir, Settings(partner_name="Alex", love_languages=("touch", "words")), history)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app, "#today-ledger") == (
            "Last 30 days: ♥ touch 2 · ♥ words 1 · service 0 · time 0 · gifts 1\n"
            "Landed: touch 1 of 1 · words 0 of 1 · gifts 0 of 1"
        )
        text = screen_text(app)
        assert "Last 30 days: ♥ touch 2" in text and "Landed: touch 1 of 1" in text


async def test_no_ledger_on_the_first_day(data_dir, make_app) -> None:
    prepare(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not visible(app, "#today-ledger")
        assert not visible(app, "#today-nudge")
        await mark_done(pilot)
        assert visible(app, "#today-ledger")
        assert "Last 30 days:" in screen_text(app)


async def test_a_language_that_waited_is_named_gently_and_the_pick_leans(data_dir, make_app) -> None:
    words = of("words")
    history = [done_day(n, words[n]) for n in range(1, 10)]
    prepare(data_dir, Settings(love_languages=("touch", "words")), history)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app, "#today-nudge") == "It's been 9 days since a touch gesture — today leans that way."
        assert "today leans that way" in screen_text(app)
        assert daily.gesture_weights(app.store, DAY)["touch"] == daily.NEGLECT_BOOST


async def test_the_line_goes_once_a_gesture_of_that_language_is_done(data_dir, make_app) -> None:
    words, touch = of("words"), of("touch")
    history = [done_day(n, words[n]) for n in range(1, 10)]
    prepare(data_dir, Settings(love_languages=("touch",)), history)
    with Store(data_dir) as store:
        store.show_gesture(DAY, touch[0])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert visible(app, "#today-nudge")
        await mark_done(pilot)
        assert not visible(app, "#today-nudge")


async def test_done_with_another_language_the_line_looks_to_tomorrow(data_dir, make_app) -> None:
    words = of("words")
    history = [done_day(n, words[n]) for n in range(1, 10)]
    prepare(data_dir, Settings(love_languages=("touch",)), history)
    with Store(data_dir) as store:
        store.show_gesture(DAY, words[0])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # Today's gesture is of another language: the line does not claim it leans to touch.
        assert shown(app, "#today-nudge").endswith("the picks lean that way (n offers another).")
        await mark_done(pilot)
        assert shown(app, "#today-nudge") == "It's been 9 days since a touch gesture — tomorrow leans that way."


async def test_a_grace_day_says_so_on_the_today_tab(data_dir, make_app) -> None:
    words = of("words")
    history = [done_day(n, words[n]) for n in range(1, 10)]
    span = GraceSpan("trip", DAY - timedelta(days=1), DAY + timedelta(days=2), "travel")
    prepare(data_dir, Settings(love_languages=("touch",), together="together"), history, [span])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # The grace line, not the waiting one; and today's idea works from afar.
        assert shown(app, "#today-nudge") == "Grace day (travel): rituals rest; today's ideas work from afar."
        gesture_id = app.store.gesture_day(DAY).gesture_id
        assert "apart" in content.gesture_by_id()[gesture_id].tags


async def test_a_grace_day_marked_on_the_rituals_tab_shows_on_today(data_dir, make_app) -> None:
    prepare(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not visible(app, "#today-nudge")
        await pilot.press("2")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("right", "enter")  # illness
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.pause()
        assert shown(app, "#today-nudge").startswith("Grace day (illness): rituals rest;")


async def test_a_grace_reason_is_shown_literally(data_dir, make_app) -> None:
    prepare(data_dir, grace=[GraceSpan("odd", DAY, DAY, MARKUP)])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert f"Grace day ({MARKUP})" in shown(app, "#today-nudge")
        assert app.is_running


async def test_after_a_month_where_touch_landed_the_ledger_shows_why(data_dir, make_app) -> None:
    """The issue's "done when", on screen: the picks lean to touch (tests/unit/test_daily_lean.py)
    and the ledger shows the touch count and how it landed."""
    with Store(data_dir) as store:
        done = simulate_month(store, answers=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ledger = shown(app, "#today-ledger")
        assert f"touch {done['touch']}" in ledger
        assert f"touch {done['touch']} of {done['touch']}" in ledger
        assert f"gifts 0 of {done['gifts']}" in ledger
        assert f"touch {done['touch']}" in screen_text(app)
