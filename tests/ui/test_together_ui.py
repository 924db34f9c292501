"""A note a partner shared shows in the Gratitude tab marked with who wrote it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DAY
from tests.ui.pairing import cli, paired
from tui.tabs.gratitude import GratitudeTab


async def test_a_shared_note_is_marked_from_its_author(
    tmp_path: Path, data_dir: Path, make_app, capsys: pytest.CaptureFixture[str]
) -> None:
    alex = paired(tmp_path, data_dir, capsys)
    cli(alex, "gratitude", "--share", "You [bold]always[/bold] make me laugh")
    cli(data_dir, "gratitude", "Sam's own note")
    cli(data_dir, "sync")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        tab = app.query_one(GratitudeTab)
        rows = [str(option.prompt) for option in tab.notes_list.options if not option.disabled]
        week = str(tab.query_one("#gratitude-week").render())
    assert "  You [bold]always[/bold] make me laugh  (from Alex)" in rows
    assert "  Sam's own note" in rows
    assert week == "This week: 1 note · none said aloud yet · 1 from Alex"  # Alex's note is not counted as Sam's


async def test_the_header_says_when_the_pair_is_in_step_and_what_arrived(
    tmp_path: Path, data_dir: Path, make_app, capsys: pytest.CaptureFixture[str]
) -> None:
    alex = paired(tmp_path, data_dir, capsys)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.sub_title == "together: in step"
        cli(alex, "gratitude", "--share", "The tea you made")
        app.sync_now()
        await app.workers.wait_for_complete()
        await pilot.pause()
        tab = app.query_one(GratitudeTab)
        rows = [str(option.prompt) for option in tab.notes_list.options if not option.disabled]
        assert rows == ["  The tea you made  (from Alex)"]
        (tmp_path / "Shared").rename(tmp_path / "unplugged")  # the folder paired() shared
        app.sync_now()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.sub_title == "together: shared folder missing"


async def test_the_today_tab_tells_you_what_the_partner_did_for_you(
    tmp_path: Path, data_dir: Path, make_app, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.ui.screen_text import screen_text
    from tui import content
    from tui.model import GestureDay
    from tui.storage import Store

    alex = paired(tmp_path, data_dir, capsys)
    gesture = content.gesture_by_id()["specific-compliment"]
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Alex paid you" not in screen_text(app)
        with Store(alex) as store:
            store.save_gesture_day(GestureDay(day=DAY, gesture_id=gesture.id, shown=(gesture.id,), done=True))
        cli(alex, "sync")
        app.sync_now()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen_text(app)
        assert "Alex paid you a specific compliment about something you did today." in shown
        assert "did something for you:" not in shown  # not the giver's own words ("Give Sam a ...")


async def test_a_note_the_partner_shared_can_be_hidden_here_but_not_changed(
    tmp_path: Path, data_dir: Path, make_app, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.ui.screen_text import toasts
    from tui.dialogs.basic import ConfirmDialog
    from tui.storage import Store
    from tui.together import run_round

    alex = paired(tmp_path, data_dir, capsys)
    cli(alex, "gratitude", "--share", "Alex's own words: thank you for the soup")
    cli(alex, "sync")
    cli(data_dir, "sync")
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("e", "o")
        await pilot.pause()
        said = toasts(app)
        assert not isinstance(app.screen, ConfirmDialog) and len(app.screen_stack) == 1  # no editor opened
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        asked = str(app.screen.query_one(".dialog-title").render())
        await pilot.press("y")
        await pilot.pause()
        said += " " + toasts(app)
        tab = app.query_one(GratitudeTab)
        rows = [option for option in tab.notes_list.options if not option.disabled]
    assert "These are Alex's words, so only Alex can change them." in said
    assert "This note is Alex's; Alex marks when it was said aloud." in said
    assert asked == "Hide this note on this device?"
    assert "Note hidden here; Alex still has it. Press u to bring it back." in said
    assert rows == []
    run_round(app.store, data_dir / "sync")  # the app's store (it holds the data folder till the end)
    with Store(alex) as store:
        run_round(store, alex / "sync")
    with Store(alex, readonly=True) as store:
        assert [n.text for n in store.notes()] == ["Alex's own words: thank you for the soup"]
