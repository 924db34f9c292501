"""The command palette's commands: themes (ours, then Textual's), tabs, screens and Together, never Textual's
stock commands."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual.app import SystemCommand
from textual.screen import Screen

from tui.tabs import TAB_SPECS
from tui.themes import THEME_ABOUT, offered, use_theme


def commands(app: Any, screen: Screen) -> Iterator[SystemCommand]:
    """What ctrl+p offers over ``screen``; the tabs and screens only over the main screen."""
    for name in offered(app):
        yield SystemCommand(
            f"Theme: {name}",
            THEME_ABOUT.get(name, "Textual's theme, for this session (Keep this theme saves it)"),
            lambda name=name: use_theme(app, name),
        )
    yield SystemCommand(
        "Keep this theme", f"Open with {app.theme} from now on (theme = in config.toml)", lambda: keep_theme(app)
    )
    if screen is app.main_screen:  # over a dialog these wait, as their keys do (check_action)
        for number, tab in enumerate(TAB_SPECS, start=1):
            yield SystemCommand(
                f"Go to {tab.title}",
                f"Show the {tab.title} tab (key {number})",
                lambda tab_id=tab.id: app.action_show_tab(tab_id),
            )
        yield SystemCommand("Help", "Every key, tab by tab", app.action_help)
        yield SystemCommand("Weekly review", "Rituals kept, gestures given, notes written (key w)", app.action_review)
        yield SystemCommand(
            "Settings", "Your partner's name, how each of you feels loved, together or apart", app.action_settings
        )
        yield SystemCommand(
            "Together…", "Pair with your partner through a shared folder, or see how it is going", app.action_together
        )
    yield SystemCommand("Quit", "Quit micro-romance (asks first about unsaved words)", app.action_quit)
    if app.together.paired:  # the Host's door: read once, again after a round or a pairing step
        yield SystemCommand("Sync now", "A round of Together with your partner's devices", app.sync_now)


def keep_theme(app: Any) -> None:
    """Save the theme shown now in config.toml, and say where (or why not)."""
    from tui.config import save_theme

    try:
        path = save_theme(app.theme)
    except (OSError, ValueError) as exc:
        app.notify(f"The theme was not saved: {exc}", title="Theme", severity="warning", markup=False)
        return
    app.notify(f'theme = "{app.theme}" is in {path}; micro-romance opens with it.', title="Theme", markup=False)
