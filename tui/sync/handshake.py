"""One pairing's steps (see tui/sync/pairing_code.py), as this device takes them on each reading.

Pure: it reads what the other device published for this one and this device's record of the
pairing, and gives back the new record, what to publish in this device's ``key.pub`` and the
code once both nonces are known. Reading and writing the files is tui/sync/pairing.py's job.

A record (kept in ``DATA/sync/pairing.json``, ``sessions``) is ``{"keys": {...}, "nonce": N,
"theirs": T}``: the other device's keys, this device's nonce for it, and the other side's
first word as recorded (its commitment, or its nonce), which is never replaced.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from tui.sync import pairing_code as pc
from tui.sync.crypto import PublicKeys

NOT_YET = "it shows once the other device has read the folder (run micro-romance sync there, then pair status here)"
CHANGED = (
    "that device's pairing step changed after this one read it (do not confirm; "
    "remove it with pair remove and pair again)"
)

KEYS_CHANGED = "that device's keys changed while pairing (do not confirm; remove it with pair remove and pair again)"


@dataclass(frozen=True)
class Step:
    record: dict
    publish: dict  # what this device publishes for the other (empty: nothing yet)
    code: str  # "" until known
    note: str  # why there is no code yet


def fresh(keys: PublicKeys) -> dict:
    """A new record for a pairing with ``keys``: this device's nonce, nothing of theirs yet."""
    return {"keys": keys.as_json(), "nonce": pc.nonce(), "theirs": ""}


def room_left(sessions: dict, limit: int, keep: Container[str], present: Container[str]) -> int:
    """How many more records of devices not in ``keep`` fit under ``limit``, once the records of such
    devices out of sight now are dropped to make room (by id, only as many as needed).

    So what a device keeps, and publishes in its ``key.pub``, stays bounded however many keys
    are planted in the folder and removed again."""
    counted = [dev for dev in sorted(sessions) if dev not in keep]
    gone = [dev for dev in counted if dev not in present]
    while len(counted) > limit - 1 and gone:
        dev = gone.pop(0)
        del sessions[dev]
        counted.remove(dev)
    return limit - len(counted)


def _well_formed(record: object) -> bool:
    keys = record.get("keys") if isinstance(record, dict) else None
    return (
        isinstance(keys, dict)
        and isinstance(keys.get("key"), str)
        and isinstance(keys.get("sign"), str)
        and pc.is_hex32(record.get("nonce"))
        and (record.get("theirs") == "" or pc.is_hex32(record.get("theirs")))
    )


def record_is_for(record: object, keys: PublicKeys) -> bool:
    """True when ``record`` is a well-formed record of a pairing with exactly ``keys``."""
    return _well_formed(record) and record["keys"] == keys.as_json()


def keys_changed(me: PublicKeys, record: object, keys: PublicKeys) -> Step | None:
    """The step for a device whose keys are not the ones its pairing began with (its id names only
    its age key, so a folder writer can put their own signing key beside it): no code, said as
    changed, the record kept as it was. None when ``record`` is no pairing's record, or is for ``keys``."""
    if not _well_formed(record) or record_is_for(record, keys):
        return None
    return Step(dict(record), published(me, record), "", KEYS_CHANGED)


def step(me: PublicKeys, them: PublicKeys, record: dict, theirs_published: object) -> Step:
    """Take this device's next step with ``them``; ``theirs_published`` is what they published for this device."""
    given = theirs_published if isinstance(theirs_published, dict) else {}
    their_commit, their_nonce = given.get("commit"), given.get("nonce")
    record = dict(record)
    if pc.committer(me.device, them.device) == me.device:
        commit = pc.commitment(me, them, record["nonce"])
        if not record["theirs"] and pc.is_hex32(their_nonce):
            record["theirs"] = their_nonce  # their nonce, recorded before this side's is shown
        if not record["theirs"]:
            return Step(record, {"commit": commit}, "", NOT_YET)
        publish = {"commit": commit, "nonce": record["nonce"]}
        if their_nonce != record["theirs"]:
            return Step(record, publish, "", CHANGED)
        return Step(record, publish, pc.code(me, them, record["nonce"], record["theirs"]), "")
    if not record["theirs"] and pc.is_hex32(their_commit):
        record["theirs"] = their_commit  # their commitment, recorded before this side's nonce is shown
    if not record["theirs"]:
        return Step(record, {}, "", NOT_YET)
    publish = {"nonce": record["nonce"]}
    if their_commit != record["theirs"]:
        return Step(record, publish, "", CHANGED)
    if not pc.is_hex32(their_nonce):
        return Step(record, publish, "", NOT_YET)
    if pc.commitment(them, me, their_nonce) != record["theirs"]:
        return Step(record, publish, "", CHANGED)
    return Step(record, publish, pc.code(them, me, their_nonce, record["nonce"]), "")


def published(me: PublicKeys, record: dict) -> dict:
    """What this device publishes for a pairing, from its record alone (as :func:`step` last gave it)."""
    them = PublicKeys(record["keys"]["key"], record["keys"]["sign"])
    if pc.committer(me.device, them.device) == me.device:
        entry = {"commit": pc.commitment(me, them, record["nonce"])}
        return {**entry, "nonce": record["nonce"]} if record["theirs"] else entry
    return {"nonce": record["nonce"]} if record["theirs"] else {}
