"""One rule for every dialog that takes text: no word is lost to esc or quit.

Esc with unsaved changes asks (keep editing, discard, save); esc with none
closes; ctrl+s saves everywhere; enter in a one-line field saves.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input

from tests.conftest import DAY
from tui.dialogs import welcome
from tui.dialogs.basic import LineDialog
from tui.dialogs.ritual import RitualDialog
from tui.dialogs.welcome import SettingsScreen, WelcomeScreen
from tui.widgets.text_dialog import CloseDialog, TextDialog


@pytest.fixture(autouse=True)
def no_ritual_picker(monkeypatch):
    monkeypatch.setattr(welcome, "RITUAL_PICKER", "tui.widgets.no_such_picker")


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    await pilot.press(*("space" if c == " " else c for c in text))


async def open_done_note(app, pilot) -> None:
    await settle(pilot)
    await pilot.press("d")
    await settle(pilot)
    assert isinstance(app.screen, LineDialog)


async def open_ritual_edit(app, pilot) -> None:
    await settle(pilot)
    app.action_show_tab("rituals")
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(app.screen, RitualDialog)


async def open_settings(app, pilot) -> None:
    await settle(pilot)
    await pilot.press("s")
    await settle(pilot)
    assert isinstance(app.screen, SettingsScreen)


def note(app) -> str | None:
    recorded = app.store.gesture_day(DAY)
    return recorded.note if recorded and recorded.done else None


def ritual_name(app) -> str:
    return app.store.rituals()[0].name


def partner(app) -> str:
    return app.store.settings().partner_name


DIALOGS = {
    "done note": (open_done_note, note, None),
    "ritual edit": (open_ritual_edit, ritual_name, "Tea"),
    "settings": (open_settings, partner, ""),
}

DISCARDED = {"done note": ""}
"""What discarding leaves, where it is not what was there: the gesture done, without the note."""


@pytest.fixture
def app_with_a_ritual(make_app):
    def build():
        app = make_app()
        app.store.add_ritual("Tea", created=DAY - timedelta(days=3))
        return app

    return build


@pytest.mark.parametrize("dialog", list(DIALOGS))
async def test_esc_on_unsaved_words_asks_keep_discard_or_save(app_with_a_ritual, dialog) -> None:
    open_dialog, saved, untouched = DIALOGS[dialog]
    app = app_with_a_ritual()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(app, pilot)
        screen = app.screen
        await type_text(pilot, "xy")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CloseDialog), dialog
        await pilot.press("k")  # keep editing: every word still there
        await settle(pilot)
        assert app.screen is screen and isinstance(app.focused, Input)
        assert app.focused.value.endswith("xy")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("d")  # discard: closed, the typed words not written
        await settle(pilot)
        assert not isinstance(app.screen, TextDialog)
        assert saved(app) == DISCARDED.get(dialog, untouched)
        if dialog == "done note":  # d marked it done: undo that to ask for a note again
            await pilot.press("d")
            await settle(pilot)
        await open_dialog(app, pilot)
        await type_text(pilot, "xy")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("s")  # save
        await settle(pilot)
        assert not isinstance(app.screen, TextDialog)
        assert saved(app).endswith("xy"), dialog


@pytest.mark.parametrize("dialog", list(DIALOGS))
async def test_esc_with_nothing_changed_closes_at_once(app_with_a_ritual, dialog) -> None:
    open_dialog, saved, untouched = DIALOGS[dialog]
    app = app_with_a_ritual()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(app, pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main_screen
        assert saved(app) == untouched


@pytest.mark.parametrize("key", ["ctrl+s", "enter"])
@pytest.mark.parametrize("dialog", list(DIALOGS))
async def test_ctrl_s_and_enter_in_a_one_line_field_save(app_with_a_ritual, dialog, key) -> None:
    open_dialog, saved, _ = DIALOGS[dialog]
    app = app_with_a_ritual()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(app, pilot)
        await type_text(pilot, "xy")
        await pilot.press(key)
        await settle(pilot)
        assert app.screen is app.main_screen, (dialog, key)
        assert saved(app).endswith("xy")


async def test_welcome_follows_the_same_rule(make_app) -> None:
    app = make_app(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await type_text(pilot, "Alex")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CloseDialog)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")  # enter in the name saves
        await settle(pilot)
        assert app.store.settings().partner_name == "Alex" and app.store.settings().welcomed


async def test_quit_over_an_unsaved_note_then_save_saves_and_quits(app_with_a_ritual) -> None:
    app = app_with_a_ritual()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_done_note(app, pilot)
        await type_text(pilot, "lovely")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CloseDialog)
        await pilot.press("s")
        await settle(pilot)
        assert note(app) == "lovely"
        assert not app.is_running


async def test_quit_over_an_unsaved_note_then_discard_quits_and_keep_stays(app_with_a_ritual) -> None:
    app = app_with_a_ritual()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_done_note(app, pilot)
        await type_text(pilot, "lovely")
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, LineDialog)
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert note(app) == ""  # the note dropped, the gesture still done
        assert not app.is_running


async def test_settings_filled_in_earlier_close_at_once_when_untouched(make_app) -> None:
    from tui.record import replace

    app = make_app()
    settings = app.store.settings()
    app.store.save_settings(replace(settings, partner_name="Sam", love_languages=("time", "words"), together="apart"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(app, pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main_screen
        await open_settings(app, pilot)
        await pilot.press("tab", "space")  # tick one more language: a change
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CloseDialog)


async def test_the_note_editors_hint_is_whole_on_a_narrow_terminal(make_app) -> None:
    from textual.widgets import Static

    from tui.dialogs.editor import EditorScreen

    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("3", "a")  # a new note on the Gratitude tab
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        hint = app.screen.query_one("#editor-hint", Static)
        words = str(hint.render())
        assert words.endswith("tab types a tab")
        assert hint.size.width * hint.size.height >= len(words), (hint.size, words)  # wrapped
        footer = app.screen.query_one("#editor-footer")
        assert footer.size.height >= hint.size.height, (footer.size, hint.size)  # and every line of it shown
