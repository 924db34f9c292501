"""The Prompts tab as a user meets it: today's prompt, another, answers, themes."""

from __future__ import annotations

from datetime import date

from tests.conftest import DAY
from tests.ui.screen_text import screen_text
from tui import content, daily
from tui.dialogs.editor import EditorScreen
from tui.storage import Store
from tui.tabs.prompts import PromptCard, PromptsTab


async def open_tab(app, pilot) -> PromptsTab:
    await pilot.pause()
    await pilot.press("4")
    await pilot.pause()
    tab = app.query_one(PromptsTab)
    assert isinstance(app.focused, PromptCard)
    return tab


def answer_ids(tab: PromptsTab) -> list[str]:
    return [o.id for o in tab.answers_list.options if o.id]


def two_answers(store: Store) -> list[str]:
    deck = content.prompts()
    seen = next(p for p in deck if p.topic == "seen")
    repair = next(p for p in deck if p.topic == "repair")
    return [
        store.add_answer(seen.id, "When you listen without fixing.", date(2026, 11, 20)).id,
        store.add_answer(repair.id, "A walk, then talking.", date(2026, 11, 23)).id,
    ]


async def test_the_prompt_of_the_day_is_shown_and_recorded(make_app) -> None:
    app = make_app()
    expected = daily.todays_prompt(app.store, DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(app, pilot)
        assert tab.prompt == expected
        text = screen_text(app)
        assert "Prompt of the day" in text
        assert expected.text[:40] in text
        assert content.topics()[expected.topic][:30] in text
        assert app.store.prompt_day(DAY).prompt_id == expected.id


async def test_n_shows_another_prompt_and_remembers_it(make_app, data_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(app, pilot)
        first = tab.prompt
        await pilot.press("n")
        await pilot.pause()
        second = tab.prompt
        assert second.id != first.id
        assert second.text[:40] in screen_text(app)
        assert "Another prompt for today" in screen_text(app)
        assert app.store.prompt_day(DAY).shown == (first.id, second.id)
    app.store.close()
    # after a restart the same day shows the last prompt chosen
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(again, pilot)
        assert tab.prompt.id == second.id


async def test_enter_answers_the_prompt_and_the_answer_is_kept(make_app, data_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(app, pilot)
        prompt = tab.prompt
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert prompt.text[:40] in screen_text(app)
        await pilot.press(*"Yes!", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, EditorScreen)
        [answer] = app.store.answers()
        assert (answer.prompt_id, answer.day, answer.text) == (prompt.id, DAY, "Yes!")
        text = screen_text(app)
        assert "Yes!" in text and "Wed 25 Nov ·" in text
        assert "✓ Answered today" in text
        # answering again opens today's answer instead of starting a second one
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.text == "Yes!"
        app.screen.text_area.insert(" And more.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [a.text for a in app.store.answers()] == ["Yes! And more."]
    app.store.close()
    with Store(data_dir) as reopened:
        assert [a.text for a in reopened.answers()] == ["Yes! And more."]


async def test_e_and_enter_edit_the_selected_answer(make_app, data_dir) -> None:
    app = make_app()
    ids = two_answers(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(app, pilot)
        assert answer_ids(tab) == [ids[1], ids[0]]  # newest first
        await pilot.press("tab", "down")  # into the list, to the older answer
        await pilot.pause()
        assert tab.selected_answer().id == ids[0]
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.text == "When you listen without fixing."
        editor.text_area.text = "When you listen."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.answer(ids[0]).text == "When you listen."
        assert app.store.answer(ids[0]).day == date(2026, 11, 20)
        assert tab.selected_answer().id == ids[0]
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.text == "When you listen."
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, EditorScreen)
    app.store.close()
    with Store(data_dir) as reopened:
        assert reopened.answer(ids[0]).text == "When you listen."


async def test_t_filters_by_theme_and_n_follows_it(make_app) -> None:
    app = make_app()
    ids = two_answers(app.store)
    themes = content.topics()
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(app, pilot)
        assert "Topic: All topics" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert tab.topic == "seen"
        assert f"Topic: {themes['seen']}" in screen_text(app)
        assert tab.prompt.topic == "seen"  # the question follows the theme at once
        assert tab.prompt.text in str(app.query_one("#prompts-card").render())
        assert answer_ids(tab) == [ids[0]]
        assert "(1 of 2)" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert tab.prompt.topic == "seen"
        await pilot.press("t")
        await pilot.pause()
        assert tab.topic == "blocks"
        assert answer_ids(tab) == []
        assert "No answers on this topic yet" in screen_text(app)
        for _ in range(len(themes) - 1):
            await pilot.press("t")
        await pilot.pause()
        assert tab.topic is None
        assert answer_ids(tab) == [ids[1], ids[0]]


async def test_a_new_day_brings_a_new_prompt(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_tab(app, pilot)
        first = tab.prompt
        clock.advance()
        app.check_day()
        await pilot.pause()
        tomorrow = date(2026, 11, 26)
        assert tab.prompt == daily.todays_prompt(app.store, tomorrow)
        assert tab.prompt.id != first.id  # not repeated within 30 days
        assert app.store.prompt_day(tomorrow).prompt_id == tab.prompt.id
        assert tab.prompt.text[:40] in screen_text(app)


async def test_nothing_to_edit_is_said_kindly(make_app, monkeypatch) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(app, pilot)
        told: list[str] = []
        monkeypatch.setattr(app, "notify", lambda message, **kw: told.append(message))
        assert "Your answers will gather here" in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, EditorScreen)
        assert told and "no answer to edit" in told[0]


def test_every_key_is_on_the_help_screen(make_app) -> None:
    from tui.keys import keys_in_force
    from tui.screens.help import key_rows

    rows = dict(key_rows(list(PromptsTab.BINDINGS), lambda b, app=make_app(): keys_in_force(app, b)))
    assert set(rows) == {"a / enter", "n", "e", "p", "t"}
    assert "180 days" in PromptsTab.HELP  # the rule of tui.domain.prompts
