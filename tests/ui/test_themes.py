"""Themes from config.toml, Textual's beside ours, every one readable, and NO_COLOR over all of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App

from tests.ui.test_look import _grey, svg_classes, svg_runs
from tui.cli import main
from tui.config import read_config
from tui.model import Settings
from tui.storage import Store
from tui.themes import (
    MIN_STATE_CONTRAST,
    MIN_TEXT_CONTRAST,
    STATE_COLOURS,
    contrast,
    offered,
    readable,
    register_themes,
    state_colours,
)

UNKNOWN_IN_CONFIG = (
    "The theme 'not-a-theme' in config.toml is not one this micro-romance knows, so it shows ember instead."
)


def config(folder: Path, text: str) -> Path:
    path = folder / "micro-romance" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_offered_theme_loads_and_keeps_each_state_readable() -> None:
    """Ticked, resting, grace and today against the background and the focused row (3:1), and the
    focused row's words (4.5:1), in every theme the palette offers, as it is shown."""
    app: App[object] = App()
    register_themes(app)
    names = offered(app)
    assert names[:2] == ["ember", "linen"] and {"nord", "gruvbox", "textual-light", "textual-dark"} <= set(names)
    faint = {}
    for name in names:
        theme = readable(app.available_themes[name])
        assert theme.name == name  # Textual's spelling is kept
        background, focus, colours = state_colours(theme)
        for state, what in STATE_COLOURS.items():
            worst = min(contrast(colours[state], background), contrast(colours[state], focus))
            if worst < MIN_STATE_CONTRAST:
                faint[name, what] = round(worst, 2)
        if contrast(colours["foreground"], focus) < MIN_TEXT_CONTRAST:
            faint[name, "focus"] = round(contrast(colours["foreground"], focus), 2)
    assert faint == {}


def test_our_themes_need_no_adjusting() -> None:
    app: App[object] = App()
    register_themes(app)
    assert all(readable(app.available_themes[name]) is app.available_themes[name] for name in ("ember", "linen"))


async def test_the_theme_comes_from_config_toml(own_config_folder: Path, make_app) -> None:
    config(own_config_folder, 'theme = "textual-light"\n\n[keys]\n"app.help" = "f1"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"
        background, focus, colours = state_colours(app.current_theme)  # the readable form is the one in use
        assert contrast(colours["success"], focus) >= MIN_STATE_CONTRAST


async def test_an_unknown_theme_in_config_toml_is_said_once_and_doctor_says_the_same(
    own_config_folder: Path, make_app, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config(own_config_folder, 'theme = "not-a-theme"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "ember"
        notices = [n.message for n in app._notifications]
        assert notices == [UNKNOWN_IN_CONFIG]
    app.store.close()
    main(["--data-dir", str(data_dir), "doctor"])
    assert f"Note: {UNKNOWN_IN_CONFIG}" in capsys.readouterr().out.splitlines()


async def test_doctor_says_a_saved_theme_the_app_does_not_know_as_the_app_does(
    own_config_folder: Path, make_app, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(data_dir) as store:
        store.save_settings(Settings(welcomed=True, theme="bogus"))  # saved by an older copy
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        (notice,) = [n.message for n in app._notifications if "bogus" in n.message]
    app.store.close()
    main(["--data-dir", str(data_dir), "doctor"])
    assert f"Note: {notice}" in capsys.readouterr().out.splitlines()
    config(own_config_folder, 'theme = "nord"\n')  # config.toml's theme is the one that counts
    main(["--data-dir", str(data_dir), "doctor"])
    assert "bogus" not in capsys.readouterr().out


def test_a_theme_that_is_not_a_name_is_left_out(own_config_folder: Path) -> None:
    found = read_config(config(own_config_folder, "theme = 3\n"))
    assert found.theme is None and found.warnings == (
        'config.toml: theme should be a theme\'s name in quotes, like "nord"; it was left out.',
    )


async def test_the_palette_switches_and_keeps_a_theme(own_config_folder: Path, make_app) -> None:
    path = config(own_config_folder, '# my keys\n[keys]\n"app.help" = "f1"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"theme: gruvbox")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "gruvbox" and read_config(path).theme is None  # for the session
        await pilot.press("ctrl+p")
        await pilot.press(*"keep this theme")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert [n.message for n in app._notifications][
            -1
        ] == f'theme = "gruvbox" is in {path}; micro-romance opens with it.'

    assert path.read_text(encoding="utf-8") == 'theme = "gruvbox"\n# my keys\n[keys]\n"app.help" = "f1"\n'
    assert read_config(path).keys == {"app.help": "f1"}
    app.store.close()  # the next opening of the app
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "gruvbox"


async def test_no_color_wins_over_a_configured_theme(
    own_config_folder: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    config(own_config_folder, 'theme = "nord"\n')
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        svg = app.export_screenshot()
    assert app.theme == "nord" and app.no_color
    coloured = {c for c in svg_classes(svg).values() if not _grey(c)} | {
        bg for *_, bg in svg_runs(svg) if bg and not _grey(bg)
    }
    assert coloured == set()
