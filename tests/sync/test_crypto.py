"""Keys stay private, files are readable only by their recipients, and forged files fail."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tui.sync.crypto import (
    CryptoError,
    Identity,
    bech32_decode,
    create_identity,
    load_identity,
    normalise_code,
    open_sealed,
    pairing_code,
    public_bytes,
    seal,
    x25519_scalar,
)


def test_x25519_matches_rfc_7748() -> None:
    k = bytes.fromhex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4")
    u = bytes.fromhex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")
    assert x25519_scalar(k, u).hex() == "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"


def test_x25519_gives_the_public_key_age_gives() -> None:
    ident = Identity.generate()
    _, secret = bech32_decode(ident.secret)
    assert x25519_scalar(secret, (9).to_bytes(32, "little")) == public_bytes(ident.public)


def test_both_ends_derive_the_same_pair_key_and_a_third_does_not() -> None:
    a, b, c = Identity.generate(), Identity.generate(), Identity.generate()
    assert a.pair_key(b.public) == b.pair_key(a.public)
    assert c.pair_key(a.public) != b.pair_key(a.public)


def test_the_secret_key_is_private_and_kept(tmp_path: Path) -> None:
    state = tmp_path / "data" / "sync"
    assert load_identity(state) is None
    ident = create_identity(state)
    assert create_identity(state) == ident == load_identity(state)
    assert stat.S_IMODE(os.stat(state / "identity.key").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(state).st_mode) == 0o700
    assert ident.device == load_identity(state).device  # type: ignore[union-attr]


def test_a_sealed_file_opens_for_its_recipients_only() -> None:
    a, b, c = Identity.generate(), Identity.generate(), Identity.generate()
    data = seal(b"a secret note", name="log-2026-01", author=a, recipients={a.device: a.public, b.device: b.public})
    assert b"secret" not in data
    for reader in (a, b):
        assert (
            open_sealed(data, name="log-2026-01", me=reader, author=a.device, author_key=a.public) == b"a secret note"
        )
    with pytest.raises(CryptoError, match="decrypted"):
        open_sealed(data, name="log-2026-01", me=c, author=a.device, author_key=a.public)


def test_a_file_cut_short_is_refused() -> None:
    a = Identity.generate()
    data = seal(b"x" * 5000, name="log-2026-01", author=a, recipients={a.device: a.public})
    with pytest.raises(CryptoError, match="decrypted"):
        open_sealed(data[: len(data) - 20], name="log-2026-01", me=a, author=a.device, author_key=a.public)


def test_a_file_from_an_unconfirmed_key_fails_the_sender_check() -> None:
    me, partner, stranger = Identity.generate(), Identity.generate(), Identity.generate()
    # The stranger writes a file that claims to be the partner's, encrypted to me.
    forged = seal(b"injected", name="log-2026-01", author=stranger, recipients={me.device: me.public})
    with pytest.raises(CryptoError):
        open_sealed(forged, name="log-2026-01", me=me, author=partner.device, author_key=partner.public)


def test_a_file_moved_to_another_name_fails() -> None:
    a, b = Identity.generate(), Identity.generate()
    data = seal(b"january", name="log-2026-01", author=a, recipients={b.device: b.public})
    with pytest.raises(CryptoError, match="says it is"):
        open_sealed(data, name="log-2026-02", me=b, author=a.device, author_key=a.public)


def test_the_pairing_code_is_the_same_in_both_orders_and_differs_for_other_keys() -> None:
    a, b, c = Identity.generate(), Identity.generate(), Identity.generate()
    code = pairing_code(a.public, b.public)
    assert code == pairing_code(b.public, a.public)
    assert code != pairing_code(a.public, c.public)
    groups = code.split(" ")
    assert len(groups) == 6 and all(len(g) == 4 and g.isdigit() for g in groups)


@pytest.mark.parametrize(
    ("typed", "ok"),
    [
        ("1234 5678 9012 3456 7890 1234", True),
        ("123456789012345678901234", True),
        ("1234-5678-9012-3456-7890-1234", True),
        ("1234", False),
        ("1234 5678 9012 3456 7890 123x", False),
    ],
)
def test_a_code_is_read_as_typed(typed: str, ok: bool) -> None:
    assert (normalise_code(typed) == "1234 5678 9012 3456 7890 1234") is ok
