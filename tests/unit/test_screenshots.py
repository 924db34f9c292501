"""The screenshots command runs and writes a picture of every tab and screen."""

from __future__ import annotations

import html
import importlib.util
import re
import sys
from pathlib import Path

from tui.tabs import TAB_SPECS

ROOT = Path(__file__).resolve().parents[2]


def load_command():
    spec = importlib.util.spec_from_file_location("screenshots_command", ROOT / "scripts" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def svg_rows(svg: str) -> list[str]:
    """The screen's text, one string per row (runs joined in the order Rich writes them)."""
    rows: dict[str, list[str]] = {}
    for y, text in re.findall(r'<text class="[^"]*" x="[\d.]+" y="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        rows.setdefault(y, []).append(html.unescape(text).replace("\xa0", " "))
    return ["".join(parts) for _, parts in sorted(rows.items(), key=lambda item: float(item[0]))]


def test_command_writes_every_picture(tmp_path: Path, capsys) -> None:
    command = load_command()
    out = tmp_path / "shots"

    assert command.main(["--out", str(out), "--no-png"]) == 0

    names = {p.name for p in out.iterdir()}
    said = capsys.readouterr().out.splitlines()
    assert sorted(said) == sorted(f"wrote {out / name}" for name in names)
    required = {f"{spec.id}.svg" for spec in TAB_SPECS} | {f"{spec.id}-80x24.svg" for spec in TAB_SPECS}
    required |= {
        "help.svg",
        "settings.svg",
        "welcome.svg",
        "today-light.svg",
        "rituals-step.svg",
        "grace.svg",
        "note-editor.svg",
    }
    assert required <= names
    assert names == set(command.expected_names())  # every app key that opens a screen was pictured
    assert not any(name.endswith(".png") for name in names)

    text = {}
    for name in names:
        svg = (out / name).read_text(encoding="utf-8")
        assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>"), name
        assert "micro-romance" in svg, name  # the window's title
        assert "⭘" not in svg, name  # Textual's header mark, missing from the fonts that draw the PNGs
        text[name] = "\n".join(svg_rows(svg))
    titles = [spec.title for spec in TAB_SPECS]
    for spec in TAB_SPECS:
        screen = text[f"{spec.id}.svg"]
        assert all(title in screen for title in titles), spec.id  # the tab bar
    # Each number key showed its own tab: four different pictures.
    assert len({(out / f"{spec.id}.svg").read_text() for spec in TAB_SPECS}) == len(TAB_SPECS)
    assert "Switch tabs: " + ", ".join(titles) in text["help.svg"]
    assert "Welcome to micro-romance" in text["welcome.svg"]
    assert "Rituals to keep" in text["rituals-step.svg"]  # saving the welcome leads on to the rituals step
    assert "Grace days" in text["grace.svg"]
    assert "The way you sang in the kitchen" in text["note-editor.svg"]

    def view_width(name: str) -> float:
        return float(re.search(r'viewBox="0 0 ([\d.]+) ', (out / name).read_text()).group(1))

    assert view_width("today-80x24.svg") < view_width("today.svg")  # pictured at 80 columns, not 100
    assert "Alex" in text["today.svg"]  # the demo data, not an empty store
    assert "#fbf6ef" in (out / "today-light.svg").read_text()  # linen's background
    assert "#fbf6ef" not in (out / "today.svg").read_text()


def test_png_renderers_see_every_space() -> None:
    """Rich's non-breaking spaces become plain, preserved ones, so gaps keep their width."""
    command = load_command()
    svg = '<svg class="rich-terminal" viewBox="0 0 10 10"><text>Done&#160;lately&#160;&#160;&#160;v</text></svg>'
    ready = command.png_ready(svg)
    assert ready.startswith('<svg xml:space="preserve" class="rich-terminal"')
    assert "<text>Done lately   v</text>" in ready
