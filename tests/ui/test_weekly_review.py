"""The weekly review as a user meets it: w, the numbers, stepping weeks, the weekly offer."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import TabbedContent

from tests.ui.screen_text import screen_text
from tui import content
from tui.app import MicroRomanceApp
from tui.clock import ManualClock
from tui.domain.review import review_prompt
from tui.model import GestureDay
from tui.record import replace
from tui.screens.help import HelpScreen
from tui.screens.weekly import WeeklyReviewScreen, summary_for
from tui.storage import Store

# The tests' today is Wednesday 25 November 2026; last week is Mon 16 .. Sun 22.
LAST_MONDAY = date(2026, 11, 16)
THIS_MONDAY = date(2026, 11, 23)
HOSTILE = "[bold]x[/] [@click=app.quit]y[/]"


def last_week(offset: int) -> date:
    return LAST_MONDAY + timedelta(days=offset)


def first_of(language: str) -> str:
    return next(g.id for g in content.gestures() if g.language == language)


def seed(store: Store) -> None:
    """Last week: coffee 6 of 7, the walk 1 of 3, three gestures, three notes (two said aloud).
    This week so far: coffee on Monday and Tuesday."""
    created = date(2026, 10, 1)
    coffee = store.add_ritual("Morning coffee", created=created)
    walk = store.add_ritual(HOSTILE, weekdays=(0, 2, 4), created=created)
    for offset in range(6):
        store.set_tick(coffee.id, last_week(offset), True)
    store.set_tick(walk.id, last_week(0), True)
    for offset, language in [(0, "touch"), (2, "touch"), (3, "gifts")]:
        gid = first_of(language)
        store.save_gesture_day(GestureDay(last_week(offset), gid, (gid,), done=True))
    store.save_gesture_day(GestureDay(last_week(4), first_of("words"), done=False))
    for offset, text, said in [(1, "Your laugh", True), (3, "The soup", True), (6, "The lift home", False)]:
        note = store.add_note(text, last_week(offset))
        store.save_note(replace(note, said_aloud=said))
    store.set_tick(coffee.id, THIS_MONDAY, True)
    store.set_tick(coffee.id, THIS_MONDAY + timedelta(days=1), True)


def remember(store: Store, monday: str) -> None:
    store.save_settings(replace(store.settings(), last_review=monday))


async def open_review(pilot) -> WeeklyReviewScreen:
    await pilot.pause()
    await pilot.press("w")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WeeklyReviewScreen)
    return screen


async def test_w_shows_this_week_then_last_week_with_the_store_numbers(make_app) -> None:
    app = make_app()
    seed(app.store)
    remember(app.store, THIS_MONDAY.isoformat())
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        text = screen_text(app)
        assert review.monday == THIS_MONDAY
        assert "This week so far · Mon 23 Nov – Sun 29 Nov" in text
        assert "Ritual days kept so far: 2 of 3" in text  # coffee Mon, Tue kept (Wed still open); walk's Monday
        assert "2 of 2  Morning coffee ✓" in text

        await pilot.press("left_square_bracket")
        await pilot.pause()
        text = screen_text(app)
        assert review.monday == LAST_MONDAY
        assert "Last week · Mon 16 Nov – Sun 22 Nov" in text
        assert "Ritual days kept: 7 of 10" in text
        assert "6 of 7  Morning coffee" in text
        assert "1 of 3  [bold]x[/]" in text and "[@click=app.quit]y[/]" in text  # a ritual's name, literally
        assert f"1 of 3 {HOSTILE}" in " ".join(str(review.query_one("#review-rituals-lines").render()).split())
        assert "Gestures done: 3" in text
        assert "2  Physical touch" in text
        assert "1  Small gifts" in text
        assert "Notes of thanks: 3" in text
        assert "2 said aloud ✓" in text
        assert app.is_running


async def test_the_prompt_follows_what_slipped(make_app) -> None:
    app = make_app()
    seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        summary = summary_for(app.store, app.together, LAST_MONDAY, app.today)
        assert summary.slipped == [HOSTILE]
        prompt = review_prompt(summary, content.prompts())
        assert prompt is not None and prompt.topic in {"rituals", "blocks"}
        shown = str(review.query_one("#review-prompt-text").render())
        assert shown == prompt.text
        assert content.topics()[prompt.topic] in str(review.query_one("#review-prompt-heading").render())


async def test_brackets_step_weeks_but_never_past_this_week(make_app) -> None:
    app = make_app()
    seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert review.monday == THIS_MONDAY
        assert review.check_action("step", (1,)) is None  # shown dimmed in the footer
        for _ in range(3):
            await pilot.press("left_square_bracket")
        await pilot.pause()
        assert review.monday == THIS_MONDAY - timedelta(weeks=3)
        assert "Week of Mon 2 Nov – Sun 8 Nov" in screen_text(app)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert review.monday == LAST_MONDAY
        # Back to the first week with anything in it (the rituals began on 1 October), no further.
        for _ in range(12):
            await pilot.press("left_square_bracket")
        await pilot.pause()
        assert review.monday == date(2026, 9, 28)
        # One more [ says why nothing changes instead of doing nothing silently.
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert review.monday == date(2026, 9, 28)
        assert "first week with anything in it" in " ".join(str(n.message) for n in app._notifications)


async def test_a_quiet_week_is_told_warmly(make_app) -> None:
    app = make_app()
    seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot)
        for _ in range(3):
            await pilot.press("left_square_bracket")
        await pilot.pause()
        text = screen_text(app)
        assert "A quiet week — that's normal." in text  # rituals ran, nothing ticked
        assert "Unmarked kindness counts too." in text
        lowered = text.lower()
        for word in ("fail", "missed", "should", "behind"):
            assert word not in lowered


async def test_escape_and_w_close(make_app) -> None:
    app = make_app()
    seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main_screen
        await open_review(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert app.screen is app.main_screen
        assert app.query_one(TabbedContent).active == "today"


async def test_w_waits_while_a_dialog_is_open_and_is_on_the_help_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert any(row.strip().startswith("w ") and "Weekly review" in row for row in text.split("\n"))
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_palette_offers_the_weekly_review(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Weekly review")
        command.callback()
        await pilot.pause()
        assert isinstance(app.screen, WeeklyReviewScreen)
        command.callback()  # a second time does not stack another
        await pilot.pause()
        assert len(app.screen_stack) == 2


async def test_an_empty_store_reviews_gently(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        text = screen_text(app)
        assert "A fresh week" in text
        assert "None chosen yet." in text
        assert not review.query_one("#review-heatmap").display
        assert review.check_action("step", (1,)) is None  # ] is dimmed: this is the latest week
        await pilot.press("left_square_bracket")  # [ says there is nothing earlier
        await pilot.pause()
        assert "nothing earlier" in " ".join(str(n.message) for n in app._notifications)


# --------------------------------------------------------------------------- the weekly offer


async def test_the_first_launch_of_a_new_week_offers_last_weeks_review_once(make_app, data_dir) -> None:
    app = make_app()
    seed(app.store)
    remember(app.store, (LAST_MONDAY - timedelta(weeks=1)).isoformat())  # seen in an earlier week
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        review = app.screen
        assert isinstance(review, WeeklyReviewScreen)
        assert review.monday == LAST_MONDAY
        assert "Last week · Mon 16 Nov – Sun 22 Nov" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main_screen
    app.store.close()
    with Store(data_dir, readonly=True) as reopened:
        assert reopened.settings().last_review == THIS_MONDAY.isoformat()

    # A second launch in the same week does not offer it again.
    again = make_app(today=date(2026, 11, 29))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert again.screen is again.main_screen
    again.store.close()

    # The next week's first launch does.
    later = make_app(today=date(2026, 11, 30))
    async with later.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(later.screen, WeeklyReviewScreen)
        assert later.screen.monday == THIS_MONDAY
    assert later.store.settings().last_review == "2026-11-30"


async def test_no_offer_for_an_empty_week_but_the_week_is_noted(make_app) -> None:
    app = make_app(today=date(2026, 12, 9))  # the week before (30 Nov .. 6 Dec) holds nothing
    seed(app.store)
    remember(app.store, THIS_MONDAY.isoformat())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.screen is app.main_screen
    assert app.store.settings().last_review == "2026-12-07"


async def test_the_very_first_launch_notes_the_week_without_offering(make_app) -> None:
    app = make_app()
    seed(app.store)
    assert app.store.settings().last_review == ""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.screen is app.main_screen
    assert app.store.settings().last_review == THIS_MONDAY.isoformat()


async def test_no_offer_before_the_welcome(make_app) -> None:
    app = make_app(welcomed=False)
    seed(app.store)
    remember(app.store, "2026-11-09")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, WeeklyReviewScreen)
    assert app.store.settings().last_review == "2026-11-09"


async def test_no_offer_in_the_demo(data_dir) -> None:
    store = Store(data_dir, backups=False)
    seed(store)
    store.save_settings(replace(store.settings(), welcomed=True, last_review="2026-11-09"))
    app = MicroRomanceApp(store=store, clock=ManualClock(date(2026, 11, 25)), demo=True)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert app.screen is app.main_screen
    finally:
        store.close()


async def test_ritual_names_are_not_cut_while_there_is_room(make_app) -> None:
    app = make_app()
    name = "Tea on the balcony after work!"  # 30 characters
    ritual = app.store.add_ritual(name, created=date(2026, 10, 1))
    app.store.set_tick(ritual.id, THIS_MONDAY, True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot)
        assert name in screen_text(app)


async def test_a_ritual_resting_for_the_rest_of_the_week_is_not_said_to_be_coming(make_app) -> None:
    from tui.model import GraceSpan

    app = make_app()
    created = date(2026, 10, 1)
    app.store.add_ritual("Friday date", weekdays=(4,), created=created)
    app.store.add_ritual("Sunday call", weekdays=(6,), created=created)
    # Grace from today (Wednesday 25 November) to Friday: the Friday date rests; Sunday is still ahead.
    app.store.save_grace(GraceSpan(id="g", start=app.today, end=app.today + timedelta(days=2), reason="travel"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot)
        lines = [" ".join(line.split()) for line in screen_text(app).splitlines()]
        assert any(line.startswith("rest Friday date") for line in lines), lines
        assert any(line.startswith("not yet Sunday call") for line in lines), lines
