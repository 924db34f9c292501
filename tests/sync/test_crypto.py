"""Keys stay private, files open only for their recipients, and forged, re-addressed or older files fail."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import bech32
import pyrage
import pytest
from pyrage import x25519

from tui.sync.crypto import (
    CryptoError,
    Identity,
    PublicKeys,
    Rollback,
    check_age_key,
    check_sign_key,
    create_identity,
    load_identity,
    open_sealed,
    seal,
)

P = 2**255 - 19


def age_text(raw: bytes) -> str:
    """An age public key's text for 32 raw bytes (through the bech32 library)."""
    return bech32.bech32_encode("age", bech32.convertbits(raw, 8, 5))


def opened(data: bytes, reader: Identity, author: Identity, name: str = "log-2026-01", last: int = 0) -> bytes:
    key = author.keys.sign
    return open_sealed(data, name=name, me=reader, author=author.device, author_key=key, last_seq=last).body


def test_a_sealed_file_opens_for_its_recipients_only() -> None:
    a, b, c = Identity.generate(), Identity.generate(), Identity.generate()
    data = seal(b"a secret note", name="log-2026-01", author=a, recipients={a.device: a.public, b.device: b.public})
    assert b"secret" not in data
    assert opened(data, a, a) == opened(data, b, a) == b"a secret note"
    with pytest.raises(CryptoError, match="decrypted"):
        opened(data, c, a)


def test_a_file_cut_short_is_refused() -> None:
    a = Identity.generate()
    data = seal(b"x" * 5000, name="log-2026-01", author=a, recipients={a.device: a.public})
    with pytest.raises(CryptoError, match="decrypted"):
        opened(data[: len(data) - 20], a, a)


def test_a_file_from_a_key_never_confirmed_fails_the_signature() -> None:
    me, partner, stranger = Identity.generate(), Identity.generate(), Identity.generate()
    forged = seal(b"injected", name="log-2026-01", author=stranger, recipients={me.device: me.public})
    with pytest.raises(CryptoError, match="says it is"):  # it names its real author
        opened(forged, me, partner)
    plain = me.decrypt(forged).replace(stranger.device.encode(), partner.device.encode(), 1)
    with pytest.raises(CryptoError, match="not signed by the confirmed key"):  # or claims the partner's name
        opened(pyrage.encrypt(plain, [x25519.Recipient.from_str(me.public)]), me, partner)


def test_an_altered_body_a_new_name_and_a_passed_on_file_fail() -> None:
    a, b, c = Identity.generate(), Identity.generate(), Identity.generate()
    data = seal(b"january", name="log-2026-01", author=a, recipients={b.device: b.public})
    with pytest.raises(CryptoError, match="says it is"):
        opened(data, b, a, name="log-2026-02")
    plain = b.decrypt(data)
    altered = pyrage.encrypt(plain.replace(b"january", b"february"), [x25519.Recipient.from_str(b.public)])
    with pytest.raises(CryptoError, match="altered"):
        opened(altered, b, a)
    passed_on = pyrage.encrypt(plain, [x25519.Recipient.from_str(c.public)])  # b sends a's file on to c
    with pytest.raises(CryptoError, match="not addressed to this device"):
        opened(passed_on, c, a)


def test_an_older_copy_of_a_file_is_a_rollback() -> None:
    a, b = Identity.generate(), Identity.generate()
    older = seal(b"one", name="log-2026-01", author=a, recipients={b.device: b.public})
    newer = seal(b"one\ntwo", name="log-2026-01", author=a, recipients={b.device: b.public})
    seen = open_sealed(newer, name="log-2026-01", me=b, author=a.device, author_key=a.keys.sign).sequence
    with pytest.raises(Rollback, match="older copy"):
        opened(older, b, a, last=seen)
    assert opened(newer, b, a, last=seen) == b"one\ntwo"


def test_a_file_of_the_earlier_format_says_so() -> None:
    me = Identity.generate()
    old = pyrage.encrypt(
        b'{"author":"x","body":"y","format":1,"macs":{},"name":"log-2026-01"}\nz',
        [x25519.Recipient.from_str(me.public)],
    )
    with pytest.raises(CryptoError, match="earlier version"):
        opened(old, me, me)


@pytest.mark.parametrize(
    "raw",
    [
        bytes(32),  # 0
        (1).to_bytes(32, "little"),
        (P - 1).to_bytes(32, "little"),
        bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),  # order 8
        (P + 9).to_bytes(32, "little"),  # the base point, not reduced
    ],
    ids=["zero", "one", "minus-one", "order-8", "not-canonical"],
)
def test_x25519_keys_of_low_order_or_not_canonical_are_refused(raw: bytes) -> None:
    with pytest.raises(ValueError):
        check_age_key(age_text(raw))
    check_age_key(Identity.generate().public)  # a real one passes


def test_an_age_key_in_capitals_or_with_a_bad_checksum_is_refused() -> None:
    key = Identity.generate().public
    for text in (key.upper(), key[:-1] + ("q" if key[-1] != "q" else "p"), "age1", 5):
        with pytest.raises((ValueError, TypeError)):
            check_age_key(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "hexed",
    [
        "00" * 32,
        "01" + "00" * 31,
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",  # order 8, sign bit set
        "ec" + "ff" * 30 + "7f",  # p - 1: order 2
        "ee" + "ff" * 30 + "7f",  # p + 1: not canonical
        "AB" * 32,  # capitals
    ],
)
def test_ed25519_keys_of_small_order_or_not_canonical_are_refused(hexed: str) -> None:
    with pytest.raises(ValueError):
        check_sign_key(hexed)
    check_sign_key(Identity.generate().keys.sign)


def test_the_secret_keys_are_private_kept_and_an_earlier_key_file_gains_a_signing_key(tmp_path: Path) -> None:
    state = tmp_path / "data" / "sync"
    assert load_identity(state) is None
    ident = create_identity(state)
    assert create_identity(state) == ident == load_identity(state)
    assert stat.S_IMODE(os.stat(state / "identity.key").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(state).st_mode) == 0o700
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    age = x25519.Identity.generate()
    (earlier / "identity.key").write_text(f"{age}\n")  # one line: a key file from before signatures
    upgraded = load_identity(earlier)
    assert upgraded is not None and upgraded.public == str(age.to_public())  # the same device id
    assert load_identity(earlier) == upgraded  # its signing key was written and is kept
    assert len((earlier / "identity.key").read_text().split()) == 2


def test_the_secret_keys_show_in_no_repr(tmp_path: Path) -> None:
    ident = create_identity(tmp_path)
    secret_lines = (tmp_path / "identity.key").read_text().split()
    shown = repr(ident) + str(ident) + repr(ident.keys) + repr(vars(type(ident)))
    assert ident.device in repr(ident)
    for line in secret_lines:
        assert line not in shown and line.lower() not in shown


async def test_a_crash_screen_shows_no_secret_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Textual's traceback shows each frame's locals: an error while sealing and one while reading a
    damaged key file print neither secret key."""
    from textual.app import App

    ident = create_identity(tmp_path)
    secret_lines = (tmp_path / "identity.key").read_text().split()

    class Crashing(App[None]):
        def on_mount(self) -> None:
            (tmp_path / "identity.key").write_text(f"{secret_lines[0]}\nnot-a-key\n")
            try:
                load_identity(tmp_path)
            except ValueError:
                pass
            seal(b"body", name="log-2026-01", author=ident, recipients={ident.device: "age1damaged"})

    app = Crashing()
    with pytest.raises(Exception):  # noqa: B017 (whichever error pyrage raises for the damaged key)
        async with app.run_test(size=(200, 50)):
            pass
    rendered = capsys.readouterr().err  # what the terminal shows once the app has closed
    assert "seal" in rendered and "Identity(device=" in rendered  # the frame and its locals are shown
    for line in secret_lines:
        assert line not in rendered


def test_public_keys_name_the_device() -> None:
    ident = Identity.generate()
    assert ident.keys == PublicKeys(ident.public, ident.keys.sign)
    assert ident.keys.device == ident.device and len(ident.device) == 20
