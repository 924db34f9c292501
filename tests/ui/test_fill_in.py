"""A ritual added lately, ticked on a day before it was added: the Rituals tab and `micro-romance done`
give the same answer (tui.domain.rituals.tick_kind)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import DAY
from tests.ui.test_rituals import open_tab
from tui.cli import main
from tui.storage import Store


def outcome(data: Path, day: date) -> tuple[bool, date | None]:
    with Store(data, readonly=True) as store:
        (ritual,) = store.rituals()
        return store.is_ticked(ritual.id, day), ritual.created


@pytest.mark.parametrize("back", [3, 10])
async def test_the_tab_and_the_command_line_fill_in_the_same_days(
    back: int, make_app, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = DAY - timedelta(days=back)
    app = make_app()
    app.store.add_ritual("Walk", created=DAY)  # added today, every day
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_tab(pilot)
        await pilot.press(*["left_square_bracket"] * back, "home", "space")
        await pilot.pause()
        told = [str(toast.render()) for toast in app.screen.query("Toast")]
    app.store.close()
    on_screen = outcome(app.store.data_dir, day)

    cli_dir = tmp_path / "cli"
    with Store(cli_dir) as store:
        store.add_ritual("Walk", created=DAY)
    code = main(["--data-dir", str(cli_dir), "--today", day.isoformat(), "done", "Walk"])
    out, err = capsys.readouterr()
    by_command = outcome(cli_dir, day)

    assert on_screen == by_command
    if back == 3:
        assert on_screen == (True, day) and code == 0 and "start moved back" in out
        assert any("start moved back" in text for text in told), told
    else:
        assert on_screen == (False, DAY) and code != 0 and "can be filled in" in err
        assert any("can be filled in" in text for text in told), told
