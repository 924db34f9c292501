"""Words that look like markup, links, actions or terminal codes stay plain words.

Each string is saved through the editor, read back after a restart and shown
literally in both tabs; clicking and pressing around them triggers nothing.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest

from tests.ui.screen_text import screen_text
from tests.ui.test_gratitude import open_tab as open_gratitude
from tests.ui.test_prompts import open_tab as open_prompts
from tui import content
from tui.dialogs.basic import ConfirmDialog
from tui.dialogs.editor import EditorScreen
from tui.model import Note
from tui.storage import FILE_NAME, Store
from tui.text import check_note

DONE_WHEN = "[bold]x[/] [@click=app.quit]y[/]"

HOSTILE = [
    DONE_WHEN,
    "[/]",
    "[link=https://example.com]x",
    "[@click=app.quit]x[/]",
    "emoji 🌷🎉💛 ok",
    "CJK 你好，世界 こんにちは",
    "RTL مرحبا بك שלום",
    "tabs\there\tand",
]

TERMINAL_CODES = "ring\x07 \x1b[31mred\x1b[0m \x1b]8;;https://example.com\x07link\x1b]8;;\x07 \x9b2J"
"""Escape sequences and controls a person might paste; saved as "ring red link "."""


def visible(text: str) -> re.Pattern[str]:
    """How ``text`` appears on screen: tabs become runs of spaces."""
    return re.compile(r"\s+".join(re.escape(part) for part in text.split("\t")))


def assert_inert(screen: str) -> None:
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", screen), "a control character reached the screen"


async def save_in_editor(app, pilot, text: str) -> None:
    assert isinstance(app.screen, EditorScreen)
    app.screen.text_area.insert(text)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert not isinstance(app.screen, EditorScreen), app.screen.error


async def test_done_when_typed_note_survives_restart_literally(make_app, data_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gratitude(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*DONE_WHEN)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running
        assert [n.text for n in app.store.notes()] == [DONE_WHEN]
    app.store.close()

    # On disk exactly as typed.
    raw = json.loads((data_dir / FILE_NAME).read_text(encoding="utf-8"))
    assert [doc["text"] for doc in raw["notes/2026"].values()] == [DONE_WHEN]

    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        tab = await open_gratitude(again, pilot)
        screen = screen_text(again)
        assert screen.count(DONE_WHEN) == 2  # the list row and the detail below it
        # Click right on the "y", press around it, open and close it: nothing quits.
        await pilot.click("#gratitude-detail-text", offset=(DONE_WHEN.index("y"), 0))
        await pilot.press("down", "up", "tab", "shift+tab", "escape")
        await pilot.pause()
        tab.focus_first()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, EditorScreen)
        assert again.screen.text == DONE_WHEN
        await pilot.click("#editor-text")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#gratitude-list", offset=(4 + DONE_WHEN.index("y"), 1))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert again.is_running
        assert again.return_code is None


async def test_done_when_note_is_exported_unchanged(make_app) -> None:
    exchange = pytest.importorskip("tui.exchange")
    app = make_app()
    app.store.add_note(DONE_WHEN, app.today)
    exported = exchange.to_json(exchange.export_data(app.store))
    assert [n["text"] for n in json.loads(exported)["notes"]] == [DONE_WHEN]


async def test_hostile_notes_are_saved_reloaded_and_shown_literally(make_app, data_dir) -> None:
    app = make_app()
    # Some notes go straight into the store, checked as the editor checks them;
    # the markup, the tabs and the terminal codes go through the editor.
    by_editor = [DONE_WHEN, "[/]", "[@click=app.quit]x[/]", "tabs\there\tand", TERMINAL_CODES]
    for text in HOSTILE:
        if text not in by_editor:
            app.store.add_note(check_note(text), app.today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gratitude(app, pilot)
        for text in by_editor:
            await pilot.press("a")
            await pilot.pause()
            await save_in_editor(app, pilot, text)
        assert app.is_running
    app.store.close()

    with Store(data_dir) as reopened:
        texts = {n.text for n in reopened.notes()}
    assert texts == {*HOSTILE, "ring red link "}

    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        tab = await open_gratitude(again, pilot)
        listing = tab.notes_list
        seen = []
        for _ in range(len(HOSTILE) + 1):
            note = tab.selected_note()
            seen.append(note.text)
            screen = screen_text(again)
            assert_inert(screen)
            # the detail pane shows the note in full
            assert len(visible(note.text).findall(screen)) >= 2, (note.text, screen)
            await pilot.press("down")
        assert set(seen) == {*HOSTILE, "ring red link "}
        # the delete question shows it literally too, and n keeps it
        listing.highlighted = next(i for i, o in enumerate(listing.options) if str(o.prompt).endswith(DONE_WHEN))
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(again.screen, ConfirmDialog)
        assert DONE_WHEN in screen_text(again)
        await pilot.press("n")
        await pilot.pause()
        # and filtering by a piece of markup finds it
        await pilot.press("slash", *"[/]")
        await pilot.pause()
        rows = [str(o.prompt) for o in listing.options if not o.disabled]
        assert sorted(rows) == sorted(f"  {t}" for t in HOSTILE if "[/]" in t)
        await pilot.press("escape")
        await pilot.pause()
        assert again.is_running


async def test_a_note_with_codes_in_the_file_is_shown_inert(make_app) -> None:
    """A note that reached the file some other way (an old export, a hand edit)."""
    app = make_app()
    app.store.save_note(Note(id="raw1", day=app.today, text=TERMINAL_CODES, created="x"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gratitude(app, pilot)
        screen = screen_text(app)
        assert_inert(screen)
        assert "ring red link" in screen


async def test_hostile_answers_are_saved_reloaded_and_shown_literally(make_app, data_dir) -> None:
    app = make_app()
    deck = content.prompts()
    # Most answers go straight into the store (as the editor would save them);
    # two go through the editor.
    for index, text in enumerate(HOSTILE[2:]):
        app.store.add_answer(deck[index].id, check_note(text), app.today - timedelta(days=index + 1))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prompts(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await save_in_editor(app, pilot, HOSTILE[0])
        await pilot.press("n", "a")
        await pilot.pause()
        await save_in_editor(app, pilot, HOSTILE[1])
    app.store.close()

    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        tab = await open_prompts(again, pilot)
        assert {a.text for a in again.store.answers()} == set(HOSTILE)
        await pilot.press("tab")
        listing = tab.answers_list
        seen = []
        for _ in HOSTILE:
            answer = tab.selected_answer()
            seen.append(answer.text)
            screen = screen_text(again)
            assert_inert(screen)
            assert visible(answer.text).search(screen), (answer.text, screen)
            await pilot.press("down")
        assert sorted(seen) == sorted(HOSTILE)
        # open one with enter, close it, click on rows: nothing quits
        listing.highlighted = next(
            i for i, o in enumerate(listing.options) if o.id and again.store.answer(o.id).text == DONE_WHEN
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, EditorScreen) and again.screen.text == DONE_WHEN
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#prompts-answers", offset=(2 + DONE_WHEN.index("y"), 1))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert again.is_running
