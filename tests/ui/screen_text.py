"""What a person would read on the terminal, as plain text (for assertions)."""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static


def screen_text(app: App) -> str:
    """The whole screen, as the terminal would show it, one line per row.

    Renders the current screen (with the screens under a modal) the same way
    ``App.export_screenshot`` does, but keeps the text instead of an SVG.
    """
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def checklist_rows(app: App) -> list[str]:
    """The Rituals checklist as the user reads it, one string per row."""
    from tui.widgets.ritual_list import RitualList

    checklist = app.query_one(RitualList)
    return [checklist.get_option_at_index(i).prompt.plain for i in range(checklist.option_count)]


def checklist_row(app: App, name: str) -> str:
    """The checklist row that mentions ``name``."""
    return next(r for r in checklist_rows(app) if name in r)


def shown(where: App | Screen, selector: str) -> str:
    """The plain text of the Static at ``selector``, on the app or on one of its screens."""
    return str(where.query_one(selector, Static).render())


def toasts(app: App) -> str:
    """The text of the notifications on screen (``run_test(notifications=True)``), as one string."""
    return " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
