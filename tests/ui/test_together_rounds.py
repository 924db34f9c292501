"""The full screen sends what was just written a moment later, and the Gratitude tab shares a note."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DAY
from tests.ui import waiting
from tests.ui.pairing import cli, paired
from tui.storage import Store
from tui.tabs.gratitude import GratitudeTab


@pytest.fixture
def soon(monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.screens.rounds

    monkeypatch.setattr(tui.screens.rounds, "SYNC_AFTER_WRITE", 0.001)  # the round after a write: at once


async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the rounds asked for have run: none waiting to start, none running."""
    rounds = app.rounds
    await waiting.settle(pilot)
    await waiting.settle(pilot, lambda: rounds._timer is None and not rounds.syncing)
    await waiting.settle(pilot)


async def test_a_tick_reaches_the_partner_without_a_sync_by_hand(
    tmp_path: Path, data_dir: Path, make_app, soon, capsys: pytest.CaptureFixture[str]
) -> None:
    alex = paired(tmp_path, data_dir, capsys)
    with Store(data_dir) as store:
        store.add_ritual("Morning coffee together", weekdays=frozenset(range(7)), created=DAY)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("space")
        await settle(app, pilot)
        assert app.sub_title == "together: in step"
    cli(alex, "sync")
    with Store(alex) as store:
        coffee = next(r for r in store.rituals() if r.name == "Morning coffee together")
        assert store.is_ticked(coffee.id, DAY)


async def test_no_round_when_not_paired(data_dir: Path, make_app, soon) -> None:
    with Store(data_dir) as store:
        store.add_ritual("Walk", weekdays=frozenset(range(7)), created=DAY)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("space")
        await settle(app, pilot)
        assert "together" not in app.sub_title
    assert not (data_dir / "sync").exists()


async def test_p_shares_the_selected_note_with_the_partner(
    tmp_path: Path, data_dir: Path, make_app, soon, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.ui.screen_text import screen_text

    alex = paired(tmp_path, data_dir, capsys)
    cli(data_dir, "gratitude", "The way you [b]laugh[/b]")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        tab = app.query_one(GratitudeTab)
        tab.notes_list.focus()
        await pilot.pause()
        assert "p Send to partner" in screen_text(app).rstrip("\n").splitlines()[-1]  # paired: p is offered
        await pilot.press("p")
        await settle(app, pilot)
        rows = [str(option.prompt) for option in tab.notes_list.options if not option.disabled]
        assert rows == ["  The way you [b]laugh[/b]  (shared)"]
        await pilot.press("p")
        await pilot.pause()
        assert any("shared with your partner already" in n.message for n in app._notifications)
    cli(alex, "sync")
    with Store(alex) as store:
        assert [n.text for n in store.notes()] == ["The way you [b]laugh[/b]"]
    cli(alex, "gratitude", "Alex's own")
    out = capsys.readouterr()
    assert "Alex's own" not in out.err


async def test_p_keeps_a_private_note_private_until_pressed(
    tmp_path: Path, data_dir: Path, make_app, soon, capsys: pytest.CaptureFixture[str]
) -> None:
    alex = paired(tmp_path, data_dir, capsys)
    cli(data_dir, "gratitude", "Just for me")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
    cli(alex, "sync")
    with Store(alex) as store:
        assert store.notes() == []


async def test_the_partner_answers_a_gesture_with_l_m_r_and_it_goes_back(
    tmp_path: Path, data_dir: Path, make_app, soon, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.ui.screen_text import screen_text
    from tui import content
    from tui.model import GestureDay
    from tui.tabs.today_partner import ASK_PARTNER

    alex = paired(tmp_path, data_dir, capsys)
    gesture = content.gestures()[0]
    with Store(alex) as store:
        store.save_gesture_day(
            GestureDay(day=DAY, gesture_id=gesture.id, shown=(gesture.id,), done=True, feedback="landed")
        )
    cli(alex, "sync")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        assert content.told(gesture.id, "Alex") in screen_text(app)
        assert ASK_PARTNER in screen_text(app)
        await pilot.press("m")
        await settle(app, pilot)
        assert "(you said: so-so)" in screen_text(app) and ASK_PARTNER not in screen_text(app)
        assert app.store.gesture_day(DAY) is None or not app.store.gesture_day(DAY).done  # not Sam's own
        await pilot.press("r")  # Sam's own gesture is not done: this changes the answer
        await settle(app, pilot)
        assert "(you said: not really)" in screen_text(app)
    cli(alex, "sync")
    with Store(alex) as store:
        assert store.gesture_day(DAY).partner_feedback == "not_really"


def test_the_givers_card_says_what_the_partner_answered() -> None:
    from tui.model import GestureDay
    from tui.tabs.today_rows import status_line

    done = GestureDay(day=DAY, gesture_id="g", done=True, feedback="landed", partner_feedback="so_so")
    assert str(status_line(done)) == "✓ Done today. It landed ♥  Your partner said: so-so."
    assert str(status_line(done, "Alex")) == "✓ Done today. It landed ♥  Alex said: so-so."


async def test_the_partners_answer_shows_once_yours_is_shared(
    tmp_path: Path, data_dir: Path, make_app, soon, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.ui.screen_text import screen_text
    from tui import daily
    from tui.tabs.prompts import PromptsTab
    from tui.together import Together, partner_answers

    alex = paired(tmp_path, data_dir, capsys)
    with Store(data_dir) as store:
        prompt = daily.todays_prompt(store, DAY)
        store.add_answer(prompt.id, "Sam's [i]own[/i] thoughts", DAY)
    with Store(alex) as store:
        theirs = store.add_answer(prompt.id, "Alex's river walk", DAY)
        Together(store, alex / "sync").share_answer(theirs.id)
    cli(alex, "sync")
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        text = screen_text(app)
        assert "Alex answered this too: p shares yours and shows theirs." in text
        assert "Alex answered this one too" in text
        assert "river" not in text
        tab = app.query_one(PromptsTab)
        tab.answers_list.focus()
        await pilot.press("p")
        await settle(app, pilot)
        text = screen_text(app)
        assert "Alex answered:" in text and "Alex's river walk" in text
        assert "(shared)" in text and "Sam's [i]own[/i] thoughts" in text
    cli(alex, "sync")
    assert partner_answers(alex / "sync") == {prompt.id: [("Sam", "Sam's [i]own[/i] thoughts")]}


async def test_the_giver_is_told_the_partners_answer_not_asked_again(
    tmp_path: Path, data_dir: Path, make_app, soon, capsys: pytest.CaptureFixture[str]
) -> None:
    """Sam did a gesture for Alex; Alex said it landed: Sam's card and `today` say so, and ask nothing."""
    from tests.ui.screen_text import screen_text
    from tui import content
    from tui.model import GestureDay
    from tui.tabs.today_rows import ASK_FEEDBACK
    from tui.together import Together

    alex = paired(tmp_path, data_dir, capsys)
    gesture = content.gestures()[0]
    with Store(data_dir) as store:
        store.save_gesture_day(GestureDay(day=DAY, gesture_id=gesture.id, shown=(gesture.id,), done=True))
    cli(data_dir, "sync")
    cli(alex, "sync")
    with Store(alex) as store:
        together = Together(store, alex / "sync")
        together.answer_gift(together.state.gifts_of_day(DAY)[0][0], "landed")
    cli(alex, "sync")
    cli(data_dir, "sync")
    capsys.readouterr()
    cli(data_dir, "today")
    assert "  Your partner said: it landed" in capsys.readouterr().out
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        assert "Your partner said: it landed." in text
        assert ASK_FEEDBACK.plain not in text


async def test_before_you_answer_the_hint_says_to_answer_first(
    tmp_path: Path, data_dir: Path, make_app, soon, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.ui.screen_text import screen_text
    from tui import daily
    from tui.together import Together

    alex = paired(tmp_path, data_dir, capsys)
    with Store(data_dir) as store:
        prompt = daily.todays_prompt(store, DAY)
    with Store(alex) as store:
        Together(store, alex / "sync").share_answer(store.add_answer(prompt.id, "Alex's river walk", DAY).id)
    cli(alex, "sync")
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        assert "Alex answered this one too: answer it, then p shares yours and shows theirs" in screen_text(app)


async def test_a_partners_untick_is_said_in_the_row(
    tmp_path: Path, data_dir: Path, make_app, soon, capsys: pytest.CaptureFixture[str]
) -> None:
    """Sam ticked the walk; Alex took the tick back: Sam's row says who, instead of the tick vanishing."""
    from datetime import timedelta

    from tests.ui.screen_text import checklist_row

    alex = paired(tmp_path, data_dir, capsys)
    with Store(data_dir) as store:
        walk = store.add_ritual("Walk", created=DAY - timedelta(days=5)).id
        store.set_tick(walk, DAY, True)
    cli(data_dir, "sync")
    cli(alex, "sync")
    with Store(alex) as store:
        theirs = next(r for r in store.rituals() if r.name == "Walk")
        store.set_tick(theirs.id, DAY, False)
    cli(alex, "sync")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        assert checklist_row(app, "Walk").startswith("[ ] Walk  unticked by Alex")
        await pilot.press("space")  # ticked again here: Sam's own tick, no longer Alex's untick
        await settle(app, pilot)
        assert checklist_row(app, "Walk").startswith("[x] Walk ")
        assert "unticked" not in checklist_row(app, "Walk")
