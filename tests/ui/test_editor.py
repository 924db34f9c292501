"""The shared editor: save, cancel, discard, refuse, and never lose the text."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Static, TextArea

from tests.ui.burst import burst
from tests.ui.screen_text import screen_text, shown
from tui.dialogs.editor import CloseDialog, EditorScreen
from tui.errors import StoreWriteError
from tui.paths import stylesheets
from tui.storage.drafts import Drafts
from tui.text import MAX_CHARS


class EditorHost(App[None]):
    """A bare app with the product's stylesheets: the editor alone, started quickly.

    The tabs' tests open the editor inside the real app.
    """

    CSS_PATH = stylesheets()

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.drafts = Drafts(data_dir, lambda: datetime(2026, 11, 25, 21, 14))


@pytest.fixture
def editor_app(tmp_path):
    return lambda: EditorHost(tmp_path)


class Harness:
    """Opens an editor on the real app and records saves and the result."""

    def __init__(self, app, *, text: str = "", fail: Exception | None = None) -> None:
        self.app = app
        self.saved: list[str] = []
        self.results: list[str | None] = []
        self.fail = fail
        self.screen = EditorScreen("A note of thanks · Wed 25 Nov", self.save, text=text)

    def save(self, text: str) -> None:
        if self.fail is not None:
            raise self.fail
        self.saved.append(text)

    async def open(self, pilot) -> EditorScreen:
        self.app.push_screen(self.screen, self.results.append)
        await pilot.pause()
        self.screen.text_area.cursor_blink = False
        return self.screen


async def test_typed_text_is_saved_with_ctrl_s(editor_app) -> None:
    app = editor_app()
    async with app.run_test(size=(80, 24)) as pilot:
        harness = Harness(app)
        editor = await harness.open(pilot)
        assert app.focused is editor.text_area
        await pilot.press(*"Hi", "enter", *"you")
        assert shown(editor, "#editor-count") == f"6 / {MAX_CHARS:,}"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert harness.saved == ["Hi\nyou"]
        assert harness.results == ["Hi\nyou"]
        assert app.screen is not editor


async def test_tab_types_a_tab(editor_app) -> None:
    app = editor_app()
    async with app.run_test(size=(80, 24)) as pilot:
        harness = Harness(app)
        editor = await harness.open(pilot)
        await pilot.press("a", "tab", "b", "ctrl+s")
        await pilot.pause()
        assert harness.saved == ["a\tb"]
        assert app.screen is not editor


async def test_escape_on_unchanged_text_closes(editor_app) -> None:
    app = editor_app()
    async with app.run_test(size=(80, 24)) as pilot:
        harness = Harness(app, text="as it was")
        editor = await harness.open(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert harness.results == [None]
        assert harness.saved == []
        assert app.screen is not editor


async def test_escape_on_changed_text_asks_and_keep_editing_keeps_it(editor_app) -> None:
    app = editor_app()
    async with app.run_test(size=(80, 24)) as pilot:
        harness = Harness(app, text="as it was")
        editor = await harness.open(pilot)
        await pilot.press(*"!?", "escape")
        await pilot.pause()
        assert isinstance(app.screen, CloseDialog)
        await pilot.press("k")
        await pilot.pause()
        assert app.screen is editor
        assert editor.text == "as it was!?"
        assert app.focused is editor.text_area
        # escape in the question also means keep editing
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CloseDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is editor
        assert harness.results == [] and harness.saved == []


async def test_discard_closes_without_saving(editor_app) -> None:
    app = editor_app()
    async with app.run_test(size=(80, 24)) as pilot:
        harness = Harness(app, text="as it was")
        editor = await harness.open(pilot)
        await pilot.press("x", "escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert harness.results == [None]
        assert harness.saved == []
        assert app.screen is not editor


async def test_save_from_the_question(editor_app) -> None:
    app = editor_app()
    async with app.run_test(size=(80, 24)) as pilot:
        harness = Harness(app)
        await harness.open(pilot)
        await pilot.press(*"ok", "escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert harness.saved == ["ok"]
        assert harness.results == ["ok"]


async def test_save_from_the_question_refused_stays_open(editor_app) -> None:
    app = editor_app()
    async with app.run_test(size=(80, 24)) as pilot:
        harness = Harness(app, text="something")
        editor = await harness.open(pilot)
        editor.text_area.text = "   "
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert app.screen is editor
        assert "nothing to save" in editor.error
        assert harness.saved == []


async def test_empty_and_blank_text_are_refused(editor_app) -> None:
    app = editor_app()
    async with app.run_test(size=(80, 24)) as pilot:
        harness = Harness(app)
        editor = await harness.open(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert "nothing to save" in editor.error
        assert "nothing to save" in shown(editor, "#editor-error")
        await pilot.press("space", "enter", "tab", "space", "ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert editor.text == " \n\t "
        assert harness.saved == [] and harness.results == []
        # typing again clears the message
        await pilot.press("h")
        assert editor.error == ""


async def test_too_long_text_is_refused_and_kept_whole(editor_app) -> None:
    app = editor_app()
    async with app.run_test(size=(80, 24)) as pilot:
        harness = Harness(app)
        editor = await harness.open(pilot)
        long_text = "é" * (MAX_CHARS + 1)
        editor.text_area.insert(long_text)
        await pilot.pause()
        count = editor.query_one("#editor-count", Static)
        assert str(count.render()) == "10,001 / 10,000 · 1 over the limit"  # said in words, before saving
        assert count.has_class("-over")
        assert "1 over the limit" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert "10,001" in editor.error and "10,000" in editor.error
        assert editor.text == long_text
        assert harness.saved == []
        # at the limit exactly, it saves
        await pilot.press("backspace")
        await pilot.pause()
        assert str(count.render()) == "10,000 / 10,000" and not count.has_class("-over")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert harness.saved == ["é" * MAX_CHARS]


async def test_failed_write_keeps_the_editor_open_with_the_text(editor_app) -> None:
    app = editor_app()
    async with app.run_test(size=(80, 24)) as pilot:
        problem = StoreWriteError("Could not save to /data (No space left on device).")
        harness = Harness(app, fail=problem)
        editor = await harness.open(pilot)
        editor.text_area.insert("every word")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert editor.text == "every word"
        assert "No space left on device" in editor.error
        assert harness.results == []
        # once the disk has room again, the same text saves
        harness.fail = None
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert harness.saved == ["every word"]


async def test_control_characters_are_removed_before_saving(editor_app) -> None:
    app = editor_app()
    async with app.run_test(size=(80, 24)) as pilot:
        harness = Harness(app)
        editor = await harness.open(pilot)
        editor.text_area.insert("\n\nred\x1b[31m text\x07\x1b]0;title\x07 here\n\n")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert harness.saved == ["red text here"]


async def test_title_and_text_are_literal(editor_app) -> None:
    app = editor_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = EditorScreen("[bold]What[/] [@click=app.quit]now[/]?", lambda text: None, text="[/]")
        app.push_screen(screen)
        await pilot.pause()
        assert shown(screen, "#editor-title") == "[bold]What[/] [@click=app.quit]now[/]?"
        assert screen.query_one(TextArea).text == "[/]"
        await pilot.click("#editor-title")
        await pilot.pause()
        assert app.is_running


async def test_words_typed_in_the_same_read_as_the_key_that_opens_the_editor_are_kept(make_app) -> None:
    """ "aThank you, truly" typed at once: every character lands in the note, none is lost or taken as a key."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(app, pilot, "aThank you, truly", after="3")
        assert app.screen.text_area.cursor_location == (0, len("Thank you, truly"))
        await pilot.press("!")
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.text_area.text == "Thank you, truly!"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [n.text for n in app.store.notes()] == ["Thank you, truly!"]


async def test_a_name_typed_with_the_key_that_opens_the_ritual_dialog_is_kept(make_app) -> None:
    from textual.widgets import Input

    from tui.dialogs.ritual import RitualDialog

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(app, pilot, "aWalk", after="2")
        assert isinstance(app.screen, RitualDialog)
        assert app.screen.query(Input).first().value == "Walk"


async def test_a_letter_on_a_dialogs_button_is_not_typed_into_its_field(make_app) -> None:
    from textual.widgets import Button, Input

    from tui.dialogs.welcome import SettingsScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        name = app.screen.query_one("#partner-name", Input).value
        app.screen.query(Button).last().focus()
        await pilot.pause()
        await pilot.press("x", "k")
        await pilot.pause()
        assert app.screen.query_one("#partner-name", Input).value == name


async def test_a_quick_ss_opens_settings_without_typing_into_the_name(make_app) -> None:
    """The name field opens holding "Sam 🌻": a second s in the same read is a repeated key, not typing."""
    from textual.widgets import Input

    from tui.dialogs.welcome import SettingsScreen
    from tui.record import replace

    app = make_app()
    app.store.save_settings(replace(app.store.settings(), partner_name="Sam 🌻"))
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(app, pilot, "ss")
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#partner-name", Input).value == "Sam 🌻"


async def test_a_field_given_focus_adds_at_the_end_instead_of_replacing(make_app) -> None:
    """A slower s in settings, and " at dusk" in the ritual editor, add to the name: the cursor is at the end."""
    from textual.widgets import Input

    from tui.record import replace

    app = make_app()
    app.store.save_settings(replace(app.store.settings(), partner_name="Sam 🌻"))
    app.store.add_ritual("Evening walk", created=app.today)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("s")
        assert app.screen.query_one("#partner-name", Input).value == "Sam 🌻s"
        await pilot.press("escape", "d")
        await pilot.press("2", "e")
        await pilot.pause()
        await pilot.press(*" at dusk")
        assert app.screen.query_one("#ritual-name", Input).value == "Evening walk at dusk"
