"""The product's own themes: warm and calm, one for dark and one for light terminals.

"ember" (the default) is for dark terminals, "linen" for light ones; the
command palette (ctrl+p, "Theme: ember" or "Theme: linen") switches and the choice is kept in
settings. Colours are checked by eye in ``screenshots/`` (``today-light.svg``
shows linen) and by ``tests/ui/test_look.py``.
"""

from __future__ import annotations

from textual.app import App
from textual.theme import Theme

DEFAULT_THEME = "ember"

THEMES = (
    Theme(
        name="ember",
        primary="#E07A5F",
        secondary="#81B29A",
        accent="#F2CC8F",
        warning="#F2CC8F",
        error="#E5989B",
        success="#81B29A",
        foreground="#F4EDE4",
        background="#221C1E",
        surface="#2C2427",
        panel="#3A2F33",
        dark=True,
    ),
    Theme(
        name="linen",
        primary="#B5523B",
        secondary="#3D6150",
        accent="#87560F",  # footer keys: 4.5:1 on the panel
        warning="#87560F",
        error="#A23B4A",
        success="#3D6150",
        foreground="#2E2326",
        background="#FBF6EF",
        surface="#F3EBE0",
        panel="#E8DCCB",
        dark=False,
        variables={
            # Textual's default muted text is "auto 60%", which a line's
            # component style (a prompt's hint, an answer's date) resolves
            # against no background, i.e. as white: unreadable on linen.
            "text-muted": "#65575A",
        },
    ),
)


THEME_ABOUT = {
    "ember": "Warm and dark, for dark terminals (the default)",
    "linen": "Warm and light, for light terminals",
}
"""What the command palette says of each theme."""


def register_themes(app: App[object]) -> None:
    for theme in THEMES:
        app.register_theme(theme)


HEADER_ICON = "♥"
"""The mark at the left of every header: a glyph the common terminal and picture fonts have
(Textual's "⭘" draws a missing-glyph box in many)."""


def start_theme(app: App, name: str) -> None:
    """Give ``app`` the theme ``name`` (or the default) before any stylesheet is parsed.

    Assigning ``app.theme`` then would make Textual parse every stylesheet a second time
    before the first frame; nothing is parsed yet, so the theme's variables and classes are
    all it needs now.
    """
    if name not in app.available_themes:
        name = DEFAULT_THEME
    app.set_reactive(App.theme, name)
    dark = app.current_theme.dark
    classes = {c: False for c in app.classes if c.startswith("-theme-")}
    app.update_classes({**classes, f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark}, update=False)
    app.stylesheet.set_variables(app.get_css_variables())
    app._refresh_truecolor_filter(app.ansi_theme)
