"""Days that matter on the Today tab: the card's occasion gesture and why, coming up, and the dialog."""

from __future__ import annotations

from datetime import date

import pytest
from textual import events
from textual.widgets import OptionList

from tests.conftest import DAY
from tests.sync.pairs import pair_up
from tests.ui.screen_text import screen_text, shown
from tests.ui.waiting import settle
from tui.dialogs.day import DayDialog, DaysDialog
from tui.model import DayThatMatters
from tui.record import replace
from tui.storage import Store
from tui.widgets.text_dialog import CloseDialog

TOMORROW = date(2026, 11, 26)


def named(app) -> None:
    app.store.save_settings(replace(app.store.settings(), partner_name="Sam"))


def on_disk(data_dir) -> list[DayThatMatters]:
    with Store(data_dir, readonly=True) as s:
        return sorted(s.entries("days"), key=lambda d: d.day)


async def type_text(pilot, text: str) -> None:
    """Type ``text`` into the focused field in one burst, as a quick typist's keys arrive."""
    names = {" ": "space", "-": "minus"}
    for char in text:
        pilot.app.post_message(events.Key(names.get(char, char), char))
    await pilot.pause()


async def test_the_card_fits_the_day_and_says_why(make_app, data_dir) -> None:
    app = make_app()
    named(app)
    app.store.put("days", DayThatMatters("i1", "big", TOMORROW, "interview"))
    app.store.put("days", DayThatMatters("b1", "yearly", date(1990, 11, 29), "birthday"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app, "#today-meta") == "Sam's interview is tomorrow"
        occasion = app.store.gesture_day(DAY).gesture_id
        assert occasion.startswith("big-")  # an occasion gesture of the big day, recorded as the day's
        coming = shown(app, "#today-coming")
        assert coming == "Coming up: tomorrow: Sam's interview · Sunday (in 4 days): Sam's birthday"
        await pilot.press("d", "ctrl+s")  # done, without a note
        await pilot.pause()
        assert app.store.gesture_day(DAY).done and app.store.gesture_day(DAY).gesture_id == occasion
        assert "✓ Done today." in shown(app, "#today-status")
        assert "no longer in the list" not in screen_text(app)  # the history names the occasion gesture


async def test_no_days_no_lines(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.query_one("#today-coming").display
        assert shown(app, "#today-meta") != ""  # the usual gesture's language and effort, no reason


async def test_add_days_from_the_today_tab(make_app, data_dir) -> None:
    app = make_app()
    named(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, DaysDialog) and "None yet. Press a to add one." in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, DayDialog)
        await pilot.press("right", "tab", "ctrl+u")  # a hard day; its date
        await type_text(pilot, "2026-11-26")
        await pilot.press("tab")
        await type_text(pilot, "scan at the clinic")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DaysDialog)
        assert "tomorrow: Sam's scan at the clinic · kept here" in screen_text(app)
        await pilot.press("a", "right", "right", "tab", "ctrl+u")  # a trip of my own, shared
        await type_text(pilot, "2026-12-01")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "2026-12-04")
        await pilot.press("tab")
        await type_text(pilot, "conference")
        assert [n.message for n in app._notifications] == []  # a day kept here goes nowhere: nothing to say
        await pilot.press("tab", "right", "tab", "right", "ctrl+s")  # mine; share it
        await pilot.pause()
        assert [n.message for n in app._notifications] == [  # as `days add --share` says it
            "Marked to share: it goes to Sam once you pair (Together… in ctrl+p, or micro-romance pair start FOLDER)."
        ]
        await pilot.press("a", "tab", "ctrl+u")  # a date that does not exist
        await type_text(pilot, "2026-02-30")
        await pilot.press("tab")
        await type_text(pilot, "exam")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DayDialog)
        assert "Write the day as year-month-day, like 2026-12-01." in screen_text(app)
        await pilot.press("escape")  # words typed: asked first, as in every text dialog
        await pilot.pause()
        assert isinstance(app.screen, CloseDialog)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DaysDialog)
        await pilot.press("escape")
        await pilot.pause()
        coming = "Coming up: tomorrow: Sam's scan at the clinic · Tuesday (in 6 days): your conference"
        assert shown(app, "#today-coming") == coming
    scan, trip = on_disk(data_dir)
    assert (scan.kind, scan.day, scan.text, scan.whose, scan.shared) == (
        "hard",
        TOMORROW,
        "scan at the clinic",
        "theirs",
        False,
    )
    assert (trip.kind, trip.end, trip.whose, trip.shared) == ("away", date(2026, 12, 4), "mine", True)


async def test_change_and_remove_a_day(make_app, data_dir) -> None:
    app = make_app()
    named(app)
    app.store.put("days", DayThatMatters("i1", "big", TOMORROW, "interview"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DayDialog)
        await pilot.press("escape")  # nothing changed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, DaysDialog)
        await pilot.press("enter", "tab", "tab")
        await type_text(pilot, " in Leeds")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert on_disk(data_dir)[0].text == "interview in Leeds"
        assert "tomorrow: Sam's interview in Leeds" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert "Remove this day?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.query_one("#days-list", OptionList).get_option_at_index(0).disabled
        await pilot.press("escape")
        await pilot.pause()
        assert not app.query_one("#today-coming").display
    assert on_disk(data_dir) == []


async def test_a_partners_shared_day_is_read_only_here(make_app, data_dir) -> None:
    from tui.storage.codecs import DayCodec
    from tui.sync.files import write_json

    app = make_app()
    named(app)
    theirs = DayThatMatters("p1", "big", TOMORROW, "presentation", whose="mine", shared=True)
    (data_dir / "sync").mkdir(mode=0o700, exist_ok=True)
    write_json(data_dir / "sync" / "together.json", {"their_days": {"p1": {"by": "Sam", **DayCodec.doc(theirs)}}})
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert shown(app, "#today-meta") == "Sam's presentation is tomorrow"
        await pilot.press("a")
        await pilot.pause()
        assert "tomorrow: Sam's presentation · shared with you" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        toasts = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert isinstance(app.screen, DaysDialog) and "they keep it" in toasts


async def test_a_day_added_today_takes_the_card_until_another_is_asked_for(make_app, data_dir) -> None:
    app = make_app()
    named(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.store.gesture_day(DAY).gesture_id.startswith("big-")  # the usual gesture, recorded
        await pilot.press("a", "a", "tab", "ctrl+u")
        await type_text(pilot, "2026-11-26")
        await pilot.press("tab")
        await type_text(pilot, "exam")
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert shown(app, "#today-meta") == "Sam's exam is tomorrow"
        assert app.store.gesture_day(DAY).gesture_id.startswith("big-before")
        await pilot.press("n")  # another: the usual kind again, and it stays
        await pilot.pause()
        assert shown(app, "#today-meta") != "Sam's exam is tomorrow"
        assert not app.store.gesture_day(DAY).gesture_id.startswith("big-")
    app.store.close()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(again, "#today-meta") != "Sam's exam is tomorrow"


async def test_the_words_of_a_new_day_are_kept_as_a_draft(make_app, data_dir, monkeypatch) -> None:
    from tests.ui.test_drafts import kept
    from tui.widgets import text_dialog

    monkeypatch.setattr(text_dialog, "DRAFT_DELAY", 0.001)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "a", "tab", "tab")
        await type_text(pilot, "her exam")
        await kept(pilot, data_dir, "day.new", "day-words", "her exam")
    assert on_disk(data_dir) == []  # a draft is never a day by itself


async def test_a_refused_write_keeps_the_form_open_with_its_words(make_app, data_dir, monkeypatch) -> None:
    from tui.storage import StoreWriteError

    app = make_app()
    real_put = app.store.put

    def refuse(*args, **kwargs):
        raise StoreWriteError("Could not save (disk full). Nothing on disk was changed.")

    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(app.store, "put", refuse)
        await pilot.press("a", "a", "tab", "tab")
        await type_text(pilot, "her exam")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DayDialog)
        assert "disk full" in shown(app.screen, "#day-error")
        assert "her exam" in screen_text(app)
        monkeypatch.setattr(app.store, "put", real_put)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DaysDialog)
    assert [d.text for d in on_disk(data_dir)] == ["her exam"]


async def test_every_choice_stays_in_view_on_a_narrow_terminal(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("a", "a")
        await pilot.pause()
        await pilot.press("left")  # the last kind, at the end of the line
        await pilot.pause()
        text = screen_text(app)
        assert "(•) yearly" in text and "( ) good news" in text
        assert "both of ours" in text


async def test_the_form_fits_a_short_terminal_and_reaches_save(make_app) -> None:
    from textual.widgets import Button

    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("a", "a")
        await pilot.pause()
        form = app.screen.query_one("#day-dialog")
        assert form.region.bottom <= 20  # its border in view: nothing hangs below the screen
        save = app.screen.query_one("#save", Button)
        save.focus()
        await settle(pilot, lambda: save.region.bottom <= form.content_region.bottom)  # scrolled into view
        assert "Save (ctrl+s)" in screen_text(app)


@pytest.mark.parametrize(
    ("pair", "said"),
    [
        (False, "Kept here from now on."),  # never paired: no partner has a copy to speak of
        (True, "Kept here from now on; any copy Sam already has stays as it was."),
    ],
    ids=["not-paired", "paired"],
)
async def test_a_day_taken_back_from_sharing_says_only_what_is_true(
    make_app, data_dir, tmp_path, pair: bool, said: str
) -> None:
    if pair:
        (tmp_path / "Shared").mkdir()
        pair_up(data_dir / "sync", tmp_path / "sam", tmp_path / "Shared", ("Alex", "Sam"))
    app = make_app()
    named(app)
    app.store.put("days", DayThatMatters("i1", "big", TOMORROW, "interview", shared=True))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("a", "enter", "tab", "tab", "tab", "tab", "left", "ctrl+s")  # share: keep it here
        await pilot.pause()
        assert "tomorrow: Sam's interview · kept here" in screen_text(app)
        assert [n.message for n in app._notifications] == [said]
        await app.workers.wait_for_complete()
    assert not on_disk(data_dir)[0].shared
