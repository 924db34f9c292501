"""Hostile text: markup, actions, escape sequences, NUL, huge lines, lone surrogates.

Through every path that is not a screen: the text checks, the store (save and
reload), and the subcommands that take text (``gratitude``, ``import``). The
editor path is covered by tests/ui/test_hostile_text.py. Nothing crashes and
nothing is interpreted: markup stays literal, terminal controls are removed
before saving, and what was saved comes back exactly.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.model import Note
from tui.storage import Store, StoreWriteError
from tui.text import MAX_CHARS, TextError, check_line, check_name, check_note, clean, tidy

DAY = date(2026, 11, 25)

HOSTILE = {
    "markup": "[bold]x[/] [red]y[/red] [/]",
    "click action": "[@click=app.quit]quit[/] [@click=app.bell]ring[/]",
    "ansi colour": "\x1b[31mred\x1b[0m text",
    "osc hyperlink": "\x1b]8;;http://example.com\x07link\x1b]8;;\x07",
    "osc title": "\x1b]0;owned\x1b\\title",
    "8-bit csi": "\x9b31mred",
    "cursor moves": "\x1b[2J\x1b[H\x1b[10;10Hcleared",
    "nul": "a\x00b\x00c",
    "bell and backspace": "ding\x07\x08\x08x",
    "carriage returns": "one\r\ntwo\rthree",
    "long line": "é" * MAX_CHARS,
    "lone surrogate": "half \ud800 a pair \udfff",
    "rtl override": "abc \u202edcba\u202c שלום مرحبا",
    "cjk and emoji": "你好 こんにちは 💛👩\u200d❤\ufe0f\u200d👨",
    "tabs": "a\tb\t\tc",
    "zero width": "a\u200bb\ufeffc",
}

# What must never survive cleaning: escapes, C0/C1 controls other than tab and newline, surrogates.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@pytest.mark.parametrize("name", HOSTILE)
def test_check_note_removes_what_a_terminal_would_act_on(name: str) -> None:
    cleaned = check_note(HOSTILE[name])
    assert not FORBIDDEN.search(cleaned)
    cleaned.encode("utf-8")  # storable
    assert check_note(cleaned) == cleaned  # cleaning twice changes nothing


def test_cleaning_keeps_what_people_wrote() -> None:
    assert check_note(HOSTILE["markup"]) == HOSTILE["markup"]
    assert check_note(HOSTILE["click action"]) == HOSTILE["click action"]
    assert check_note(HOSTILE["ansi colour"]) == "red text"
    assert check_note(HOSTILE["osc hyperlink"]) == "link"
    assert check_note(HOSTILE["nul"]) == "abc"
    assert check_note(HOSTILE["carriage returns"]) == "one\ntwo\nthree"
    assert check_note(HOSTILE["lone surrogate"]) == "half \ufffd a pair \ufffd"
    assert check_note(HOSTILE["cjk and emoji"]) == HOSTILE["cjk and emoji"]
    assert check_note(HOSTILE["tabs"]) == HOSTILE["tabs"]
    assert check_note(HOSTILE["long line"]) == HOSTILE["long line"]


def test_too_long_is_refused_not_cut() -> None:
    with pytest.raises(TextError, match="10,001 characters; the limit is 10,000"):
        check_note("x" * (MAX_CHARS + 1))
    with pytest.raises(TextError):
        check_line("x" * 201)
    with pytest.raises(TextError):
        check_name("x" * 61)
    with pytest.raises(TextError, match="nothing to save"):
        check_note("\x1b[31m\x00\n\n")


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=())))
def test_any_text_is_either_refused_or_clean(text: str) -> None:
    for check in (check_note, check_line, check_name):
        try:
            cleaned = check(text)
        except TextError as exc:
            assert str(exc)
            continue
        assert not FORBIDDEN.search(cleaned)
        cleaned.encode("utf-8")
        assert clean(cleaned) == cleaned


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=())))
def test_text_read_from_a_file_is_cleaned_exactly_when_it_holds_anything_to_clean(text: str) -> None:
    """tidy's quick answer for printable text is clean()'s: nothing read from the data file reaches a terminal raw."""
    assert tidy(text) == clean(text)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["\x1b", "[", "]", "\x07", "\\", "P", "31m", "8;;", "\x9b", "\x9d", "\x9c", "x", "\n"]),
        max_size=30,
    )
)
def test_escape_fragments_never_recombine(parts: list[str]) -> None:
    """Removing one sequence must not leave the pieces of another behind."""
    cleaned = clean("".join(parts))
    assert "\x1b" not in cleaned and "\x9b" not in cleaned and "\x9d" not in cleaned


# --------------------------------------------------------------------------- the store


def test_store_keeps_cleaned_hostile_text_exactly(data_dir: Path) -> None:
    with Store(data_dir) as store:
        saved = {name: store.add_note(check_note(text), DAY) for name, text in HOSTILE.items()}
        ritual = store.add_ritual(check_name(HOSTILE["click action"]), created=DAY)
        answer = store.add_answer("p", check_note(HOSTILE["osc title"]), DAY)
    with Store(data_dir, readonly=True) as again:
        for name, note in saved.items():
            assert again.note(note.id).text == check_note(HOSTILE[name]), name
        assert again.ritual(ritual.id).name == "[@click=app.quit]quit[/] [@click=app.bell]ring[/]"
        assert again.answer(answer.id).text == "title"


def test_store_writes_what_it_is_given_and_cleans_what_it_reads(data_dir: Path) -> None:
    """What the store is given reaches the file unchanged; what it reads back from
    a file is cleaned of what a terminal would act on (the file may be a copy)."""
    raw = "a\x00b\x1b[31mc\x07\t\u202e"
    with Store(data_dir) as store:
        store.save_note(Note(id="raw", day=DAY, text=raw))
    on_disk = json.loads((data_dir / "micro-romance.json").read_text(encoding="utf-8"))
    assert on_disk["notes/2026"]["1"]["text"] == raw
    with Store(data_dir, readonly=True) as again:
        assert again.note("raw").text == "abc\t"


def test_a_lone_surrogate_reaching_the_store_does_not_jam_it(data_dir: Path) -> None:
    with Store(data_dir) as store:
        store.add_note("kept", DAY)
        with pytest.raises((StoreWriteError, ValueError)):
            store.add_note("half \ud800", DAY)
        assert [n.text for n in store.notes()] == ["kept"]
        store.add_note("the next note", DAY)  # the store must still write
    with Store(data_dir, readonly=True) as again:
        assert sorted(n.text for n in again.notes()) == ["kept", "the next note"]


# --------------------------------------------------------------------------- imported, then shown

IMPORTED = {
    "format_version": 1,
    "settings": {"partner_name": "[@click=app.quit]Sam[/]\x1b[31m", "welcomed": True},
    "rituals": [
        {"id": "r1", "name": "[b]Walk[/] \x1b]8;;http://x\x07here\x1b]8;;\x07", "created": "2026-11-01"},
        {"id": "r2", "name": "[/]", "created": "2026-11-01"},
    ],
    "ticks": [{"ritual": "r1", "day": "2026-11-24"}],
    "gestures": [
        {
            "day": "2026-11-24",
            "gesture": "door-hug",
            "shown": ["door-hug"],
            "done": True,
            "note": "[@click=app.bell]ring[/] \x00\x07",
        }
    ],
    "notes": [
        {"id": "n1", "day": "2026-11-25", "text": "[@click=app.quit]thanks[/] \ud800 \x1b[2J" + "é" * 300},
        {"id": "n2", "day": "2026-11-24", "text": "\u202eevil\u202c 你好 💛\tend"},
    ],
    "answers": [{"id": "a1", "prompt": "p-unknown", "day": "2026-11-25", "text": "[/] \x1b[31mred"}],
}


async def test_imported_hostile_data_is_shown_literally_in_every_tab(make_app, data_dir: Path) -> None:
    import io
    import json
    import sys

    from tests.ui.screen_text import screen_text
    from tui.cli import main
    from tui.tabs import TABS

    export = data_dir.parent / "hostile.json"
    export.write_text(json.dumps(IMPORTED))
    out = io.StringIO()
    stdout, sys.stdout = sys.stdout, out
    try:
        assert main(["--data-dir", str(data_dir), "--today", "2026-11-25", "import", str(export)]) == 0
    finally:
        sys.stdout = stdout
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen = ""
        for number in range(1, len(TABS) + 1):
            await pilot.press(str(number))
            await pilot.pause()
            screen = screen_text(app)
            assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", screen), number
            seen += screen
            await pilot.press("down", "enter", "escape")
            await pilot.pause()
        assert app.is_running and app.return_code is None
    assert "[@click=app.quit]" in seen and "[b]Walk[/]" in seen
