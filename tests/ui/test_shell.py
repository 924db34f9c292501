"""The app shell as a user meets it: tabs, keys, help, quitting, midnight."""

from __future__ import annotations

from datetime import date

from textual.widgets import TabbedContent

from tests.ui import waiting
from tests.ui.screen_text import screen_text
from tui.screens.help import HelpScreen


async def test_number_keys_switch_tabs(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        tabs = app.query_one(TabbedContent)
        assert tabs.active == "today"
        for key, tab in [("2", "rituals"), ("3", "gratitude"), ("4", "prompts"), ("1", "today")]:
            await pilot.press(key)
            await pilot.pause()
            assert tabs.active == tab


async def test_tabs_are_in_order(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)):
        labels = [str(tab.label) for tab in app.query("Tab")]
        assert labels[:4] == ["Today", "Rituals", "Gratitude", "Prompts"]


async def test_help_opens_lists_every_tab_and_closes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        for title in ("Today", "Rituals", "Gratitude", "Prompts", "Quit"):
            assert title in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_midnight_moves_today(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        start = app.today
        clock.advance()
        app.check_day()
        await pilot.pause()
        assert app.today == date.fromordinal(start.toordinal() + 1)


async def test_a_theme_chosen_in_the_palette_is_for_the_session(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "linen"
        await pilot.pause()
    assert app.store.settings().theme == ""  # kept only by "Keep this theme", in config.toml (test_themes.py)


async def test_palette_offers_tabs(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Go to Gratitude" in titles
        themes = [t for t in titles if t.startswith("Theme: ")]
        assert themes[:2] == ["Theme: ember", "Theme: linen"] and "Theme: nord" in themes  # ours, then Textual's
        assert "Keep this theme" in titles and not any("ansi" in t for t in themes)
        for stock in ("Keys", "Maximize", "Screenshot", "Theme"):
            assert stock not in titles
        assert "Quit" in titles
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Go to Prompts")
        command.callback()
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "prompts"


async def test_palette_switches_themes_without_textuals_stock_commands(make_app) -> None:
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"theme")
        await waiting.settle(pilot)  # the palette's search is a worker
        shown = screen_text(app)
        assert "Theme: linen" in shown and "Change the current theme" not in shown
        await pilot.press(*": linen", "enter")
        await pilot.pause()
        assert app.theme == "linen"


async def test_quit_never_drops_unsaved_words(make_app) -> None:
    from tui.dialogs.editor import EditorScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("h", "i")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert any(isinstance(s, EditorScreen) and s.text == "hi" for s in app.screen_stack)
        await pilot.press("s")  # the close question: save, then quit as asked
        await pilot.pause()
        assert [n.text for n in app.store.notes()] == ["hi"]
        assert not app.is_running


async def test_tab_keys_work_wherever_focus_goes(make_app) -> None:
    """Tab never leaves focus on the tab strip, where the tab's own keys would not reach."""
    from textual.widgets import Tabs

    from tui.dialogs.basic import LineDialog

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(4):
            await pilot.press("tab")
            await pilot.pause()
            assert not isinstance(app.focused, Tabs), app.focused
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, LineDialog)


async def test_palette_tab_commands_wait_while_a_dialog_is_open(make_app) -> None:
    from textual.command import CommandPalette

    from tui.dialogs.editor import EditorScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3", "a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        editor.text_area.insert("half a thought")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"go to")
        await waiting.settle(pilot)  # the palette's search is a worker
        assert "Go to Today" not in screen_text(app)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "gratitude"  # nothing switched underneath
        assert app.screen is editor and editor.text == "half a thought"
        titles = [c.title for c in app.get_system_commands(editor)]
        assert not [t for t in titles if t.startswith("Go to") or t in ("Help", "Weekly review", "Settings")]
        assert "Quit" in titles and "Theme: linen" in titles


async def test_a_late_focus_in_the_tab_left_does_not_pull_the_user_back(make_app) -> None:
    """On a busy machine a tab's first focus can land after a number key: the key wins."""
    from tui.tabs.rituals import RitualsTab

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tabs = app.query_one(TabbedContent)
        await pilot.press("2")
        await pilot.pause()
        late = app.query_one("#today-list")
        app.screen.set_focus(late)  # the Today tab's first focus, asked for before the key, lands now
        await pilot.pause()
        await pilot.pause()
        assert tabs.active == "rituals"
        assert app.focused is not None and app.query_one(RitualsTab) in app.focused.ancestors_with_self
