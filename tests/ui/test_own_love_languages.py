"""How you feel loved: saved from the settings form; a partner's own, shown on Today and beside the guess."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from tests.conftest import DAY
from tests.ui.pairing import cli, paired
from tests.ui.screen_text import screen_text
from tui.dialogs.welcome import SettingsScreen
from tui.model import GestureDay, Settings
from tui.storage import Store


async def test_the_settings_form_saves_how_you_feel_loved(make_app, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert "How do you feel loved?" in screen_text(app)
        await pilot.press(
            "tab", "tab", "tab", "tab"
        )  # the name, their languages, Together, together or apart, then yours
        assert app.focused is app.screen.query_one("#own-languages", SelectionList)
        await pilot.press("down", "space", "up", "space")  # touch first, then words
        await pilot.pause()
        assert "Physical touch       1st" in screen_text(app) and "Words of affirmation 2nd" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ModalScreen)
    app.store.close()
    with Store(data_dir, readonly=True) as store:
        assert store.settings().own_love_languages == ("touch", "words")
        assert store.settings().love_languages == ()  # the guess of theirs is its own list


async def test_the_partners_own_ranking_shows_on_today_and_beside_the_guess(
    tmp_path: Path, data_dir: Path, make_app, capsys: pytest.CaptureFixture[str]
) -> None:
    alex = paired(tmp_path, data_dir, capsys)
    with Store(data_dir) as store:
        store.save_settings(Settings(partner_name="Alex", love_languages=("gifts",), welcomed=True))
        yesterday = DAY - timedelta(days=1)
        store.save_gesture_day(GestureDay(yesterday, "door-hug", ("door-hug",), done=True))  # so the ledger shows
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "feels loved through" not in screen_text(app)
        assert "♥ gifts" in screen_text(app) and "♥ touch" not in screen_text(app)  # the guess, until theirs comes
        with Store(alex) as store:
            store.save_settings(Settings(partner_name="Sam", own_love_languages=("touch", "words"), welcomed=True))
        cli(alex, "sync")
        app.sync_now()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Alex feels loved through: touch, words" in text
        assert "Last 30 days: ♥ touch 1 · ♥ words 0 · service 0 · time 0 · gifts 0" in text  # the ledger marks theirs
        await pilot.press("s")
        await pilot.pause()
        notice = app.screen.query_one("#settings-theirs", Static)
        assert str(notice.render()) == "Alex chose their own: touch, words. It counts over this guess."
        assert "It counts over this guess." in screen_text(app)
        assert app.screen.ranked_languages() == ("gifts",)  # the guess stays as it was
        await pilot.press("escape")
        await pilot.pause()
    assert app.store.settings().love_languages == ("gifts",) and app.store.settings().own_love_languages == ()
