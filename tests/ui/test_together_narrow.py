"""The Together screen and its questions on a small terminal (60x20): every answer can be seen and
reached, and what the header says of the shared folder keeps its meaning when it shortens."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sync.pairs import meet, pair_up
from tests.ui import waiting
from tests.ui.screen_text import screen_text
from tui.screens.together import TogetherScreen
from tui.sync import pairing

LONG_NAME = "Alexandria Maximiliana Featherstonehaugh"


async def open_together(app, pilot) -> TogetherScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    app.push_screen(TogetherScreen())
    await waiting.settle(pilot)
    assert isinstance(app.screen, TogetherScreen)
    return app.screen


async def test_both_answers_to_whose_device_show_whole_beside_a_long_name(
    tmp_path: Path, data_dir: Path, make_app
) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    meet(tmp_path / "alex" / "sync", data_dir / "sync", shared, (LONG_NAME, "Sam"))  # both sides show the code
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await open_together(app, pilot)
        await pilot.click("#together-match")
        await waiting.settle(pilot)
        dialog = app.screen
        text = screen_text(app)
        assert "One of mine (m)" in text and f"{LONG_NAME}'s (p)" in text, text
        for button in ("#choice-partner", "#choice-mine"):
            region = dialog.query_one(button).region
            assert dialog.region.contains_region(region), (button, region)
        await pilot.click("#choice-mine")  # and it can be chosen with the mouse, where it shows
        await waiting.settle(pilot)
        assert isinstance(app.screen, TogetherScreen)
        assert pairing.status(data_dir / "sync").confirmed[0].mine


async def test_the_header_says_the_shared_folder_is_missing_in_so_many_words(
    tmp_path: Path, data_dir: Path, make_app
) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    pair_up(tmp_path / "alex" / "sync", data_dir / "sync", shared)
    shared.rename(tmp_path / "Unmounted")  # the drive is not there
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_together(app, pilot)
        await pilot.press("ctrl+r")
        said = "(missing: is the drive mounted?)"  # the screen's own reading, after the round's mark
        # the folder's path (its length differs from run to run) decides where that line wraps
        await waiting.settle(
            pilot, lambda: "missing" in str(app.sub_title) and said in " ".join(screen_text(app).split())
        )
        header = screen_text(app).splitlines()[0]
        assert "shared folder missing" in header, header  # cut, it read "together: shared folder"
        assert screen is app.screen
        words = " ".join(screen_text(app).split())
        assert "Confirmed: Alex" in words and "waiting for Alex" not in words, words  # Alex confirmed long ago


async def test_the_empty_name_field_can_be_seen_without_colour(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")  # the fields go without their frames at 60x20: only words show them
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_together(app, pilot)
        assert screen.focused is screen.query_one("#together-folder")
        lines = screen_text(app).splitlines()
        label = next(i for i, line in enumerate(lines) if "Your name, as your partner will see it" in line)
        assert lines[label + 1].strip(), lines  # the field under it says something, not a blank row


async def test_tab_never_stops_on_the_page_when_it_has_nothing_to_scroll(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_together(app, pilot)
        stops = []
        for _ in range(5):
            stops.append(screen.focused.id if screen.focused else None)
            await pilot.press("tab")
        # a stop on the page itself showed nothing focused, and typing went nowhere
        assert stops == ["together-folder", "together-name", "together-start", "together-join", "together-folder"]
