"""Key files anyone could drop into the shared folder, read the way the app reads them: random
bytes, random JSON, a real signed key.pub with fields changed. pair status and a round never
fail, agree on what is waiting, and nothing is confirmed by itself."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.sync.pairs import pair_up
from tui.clock import DayClock
from tui.sync import pairing
from tui.sync.crypto import Identity
from tui.sync.files import canonical_json
from tui.sync.guard import KEY_CAP
from tui.sync.peers import key_document

LEAF = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
JSON = st.recursive(LEAF, lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3))
FIELDS = st.sampled_from(["format", "key", "sign", "name", "pairing", "sig"])
CHANGES = st.dictionaries(FIELDS, JSON, max_size=4)
KEY = st.one_of(
    st.binary(max_size=300).map(lambda b: ("bytes", b)),
    st.tuples(st.just("changed"), CHANGES),
    st.tuples(st.just("deep"), st.integers(17, 5000)),
)


def content(kind: str, value, real: dict) -> bytes:
    if kind == "bytes":
        return value
    if kind == "deep":
        return b'{"key": ' + b"[" * value + b"]" * value + b"}"
    return json.dumps({**real, **value}, allow_nan=True).encode()


@settings(max_examples=20, deadline=None)
@given(keys=st.lists(st.tuples(KEY, st.booleans()), min_size=1, max_size=5))
def test_no_key_file_breaks_status_or_a_round(keys: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shared, alex = root / "Shared", root / "alex"
        shared.mkdir()
        pairing.start(alex, shared, "Alex")
        for i, ((kind, value), own_id) in enumerate(keys):
            someone = Identity.generate()
            device = someone.device if own_id else f"{i:020x}"
            folder = shared / "micro-romance" / device
            folder.mkdir()
            (folder / "key.pub").write_bytes(content(kind, value, key_document(someone, "Sam")))
        status = pairing.status(alex)
        engine = pairing.engine(alex)
        assert engine is not None
        result = engine.round([])
        assert result.waiting == len(status.waiting)
        assert status.confirmed == [] and engine.trusted == {}
        assert all("\n" not in line for line in status.lines(DayClock().now()))


def test_keys_planted_and_removed_in_turns_leave_key_pub_under_its_cap(tmp_path: Path) -> None:
    shared, alex, sam = tmp_path / "Shared", tmp_path / "alex", tmp_path / "sam"
    shared.mkdir()
    pair_up(alex, sam, shared)
    me = pairing.status(alex).device
    base = shared / "micro-romance"
    for _ in range(9):  # 72 keys, eight at a time, each read once then gone
        planted = []
        while len(planted) < pairing.MAX_UNDER_WAY:
            someone = Identity.generate()
            if someone.device > me:  # this device commits first: it publishes a step for each at once
                (base / someone.device).mkdir()
                (base / someone.device / "key.pub").write_bytes(canonical_json(key_document(someone, "Sam")))
                planted.append(base / someone.device)
        assert len(pairing.status(alex).waiting) == pairing.MAX_UNDER_WAY
        for folder in planted:
            shutil.rmtree(folder)
    assert (base / me / "key.pub").stat().st_size <= KEY_CAP
    seen = pairing.status(sam)
    assert seen.problems == [] and seen.in_step  # Sam reads that Alex confirmed it
    assert pairing.status(alex).waiting == [] and pairing.status(alex).in_step
