"""The full screen sends what was just written a moment later, and the Gratitude tab shares a note."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DAY
from tui.cli import main
from tui.storage import Store
from tui.tabs.gratitude import GratitudeTab


def cli(data: Path, *args: str) -> None:
    assert main(["--data-dir", str(data), "--today", DAY.isoformat(), *args]) == 0


def paired(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Alex's data folder, paired with Sam's (``data_dir``) through one shared folder."""
    shared = tmp_path / "Shared"
    shared.mkdir()
    alex = tmp_path / "alex"
    cli(alex, "pair", "start", str(shared), "--name", "Alex")
    cli(data_dir, "pair", "join", str(shared), "--name", "Sam")
    code = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Pairing code: "))
    cli(alex, "pair", "confirm", code.removeprefix("Pairing code: "))
    cli(data_dir, "pair", "confirm", code.removeprefix("Pairing code: "))
    return alex


@pytest.fixture
def soon(monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.screens.rounds

    monkeypatch.setattr(tui.screens.rounds, "SYNC_AFTER_WRITE", 0.05)


async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_tick_reaches_the_partner_without_a_sync_by_hand(tmp_path: Path, data_dir: Path, make_app, soon, capsys: pytest.CaptureFixture[str]) -> None:
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


async def test_p_shares_the_selected_note_with_the_partner(tmp_path: Path, data_dir: Path, make_app, soon, capsys: pytest.CaptureFixture[str]) -> None:
    alex = paired(tmp_path, data_dir, capsys)
    cli(data_dir, "gratitude", "The way you [b]laugh[/b]")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        tab = app.query_one(GratitudeTab)
        tab.notes_list.focus()
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


async def test_p_keeps_a_private_note_private_until_pressed(tmp_path: Path, data_dir: Path, make_app, soon, capsys: pytest.CaptureFixture[str]) -> None:
    alex = paired(tmp_path, data_dir, capsys)
    cli(data_dir, "gratitude", "Just for me")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
    cli(alex, "sync")
    with Store(alex) as store:
        assert store.notes() == []
