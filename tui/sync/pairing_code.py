"""The pairing code: six digits both people read aloud, which an attacker gets one guess at.

Two devices pair in three steps through the folder, as Bluetooth's numeric comparison and
ZRTP's short authentication string do (the device with the lower id "commits", the other
"reveals"):

1. The committer draws a random nonce and publishes only its commitment: a SHA-256 over both
   devices' public keys and the nonce.
2. The revealer, having recorded that commitment, draws its own nonce and publishes it.
3. The committer, having recorded the revealer's nonce, publishes its own; the revealer checks
   it against the commitment it recorded.

The code is a SHA-256 over both devices' keys and both nonces, shown as six digits. Each side
records the other's first word and never takes another for that pairing, so whoever sits in
the folder must fix their own contribution before seeing the other side's random one: a key of
their own gives the same code on both machines with a chance of one in a million per pairing,
and no offline search helps.
"""

from __future__ import annotations

import hashlib
import secrets

from tui.sync.crypto import PublicKeys
from tui.sync.files import canonical_json

DIGITS = 6
_COMMIT = b"micro-romance pairing commitment 2\n"
_CODE = b"micro-romance pairing code 2\n"


def nonce() -> str:
    """A fresh random nonce (32 bytes, as hex)."""
    return secrets.token_hex(32)


def is_hex32(value: object) -> bool:
    """True for 64 lowercase hex digits (a nonce or a digest as written here)."""
    return isinstance(value, str) and len(value) == 64 and not value.strip("0123456789abcdef")


def committer(a: str, b: str) -> str:
    """Which of two device ids commits first: the lower."""
    return min(a, b)


def commitment(own: PublicKeys, other: PublicKeys, own_nonce: str) -> str:
    """The committer's commitment to ``own_nonce`` for its pairing with ``other``."""
    value = {"from": own.as_json(), "nonce": own_nonce, "to": other.as_json()}
    return hashlib.sha256(_COMMIT + canonical_json(value)).hexdigest()


def code(committing: PublicKeys, revealing: PublicKeys, commit_nonce: str, reveal_nonce: str) -> str:
    """The six digits both devices show, as ``123 456``."""
    value = {
        "a": committing.as_json(),
        "b": revealing.as_json(),
        "na": commit_nonce,
        "nb": reveal_nonce,
    }
    digest = hashlib.sha256(_CODE + canonical_json(value)).digest()
    number = int.from_bytes(digest[:8], "big") % 10**DIGITS
    text = f"{number:0{DIGITS}d}"
    return f"{text[:3]} {text[3:]}"


def normalise_code(text: str) -> str:
    """A code as typed (spaces, dashes or none) in the printed form, or '' if not six digits."""
    digits = "".join(ch for ch in text if ch.isdigit() and ch.isascii())
    others = [ch for ch in text if not (ch.isascii() and ch.isdigit()) and ch not in " -\t"]
    if len(digits) != DIGITS or others:
        return ""
    return f"{digits[:3]} {digits[3:]}"
