"""Make the pictures in ``screenshots/``: every tab, every screen the app's keys open, the welcome.

    .venv/bin/python scripts/screenshots.py [--out screenshots] [--no-png]

The app runs headless through Textual's pilot at 100x30 on the demo data
(``tui.demo.build_demo``) with a fixed today, and each picture is saved with
``App.save_screenshot``. What is pictured is read from the app itself, so a new
tab or a new screen behind an app key appears here without touching this file:

* one picture per tab in ``tui.tabs.TAB_SPECS`` (pressing 1, 2, ...), named by the tab's id;
* one per app-wide key that opens a screen (help, settings, ...), named by the
  binding's id (``app.help`` -> ``help.svg``);
* the Today tab once more in the light theme (``today-light.svg``);
* the first-run welcome on a fresh, empty data folder (``welcome.svg``).

SVG is the reference. A PNG of each is made beside it with ``rsvg-convert``
(librsvg) when it is installed, else with ``cairosvg`` when importable, else
not at all (the command says so).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a plain script from a checkout
    sys.path.insert(0, str(ROOT))

from textual.binding import Binding  # noqa: E402
from textual.widgets import Input, TextArea  # noqa: E402

from tui.app import MicroRomanceApp  # noqa: E402
from tui.clock import ManualClock  # noqa: E402
from tui.demo import build_demo  # noqa: E402
from tui.storage import Store  # noqa: E402
from tui.tabs import TAB_SPECS  # noqa: E402

TODAY = date(2026, 11, 25)
SIZE = (100, 30)
SMALL = (80, 24)
LIGHT_THEME = "linen"
NOT_SCREENS = {"quit", "show_tab"}
"""App actions that never open a screen of their own."""


@dataclass(frozen=True)
class Shot:
    """One picture: the keys pressed from the first tab, then the file name."""

    name: str
    keys: tuple[str, ...] = ()
    theme: str | None = None
    opens_screen: bool = False
    """The keys must open a screen over the tabs (else the picture is skipped)."""
    size: tuple[int, int] = SIZE
    keep: bool = False
    """Go on from the screen the previous picture left open (else back to the tabs first)."""


def typed(text: str) -> tuple[str, ...]:
    """The keys that type ``text`` in a field."""
    return tuple("space" if ch == " " else ch for ch in text)


def _first_key(binding: Binding) -> str:
    return binding.key.split(",")[0].strip()


def demo_shots() -> list[Shot]:
    """Every tab, every app key that opens a screen, and the light theme."""
    shots = [Shot(spec.id, (str(n),)) for n, spec in enumerate(TAB_SPECS, start=1)]
    for binding in MicroRomanceApp.BINDINGS:
        if not isinstance(binding, Binding):
            binding = Binding(*binding)
        action = binding.action.split("(")[0]
        if action in NOT_SCREENS:
            continue
        name = (binding.id or action).rsplit(".", 1)[-1]
        shots.append(Shot(name, ("1", _first_key(binding)), opens_screen=True))
    shots.append(Shot("today-light", ("1",), theme=LIGHT_THEME))
    # The main dialogs, and the tabs at the smallest size we design for.
    shots.append(Shot("grace", ("2", "g"), opens_screen=True))
    shots.append(Shot("note-editor", ("3", "a", *typed("The way you sang in the kitchen")), opens_screen=True))
    shots += [Shot(f"{spec.id}-80x24", (str(n),), size=SMALL) for n, spec in enumerate(TAB_SPECS, start=1)]
    return shots


WELCOME = Shot("welcome", opens_screen=True)
RITUALS_STEP = Shot("rituals-step", (*typed("Sam"), "ctrl+s"), opens_screen=True, keep=True)
FIRST_RUN = [WELCOME, RITUALS_STEP]
"""Pictured on a fresh, empty data folder: the welcome, then the rituals step it leads to."""


def expected_names() -> list[str]:
    """The SVG files one run writes (without the ones skipped for not opening a screen)."""
    return [f"{shot.name}.svg" for shot in (*demo_shots(), *FIRST_RUN)]


def _still_cursors(app: MicroRomanceApp) -> None:
    """Keep text cursors from blinking, so a picture does not depend on the moment."""
    for screen in app.screen_stack:
        for widget in screen.query("Input, TextArea"):
            if isinstance(widget, (Input, TextArea)):
                widget.cursor_blink = False


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    _still_cursors(pilot.app)
    await pilot.pause()


async def _shoot(store: Store, shots: list[Shot], out: Path, say: Callable[[str], None]) -> list[Path]:
    """Each size in its own run of the app, in the order the shots first name them."""
    written: list[Path] = []
    for size in dict.fromkeys(shot.size for shot in shots):
        written += await _shoot_at(store, [s for s in shots if s.size == size], size, out, say)
    return written


async def _shoot_at(
    store: Store, shots: list[Shot], size: tuple[int, int], out: Path, say: Callable[[str], None]
) -> list[Path]:
    written: list[Path] = []
    app = MicroRomanceApp(store=store, clock=ManualClock(TODAY))
    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        default_theme = app.theme
        for shot in shots:
            if shot is not WELCOME and not shot.keep:  # close what opened by itself (e.g. a week's review)
                while app.screen is not app.main_screen:
                    app.pop_screen()
                await _settle(pilot)
            app.theme = shot.theme or default_theme
            await pilot.press(*shot.keys)
            await _settle(pilot)
            if shot.opens_screen and app.screen is app.main_screen:
                say(f"skipped {shot.name}: its key opened no screen")
            else:
                app.save_screenshot(filename=f"{shot.name}.svg", path=str(out))
                written.append(out / f"{shot.name}.svg")
    return written


def png_ready(svg: str) -> str:
    """The SVG as a PNG renderer should see it.

    Rich writes each space as ``&#160;`` and relies on the browser to keep
    them; librsvg and cairosvg squeeze them, so words after a gap slide left
    (``Done lately   v shows`` becomes ``Done latelyv shows``). Plain spaces
    under ``xml:space="preserve"`` keep every cell where the terminal has it.
    """
    return svg.replace("&#160;", " ").replace("<svg ", '<svg xml:space="preserve" ', 1)


def _png_converter() -> Callable[[Path, Path], None] | None:
    rsvg = shutil.which("rsvg-convert")
    if rsvg:

        def convert(svg: Path, png: Path) -> None:
            subprocess.run(
                [rsvg, "--format=png", "--output", str(png)],
                input=png_ready(svg.read_text(encoding="utf-8")).encode("utf-8"),
                check=True,
            )

        return convert
    if importlib.util.find_spec("cairosvg") is not None:
        import cairosvg

        def convert(svg: Path, png: Path) -> None:
            cairosvg.svg2png(bytestring=png_ready(svg.read_text(encoding="utf-8")).encode("utf-8"), write_to=str(png))

        return convert
    return None


@dataclass
class Result:
    svgs: list[Path]
    pngs: list[Path]


def make(out: Path, *, png: bool = True, say: Callable[[str], None] = print) -> Result:
    """Write every picture into ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="micro-romance-shots-") as folder:
        demo = Store(Path(folder) / "demo", backups=False)
        try:
            build_demo(demo, TODAY)
            svgs = asyncio.run(_shoot(demo, demo_shots(), out, say))
        finally:
            demo.close()
        fresh = Store(Path(folder) / "fresh", backups=False)
        try:
            svgs += asyncio.run(_shoot(fresh, FIRST_RUN, out, say))
        finally:
            fresh.close()
    pngs: list[Path] = []
    if png:
        convert = _png_converter()
        if convert is None:
            say("no PNGs: install rsvg-convert (Debian/Ubuntu: librsvg2-bin) or cairosvg; the SVGs are made")
        else:
            for svg in svgs:
                convert(svg, svg.with_suffix(".png"))
                pngs.append(svg.with_suffix(".png"))
    for path in (*svgs, *pngs):
        say(f"wrote {path}")
    return Result(svgs, pngs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder for the pictures")
    parser.add_argument("--no-png", action="store_true", help="make only the SVGs")
    args = parser.parse_args(argv)
    make(args.out, png=not args.no_png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
