"""The first run is one flow with one rule: the welcome, then the rituals step."""

from __future__ import annotations

from textual.widgets import Static

from tests.ui.screen_text import screen_text
from tui.dialogs.ritual_picker import RitualPickerScreen
from tui.dialogs.welcome import WelcomeScreen


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.pause()


async def test_esc_on_the_welcome_skips_the_whole_first_run(make_app) -> None:
    app = make_app(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main_screen  # no rituals step after a skip
        assert app.store.settings().welcomed and app.store.rituals() == []
        app.action_show_tab("rituals")
        await settle(pilot)
        empty = str(app.query_one("#rituals-empty", Static).render())
        assert "p to pick from our suggestions" in empty
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, RitualPickerScreen)


async def test_saving_the_welcome_leads_to_the_rituals_step(make_app) -> None:
    app = make_app(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"Sam", "enter")
        await settle(pilot)
        assert app.store.settings().partner_name == "Sam"
        assert isinstance(app.screen, RitualPickerScreen)
        await pilot.press("ctrl+s")  # the same key saves here
        await settle(pilot)
        assert app.screen is app.main_screen
        assert len(app.store.rituals()) == 6


async def test_both_steps_name_their_keys_the_same_way(make_app) -> None:
    app = make_app(welcomed=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        welcome_text = screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        picker_text = screen_text(app)
    for text in (welcome_text, picker_text):
        assert "Save (ctrl+s)" in text and "Skip (esc)" in text
        assert "ctrl+s saves" in text and "esc skips" in text
        assert (
            "Save (s)" not in text and "Skip for now" not in text and "s saves" not in text.replace("ctrl+s saves", "")
        )


async def test_once_paired_the_welcome_already_knows_the_partners_name(tmp_path, data_dir, make_app, capsys) -> None:
    """Someone who ran pair join before opening the full screen is not asked a name they gave already."""
    from textual.widgets import Input

    from tests.ui.pairing import paired

    paired(tmp_path, data_dir, capsys)  # Sam's folder, paired with Alex's
    app = make_app(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert app.screen.query_one("#partner-name", Input).value == "Alex"
        await pilot.press("enter")
        await settle(pilot)
        assert app.store.settings().partner_name == "Alex"
