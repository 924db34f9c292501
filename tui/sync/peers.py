"""The devices in the shared folder as pairing sees them, and this device's own ``key.pub``.

A ``key.pub`` (format 2) is signed by the device's own Ed25519 key and holds both public keys,
the person's name, and what the device published for each pairing under way with it::

    {"format": 2, "key": "age1...", "sign": HEX, "name": "Alex",
     "pairing": {DEVICE: {"commit": HEX, "nonce": HEX, "confirmed": true}}, "sig": HEX}

A key that cannot be used (low order, not canonical, a signature that fails) is one problem and
the device is not listed; a ``key.pub`` of an earlier version is listed without a code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from tui.sync import handshake
from tui.sync.crypto import Identity, PublicKeys, document_signed_by, sign_document
from tui.sync.files import canonical_json
from tui.sync.folder import KeyFile, SharedFolder

KEY_FORMAT = 2
OLDER = "that device runs an earlier version of micro-romance: update it there, and its code shows here"


@dataclass(frozen=True)
class Peer:
    device: str
    name: str
    keys: PublicKeys | None  # None: an earlier version's key.pub, no code possible
    note: str = ""
    pairing: dict = field(default_factory=dict, compare=False)  # what it published, by device
    signed: dict = field(default_factory=dict, compare=False)  # its key.pub, for checks by a confirmed key
    changed: int = field(default=0, compare=False)  # when its key.pub last changed (ns; 0: not known)

    def confirmed_me(self, sign: str, me: str) -> bool:
        """True when this device's key.pub, signed by the confirmed key ``sign``, says it confirmed ``me``."""
        entry = self.pairing.get(me)
        return (
            isinstance(entry, dict)
            and entry.get("confirmed") is True
            and self.keys is not None
            and self.keys.sign == sign
            and document_signed_by(self.signed, sign)
        )


@functools.lru_cache(maxsize=4096)
def _parse(device: str, name: str, text: bytes, changed: int = 0) -> Peer | str:
    """A peer from its key.pub's canonical bytes (``changed``: the file's time), or the problem with it
    (cached: a key is checked once)."""
    import json

    doc = json.loads(text)
    if doc.get("format") != KEY_FORMAT:
        return Peer(device, name, None, OLDER, changed=changed)
    key, sign = doc.get("key"), doc.get("sign")
    if not isinstance(key, str) or not isinstance(sign, str):
        return "is not a public key file; skipped"
    keys = PublicKeys(key, sign)
    try:
        keys.check()
    except ValueError as exc:
        return f"holds a key that cannot be used ({exc}); skipped"
    if not document_signed_by(doc, keys):
        return "is not signed by its own key; skipped"
    pairing = doc.get("pairing", {})
    if not isinstance(pairing, dict):
        return "is not a public key file; skipped"
    return Peer(device, name, keys, "", pairing, doc, changed)


def peer_of(found: KeyFile) -> Peer | str:
    """The peer a key file describes, or why it cannot be used."""
    try:
        text = canonical_json(found.doc)
    except (TypeError, ValueError, RecursionError):
        return "is not a public key file; skipped"
    return _parse(found.device, found.name, text, found.changed)


def peers(shared: SharedFolder, me: Identity) -> tuple[dict[str, Peer], list[str]]:
    """Every other device in the folder that can be listed, and what could not be read (one line each)."""
    found, problems = shared.keys()
    out: dict[str, Peer] = {}
    lines = [str(p) for p in problems]
    for device, key_file in sorted(found.items()):
        if device == me.device:
            continue
        peer = peer_of(key_file)
        if isinstance(peer, str):
            lines.append(f"{shared.relative(shared.device_dir(device) / 'key.pub')}: {peer}")
        else:
            out[device] = peer
    return out, lines


def key_document(me: Identity, name: str, pairing: dict[str, dict] | None = None) -> dict:
    """This device's key.pub, signed."""
    doc = {"format": KEY_FORMAT, **me.keys.as_json(), "name": name, "pairing": pairing or {}}
    return sign_document(me, doc)


def own_document(me: Identity, config: dict) -> dict:
    """This device's key.pub as ``config`` (pairing.json) has it: each pairing's step, the devices it confirmed."""
    entries: dict[str, dict] = {}
    for dev, record in config.get("sessions", {}).items():
        entry = handshake.published(me.keys, record)
        if entry:
            entries[dev] = entry
    for dev in config.get("trusted", {}):
        entries.setdefault(dev, {})["confirmed"] = True
    return key_document(me, config["name"], entries)


def publish(shared: SharedFolder, me: Identity, config: dict) -> None:
    """Write this device's key.pub (only when it changed)."""
    shared.write_key(me.device, own_document(me, config))
