"""An entry marked to share while a round of Together is under way stays marked, and reaches the partner.

A round reads what is shared at its first step and writes it back at its last when something came in;
a share in between (a command's ``--share``, ``p`` in the full screen) must survive that write."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.ui import waiting
from tests.ui.pairing import cli, paired
from tests.ui.test_together_rounds import settle
from tui.storage import Store
from tui.sync.engine import Engine
from tui.tabs.gratitude import GratitudeTab
from tui.together import shared_notes


def shared_texts(data: Path) -> set[str]:
    """The texts of the notes this person marked to share, as on disk."""
    marked = shared_notes(data / "sync")
    with Store(data, readonly=True) as store:
        return {n.text for n in store.notes() if n.id in marked}


def notes_of(data: Path) -> list[str]:
    with Store(data, readonly=True) as store:
        return sorted(n.text for n in store.notes())


def test_a_note_shared_from_the_shell_while_a_round_runs_reaches_the_partner(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import background

    alex = paired(tmp_path, data_dir, capsys)
    cli(alex, "gratitude", "--share", "your hand on my shoulder")  # comes in with Sam's next round
    real_round = Engine.round
    shared_meanwhile: list[str] = []

    def round_then_a_share(engine: Engine, outbox):  # type: ignore[no-untyped-def]
        found = real_round(engine, outbox)
        if not shared_meanwhile:  # while the round is between the folder and its merge
            monkeypatch.setattr(background, "start_round", lambda args: "")  # this round is the one under way
            capsys.readouterr()
            cli(data_dir, "gratitude", "--share", "the warm soup")
            shared_meanwhile.append(capsys.readouterr().out)
        return found

    monkeypatch.setattr(Engine, "round", round_then_a_share)
    cli(data_dir, "background-round")  # the round a write from the shell left running
    assert "Marked to share: it goes to Alex with the next round of Together." in shared_meanwhile[0]
    assert notes_of(data_dir) == ["the warm soup", "your hand on my shoulder"]  # the round did bring one in
    assert shared_texts(data_dir) == {"the warm soup"}
    cli(data_dir, "sync")
    cli(alex, "sync")
    assert notes_of(alex) == ["the warm soup", "your hand on my shoulder"]


async def test_p_pressed_while_a_round_runs_stays_shared_and_reaches_the_partner(
    tmp_path: Path,
    data_dir: Path,
    make_app,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import tui.screens.rounds

    monkeypatch.setattr(tui.screens.rounds, "SYNC_AFTER_WRITE", 0.001)
    alex = paired(tmp_path, data_dir, capsys)
    cli(data_dir, "gratitude", "The way you laugh")
    cli(alex, "gratitude", "--share", "your hand on my shoulder")  # comes in with the full screen's round
    gate = threading.Event()
    real_round = Engine.round

    def held_round(engine: Engine, outbox):  # type: ignore[no-untyped-def]
        found = real_round(engine, outbox)
        assert gate.wait(60), "the test never let the round finish"
        return found

    monkeypatch.setattr(Engine, "round", held_round)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await waiting.settle(pilot, lambda: app.rounds.syncing, workers=False)  # the first round, held
        await pilot.press("3")
        await waiting.settle(pilot, lambda: app.query(GratitudeTab).first().display, workers=False)
        tab = app.query_one(GratitudeTab)
        tab.notes_list.focus()
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert shared_texts(data_dir) == {"The way you laugh"}
        gate.set()
        await settle(app, pilot)
        rows = [str(option.prompt) for option in tab.notes_list.options if not option.disabled]
        assert "  The way you laugh  (shared)" in rows
        assert "your hand on my shoulder" in str(rows)  # the round did bring Alex's in
    assert shared_texts(data_dir) == {"The way you laugh"}
    cli(alex, "sync")
    assert notes_of(alex) == ["The way you laugh", "your hand on my shoulder"]
