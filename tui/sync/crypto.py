"""Keys, encryption and the sender check, on age (``pyrage``, X25519).

* A device's identity is an age X25519 key pair; its id is a hash of its public key, so
  a folder cannot claim an id for a key that is not its own.
* Files are encrypted with age to a list of recipients (confirmed devices only).
* age says nothing about who wrote a file, so each plaintext starts with a header naming
  the author and the file, with one HMAC-SHA256 per recipient, keyed by the pairwise
  secret of the author and that recipient (X25519 of one's secret key and the other's
  public key, run through SHA-256 with both public keys). Only the two holders of those
  keys can make that MAC, so a file written with a key this device never confirmed,
  or altered, or moved to another name, fails the check and is skipped.
* The pairing code is computed from both public keys alone, in either order (like
  safety numbers): 6 groups of 4 digits, after 5,200 rounds of SHA-256.

pyrage exposes no Diffie-Hellman, so the X25519 function (RFC 7748) is written out here
and checked against the RFC's vectors and against pyrage's own public keys.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import pyrage
from pyrage import x25519

from tui.sync.files import atomic_write, canonical_json, private_dir

IDENTITY_FILE = "identity.key"
_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_P = 2**255 - 19


class CryptoError(Exception):
    """A file that cannot be read as a log of the device it claims (the message says why)."""


# --------------------------------------------------------------------------- bech32 and X25519


def _polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def bech32_decode(text: str) -> tuple[str, bytes]:
    """The human part and the bytes of a bech32 text (an age key); ``ValueError`` if bad."""
    low = text.lower()
    pos = low.rfind("1")
    if pos < 1 or len(low) - pos < 7 or any(c not in _CHARSET for c in low[pos + 1 :]):
        raise ValueError("not a bech32 text")
    hrp, data = low[:pos], [_CHARSET.index(c) for c in low[pos + 1 :]]
    if _polymod([ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + data) != 1:
        raise ValueError("bad bech32 checksum")
    acc, bits, out = 0, 0, bytearray()
    for value in data[:-6]:
        acc, bits = (acc << 5) | value, bits + 5
        while bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
    return hrp, bytes(out)


def x25519_scalar(k: bytes, u: bytes) -> bytes:
    """X25519(k, u) of RFC 7748."""
    kb = bytearray(k)
    kb[0] &= 248
    kb[31] &= 127
    kb[31] |= 64
    scalar = int.from_bytes(kb, "little")
    x1 = int.from_bytes(u, "little") & ((1 << 255) - 1)
    x2, z2, x3, z3, swap = 1, 0, x1, 1, 0
    for t in range(254, -1, -1):
        bit = (scalar >> t) & 1
        if swap ^ bit:
            x2, x3, z2, z3 = x3, x2, z3, z2
        swap = bit
        a, b = x2 + z2, x2 - z2
        aa, bb = a * a % _P, b * b % _P
        e = aa - bb
        c, d = x3 + z3, x3 - z3
        da, cb = d * a % _P, c * b % _P
        x3, z3 = (da + cb) ** 2 % _P, x1 * (da - cb) ** 2 % _P
        x2, z2 = aa * bb % _P, e * (aa + 121665 * e) % _P
    if swap:
        x2, z2 = x3, z3
    return (x2 * pow(z2, _P - 2, _P) % _P).to_bytes(32, "little")


def public_bytes(public_key: str) -> bytes:
    hrp, raw = bech32_decode(public_key)
    if hrp != "age" or len(raw) != 32:
        raise ValueError("not an age X25519 public key")
    return raw


# --------------------------------------------------------------------------- identity


def device_id(public_key: str) -> str:
    """The device id of a public key: 20 hex digits of its SHA-256."""
    return hashlib.sha256(public_key.encode("ascii")).hexdigest()[:20]


@dataclass(frozen=True)
class Identity:
    secret: str  # AGE-SECRET-KEY-1...
    public: str  # age1...

    @property
    def device(self) -> str:
        return device_id(self.public)

    @classmethod
    def generate(cls) -> Identity:
        ident = x25519.Identity.generate()
        return cls(str(ident), str(ident.to_public()))

    @classmethod
    def from_secret(cls, secret: str) -> Identity:
        ident = x25519.Identity.from_str(secret.strip())
        return cls(secret.strip(), str(ident.to_public()))

    def pair_key(self, other_public: str) -> bytes:
        """The secret this device shares with the holder of ``other_public`` (and only them)."""
        return _pair_key(self.secret, self.public, other_public)


@functools.lru_cache(maxsize=64)
def _pair_key(secret: str, public: str, other_public: str) -> bytes:
    hrp, raw = bech32_decode(secret)
    if hrp != "age-secret-key-" or len(raw) != 32:
        raise ValueError("not an age X25519 secret key")
    shared = x25519_scalar(raw, public_bytes(other_public))
    if shared == bytes(32):
        raise ValueError("a public key of low order")
    low, high = sorted((public, other_public))
    return hashlib.sha256(b"micro-romance pair key 1\n" + shared + f"\n{low}\n{high}".encode()).digest()


def load_identity(state_dir: Path) -> Identity | None:
    """This device's identity from ``state_dir/identity.key``, or None if there is none yet."""
    path = state_dir / IDENTITY_FILE
    try:
        text = path.read_text("ascii")
    except FileNotFoundError:
        return None
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        os.chmod(path, 0o600)
    return Identity.from_secret(text)


def create_identity(state_dir: Path) -> Identity:
    """This device's identity, made and saved (0600, folder 0700) unless it exists."""
    private_dir(state_dir)
    found = load_identity(state_dir)
    if found is not None:
        return found
    ident = Identity.generate()
    atomic_write(state_dir / IDENTITY_FILE, (ident.secret + "\n").encode("ascii"))
    return ident


# --------------------------------------------------------------------------- sealed files


def _mac(key: bytes, author: str, name: str, digest: str) -> str:
    message = canonical_json({"author": author, "name": name, "body": digest})
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def seal(body: bytes, *, name: str, author: Identity, recipients: dict[str, str]) -> bytes:
    """``body`` encrypted to ``recipients`` (device id -> public key), with the sender check."""
    if not recipients:
        raise ValueError("a file needs at least one recipient")
    digest = hashlib.sha256(body).hexdigest()
    macs = {dev: _mac(author.pair_key(pub), author.device, name, digest) for dev, pub in sorted(recipients.items())}
    header = canonical_json({"format": 1, "author": author.device, "name": name, "body": digest, "macs": macs})
    keys = [x25519.Recipient.from_str(pub) for _, pub in sorted(recipients.items())]
    return pyrage.encrypt(header + b"\n" + body, keys)


def open_sealed(data: bytes, *, name: str, me: Identity, author: str, author_key: str) -> bytes:
    """The body of a sealed file written by device ``author`` (key ``author_key``), checked."""
    try:
        plain = pyrage.decrypt(data, [x25519.Identity.from_str(me.secret)])
    except pyrage.DecryptError as exc:
        raise CryptoError(f"cannot be decrypted (cut short, damaged, or not for this device: {exc})") from None
    head, sep, body = plain.partition(b"\n")
    try:
        header = json.loads(head) if sep else None
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != 1 or not isinstance(header.get("macs"), dict):
        raise CryptoError("has no valid header")
    if header.get("author") != author or header.get("name") != name:
        raise CryptoError(f"says it is {header.get('name')!r} by {header.get('author')!r}")
    digest = hashlib.sha256(body).hexdigest()
    expected = _mac(me.pair_key(author_key), author, name, digest)
    given = header["macs"].get(me.device)
    if header.get("body") != digest or not isinstance(given, str) or not hmac.compare_digest(given, expected):
        raise CryptoError("fails the sender check (not written by the confirmed key)")
    return body


# --------------------------------------------------------------------------- pairing code


def pairing_code(key_a: str, key_b: str) -> str:
    """The same short code for both keys in either order: 6 groups of 4 digits."""
    low, high = sorted((key_a.strip(), key_b.strip()))
    digest = f"micro-romance pairing 1\n{low}\n{high}".encode()
    for _ in range(5200):
        digest = hashlib.sha256(digest + low.encode()).digest()
    groups = [int.from_bytes(digest[i * 5 : i * 5 + 5], "big") % 10000 for i in range(6)]
    return " ".join(f"{g:04d}" for g in groups)


def normalise_code(text: str) -> str:
    """A code as typed (spaces, dashes or none) in the printed form, or '' if not 24 digits."""
    digits = "".join(ch for ch in text if ch.isdigit() and ch.isascii())
    others = [ch for ch in text if not (ch.isdigit() or ch in " -\t")]
    if len(digits) != 24 or others:
        return ""
    return " ".join(digits[i : i + 4] for i in range(0, 24, 4))
