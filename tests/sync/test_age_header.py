"""An age header this app never writes (hundreds of recipient stanzas, a header with no end) is
refused in Python from its bytes, before the age library spends minutes on it."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pyrage
import pytest

from tests.sync.devices import Device, pair
from tests.sync.pairs import shared_code
from tui.sync import guard, pairing
from tui.sync.crypto import CryptoError, Identity, open_sealed, seal
from tui.sync.guard import MAX_RECIPIENTS


def _b64(raw: bytes) -> bytes:
    return base64.b64encode(raw).rstrip(b"=")


def stanzas(count: int, *, mac: bool = True) -> bytes:
    """An age file as a folder writer can make it without anyone's key: ``count`` X25519 stanzas."""
    lines = [b"age-encryption.org/v1"]
    for _ in range(count):
        lines += [b"-> X25519 " + _b64(os.urandom(32)), _b64(os.urandom(32))]
    if mac:
        lines.append(b"--- " + _b64(os.urandom(32)))
    return b"\n".join(lines) + b"\n" + os.urandom(64)


@pytest.fixture
def no_age(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object) -> bytes:
        raise AssertionError("the age library was handed a header the check should have refused")

    monkeypatch.setattr(pyrage, "decrypt", never)


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (stanzas(700), "names more recipients than the 16 a log is sealed to at most"),
        (stanzas(MAX_RECIPIENTS + 2), "names more recipients than the 16"),
        (stanzas(0), "names no recipient"),
        (stanzas(12, mac=False) + b"A" * 4000, "has an age header longer than 4,096 bytes"),
        (b"-----BEGIN AGE ENCRYPTED FILE-----\n" + os.urandom(200), "is not an age file"),
    ],
    ids=["700 stanzas", "one too many", "none", "no end", "armored"],
)
def test_an_age_header_this_app_never_writes_is_refused_before_age_sees_it(no_age, data: bytes, said: str) -> None:
    me, partner = Identity.generate(), Identity.generate()
    with pytest.raises(CryptoError, match=said):
        open_sealed(data, name="log-2026-11", me=me, author=partner.device, author_key=partner.keys.sign)


def test_a_file_sealed_to_as_many_devices_as_allowed_opens_and_one_more_is_never_written() -> None:
    devices = [Identity.generate() for _ in range(MAX_RECIPIENTS + 1)]
    author, reader = devices[0], devices[-1]
    everyone = {d.device: d.public for d in devices[:MAX_RECIPIENTS]}
    data = seal(b"thank you", name="log-2026-11", author=author, recipients=everyone)
    guard.age_header(data)  # with age's "grease" stanza, and none of the limits reached
    opened = open_sealed(data, name="log-2026-11", me=devices[1], author=author.device, author_key=author.keys.sign)
    assert opened.body == b"thank you"
    with pytest.raises(ValueError, match="16 devices at most"):
        seal(b"x", name="log-2026-11", author=author, recipients={**everyone, reader.device: reader.public})


def test_a_partners_folder_holding_a_file_of_many_stanzas_is_one_problem_and_the_round_goes_on(
    tmp_path: Path, no_age
) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    alex, sam = Device(tmp_path, "alex", shared, "Alex"), Device(tmp_path, "sam", shared, "Sam")
    pair(alex, sam)
    planted = alex.folder.device_dir(alex.me.device) / "log-2026-11.age"
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_bytes(stanzas(700))
    result = sam.sync()
    [problem] = result.skipped
    assert problem.path.endswith("log-2026-11.age")
    assert problem.message == "names more recipients than the 16 a log is sealed to at most; skipped until it changes"


def test_a_device_paired_with_as_many_as_a_log_is_sealed_to_confirms_no_more(tmp_path: Path) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    alex, sam = tmp_path / "alex" / "sync", tmp_path / "sam" / "sync"
    pairing.start(alex, shared, "Alex")
    pairing.join(sam, shared, "Sam")
    code = shared_code(alex, sam)
    config = json.loads((alex / "pairing.json").read_text())
    for other in (Identity.generate() for _ in range(MAX_RECIPIENTS - 1)):
        config["trusted"][other.device] = {"key": other.public, "sign": other.keys.sign, "name": "Old", "mine": True}
    (alex / "pairing.json").write_text(json.dumps(config))
    before = (alex / "pairing.json").read_bytes()
    with pytest.raises(pairing.PairingError, match="paired with 15 devices already.*pair remove"):
        pairing.confirm(alex, code)
    assert (alex / "pairing.json").read_bytes() == before
