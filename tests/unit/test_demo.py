"""The demo data set and `--demo`: plausible, repeatable, and never the user's own data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tui.cli import main
from tui.demo import PARTNER, build_demo
from tui.storage import Store

DAY = date(2026, 11, 25)


def test_demo_is_plausible_and_repeatable(tmp_path: Path) -> None:
    exports = []
    for name in ("a", "b"):
        with Store(tmp_path / name) as store:
            build_demo(store, DAY)
            counts = store.counts()
            assert store.settings().partner_name == PARTNER
            assert counts.rituals == 6 and counts.ticks > 100 and counts.notes >= 10 and counts.answers >= 3
            assert any(g.done for g in store.gesture_days())
            assert max(n.day for n in store.notes()) == DAY
            exports.append(
                (
                    sorted((n.day, n.text, n.said_aloud) for n in store.notes()),
                    [(g.day, g.gesture_id, g.done) for g in store.gesture_days()],
                    store.ticks_by_ritual(),
                )
            )
    assert exports[0] == exports[1]


def test_demo_flag_uses_a_throwaway_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.app import MicroRomanceApp

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "real"))
    seen = {}

    def fake_run(self: MicroRomanceApp) -> None:
        seen["dir"] = self.store.data_dir
        seen["demo"] = self.demo
        seen["notes"] = len(self.store.notes())

    monkeypatch.setattr(MicroRomanceApp, "run", fake_run)
    assert main(["--demo", "--today", DAY.isoformat()]) == 0
    assert seen["demo"] is True and seen["notes"] > 0
    assert not (tmp_path / "real").exists()
    assert not seen["dir"].exists()  # removed on exit


def test_demo_refuses_a_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--demo", "--data-dir", str(tmp_path)]) == 2
    assert "throwaway" in capsys.readouterr().err


async def test_demo_says_so_in_the_header(tmp_path: Path) -> None:
    from tui.app import MicroRomanceApp
    from tui.clock import ManualClock

    with Store(tmp_path / "d") as store:
        build_demo(store, DAY)
        app = MicroRomanceApp(store=store, clock=ManualClock(DAY), demo=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert "demo" in app.sub_title
            assert "WelcomeScreen" not in type(app.screen).__name__


@pytest.mark.parametrize(
    "command",
    [["gratitude", "A note for the demo"], ["done", "1"], ["doctor"], ["today"], ["status"], ["export"]],
)
def test_demo_means_the_throwaway_folder_for_every_command(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real"
    monkeypatch.setenv("XDG_DATA_HOME", str(real))
    main(["--demo", "--today", DAY.isoformat(), *command])
    out, err = capsys.readouterr()
    assert not real.exists(), "--demo wrote to the user's own data folder"
    assert str(real) not in out + err
    assert "demo" in err and "nothing is kept" in err


def test_demo_commands_read_the_example_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "real"))
    assert main(["--demo", "--today", DAY.isoformat(), "today"]) == 0
    assert PARTNER in capsys.readouterr().out
