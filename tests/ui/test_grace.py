"""Grace days on the Rituals tab: g marks the day (or a range) and why; rituals rest, streaks wait."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input, Static

from tests.conftest import DAY
from tests.ui.screen_text import checklist_row, checklist_rows, screen_text, toasts
from tests.ui.test_rituals import open_tab
from tui.dialogs.basic import ChoiceDialog
from tui.dialogs.grace import GraceDialog, ReasonPicker, span_label
from tui.model import GraceSpan
from tui.record import replace
from tui.storage import Store, StoreWriteError
from tui.tabs.rituals import RitualsTab
from tui.widgets.heatmap import GRACE_GLYPH, RitualHeatmap
from tui.widgets.ritual_list import RitualList

YESTERDAY = DAY - timedelta(days=1)
MARKUP = "[bold]x[/] [@click=app.quit]y[/] [/]"


rows = checklist_rows
row = checklist_row


def dots(app, name: str) -> str:
    """The seven dots of a ritual's row (oldest first)."""
    line = row(app, name)
    return line[-(13 + 2 + 6 + 2 + 7) :][:13]


def day_line(app) -> str:
    return str(app.query_one("#rituals-day", Static).render())


def prepare(data_dir, *names: str, created: date = DAY - timedelta(days=20), grace=()) -> dict[str, str]:
    """Rituals (every day) and grace spans, written before the app opens the folder."""
    with Store(data_dir) as store:
        store.save_settings(replace(store.settings(), welcomed=True, last_review="2026-11-23"))
        ids = {name: store.add_ritual(name, created=created).id for name in names}
        for span in grace:
            store.save_grace(span)
    return ids


async def open_dialog(pilot) -> GraceDialog:
    await pilot.press("g")
    await pilot.pause()
    assert isinstance(pilot.app.screen, GraceDialog), pilot.app.screen
    return pilot.app.screen


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def replace_text(pilot, text: str) -> None:
    await pilot.press("end", "ctrl+u")
    await type_text(pilot, text)


async def test_g_marks_the_day_shown_with_a_reason_and_it_lasts(make_app, data_dir) -> None:
    prepare(data_dir, "Morning coffee")
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_tab(pilot)
        assert dots(app, "Morning coffee").endswith("○")
        dialog = await open_dialog(pilot)
        assert dialog.query_one("#grace-start", Input).value == DAY.isoformat()
        assert dialog.query_one("#grace-end", Input).value == DAY.isoformat()
        assert "Wed 25 Nov 2026" in screen_text(app)
        await pilot.press("right")  # illness
        assert dialog.query_one(ReasonPicker).reason == "illness"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, GraceDialog)
        (span,) = app.store.grace()
        assert (span.start, span.end, span.reason) == (DAY, DAY, "illness")
        assert "A grace day (illness)" in toasts(app)
        # Today's dot is a grace dot, the header says the rituals rest, the heatmap agrees.
        assert dots(app, "Morning coffee").endswith(GRACE_GLYPH)
        assert "◌ illness: rituals rest" in day_line(app)
        heatmap = app.query_one(RitualHeatmap)
        assert GRACE_GLYPH in str(heatmap.render())
    app.store.close()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        assert [s.reason for s in again.store.grace()] == ["illness"]
        assert dots(again, "Morning coffee").endswith(GRACE_GLYPH)


async def test_a_range_of_days_pauses_the_streak_instead_of_breaking_it(make_app, data_dir) -> None:
    ids = prepare(data_dir, "Goodnight kiss")
    away = {DAY - timedelta(days=n) for n in (3, 4, 5)}
    with Store(data_dir) as store:
        with store.batch():
            for n in range(1, 21):
                day = DAY - timedelta(days=n)
                if day not in away:
                    store.set_tick(ids["Goodnight kiss"], day, True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        before = row(app, "Goodnight kiss")
        assert before.split()[-2] == "2"  # three misses in a row end the streak
        dialog = await open_dialog(pilot)
        await pilot.press("tab")
        await replace_text(pilot, (DAY - timedelta(days=5)).isoformat())
        await pilot.press("tab")
        await replace_text(pilot, (DAY - timedelta(days=3)).isoformat())
        assert str(dialog.query_one("#grace-span", Static).render()) == "Fri 20 Nov 2026 to Sun 22 Nov 2026 · 3 days"
        await pilot.press("enter")
        await pilot.pause()
        (span,) = app.store.grace()
        assert (span.start, span.end, span.reason) == (DAY - timedelta(days=5), DAY - timedelta(days=3), "travel")
        after = row(app, "Goodnight kiss")
        assert after.split()[-2] == "17"  # the streak waited through the trip
        assert after.split()[-1] == "100%"
        assert dots(app, "Goodnight kiss") == "● ◌ ◌ ◌ ● ● ○"


async def test_wrong_dates_and_an_empty_other_keep_the_dialog_open(make_app, data_dir) -> None:
    prepare(data_dir, "Morning coffee")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        dialog = await open_dialog(pilot)
        error = dialog.query_one("#grace-error", Static)
        await pilot.press("left")  # other: a few words are asked for
        assert dialog.query_one("#grace-other", Input).display
        await pilot.press("enter")
        await pilot.pause()
        assert "Say why in a few words" in str(error.render())
        assert isinstance(app.focused, Input) and app.focused.id == "grace-other"
        await type_text(pilot, "moving house")
        await pilot.press("tab")
        await replace_text(pilot, "next week")
        await pilot.press("enter")
        await pilot.pause()
        assert "year-month-day" in str(error.render())
        assert app.focused.id == "grace-start"
        await replace_text(pilot, DAY.isoformat())
        await pilot.press("tab")
        await replace_text(pilot, YESTERDAY.isoformat())
        await pilot.press("enter")
        await pilot.pause()
        assert "comes before" in str(error.render())
        assert app.store.grace() == []
        assert isinstance(app.screen, GraceDialog)
        await replace_text(pilot, (DAY + timedelta(days=2)).isoformat())  # days ahead are fine
        await pilot.press("enter")
        await pilot.pause()
        (span,) = app.store.grace()
        assert (span.start, span.end, span.reason) == (DAY, DAY + timedelta(days=2), "moving house")


async def test_escape_saves_nothing(make_app, data_dir) -> None:
    prepare(data_dir, "Morning coffee")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await open_dialog(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.store.grace() == []
        assert isinstance(app.focused, RitualList)


async def test_g_on_yesterday_offers_yesterday(make_app, data_dir) -> None:
    prepare(data_dir, "Morning coffee")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("left_square_bracket")
        dialog = await open_dialog(pilot)
        assert dialog.query_one("#grace-start", Input).value == YESTERDAY.isoformat()
        await pilot.press("right", "right", "enter")  # a hard week
        await pilot.pause()
        (span,) = app.store.grace()
        assert (span.start, span.end, span.reason) == (YESTERDAY, YESTERDAY, "a hard week")
        assert "◌ a hard week: rituals rest" in day_line(app)
        assert dots(app, "Morning coffee") == "· · · · · ◌ ○"


async def test_g_on_a_grace_day_offers_to_remove_it(make_app, data_dir) -> None:
    span = GraceSpan("trip", DAY - timedelta(days=2), DAY + timedelta(days=1), "travel")
    prepare(data_dir, "Morning coffee", grace=[span])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert f"Travel: {span_label(span.start, span.end)}" in screen_text(app)
        await pilot.press("escape")  # kept
        await pilot.pause()
        assert [s.id for s in app.store.grace()] == ["trip"]
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert app.store.grace() == []
        assert dots(app, "Morning coffee").endswith("· · ○")
    with Store(data_dir, readonly=True) as on_disk:
        assert on_disk.grace() == []


async def test_a_refused_write_keeps_the_dialog_and_what_was_typed(make_app, data_dir, monkeypatch) -> None:
    prepare(data_dir, "Morning coffee")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)

        def broken(span):
            raise StoreWriteError("Could not save (disk full).")

        monkeypatch.setattr(app.store, "save_grace", broken)
        dialog = await open_dialog(pilot)
        await pilot.press("left")
        await pilot.press("tab")
        await type_text(pilot, "visiting family")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GraceDialog)
        assert "disk full" in str(dialog.query_one("#grace-error", Static).render())
        assert dialog.query_one("#grace-other", Input).value == "visiting family"


async def test_a_refused_removal_is_said(make_app, data_dir, monkeypatch) -> None:
    prepare(data_dir, "Morning coffee", grace=[GraceSpan("trip", DAY, DAY, "travel")])
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_tab(pilot)

        def broken(span_id):
            raise StoreWriteError("Could not save (disk full).")

        monkeypatch.setattr(app.store, "delete_grace", broken)
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert "disk full" in toasts(app)
        assert len(app.store.grace()) == 1


async def test_a_reason_is_shown_literally(make_app, data_dir) -> None:
    prepare(data_dir, "Morning coffee", grace=[GraceSpan("odd", DAY, DAY, MARKUP)])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        assert MARKUP[:11] in day_line(app)
        await pilot.press("g")
        await pilot.pause()
        assert MARKUP in str(app.screen.query_one(".dialog-message", Static).render())
        assert app.is_running


async def test_grace_is_described_for_the_help_screen() -> None:
    binding = next(b for b in RitualsTab.BINDINGS if b.key == "g")
    assert binding.id == "rituals.grace" and binding.tooltip
    assert "grace" in RitualsTab.HELP


async def test_the_date_fields_show_the_whole_date_while_typing(make_app, data_dir) -> None:
    prepare(data_dir, "Tea")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await open_dialog(pilot)
        for field in ("#grace-start", "#grace-end"):
            app.screen.query_one(field, Input).focus()
            await pilot.press("end")
            await pilot.pause()
            line = next(row for row in screen_text(app).splitlines() if "From" in row)
            assert line.count(DAY.isoformat()) == 2, line
