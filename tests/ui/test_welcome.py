"""The first-run welcome and the settings screen: optional, skippable, saved, pre-filled."""

from __future__ import annotations

import importlib.machinery
import sys
import types

import pytest
from textual.screen import ModalScreen
from textual.widgets import Input, RadioSet, SelectionList, Static

from tests.conftest import DAY
from tui.app import MicroRomanceApp
from tui.dialogs import welcome
from tui.dialogs.welcome import SettingsScreen, WelcomeScreen
from tui.model import Settings
from tui.record import replace
from tui.storage import Store


@pytest.fixture(autouse=True)
def no_ritual_picker(monkeypatch):
    """Most tests look at the welcome alone; one test brings a stand-in picker."""
    monkeypatch.setattr(welcome, "RITUAL_PICKER", "tui.dialogs.no_such_picker")


def prompts(screen) -> list[str]:
    languages = screen.query_one("#love-languages", SelectionList)
    return [" ".join(str(languages.get_option_at_index(i).prompt).split()) for i in range(languages.option_count)]


async def test_first_launch_welcomes_and_skip_remembers(make_app, data_dir) -> None:
    app = make_app(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Welcome" in text and "optional" in text
        assert app.store.gesture_day(DAY) is None  # the pick waits for the answers
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ModalScreen)
        assert app.store.settings() == Settings(welcomed=True)
        assert app.store.gesture_day(DAY) is not None  # shown now, so recorded
    app.store.close()
    again = make_app(welcomed=False)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, WelcomeScreen)


async def test_welcome_saves_name_ranked_languages_and_place(make_app) -> None:
    app = make_app(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for char in "Alex":
            await pilot.press(char)
        await pilot.press("tab")  # on to the love languages (enter would save)
        assert isinstance(app.focused, SelectionList)
        await pilot.press("down", "space", "up", "space")  # touch first, then words
        assert prompts(app.screen)[:2] == ["Words of affirmation 2nd", "Physical touch 1st"]
        await pilot.press("tab")
        assert isinstance(app.focused, RadioSet)
        await pilot.press("down", "enter")  # Mostly apart
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ModalScreen)
        assert app.store.settings() == Settings(
            partner_name="Alex", love_languages=("touch", "words"), together="apart", welcomed=True
        )
    app.store.close()
    with Store(app.store.data_dir) as store:
        assert store.settings().partner_name == "Alex"
        assert store.settings().love_languages == ("touch", "words")


async def test_ranks_follow_the_order_of_ticking(make_app) -> None:
    app = make_app(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "space", "down", "space", "down", "space")
        assert [p.split()[-1] for p in prompts(app.screen)[:3]] == ["1st", "2nd", "3rd"]
        await pilot.press("up", "up", "space")  # untick the first: the others move up
        texts = prompts(app.screen)
        assert texts[0] == "Words of affirmation"
        assert texts[1].endswith("1st") and texts[2].endswith("2nd")
        assert app.screen.ranked_languages() == ("touch", "service")


async def test_a_name_too_long_is_refused_and_kept(make_app) -> None:
    app = make_app(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#partner-name", Input).value = "x" * 80
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert "under 60" in str(app.screen.query_one("#settings-message", Static).render())
        assert app.screen.query_one("#partner-name", Input).value == "x" * 80
        assert not app.store.settings().welcomed


async def test_settings_are_prefilled_and_change_the_suggestion(make_app, store: Store) -> None:
    store.save_settings(
        replace(
            store.settings(), partner_name="Sam", love_languages=("time", "words"), together="together", welcomed=True
        )
    )
    store.show_gesture(DAY, "specific-compliment")  # "Give {partner} a genuine, specific compliment ..."
    store.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Give Sam a genuine" in str(app.query_one("#today-gesture", Static).render())
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        assert screen.query_one("#partner-name", Input).value == "Sam"
        assert screen.ranked_languages() == ("time", "words")
        assert screen.together() == "together"
        assert prompts(screen)[3] == "Quality time 1st"
        screen.query_one("#partner-name", Input).value = "[bold]Robin[/]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ModalScreen)
        assert app.store.settings().partner_name == "[bold]Robin[/]"
        assert app.store.settings().love_languages == ("time", "words")
        assert "Give [bold]Robin[/] a genuine" in str(app.query_one("#today-gesture", Static).render())
        # escape leaves without saving
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#partner-name", Input).value = ""
        await pilot.press("escape")
        await pilot.pause()
        assert app.store.settings().partner_name == "[bold]Robin[/]"


async def test_palette_offers_settings(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Settings")
        command.callback()
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)


async def test_demo_skips_the_welcome(data_dir, clock) -> None:
    with Store(data_dir) as store:
        app = MicroRomanceApp(store=store, clock=clock, demo=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert not isinstance(app.screen, WelcomeScreen)


async def test_after_the_welcome_the_ritual_picker_is_offered(make_app, monkeypatch) -> None:
    name = "tests.ui.fake_ritual_picker"

    class RitualPickerScreen(ModalScreen[int]):
        pass

    module = types.ModuleType(name)
    module.__spec__ = importlib.machinery.ModuleSpec(name, None)
    module.RitualPickerScreen = RitualPickerScreen  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(welcome, "RITUAL_PICKER", name)
    app = make_app(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")  # saving the welcome leads to the rituals step
        await pilot.pause()
        assert isinstance(app.screen, RitualPickerScreen)


async def test_the_hint_says_what_enter_does_where_the_focus_is(make_app) -> None:
    app = make_app(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()

        def hint() -> str:
            return " ".join(str(app.screen.query_one("#settings-message", Static).render()).split())

        assert "enter or ctrl+s saves" in hint()  # in the name, enter saves
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.focused, SelectionList)
        assert "space or enter ticks" in hint() and "ctrl+s saves · esc skips" in hint()
        assert "enter or ctrl+s saves" not in hint()
        await pilot.press("enter")  # and enter does tick, as the hint says
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.screen.ranked_languages() == ("words",)
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.focused, RadioSet)
        assert "space or enter chooses" in hint()
        await pilot.press("shift+tab", "shift+tab")
        await pilot.pause()
        assert "enter or ctrl+s saves" in hint()
