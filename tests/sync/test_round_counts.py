"""What a round counts as waiting for confirmation is what pair status lists: a device turned
away, or a key file that is not a usable key, is not counted (so the header does not ask again)."""

from __future__ import annotations

from pathlib import Path

from tests.sync.pairs import two_devices
from tui.sync import pairing


def test_a_device_turned_away_is_not_counted_as_waiting_by_the_round(tmp_path: Path) -> None:
    alex, sam, shared = two_devices(tmp_path)
    pairing.start(alex, shared, "Alex")
    pairing.join(sam, shared, "Sam")
    engine = pairing.engine(alex)
    assert engine is not None and engine.round([]).waiting == 1
    pairing.remove(alex, "Sam")  # "Not us"
    engine = pairing.engine(alex)
    assert engine is not None
    assert engine.round([]).waiting == 0 == len(pairing.status(alex).waiting)


def test_a_key_file_that_is_not_signed_by_its_own_key_is_not_counted(tmp_path: Path) -> None:
    import json

    alex, sam, shared = two_devices(tmp_path)
    pairing.start(alex, shared, "Alex")
    pairing.join(sam, shared, "Sam")
    [key] = [p for p in shared.rglob("key.pub") if "Sam" in p.read_text()]
    doc = json.loads(key.read_text())
    doc["name"] = "Someone else"  # the signature no longer holds
    key.write_text(json.dumps(doc))
    engine = pairing.engine(alex)
    assert engine is not None
    assert engine.round([]).waiting == 0 == len(pairing.status(alex).waiting)
