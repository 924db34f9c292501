"""The Gratitude tab as a user meets it: write, edit, delete, undo, filter, say aloud."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input

from tests.conftest import DAY
from tests.ui.screen_text import screen_text
from tui.dialogs.basic import ConfirmDialog
from tui.dialogs.editor import EditorScreen
from tui.storage import Store, StoreWriteError
from tui.tabs.gratitude import GratitudeTab, day_label, week_summary


def seed(store: Store) -> dict[str, str]:
    """Three notes over three days (Mon 23 to Wed 25 Nov 2026) and one from last week."""
    ids = {}
    ids["coffee"] = store.add_note(
        "She made my coffee exactly my way", date(2026, 11, 23), created="2026-11-23T08:00:00"
    ).id
    ids["walk"] = store.add_note("The evening walk, hand in hand", date(2026, 11, 24), created="2026-11-24T20:00:00").id
    ids["laugh"] = store.add_note("Your laugh at breakfast", date(2026, 11, 25), created="2026-11-25T08:00:00").id
    ids["old"] = store.add_note("He fixed the bike", date(2026, 11, 22), created="2026-11-22T09:00:00").id
    return ids


async def open_tab(app, pilot) -> GratitudeTab:
    await pilot.pause()
    await pilot.press("3")
    await pilot.pause()
    tab = app.query_one(GratitudeTab)
    assert app.focused is tab.notes_list
    return tab


def rows(tab: GratitudeTab) -> list[str]:
    return [str(option.prompt) for option in tab.notes_list.options]


async def write_in_editor(app, pilot, text: str, *, replace: bool = False) -> None:
    editor = app.screen
    assert isinstance(editor, EditorScreen)
    if replace:
        editor.text_area.text = ""
    editor.text_area.insert(text)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_notes_are_grouped_by_day_newest_first(make_app) -> None:
    app = make_app()
    seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(app, pilot)
        assert rows(tab) == [
            "Today · Wednesday 25 November",
            "  Your laugh at breakfast",
            "Yesterday · Tuesday 24 November",
            "  The evening walk, hand in hand",
            "Monday 23 November",
            "  She made my coffee exactly my way",
            "Sunday 22 November",
            "  He fixed the bike",
        ]
        # headers are skipped by the cursor
        assert tab.selected_note().text == "Your laugh at breakfast"
        await pilot.press("down")
        assert tab.selected_note().text == "The evening walk, hand in hand"
        text = screen_text(app)
        assert "This week: 3 notes · none said aloud yet" in text
        assert "The evening walk, hand in hand" in text


async def test_new_note_typed_is_saved_dated_today_and_kept(make_app, data_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(app, pilot)
        assert "No notes yet" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert "A note of thanks · Wed 25 Nov" in screen_text(app)
        await pilot.press(*"Tea!", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, EditorScreen)
        assert tab.selected_note().text == "Tea!"
        assert app.focused is tab.notes_list
        assert "Tea!" in screen_text(app)
        assert "This week: 1 note · none said aloud yet" in screen_text(app)
    app.store.close()
    with Store(data_dir) as again:
        [note] = again.notes()
        assert (note.text, note.day) == ("Tea!", DAY)


async def test_edit_changes_the_selected_note(make_app, data_dir) -> None:
    app = make_app()
    ids = seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(app, pilot)
        await pilot.press("down", "e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.text == "The evening walk, hand in hand"
        await write_in_editor(app, pilot, "The long evening walk", replace=True)
        assert app.store.note(ids["walk"]).text == "The long evening walk"
        assert app.store.note(ids["walk"]).day == date(2026, 11, 24)
        assert tab.selected_note().id == ids["walk"]
        # enter on a note opens it too
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.text == "The long evening walk"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, EditorScreen)
    app.store.close()
    with Store(data_dir) as again:
        assert again.note(ids["walk"]).text == "The long evening walk"
        assert len(again.notes()) == 4


async def test_delete_asks_and_undo_brings_it_back(make_app, data_dir) -> None:
    app = make_app()
    ids = seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert len(app.store.notes()) == 4
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert ids["laugh"] not in {n.id for n in app.store.notes()}
        assert "Your laugh at breakfast" not in screen_text(app)
        assert tab.selected_note() is not None  # the cursor moved to a neighbour
        await pilot.press("u")
        await pilot.pause()
        restored = app.store.note(ids["laugh"])
        assert restored.text == "Your laugh at breakfast"
        assert restored.day == DAY
        assert tab.selected_note().id == ids["laugh"]
        assert "Your laugh at breakfast" in screen_text(app)
        # nothing more to bring back
        await pilot.press("u")
        await pilot.pause()
        assert len(app.store.notes()) == 4
    app.store.close()
    with Store(data_dir) as again:
        assert again.note(ids["laugh"]).text == "Your laugh at breakfast"


async def test_filter_as_you_type_and_escape_clears(make_app) -> None:
    app = make_app()
    seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(app, pilot)
        box = app.query_one("#gratitude-filter", Input)
        assert not box.display
        await pilot.press("slash")
        await pilot.pause()
        assert box.display and app.focused is box
        await pilot.press(*"HAND")  # any case, anywhere in the text
        await pilot.pause()
        assert [r for r in rows(tab) if r.startswith("  ")] == ["  The evening walk, hand in hand"]
        assert "Your laugh" not in screen_text(app)
        await pilot.press("enter")  # back to the list, filter kept
        await pilot.pause()
        assert app.focused is tab.notes_list
        assert tab.selected_note().text == "The evening walk, hand in hand"
        await pilot.press("slash", *"zz")  # the old words are selected, typing replaces them
        await pilot.pause()
        assert "No note contains “zz”" in screen_text(app)
        assert "Clear filter" in screen_text(app)  # the footer says how to get back
        await pilot.press("escape")
        await pilot.pause()
        assert not box.display and box.value == ""
        assert app.focused is tab.notes_list
        assert len([r for r in rows(tab) if r.startswith("  ")]) == 4


async def test_said_aloud_marks_and_counts(make_app, data_dir) -> None:
    app = make_app()
    ids = seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        assert app.store.note(ids["laugh"]).said_aloud
        assert "✓ Your laugh at breakfast" in rows(tab)
        text = screen_text(app)
        assert "This week: 3 notes · 1 said aloud ✓" in text
        assert "✓ said aloud" in text  # the selected note's detail
        # last week's note is marked but not counted this week
        await pilot.press("end", "o")
        await pilot.pause()
        assert app.store.note(ids["old"]).said_aloud
        assert "1 said aloud" in screen_text(app)
        # o again takes the mark back
        await pilot.press("o")
        await pilot.pause()
        assert not app.store.note(ids["old"]).said_aloud
    app.store.close()
    with Store(data_dir) as again:
        assert again.note(ids["laugh"]).said_aloud


async def test_a_failed_write_keeps_the_note_in_the_editor(make_app, monkeypatch) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(app, pilot)

        def full(*args, **kwargs):
            raise StoreWriteError("Could not save to /data (No space left on device).")

        monkeypatch.setattr(app.store, "add_note", full)
        await pilot.press("a")
        await pilot.pause()
        await write_in_editor(app, pilot, "Thank you for today")
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.text == "Thank you for today"
        assert "No space left on device" in screen_text(app)
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [n.text for n in app.store.notes()] == ["Thank you for today"]


async def test_a_failed_said_aloud_is_told(make_app, monkeypatch) -> None:
    app = make_app()
    seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(app, pilot)

        def full(*args, **kwargs):
            raise StoreWriteError("Could not save (disk full).")

        told: list[tuple[str, dict]] = []
        monkeypatch.setattr(app.store, "save_note", full)
        monkeypatch.setattr(app, "notify", lambda message, **kw: told.append((message, kw)))
        await pilot.press("o")
        await pilot.pause()
        assert app.is_running
        [(message, kw)] = told
        assert "disk full" in message
        assert kw["severity"] == "error" and kw["markup"] is False
        assert not app.store.notes()[0].said_aloud


async def test_midnight_moves_the_week_and_the_day_names(make_app, clock) -> None:
    app = make_app()
    seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(app, pilot)
        clock.set(date(2026, 11, 30))  # the next Monday
        app.check_day()
        await pilot.pause()
        assert rows(tab)[0] == "Wednesday 25 November"
        assert "This week: a fresh page" in screen_text(app)


def test_day_labels_and_week_summary() -> None:
    assert day_label(date(2026, 11, 25), DAY) == "Today · Wednesday 25 November"
    assert day_label(date(2026, 11, 24), DAY) == "Yesterday · Tuesday 24 November"
    assert day_label(date(2025, 12, 31), DAY) == "Wednesday 31 December 2025"
    assert week_summary([], DAY).startswith("This week: a fresh page")


def test_every_key_is_on_the_help_screen(make_app) -> None:
    from tui.keys import keys_in_force
    from tui.screens.help import key_rows

    rows = dict(key_rows(list(GratitudeTab.BINDINGS), lambda b, app=make_app(): keys_in_force(app, b)))
    assert set(rows) == {"a", "e", "o", "c", "p", "x", "u", "/", "esc"}
    assert GratitudeTab.HELP


async def test_a_note_from_this_day_a_year_ago_comes_back(make_app, clock) -> None:
    app = make_app()
    seed(app.store)
    app.store.add_note("The [b]first[/b] snow, \x1b]2;title\x07together", date(2025, 11, 25))
    app.store.add_note("Three winters ago", date(2023, 11, 25))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(app, pilot)
        text = screen_text(app)
        assert "A year ago today you wrote: The [b]first[/b] snow, together" in text
        assert "3 years ago today you wrote: Three winters ago" in text
        clock.set(date(2026, 11, 26))
        app.check_day()
        await pilot.pause()
        assert "ago today you wrote" not in screen_text(app)


def test_day_labels_are_english_whatever_the_locale() -> None:
    import locale

    saved = locale.setlocale(locale.LC_TIME)
    for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "es_ES.UTF-8", "de_DE", "fr_FR"):
        try:
            locale.setlocale(locale.LC_TIME, name)
            break
        except locale.Error:
            continue
    else:
        pytest.skip("no other language's locale is installed here")
    try:
        assert day_label(date(2026, 11, 25), date(2026, 11, 27)) == "Wednesday 25 November"
    finally:
        locale.setlocale(locale.LC_TIME, saved)
