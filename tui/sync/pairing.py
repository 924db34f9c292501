"""Pairing: start, join, confirm, status, remove and leave, kept in ``DATA/sync/``.

``pairing.json`` holds the shared folder, this device's name (its person), the devices
confirmed here (each with both public keys, its person's name, and whether the person said it
is one of their own), each pairing under way (tui/sync/handshake.py) and the devices turned
away. A key in the folder that was never confirmed here is listed as waiting, with its pairing
code once both sides have taken their steps; it is never encrypted to and nothing from it is
read. A device is "mine" (receives private entries) only when confirmed with ``mine``, never
because its name matches. Devices confirmed with an earlier version (without a signing key) are
asked to be confirmed again, with a new code: a new key is never trusted silently.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tui.paths import PAIRING_FILE
from tui.sync import handshake
from tui.sync.crypto import Identity, create_identity, load_identity
from tui.sync.engine import ENGINE_FILE, Engine, Trusted
from tui.sync.files import make_private_dir, read_json, write_json
from tui.sync.folder import MAX_NAME, FolderMissing, KeyFile, SharedFolder
from tui.sync.guard import MAX_RECIPIENTS
from tui.sync.locks import one_step_at_a_time
from tui.sync.pairing_code import DIGITS, normalise_code
from tui.sync.peers import Peer, own_document, peer_of, peers, publish
from tui.sync.status import Device, Status

MAX_UNDER_WAY = 8
"""Pairings under way at once; a device beyond them waits until one is confirmed or removed."""
TOO_MANY = "too many devices are waiting here; remove the ones you do not know (pair remove)"
AGAIN = "confirmed with an earlier version of micro-romance: compare the new code and confirm it again"


class PairingError(Exception):
    """A pairing step that cannot be done (the message says why and what to do)."""


# --------------------------------------------------------------------------- this device's record


def _config(state_dir: Path) -> dict | None:
    value = read_json(state_dir / PAIRING_FILE)
    if not isinstance(value, dict) or not value.get("folder"):
        return None
    for key in ("trusted", "sessions", "forgotten", "again"):
        if not isinstance(value.get(key, {}), dict):
            raise ValueError(f"{state_dir / PAIRING_FILE} is not as micro-romance writes it (edited by hand?)")
        value.setdefault(key, {})
    for dev, trusted in list(value["trusted"].items()):
        if not isinstance(trusted, dict) or not isinstance(trusted.get("sign"), str):
            # Confirmed with an earlier version (no signing key): asked again, never trusted silently.
            name = trusted.get("name", "") if isinstance(trusted, dict) else ""
            value["again"][dev] = {"name": name if isinstance(name, str) else ""}
            del value["trusted"][dev]
    return value


def _clean_name(name: str | None) -> str:
    text = " ".join((name or "").split())
    if not text:
        raise PairingError("say your name, as your partner will see it, with --name NAME")
    if not text.isprintable() or len(text) > MAX_NAME:
        raise PairingError(f"a name is up to {MAX_NAME} printable characters")
    return text


def shared_root(folder: Path | str) -> Path:
    """The shared folder as pairing keeps it: ``~`` expanded, made absolute, a link kept as typed.

    :class:`FolderMissing` when nothing is there (a link to nothing counts as missing);
    :class:`PairingError` when it is a file, or this user cannot read and write in it.
    """
    root = Path(folder).expanduser().absolute()
    try:
        there, is_dir = root.exists(), root.is_dir()
    except OSError as exc:
        raise PairingError(f"{root} cannot be read ({exc.strerror or exc}); nothing was changed") from None
    if not there:
        raise FolderMissing(root)
    if not is_dir:
        raise PairingError(f"{root} is a file, not a folder: choose the folder your sync tool keeps in step")
    if not os.access(root, os.R_OK | os.W_OK | os.X_OK):
        raise PairingError(f"the folder {root} cannot be read and written by this user; nothing was changed")
    return root


def defaults(state_dir: Path) -> tuple[str, str]:
    """(folder, name) for a start or join: the folder this device shared through or left, and the
    name it used last ("" when none: the login name is never taken as a name)."""
    try:
        value = read_json(state_dir / PAIRING_FILE)
    except (OSError, ValueError):
        value = None
    value = value if isinstance(value, dict) else {}
    folder = value.get("folder") or value.get("left") or ""
    folder = folder if isinstance(folder, str) else ""
    try:
        name = _clean_name(value.get("name") if isinstance(value.get("name"), str) else None)
    except PairingError:
        name = ""
    return folder, name


def own_name(state_dir: Path) -> str:
    """This device's person's name as pairing keeps it ("" when not paired), without reading the folder."""
    try:
        config = _config(state_dir)
    except (OSError, ValueError):
        return ""
    name = config.get("name", "") if config is not None else ""
    return name if isinstance(name, str) else ""


def is_paired_here(state_dir: Path) -> str:
    """The folder this device shares through, or "" (a damaged pairing.json counts as paired: it is not lost)."""
    try:
        value = read_json(state_dir / PAIRING_FILE)
    except (OSError, ValueError):
        return str(state_dir / PAIRING_FILE)
    return value.get("folder", "") if isinstance(value, dict) and isinstance(value.get("folder"), str) else ""


@one_step_at_a_time
def _begin(state_dir: Path, folder: Path, name: str | None, force: bool) -> Status:
    already = is_paired_here(state_dir)
    if already and not force:
        raise PairingError(
            f"this device is already paired (through {already}): run pair leave first, or add --force; "
            "nothing was changed"
        )
    shared = SharedFolder(shared_root(folder))
    person = _clean_name(name or defaults(state_dir)[1])
    me = create_identity(make_private_dir(state_dir))
    try:
        old = _config(state_dir) or {}
    except ValueError:
        old = {}
    same = old.get("folder") == str(shared.root)
    config = {
        "folder": str(shared.root),
        "name": person,
        "device": me.device,
        **{key: old.get(key, {}) if same else {} for key in ("trusted", "sessions", "forgotten", "again")},
    }
    try:
        publish(shared, me, config)
    except OSError as exc:
        raise PairingError(
            f"this device's key could not be written into {shared.root} ({exc.strerror or exc})"
        ) from None
    write_json(state_dir / PAIRING_FILE, config)
    return status(state_dir)


def start(state_dir: Path, folder: Path, name: str | None = None, *, force: bool = False) -> Status:
    """Make this device's keys (once) and put its public keys into ``folder``."""
    return _begin(state_dir, folder, name, force)


def join(state_dir: Path, folder: Path, name: str | None = None, *, force: bool = False) -> Status:
    """The same as :func:`start`, on the partner's (or one's other) machine."""
    return _begin(state_dir, folder, name, force)


# --------------------------------------------------------------------------- reading the folder


def _loaded(state_dir: Path) -> tuple[dict, Identity] | None:
    config = _config(state_dir)
    me = load_identity(state_dir)
    return None if config is None or me is None else (config, me)


def _step_all(config: dict, me: Identity, found: dict[str, Peer]) -> dict[str, handshake.Step]:
    """Each pairing's next step, for devices waiting and those confirmed here whose side may not be done.

    A pairing's record is kept while its device is out of sight (a key file being rewritten, a sync
    tool behind), so a pairing under way does not start over by itself; it is dropped once both sides
    have confirmed, when the device is turned away, or to make room: at most MAX_UNDER_WAY records of
    devices not confirmed here are kept (and published), those out of sight giving way first."""
    sessions: dict = config["sessions"]
    trusted: dict = config["trusted"]
    steps: dict[str, handshake.Step] = {}
    handshake.room_left(sessions, MAX_UNDER_WAY + 1, trusted, found)  # a record kept before the bound
    for dev, peer in sorted(found.items()):
        if peer.keys is None or config["forgotten"].get(dev) == peer.keys.as_json():
            continue
        if dev in trusted and peer.confirmed_me(trusted[dev]["sign"], me.device):
            sessions.pop(dev, None)  # both sides confirmed: nothing more to publish for it
            continue
        record = sessions.get(dev)
        changed = None if dev in trusted else handshake.keys_changed(me.keys, record, peer.keys)
        if changed is not None:
            steps[dev] = changed  # never a fresh pairing, nor a fresh try at the code, without a word
            continue
        if not handshake.record_is_for(record, peer.keys):
            if dev in trusted or handshake.room_left(sessions, MAX_UNDER_WAY, {*trusted, dev}, found) < 1:
                continue
            record = handshake.fresh(peer.keys)
        steps[dev] = handshake.step(me.keys, peer.keys, record, peer.pairing.get(me.device))
        sessions[dev] = steps[dev].record
    return steps


@dataclass(frozen=True)
class _Seen:
    """A reading of the pairing: what status says, this device's record and keys, the devices listed."""

    status: Status
    config: dict
    me: Identity
    found: dict[str, Peer]


def _read(state_dir: Path) -> _Seen | None:
    """The pairing read now, each pairing under way one step further; None when this device is not paired."""
    loaded = _loaded(state_dir)
    if loaded is None:
        return None
    config, me = loaded
    shared = SharedFolder(Path(config["folder"]))
    out = Status(paired=True, folder=config["folder"], device=me.device, name=config["name"])
    before = repr(config)
    try:
        found, problems = peers(shared, me)
        out.folder_present = True
    except FolderMissing:
        found, problems = {}, []
    out.problems = problems
    steps = _step_all(config, me, found) if out.folder_present else {}
    for dev, t in sorted(config["trusted"].items()):
        peer = found.get(dev)
        both = peer is not None and peer.confirmed_me(t["sign"], me.device)
        out.confirmed.append(Device(dev, t["name"], bool(t.get("mine")), both=both))
    for dev, peer in sorted(found.items()):
        if dev in config["trusted"] or (peer.keys and config["forgotten"].get(dev) == peer.keys.as_json()):
            continue
        again, changed = AGAIN if dev in config["again"] else "", peer.changed
        if peer.keys is None:
            out.waiting.append(Device(dev, peer.name, note=peer.note, changed=changed))
        elif dev not in steps:
            out.waiting.append(Device(dev, peer.name, note=TOO_MANY, changed=changed))
        else:
            step = steps[dev]
            note = step.note or again
            code, note = step.code, note if not step.code else again
            out.waiting.append(Device(dev, peer.name, code=code, note=note, changed=changed))
    if out.folder_present:
        try:
            publish(shared, me, config)
        except OSError as exc:
            out.problems.append(f"this device's key.pub could not be written ({exc.strerror or exc})")
    if repr(config) != before:
        write_json(state_dir / PAIRING_FILE, config)
    engine = read_json(state_dir / ENGINE_FILE, {}) or {}
    out.last_round = engine.get("last_round", "")
    out.skipped = [f"{p}: {m}" for p, m in engine.get("skipped", [])]
    return _Seen(out, config, me, found)


@one_step_at_a_time
def status(state_dir: Path) -> Status:
    """The pairing as this device sees it now; each pairing under way takes its next step (its key.pub)."""
    seen = _read(state_dir)
    return seen.status if seen is not None else Status(paired=False)


# --------------------------------------------------------------------------- the person decides


@one_step_at_a_time
def confirm(state_dir: Path, code: str, *, mine: bool = False) -> Device:
    """Confirm the waiting device whose pairing code is ``code``; ``mine`` when it is one of this
    person's own devices (it then receives private entries). A wrong code changes nothing."""
    wanted = normalise_code(code)
    if wanted and _loaded(state_dir) is not None:
        seen = _read(state_dir)
    else:
        seen = None  # nothing read or written for a code that cannot be one
    if seen is None:
        if _loaded(state_dir) is None:
            raise PairingError(
                "this device is not paired: run `micro-romance pair start FOLDER` or `pair join FOLDER` first"
            )
        raise PairingError(f"a pairing code is {DIGITS} digits, as shown by pair status (for example 123 456)")
    out, config, me, found = seen.status, seen.config, seen.me, seen.found
    for device in out.waiting:
        if device.code != wanted:
            continue
        keys = found[device.device].keys
        assert keys is not None
        if len(config["trusted"]) >= MAX_RECIPIENTS - 1 and device.device not in config["trusted"]:
            raise PairingError(
                f"this device is paired with {MAX_RECIPIENTS - 1} devices already, as many as it can share with; "
                "remove one you no longer use first (pair remove)"
            )
        config["trusted"][device.device] = {"key": keys.age, "sign": keys.sign, "name": device.name, "mine": mine}
        config["again"].pop(device.device, None)
        write_json(state_dir / PAIRING_FILE, config)
        status(state_dir)  # publish "confirmed" for the other side
        return Device(device.device, device.name, mine, both=found[device.device].confirmed_me(keys.sign, me.device))
    raise PairingError(
        "that code matches no device waiting in the folder; nothing was confirmed (compare the code on both machines)"
    )


@dataclass(frozen=True)
class Removed:
    device: str
    name: str
    was_confirmed: bool


@one_step_at_a_time
def remove(state_dir: Path, who: str) -> Removed:
    """Turn away a waiting device, or remove a confirmed one (``who``: a name, or the start of an id).

    A removed device is not encrypted to again and its files are not read; it is not listed
    again unless its key changes. What it already read, it keeps."""
    seen = _read(state_dir)
    if seen is None:
        raise PairingError("this device is not paired; there is nothing to remove")
    out, config, found = seen.status, seen.config, seen.found
    wanted = " ".join(who.split())
    candidates = [d for d in out.confirmed + out.waiting if d.name.casefold() == wanted.casefold()]
    if not candidates and len(wanted) >= 4:
        candidates = [d for d in out.confirmed + out.waiting if d.device.startswith(wanted.lower())]
    if not candidates:
        raise PairingError(f"no device here is called {wanted!r} (pair status lists them); nothing was removed")
    if len(candidates) > 1:
        ids = ", ".join(d.device for d in candidates)
        raise PairingError(f"{wanted!r} could be any of {ids}: give the start of one id; nothing was removed")
    [device] = candidates
    trusted = config["trusted"].pop(device.device, None)
    peer = found.get(device.device)
    if trusted is not None:
        keys = {"key": trusted["key"], "sign": trusted["sign"]}
    else:
        keys = peer.keys.as_json() if peer is not None and peer.keys is not None else {"key": "", "sign": ""}
    config["forgotten"][device.device] = keys
    config["sessions"].pop(device.device, None)
    config["again"].pop(device.device, None)
    write_json(state_dir / PAIRING_FILE, config)
    status(state_dir)  # key.pub without it
    return Removed(device.device, device.name, trusted is not None)


@one_step_at_a_time
def leave(state_dir: Path) -> bool:
    """Stop sharing on this device: forget the folder and the confirmed devices.

    Nothing local is deleted: the entries, this device's key and its copy of its own log
    stay, and the shared folder is left as it is. False if this device was not paired.
    """
    if not is_paired_here(state_dir):
        return False
    try:
        config = _config(state_dir) or {}
    except ValueError:
        config = {}
    name = config.get("name", "") if isinstance(config.get("name"), str) else ""
    write_json(state_dir / PAIRING_FILE, {"folder": "", "name": name, "left": config.get("folder", "")})
    return True


def engine(state_dir: Path) -> Engine | None:
    """The engine for this device's pairing, or None when it is not paired."""
    loaded = _loaded(state_dir)
    if loaded is None:
        return None
    config, me = loaded
    trusted = {d: Trusted(t["key"], t["name"], bool(t.get("mine")), t["sign"]) for d, t in config["trusted"].items()}
    shared = SharedFolder(Path(config["folder"]))
    return Engine(
        state_dir,
        shared,
        me,
        trusted,
        name=config["name"],
        key_document=lambda: own_document(me, _config(state_dir) or config),  # as pairing.json is now
        count_waiting=lambda keys: waiting_count(config, me, keys),
    )


def waiting_count(config: dict, me: Identity, keys: dict[str, KeyFile]) -> int:
    """How many of the devices in ``keys`` pair status lists as waiting (a round counts them so)."""
    count = 0
    for dev, key_file in keys.items():
        if dev == me.device or dev in config["trusted"]:
            continue
        peer = peer_of(key_file)
        if isinstance(peer, str) or (peer.keys and config["forgotten"].get(dev) == peer.keys.as_json()):
            continue
        count += 1
    return count
