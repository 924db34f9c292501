"""The look: NO_COLOR is respected, and text stays readable in both of our themes.

Textual reads ``NO_COLOR`` when the app is built (``App.no_color``) and then
renders every line through its ``Monochrome`` filter, so the screen (and a
screenshot of it) holds only greys. Readability is measured on the screen
itself: every run of text against the background under it.
"""

from __future__ import annotations

import html
import re

import pytest

from tui.app import MicroRomanceApp
from tui.demo import build_demo
from tui.record import replace
from tui.tabs import TAB_SPECS
from tui.themes import THEMES

SIZE = (100, 30)
CHAR_W, LINE_H = 12.2, 24.4
"""Rich's SVG grid: a cell is 12.2 wide, a line 24.4 high (font size 20)."""

MIN_CONTRAST = 3.0
"""WCAG's floor for large text and marks; our body text is far above it."""


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _luminance(hex_colour: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = _rgb(hex_colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def svg_classes(svg: str) -> dict[str, str]:
    """Text style class -> its colour."""
    return dict(re.findall(r"\.terminal-\d+-(r\d+) \{ fill: (#[0-9a-f]{6})", svg))


def svg_runs(svg: str) -> list[tuple[int, int, str, str, str | None]]:
    """(row, column, text, colour, background) for every run of text on the screen."""
    backgrounds: dict[tuple[int, int], str] = {}
    for fill, x, y, w in re.findall(
        r'<rect fill="(#[0-9a-f]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="[\d.]+" shape-rendering',
        svg,
    ):
        row, first = round((float(y) - 1.5) / LINE_H), round(float(x) / CHAR_W)
        for col in range(first, first + round(float(w) / CHAR_W)):
            backgrounds[row, col] = fill
    colours = svg_classes(svg)
    runs = []
    for cls, x, y, text in re.findall(
        r'<text class="terminal-\d+-(r\d+)" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg
    ):
        row, col = round((float(y) - 20) / LINE_H), round(float(x) / CHAR_W)
        text = html.unescape(text).replace("\xa0", " ")
        # The background under the run's first visible character.
        offset = next((i for i, ch in enumerate(text) if not ch.isspace()), 0)
        runs.append((row, col, text, colours[cls], backgrounds.get((row, col + offset))))
    return runs


def _drawn(text: str) -> bool:
    """Text that is read (not only spaces, box lines, blocks or shades)."""
    return any(not ch.isspace() and not 0x2500 <= ord(ch) <= 0x259F for ch in text)


def _grey(hex_colour: str) -> bool:
    r, g, b = _rgb(hex_colour)
    return max(r, g, b) - min(r, g, b) <= 4  # Rich's default grey #c5c8c6 included


async def _show_tabs(app: MicroRomanceApp, pilot, only: set[str] | None = None) -> dict[str, str]:
    """Press each tab's number key (1, 2, ...) and take the screen's picture."""
    shots = {}
    for number, spec in enumerate(TAB_SPECS, start=1):
        if only is not None and spec.id not in only:
            continue
        await pilot.press(str(number))
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        shots[spec.id] = app.export_screenshot()
    return shots


@pytest.fixture
def demo_app(store, clock):
    """The app on a few weeks of example use (demo=True: no welcome, no review offered)."""
    build_demo(store, clock.today())
    return lambda: MicroRomanceApp(store=store, clock=clock, demo=True)


async def test_no_color_is_respected(monkeypatch, demo_app) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = demo_app()
    assert app.no_color
    async with app.run_test(size=SIZE) as pilot:
        shots = await _show_tabs(app, pilot, {"today", "rituals"})
        await pilot.press("question_mark")
        await pilot.pause()
        shots["help"] = app.export_screenshot()
        assert app.screen is not app.main_screen  # the help opened: the app works without colour
    for name, svg in shots.items():
        text = "".join(run[2] for run in svg_runs(svg))
        assert "Today" in text, name
        coloured = {c for c in svg_classes(svg).values() if not _grey(c)}
        coloured |= {bg for *_, bg in svg_runs(svg) if bg and not _grey(bg)}
        assert not coloured, f"{name}: colours under NO_COLOR: {sorted(coloured)}"


def _low_contrast(svg: str) -> list[tuple[float, int, str]]:
    """Runs of text fainter than MIN_CONTRAST against what is under them."""
    footer = SIZE[1] - 1  # disabled keys there are faint on purpose (Textual's footer)
    return [
        (round(contrast(colour, bg), 2), row, text.strip())
        for row, _, text, colour, bg in svg_runs(svg)
        if bg and row != footer and _drawn(text) and contrast(colour, bg) < MIN_CONTRAST
    ]


@pytest.mark.parametrize("theme", [t.name for t in THEMES])
async def test_every_tab_is_readable(theme: str, monkeypatch, store, demo_app) -> None:
    """Every run of text on every tab stands out from what is under it (3:1 at least)."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    store.save_settings(replace(store.settings(), theme=theme))
    app = demo_app()
    assert not app.no_color
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == theme
        shots = await _show_tabs(app, pilot)
    primary = next(t for t in THEMES if t.name == theme).primary.lower()
    low = {}
    for tab, svg in shots.items():
        assert primary in svg_classes(svg).values() or primary in svg, tab  # the theme's own colours
        assert sum(_drawn(run[2]) for run in svg_runs(svg)) > 10, tab  # the tab has something to read
        found = _low_contrast(svg)
        if found:
            low[tab] = found
    assert not low


async def test_focused_ritual_row_is_readable(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        svg = (await _show_tabs(app, pilot, {"rituals"}))["rituals"]
    assert not _low_contrast(svg)


def test_footer_keys_and_muted_text_contrast() -> None:
    """The palette itself: body text, muted text and key letters on every surface."""
    for theme in THEMES:
        surfaces = [theme.background, theme.surface, theme.panel]
        for surface in surfaces:
            assert contrast(theme.foreground, surface) >= 7, (theme.name, surface)
            assert contrast(theme.accent, surface) >= 4.5, (theme.name, surface)
            assert contrast(theme.primary, surface) >= 3, (theme.name, surface)
        muted = (theme.variables or {}).get("text-muted")
        if muted:
            for surface in surfaces:
                assert contrast(muted, surface) >= 4.5, (theme.name, surface)
