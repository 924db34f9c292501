"""What ``--share`` says, the same from ``days add`` and ``gratitude``, in each state of a pairing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sync.pairs import shared_code, two_devices
from tui.cli import background, main
from tui.model import Settings
from tui.storage import Store
from tui.sync import pairing


def said(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> list[str]:
    """The lines of a command's output that tell of the share."""
    capsys.readouterr()
    assert main(["--data-dir", str(data), "--today", "2026-11-25", *args]) == 0
    return [line for line in capsys.readouterr().out.splitlines() if line.startswith("Marked to share")]


def test_days_and_gratitude_say_alike_when_a_share_reaches_the_partner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "start_round", lambda args: "")  # the round itself is tested elsewhere
    alex, sam, shared = two_devices(tmp_path)
    with Store(alex) as store:
        store.save_settings(Settings(partner_name="Sam", welcomed=True))

    def both() -> list[str]:
        day = said(capsys, alex, "days", "add", "big", "2026-12-01", "interview", "--share")
        note = said(capsys, alex, "gratitude", "--share", "the soup")
        assert day == note
        return day

    assert both() == ["Marked to share: it goes to Sam once you pair (micro-romance pair start FOLDER)."]
    pairing.start(alex / "sync", shared, "Alex")
    assert both() == [
        "Marked to share: it goes to Sam once you both confirm the pairing code (micro-romance pair status shows it)."
    ]
    pairing.join(sam / "sync", shared, "Sam")
    pairing.confirm(alex / "sync", shared_code(alex / "sync", sam / "sync"))
    assert both() == ["Marked to share: it goes to Sam with the next round of Together."]
