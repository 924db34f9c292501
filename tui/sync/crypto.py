"""Keys, encryption and the sender check, from well-kept libraries only.

* A device has two key pairs: an age X25519 one for encryption (``pyrage``, the binding of
  the Rust ``age`` library, which also reads and writes the ``age1...`` text), and an
  Ed25519 one for signatures (pyca ``cryptography``). Its id is a hash of its age key, so
  a folder cannot claim an id for a key that is not its own.
* Files are encrypted with age to a list of recipients (confirmed devices only). age says
  nothing about who wrote a file, so the plaintext starts with a header binding the author,
  the file's name, a per-device sequence number, the body's SHA-256 and the recipients, signed
  with the author's Ed25519 key. A reader checks the signature with the key it confirmed for
  that device; a forged, altered, renamed or re-addressed file fails, and an older copy of a
  file (a lower sequence number than already read) is a :class:`Rollback`.
* Keys that cannot be used safely are refused when listed (:func:`check_keys`): X25519 points
  of low order (pyca refuses the exchange) and encodings that are not canonical; Ed25519
  points of small order (the list libsodium refuses) and non-canonical ones.
* The secret keys never show in a ``repr``, a log or a traceback's locals: :class:`Identity`
  hides them, and they are written from an unnamed ``memoryview``.

The age text is decoded with the ``bech32`` reference implementation, only to check the key.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

import bech32
import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from pyrage import x25519

from tui.sync import guard
from tui.sync.files import atomic_write, canonical_json, make_private_dir

IDENTITY_FILE = "identity.key"
SEQUENCE_FILE = "sequence.json"
FORMAT = 2
_SIGNED = b"micro-romance signed file 2\n"
_SIGNED_DOC = b"micro-romance signed document 2\n"
_SIGN_LINE = "ED25519-SECRET-KEY-"
_P = 2**255 - 19
# Ed25519 encodings of small order (libsodium's list), compared without the sign bit.
_SMALL_ORDER = {
    bytes(32),
    (1).to_bytes(32, "little"),
    bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
    bytes.fromhex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
    (_P - 1).to_bytes(32, "little"),
}


class CryptoError(Exception):
    """A file that cannot be read as a log of the device it claims (the message says why)."""


class Rollback(CryptoError):
    """An older copy of a file than one already read from its device."""


# --------------------------------------------------------------------------- public keys


def device_id(public_key: str) -> str:
    """The device id of an age public key: 20 hex digits of its SHA-256."""
    return hashlib.sha256(public_key.encode("ascii")).hexdigest()[:20]


def _age_bytes(text: str) -> bytes:
    """The 32 bytes of an ``age1...`` key, checked; ``ValueError`` if it is not one, or not in canonical form."""
    try:
        canonical = isinstance(text, str) and text.isascii() and str(x25519.Recipient.from_str(text)) == text
    except pyrage.RecipientError:
        canonical = False
    if not canonical:
        raise ValueError("not an age public key in canonical form")
    hrp, data = bech32.bech32_decode(text)
    raw = bytes(bech32.convertbits(data, 5, 8, False) or []) if hrp == "age" and data else b""
    if len(raw) != 32:
        raise ValueError("not an age X25519 public key")
    return raw


def check_age_key(text: str) -> None:
    """``ValueError`` unless ``text`` is an age X25519 key that can be encrypted to."""
    raw = _age_bytes(text)
    if int.from_bytes(raw, "little") >= _P:
        raise ValueError("an X25519 key not in canonical form")
    try:
        X25519PrivateKey.generate().exchange(X25519PublicKey.from_public_bytes(raw))
    except ValueError:
        raise ValueError("an X25519 key of low order") from None


def check_sign_key(text: str) -> Ed25519PublicKey:
    """The Ed25519 key written as 64 lowercase hex digits; ``ValueError`` for a key that must not be used."""
    if not isinstance(text, str) or len(text) != 64 or text.strip("0123456789abcdef"):
        raise ValueError("not an Ed25519 key (64 lowercase hex digits)")
    raw = bytes.fromhex(text)
    y = int.from_bytes(raw, "little") & ((1 << 255) - 1)
    if y >= _P:
        raise ValueError("an Ed25519 key not in canonical form")
    if raw[:31] + bytes([raw[31] & 0x7F]) in _SMALL_ORDER:
        raise ValueError("an Ed25519 key of small order")
    return Ed25519PublicKey.from_public_bytes(raw)


@dataclass(frozen=True)
class PublicKeys:
    """A device's two public keys, as its ``key.pub`` gives them."""

    age: str  # age1...
    sign: str  # Ed25519, 64 hex digits

    @property
    def device(self) -> str:
        return device_id(self.age)

    def check(self) -> None:
        """``ValueError`` for a key that must not be used (low order, not canonical)."""
        check_age_key(self.age)
        check_sign_key(self.sign)

    def as_json(self) -> dict[str, str]:
        return {"key": self.age, "sign": self.sign}


def verify(keys: PublicKeys | str, signature: str, message: bytes) -> bool:
    """True when ``signature`` (hex) is the Ed25519 signature of ``message`` by ``keys``."""
    sign = keys.sign if isinstance(keys, PublicKeys) else keys
    try:
        check_sign_key(sign).verify(bytes.fromhex(signature), message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


# --------------------------------------------------------------------------- this device


class Identity:
    """This device's secret keys. Its ``repr`` names only the device; the secrets are not attributes
    a traceback shows (pyrage's and pyca's objects print no key material)."""

    __slots__ = ("_age", "_signing", "keys", "_sequence", "_last")

    def __init__(self, age: x25519.Identity, signing: Ed25519PrivateKey, sequence: Path | None = None) -> None:
        self._age = age
        self._signing = signing
        self.keys = PublicKeys(str(age.to_public()), signing.public_key().public_bytes_raw().hex())
        self._sequence = sequence
        self._last = 0

    def __repr__(self) -> str:
        return f"Identity(device={self.device!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Identity) and other.keys == self.keys

    def __hash__(self) -> int:
        return hash(self.keys)

    @property
    def device(self) -> str:
        return self.keys.device

    @property
    def public(self) -> str:
        """The age public key (``age1...``), what others encrypt to."""
        return self.keys.age

    @classmethod
    def generate(cls) -> Identity:
        return cls(x25519.Identity.generate(), Ed25519PrivateKey.generate())

    def sign(self, message: bytes) -> str:
        return self._signing.sign(message).hex()

    def decrypt(self, data: bytes) -> bytes:
        return pyrage.decrypt(data, [self._age])

    def next_sequence(self) -> int:
        """A number higher than any this device gave before: microseconds since 1970, or one more than the last."""
        last = self._last
        if self._sequence is not None and not last:
            try:
                last = int(json.loads(self._sequence.read_bytes())["last"])
            except (OSError, ValueError, KeyError, TypeError):
                last = 0
        self._last = max(last + 1, time.time_ns() // 1000)
        if self._sequence is not None:
            atomic_write(self._sequence, canonical_json({"last": self._last}), durable=False)
        return self._last

    def _file_bytes(self) -> memoryview:
        """What ``identity.key`` holds (as a memoryview, whose repr shows no bytes)."""
        return memoryview(f"{self._age}\n{_SIGN_LINE}{self._signing.private_bytes_raw().hex().upper()}\n".encode())


class _SecretFile:
    """The text of ``identity.key``, held where a traceback's locals show only this class's name."""

    __slots__ = ("_lines",)

    def __init__(self, path: Path) -> None:
        self._lines = path.read_text("ascii").split()

    def __repr__(self) -> str:
        return "<identity.key>"

    def age(self) -> x25519.Identity:
        if not self._lines:
            raise ValueError("identity.key is empty")
        return x25519.Identity.from_str(self._lines[0])

    def signing(self) -> Ed25519PrivateKey | None:
        """The Ed25519 key, or None in a file written before signatures (it is added then)."""
        if len(self._lines) < 2:
            return None
        if not self._lines[1].startswith(_SIGN_LINE):
            raise ValueError("identity.key has a second line that is not an Ed25519 key")
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(self._lines[1].removeprefix(_SIGN_LINE)))


def load_identity(state_dir: Path) -> Identity | None:
    """This device's identity from ``state_dir/identity.key``, or None if there is none yet.

    A key file from before signatures gets its Ed25519 key now (written back at once)."""
    path = state_dir / IDENTITY_FILE
    try:
        secret = _SecretFile(path)
    except FileNotFoundError:
        return None
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        os.chmod(path, 0o600)
    signing = secret.signing()
    ident = Identity(secret.age(), signing or Ed25519PrivateKey.generate(), state_dir / SEQUENCE_FILE)
    if signing is None:
        atomic_write(path, ident._file_bytes())
    return ident


def create_identity(state_dir: Path) -> Identity:
    """This device's identity, made and saved (0600, folder 0700) unless it exists."""
    make_private_dir(state_dir)
    found = load_identity(state_dir)
    if found is not None:
        return found
    ident = Identity(x25519.Identity.generate(), Ed25519PrivateKey.generate(), state_dir / SEQUENCE_FILE)
    atomic_write(state_dir / IDENTITY_FILE, ident._file_bytes())
    return ident


# --------------------------------------------------------------------------- signed documents (key.pub)


def sign_document(me: Identity, doc: dict) -> dict:
    """``doc`` with ``sig``: this device's signature over the rest of it (canonical JSON)."""
    body = {k: v for k, v in doc.items() if k != "sig"}
    return {**body, "sig": me.sign(_SIGNED_DOC + canonical_json(body))}


def document_signed_by(doc: dict, keys: PublicKeys | str) -> bool:
    """True when ``doc["sig"]`` is the signature of the rest of ``doc`` by ``keys``."""
    signature = doc.get("sig")
    body = {k: v for k, v in doc.items() if k != "sig"}
    try:
        message = _SIGNED_DOC + canonical_json(body)
    except (TypeError, ValueError):
        return False
    return isinstance(signature, str) and verify(keys, signature, message)


# --------------------------------------------------------------------------- sealed files


@dataclass(frozen=True)
class Opened:
    body: bytes
    sequence: int


def seal(body: bytes, *, name: str, author: Identity, recipients: dict[str, str]) -> bytes:
    """``body`` encrypted to ``recipients`` (device id -> age public key), signed by ``author``."""
    if not recipients:
        raise ValueError("a file needs at least one recipient")
    if len(recipients) > guard.MAX_RECIPIENTS:
        raise ValueError(f"a file is sealed to {guard.MAX_RECIPIENTS} devices at most")
    header = {
        "author": author.device,
        "body": hashlib.sha256(body).hexdigest(),
        "format": FORMAT,
        "name": name,
        "seq": author.next_sequence(),
        "to": sorted(recipients),
    }
    header["sig"] = author.sign(_SIGNED + canonical_json(header))
    keys = [x25519.Recipient.from_str(pub) for _, pub in sorted(recipients.items())]
    return pyrage.encrypt(canonical_json(header) + b"\n" + body, keys)


def _header(head: bytes) -> dict:
    try:
        header = guard.loads(head)  # untrusted until the signature is checked: read with the folder's limits
    except ValueError:
        header = None
    if not isinstance(header, dict):
        raise CryptoError("has no valid header")
    if header.get("format") == 1:
        raise CryptoError("was written by an earlier version of micro-romance (it is written again once updated)")
    fields = {"author": str, "body": str, "format": int, "name": str, "seq": int, "to": list, "sig": str}
    if set(header) != set(fields) or any(not isinstance(header[k], t) for k, t in fields.items()):
        raise CryptoError("has no valid header")
    if header["format"] != FORMAT or isinstance(header["seq"], bool) or not 0 < header["seq"] < 2**63:
        raise CryptoError("has a header this version does not know")
    return header


def open_sealed(data: bytes, *, name: str, me: Identity, author: str, author_key: str, last_seq: int = 0) -> Opened:
    """The body of a sealed file written by device ``author`` (Ed25519 key ``author_key``), checked.

    :class:`CryptoError` when it is not for this device, not signed by that key, or names another
    file; :class:`Rollback` when its sequence number is below ``last_seq`` (an older copy);
    an age header this app never writes is a :class:`CryptoError` before age reads it."""
    try:
        guard.age_header(data)
    except guard.Refused as exc:
        raise CryptoError(str(exc)) from None
    try:
        plain = me.decrypt(data)
    except pyrage.DecryptError as exc:
        raise CryptoError(f"cannot be decrypted (cut short, damaged, or not for this device: {exc})") from None
    head, sep, body = plain.partition(b"\n")
    if not sep:
        raise CryptoError("has no valid header")
    header = _header(head)
    if header["author"] != author or header["name"] != name:
        raise CryptoError(f"says it is {header['name']!r} by {header['author']!r}")
    signature = header.pop("sig")
    if not verify(author_key, signature, _SIGNED + canonical_json(header)):
        raise CryptoError("fails the sender check (not signed by the confirmed key)")
    if header["body"] != hashlib.sha256(body).hexdigest():
        raise CryptoError("fails the sender check (its body was altered)")
    if me.device not in header["to"]:
        raise CryptoError("was not addressed to this device (passed on by another)")
    if header["seq"] < last_seq:
        raise Rollback(f"is an older copy than one already read (number {header['seq']} < {last_seq})")
    return Opened(body, header["seq"])
