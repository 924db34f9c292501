"""Together's own files edited by hand, or a partner's entry no store can keep: one clear
message, nothing crashes, and the rest of the round is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DAY
from tests.ui.pairing import paired
from tui.cli import main
from tui.storage import Store
from tui.sync.change import Change
from tui.sync.hlc import Stamp
from tui.together import Together


@pytest.mark.parametrize("text", ['{"gifts": null}', '{"parked": 5}', "[1]"])
def test_a_hand_edited_state_file_is_refused_with_its_name(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    alex = paired(tmp_path, data_dir, capsys)
    (alex / "sync" / "together.json").write_text(text)
    capsys.readouterr()
    assert main(["--data-dir", str(alex), "--today", DAY.isoformat(), "sync"]) != 0
    err = capsys.readouterr().err
    assert "together.json is not as micro-romance writes it" in err and "Traceback" not in err
    assert main(["--data-dir", str(alex), "--today", DAY.isoformat(), "gratitude", "--share", "For the tea"]) != 0
    assert "the note is saved but not marked to share" in capsys.readouterr().err
    with Store(alex, readonly=True) as store:
        assert [n.text for n in store.notes()] == ["For the tea"]  # the words are kept


def test_a_partners_tick_on_a_day_no_store_keeps_is_skipped_and_the_rest_kept(tmp_path: Path) -> None:
    with Store(tmp_path / "data") as store:
        walk = store.add_ritual("Walk", created=DAY)
        together = Together(store, tmp_path / "data" / "sync", person="Sam")
        stamp = Stamp(1, 0, "alexdevice")
        changes = [
            Change(
                "tick", f"{walk.id}:{DAY.isoformat()}", {"ritual": walk.id, "day": DAY.isoformat()}, stamp, "alexdevice"
            ),
            Change("tick", f"{walk.id}:1899-12-31", {"ritual": walk.id, "day": "1899-12-31"}, stamp, "alexdevice"),
        ]
        assert together.apply_remote(changes, {"alexdevice": "Alex"}) == 1
        assert store.ticked_days(walk.id) == {DAY}
        [problem] = together.problems
        assert "1899-12-31 is outside the days micro-romance keeps" in problem and "Alex" in problem
