"""The weekly review shows the week of both partners once a partner is confirmed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import DAY
from tests.ui.pairing import cli, paired
from tests.ui.screen_text import screen_text
from tui.screens.weekly import WeeklyReviewScreen


async def test_the_review_counts_what_each_partner_gave_this_week(
    tmp_path: Path, data_dir: Path, make_app, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.content import gestures
    from tui.model import GestureDay
    from tui.storage import Store

    alex = paired(tmp_path, data_dir, capsys)
    gesture = gestures()[0]
    monday = DAY - timedelta(days=DAY.weekday())
    with Store(alex) as store:
        tea = store.add_ritual("Tea at dusk", created=monday - timedelta(weeks=2))
        store.set_tick(tea.id, monday, True)
        store.save_gesture_day(GestureDay(day=DAY, gesture_id=gesture.id, shown=(gesture.id,), done=True))
    cli(alex, "gratitude", "--share", "Thank you for the soup")
    cli(alex, "gratitude", "A private note about Sam")
    cli(data_dir, "sync")
    cli(data_dir, "gratitude", "--share", "For the lift to the station")
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        with app.store.batch():
            [shared_tea] = [r for r in app.store.rituals() if r.name == "Tea at dusk"]
            app.store.set_tick(shared_tea.id, DAY, True)
            walk = app.store.add_ritual("My own walk", created=monday, personal=True)
            app.store.set_tick(walk.id, DAY, True)  # personal: never counted for the pair
        app.push_screen(WeeklyReviewScreen())
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
    assert "You and Alex" in text, text
    assert "Shared rituals: you ticked 1, Alex ticked 1" in text
    assert "Gestures: you did 0 things for Alex, Alex did 1 for you" in text
    assert "Notes shared: you sent 1 note, Alex sent you 1" in text
    assert "Notes of thanks: 1" in text  # Sam's own writing, not Alex's note


async def test_no_section_on_the_pair_before_a_partner_is_confirmed(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        app.push_screen(WeeklyReviewScreen())
        await pilot.pause()
        assert "You and " not in screen_text(app)
