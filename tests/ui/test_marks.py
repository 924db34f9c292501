"""Ticks, choices and the cursor read the same in plain text as in colour (NO_COLOR)."""

from __future__ import annotations

import pytest
from textual.widgets import RadioSet

from tests.ui.screen_text import screen_text
from tui import content
from tui.dialogs import welcome
from tui.dialogs.ritual_picker import RitualPickerScreen
from tui.dialogs.welcome import SettingsScreen


def line_with(app, words: str) -> str:
    return next(line for line in screen_text(app).splitlines() if words in line)


@pytest.fixture(params=["colour", "no colour"])
def colour(request, monkeypatch) -> str:
    if request.param == "no colour":
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    return request.param


async def test_picker_ticked_and_unticked_suggestions_differ_in_text(make_app, colour) -> None:
    app = make_app()
    assert app.no_color == (colour == "no colour")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(RitualPickerScreen())
        await pilot.pause()
        suggestions = content.default_rituals()
        first, *_ = suggestions
        weekly = [r["name"] for r in suggestions if r["weekdays"]]
        daily = [r["name"] for r in suggestions if not r["weekdays"]]
        assert line_with(app, first["name"]).split(first["name"])[0].strip().endswith("›[x]")  # cursor here
        for name in daily[1:]:
            before = line_with(app, name).split(name)[0]
            assert before.rstrip().endswith(" [x]"), before
        for name in weekly:
            before = line_with(app, name).split(name)[0]
            assert before.rstrip().endswith(" [ ]"), before
        await pilot.press("space", "down")  # untick the first, move on
        await pilot.pause()
        assert line_with(app, first["name"]).split(first["name"])[0].rstrip().endswith(" [ ]")
        assert line_with(app, daily[1]).split(daily[1])[0].rstrip().endswith("›[x]")


async def test_welcome_choice_and_cursor_differ_in_text(make_app, monkeypatch, colour) -> None:
    monkeypatch.setattr(welcome, "RITUAL_PICKER", "tui.widgets.no_such_picker")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(SettingsScreen())
        await pilot.pause()
        assert "(•) Not sure" in screen_text(app)
        assert "( ) Mostly together" in screen_text(app) and "( ) Mostly apart" in screen_text(app)
        assert "›" not in line_with(app, "Mostly together")
        app.screen.query_one(RadioSet).focus()  # the cursor starts on the first, not the chosen one
        await pilot.pause()
        assert "›( ) Mostly together" in screen_text(app)
        assert " (•) Not sure" in screen_text(app)
        await pilot.press("enter")  # choose where the cursor is
        await pilot.pause()
        assert "›(•) Mostly together" in screen_text(app)
        assert " ( ) Not sure" in screen_text(app)


async def test_love_languages_read_ticked_in_text(make_app, monkeypatch) -> None:
    monkeypatch.setattr(welcome, "RITUAL_PICKER", "tui.widgets.no_such_picker")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(SettingsScreen())
        await pilot.pause()
        await pilot.press("tab")  # to the love languages
        await pilot.pause()
        assert "›[ ] Words of affirmation" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert "›[x] Words of affirmation" in screen_text(app)
        assert " [ ] Quality time" in screen_text(app)


async def test_without_colour_the_cursor_row_and_the_focused_field_stand_out(make_app, colour) -> None:
    from datetime import timedelta

    from textual.widgets import Input

    from tests.conftest import DAY
    from tui.tabs.rituals import RitualList

    app = make_app()
    for name in ("Tea", "Walk"):
        app.store.add_ritual(name, created=DAY - timedelta(days=3))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.action_show_tab("rituals")
        await pilot.pause()
        await pilot.pause()
        checklist = app.query_one(RitualList)
        assert app.focused is checklist
        cursor_row = next(str(s.style) for s in checklist.render_line(0) if "Tea" in s.text)
        other_row = next(str(s.style) for s in checklist.render_line(1) if "Walk" in s.text)
        assert "underline" not in other_row
        assert ("underline" in cursor_row) == (colour == "no colour")  # the colour look is unchanged
        app.push_screen(SettingsScreen())
        await pilot.pause()
        name = app.screen.query_one("#partner-name", Input)
        assert name.has_focus
        focused_border = name.styles.border_top[0]
        app.screen.focus_next()
        await pilot.pause()
        blurred_border = name.styles.border_top[0]
        if colour == "no colour":
            assert focused_border != blurred_border  # a heavier frame, not only another grey


async def test_without_colour_the_typed_filter_words_show(make_app, colour) -> None:
    """The one-line filter keeps its text row when focused without colour."""
    from datetime import date

    app = make_app()
    app.store.add_note("The evening walk, hand in hand", date(2026, 11, 24))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("slash", *"hand")
        await pilot.pause()
        box = app.screen.query_one("#gratitude-filter")
        assert box.has_focus and box.content_region.height == 1
        typed = [line for line in screen_text(app).splitlines() if "hand" in line and "walk" not in line]
        assert typed, screen_text(app)  # the typed words are on the screen
        if colour == "no colour":  # still marked as the focused field, without colour
            assert "underline" in str(box.rich_style) or box.styles.border_left[0] not in ("", "none")


@pytest.mark.parametrize("dialog", ["settings", "done note", "ritual", "grace days", "gratitude editor"])
async def test_without_colour_every_focused_field_shows_its_text(make_app, monkeypatch, colour, dialog) -> None:
    """Each field of each dialog keeps a text row and shows what was typed, colour or not."""
    from datetime import timedelta

    from textual.widgets import Input, TextArea

    from tests.conftest import DAY

    monkeypatch.setattr(welcome, "RITUAL_PICKER", "tui.widgets.no_such_picker")
    app = make_app()
    app.store.add_ritual("Tea", created=DAY - timedelta(days=3))
    keys = {
        "settings": ["s"],
        "done note": ["d"],
        "ritual": ["2", "a"],
        "grace days": ["2", "g"],
        "gratitude editor": ["3", "a"],
    }
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in keys[dialog]:
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
        fields = [f for f in [*app.screen.query(Input), *app.screen.query(TextArea)] if f.display]  # shown ones
        assert fields, dialog
        for field in fields:
            field.focus()
            await pilot.pause()
            if isinstance(field, Input):
                field.value = "zq"
            else:
                field.text = "zq"
            await pilot.pause()
            assert field.content_region.height >= 1, field.id
            assert "zq" in screen_text(app), field.id
