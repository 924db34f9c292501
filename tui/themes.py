"""Themes: our own two, warm and calm, and Textual's, each kept readable.

"ember" (the default) is for dark terminals, "linen" for light ones. Textual's own themes (nord,
gruvbox, textual-light, ...) are offered beside them under the names Textual gives them. The theme
comes from ``theme = "NAME"`` in ``config.toml`` (tui.config), else from the one saved in settings
by an older copy, else ember. The command palette switches for the session ("Theme: NAME") and
keeps the theme in ``config.toml`` ("Keep this theme").

Every state on the Rituals tab (ticked, resting, grace, today, the focused row) must stay
readable, and some of Textual's themes colour them too faintly for their own background (green
ticks on textual-light's near-white). Such a theme is registered again under its own name with
those colours moved toward the foreground until they read (at least 3:1 against the background and
the focused row: :func:`readable`), only when it is first used. ANSI themes use the terminal's own
colours, which cannot be measured: they load when named but are not offered. Colours are checked by
``tests/ui/test_themes.py`` (every theme, cheaply) and ``tests/ui/test_look.py`` (our two, on screen).
"""

from __future__ import annotations

from textual.app import App
from textual.color import Color
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
            # A missed day's dot on the focused row reads at 3:1 (Textual's 60% foreground did not).
            "foreground-muted": "#6F6666",
        },
    ),
)


THEME_ABOUT = {
    "ember": "Ours: warm and dark, for dark terminals (the default)",
    "linen": "Ours: warm and light, for light terminals",
}
"""What the command palette says of each theme."""


def register_themes(app: App[object]) -> None:
    for theme in THEMES:
        app.register_theme(theme)


OURS = frozenset(theme.name for theme in THEMES)
MIN_TEXT_CONTRAST = 4.5
"""WCAG's floor for text: the focused row's words."""
MIN_STATE_CONTRAST = 3.0
"""WCAG's floor for marks and large text: each state's colour against the background and the focused row."""
FOCUS_TINT = 0.3
"""The focused row is the primary colour at 30% over the background (styles/app.tcss)."""
STATE_COLOURS = {"success": "ticked", "secondary": "grace", "accent": "today", "foreground-muted": "resting"}
"""The theme variables the Rituals tab's states are drawn in (tui/tabs/ritual_rows.py, tui/widgets/heatmap.py)."""


def offered(app: App[object]) -> list[str]:
    """The themes the palette offers: ours first, then Textual's (not the ANSI ones), by name."""
    others = sorted(n for n in app.available_themes if n not in OURS and not n.startswith("ansi-"))
    return [theme.name for theme in THEMES] + others


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(a: Color, b: Color) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def state_colours(theme: Theme) -> tuple[Color, Color, dict[str, Color]]:
    """The background, the focused row and each state's colour, as the screen shows them."""
    variables = theme.to_color_system().generate()
    background = Color.parse(variables["background"])
    focus = background.blend(Color.parse(variables["primary"]), FOCUS_TINT)

    def solid(name: str) -> Color:
        value, *alpha = variables[name].split()
        colour = Color.parse(value)
        share = float(alpha[0].rstrip("%")) / 100 if alpha else colour.a
        return background.blend(colour.with_alpha(1), share) if share < 1 else colour

    return background, focus, {name: solid(name) for name in (*STATE_COLOURS, "foreground")}


def readable(theme: Theme) -> Theme:
    """``theme`` itself when everything reads on it; else a copy (same name) whose foreground is moved
    toward white (dark) or black (light) until the focused row's text reads (4.5:1), and whose faint
    state colours are moved toward that foreground, a tenth at a time, until they read (3:1)."""
    from dataclasses import replace

    background, focus, colours = state_colours(theme)
    foreground = colours["foreground"]
    end = Color(255, 255, 255) if theme.dark else Color(0, 0, 0)
    fields: dict[str, str] = {}
    for _ in range(10):
        if contrast(foreground, focus) >= MIN_TEXT_CONTRAST:
            break
        foreground = foreground.blend(end, 0.2)
        fields["foreground"] = foreground.hex
    if fields:
        background, focus, colours = state_colours(replace(theme, **fields))
    variables = dict(theme.variables or {})
    for name in STATE_COLOURS:
        colour = colours[name]
        for _ in range(10):
            if min(contrast(colour, background), contrast(colour, focus)) >= MIN_STATE_CONTRAST:
                break
            colour = colour.blend(foreground, 0.2)
            if name == "foreground-muted":
                variables[name] = colour.hex
            else:
                fields[name] = colour.hex
    if not fields and variables == dict(theme.variables or {}):
        return theme
    return replace(theme, **fields, variables=variables)


def use_theme(app: App[object], name: str) -> None:
    """Switch to ``name`` for this session, readable (:func:`readable`) when it is Textual's."""
    ensure_readable(app, name)
    app.theme = name


def ensure_readable(app: App[object], name: str) -> None:
    """Register the readable form of Textual's theme ``name`` (ours are readable as made; a form
    registered already reads, so it is kept)."""
    theme = app.available_themes.get(name)
    if theme is None or name in OURS or name.startswith("ansi-"):
        return
    fixed = readable(theme)
    if fixed is not theme:
        app.register_theme(fixed)


def choose_theme(app: App[object], configured: str | None, saved: str) -> tuple[str, str]:
    """The theme to start with and a notice ("" when none): ``config.toml``'s, else the one an
    older copy saved in settings, else the default."""
    wanted = configured or saved or DEFAULT_THEME
    if wanted in app.available_themes:
        ensure_readable(app, wanted)
        return wanted, ""
    return DEFAULT_THEME, unknown_theme(wanted, in_config=bool(configured))


def known_theme(name: str) -> bool:
    """Whether this copy has the theme ``name`` (ours or Textual's), without an App to ask."""
    from textual.theme import BUILTIN_THEMES

    return name in OURS or name in BUILTIN_THEMES


def unknown_theme(name: str, *, in_config: bool) -> str:
    """What the full screen and ``doctor`` both say of a theme this copy does not know."""
    where = "in config.toml" if in_config else "saved in your settings"
    return f"The theme '{name}' {where} is not one this micro-romance knows, so it shows {DEFAULT_THEME} instead."


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
