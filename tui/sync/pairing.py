"""Pairing: start, join, confirm, status and leave, kept in ``DATA/sync/``.

``pairing.json`` holds the shared folder, this device's name (its person) and the devices
confirmed on this device, each with its public key. A key that appears in the folder and
was never confirmed here is listed as waiting, with its pairing code; it is never
encrypted to and nothing from it is read. A device with the same person's name as this
one, when confirmed, is one of "my devices" and also receives private entries.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from pathlib import Path

from tui.format import one_line
from tui.sync.crypto import create_identity, load_identity, normalise_code, pairing_code
from tui.sync.engine import ENGINE_FILE, Engine, Trusted
from tui.sync.files import private_dir, read_json, write_json
from tui.sync.folder import MAX_NAME, FolderMissing, SharedFolder
from tui.sync.guard import few

PAIRING_FILE = "pairing.json"


class PairingError(Exception):
    """A pairing step that cannot be done (the message says why and what to do)."""


@dataclass(frozen=True)
class Device:
    device: str
    name: str
    mine: bool = False
    code: str = ""


@dataclass
class Status:
    paired: bool
    folder: str = ""
    folder_present: bool = False
    device: str = ""
    name: str = ""
    confirmed: list[Device] = field(default_factory=list)
    waiting: list[Device] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    last_round: str = ""
    skipped: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        def dev(d: Device) -> dict:
            out = {"device": d.device, "name": d.name, "mine": d.mine}
            if d.code:
                out["code"] = d.code
            return out

        return {
            "paired": self.paired,
            "folder": self.folder,
            "folder_present": self.folder_present,
            "device": self.device,
            "name": self.name,
            "confirmed": [dev(d) for d in self.confirmed],
            "waiting": [dev(d) for d in self.waiting],
            "problems": self.problems,
            "last_round": self.last_round,
            "skipped": self.skipped,
        }

    def waiting_lines(self) -> list[str]:
        """Each key waiting here and its pairing code, a line each (the code's line begins ``Pairing code: ``)."""
        lines = []
        for device in self.waiting:
            lines.append(f"Waiting for confirmation: {one_line(device.name)}'s device {device.device}")
            lines.append(f"Pairing code: {device.code}")
        return lines

    def lines(self) -> list[str]:
        """What ``pair status`` says of a paired device, a line each, with names and paths on one line."""
        present = "" if self.folder_present else " (missing: is the drive mounted?)"
        lines = [
            f"Folder: {one_line(str(self.folder))}{present}",
            f"This device: {one_line(self.name)} ({self.device})",
        ]
        for device in self.confirmed:
            mine = ", yours" if device.mine else ""
            lines.append(f"Confirmed: {one_line(device.name)} ({device.device}{mine})")
        if not self.confirmed:
            lines.append("Confirmed: no device yet")
        lines += self.waiting_lines()
        lines += [f"Problem: {problem}" for problem in few([one_line(problem) for problem in self.problems])]
        lines.append(f"Last round: {self.last_round or 'none yet'}")
        lines += [f"Skipped: {skipped}" for skipped in few([one_line(skipped) for skipped in self.skipped])]
        return lines


def _config(state_dir: Path) -> dict | None:
    value = read_json(state_dir / PAIRING_FILE)
    if not isinstance(value, dict) or not value.get("folder"):
        return None
    return value


def _clean_name(name: str | None) -> str:
    text = " ".join((name or "").split()) or getpass.getuser()
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
    name it used last, or the login name (what a start without ``--name`` takes)."""
    try:
        value = read_json(state_dir / PAIRING_FILE)
    except (OSError, ValueError):
        value = None
    value = value if isinstance(value, dict) else {}
    folder = value.get("folder") or value.get("left") or ""
    folder = folder if isinstance(folder, str) else ""
    name = value.get("name") if isinstance(value.get("name"), str) else None
    for given in (name, None):
        try:
            return folder, _clean_name(given)
        except (PairingError, OSError, KeyError):  # a bad name kept, or no login name to go by
            continue
    return folder, ""


def _begin(state_dir: Path, folder: Path, name: str | None) -> Status:
    shared = SharedFolder(shared_root(folder))
    person = _clean_name(name)
    me = create_identity(private_dir(state_dir))
    try:
        shared.write_key(me.device, me.public, person)
    except OSError as exc:
        raise PairingError(
            f"this device's key could not be written into {shared.root} ({exc.strerror or exc})"
        ) from None
    old = _config(state_dir) or {}
    trusted = old.get("trusted", {}) if old.get("folder") == str(shared.root) else {}
    write_json(
        state_dir / PAIRING_FILE, {"folder": str(shared.root), "name": person, "device": me.device, "trusted": trusted}
    )
    return status(state_dir)


def start(state_dir: Path, folder: Path, name: str | None = None) -> Status:
    """Make this device's key (once) and put its public key into ``folder``."""
    return _begin(state_dir, folder, name)


def join(state_dir: Path, folder: Path, name: str | None = None) -> Status:
    """The same as :func:`start`, on the partner's (or one's other) machine."""
    return _begin(state_dir, folder, name)


def status(state_dir: Path) -> Status:
    config = _config(state_dir)
    me = load_identity(state_dir)
    if config is None or me is None:
        return Status(paired=False)
    shared = SharedFolder(Path(config["folder"]))
    out = Status(paired=True, folder=config["folder"], device=me.device, name=config["name"])
    trusted = config.get("trusted", {})
    out.confirmed = [Device(d, t["name"], t["mine"]) for d, t in sorted(trusted.items())]
    try:
        keys, problems = shared.keys()
        out.folder_present = True
    except FolderMissing:
        keys, problems = {}, []
    out.problems = [str(p) for p in problems]
    for dev, key in sorted(keys.items()):
        if dev != me.device and dev not in trusted:
            out.waiting.append(Device(dev, key.name, code=pairing_code(me.public, key.key)))
    engine = read_json(state_dir / ENGINE_FILE, {}) or {}
    out.last_round = engine.get("last_round", "")
    out.skipped = [f"{p}: {m}" for p, m in engine.get("skipped", [])]
    return out


def confirm(state_dir: Path, code: str) -> Device:
    """Confirm the waiting device whose pairing code is ``code``; a wrong code changes nothing."""
    config = _config(state_dir)
    me = load_identity(state_dir)
    if config is None or me is None:
        raise PairingError(
            "this device is not paired: run `micro-romance pair start FOLDER` or `pair join FOLDER` first"
        )
    wanted = normalise_code(code)
    if not wanted:
        raise PairingError("a pairing code is 24 digits, as 6 groups of 4 (for example 1234 5678 9012 3456 7890 1234)")
    keys, _ = SharedFolder(Path(config["folder"])).keys()
    for dev, key in sorted(keys.items()):
        if dev == me.device or pairing_code(me.public, key.key) != wanted:
            continue
        mine = key.name.casefold() == config["name"].casefold()
        config.setdefault("trusted", {})[dev] = {"key": key.key, "name": key.name, "mine": mine}
        write_json(state_dir / PAIRING_FILE, config)
        return Device(dev, key.name, mine)
    raise PairingError(
        "that code matches no device waiting in the folder; nothing was confirmed (compare the code on both machines)"
    )


def leave(state_dir: Path) -> bool:
    """Stop sharing on this device: forget the folder and the confirmed devices.

    Nothing local is deleted: the entries, this device's key and its copy of its own log
    stay, and the shared folder is left as it is. False if this device was not paired.
    """
    config = _config(state_dir)
    if config is None:
        return False
    write_json(state_dir / PAIRING_FILE, {"folder": "", "name": config.get("name", ""), "left": config["folder"]})
    return True


def engine(state_dir: Path) -> Engine | None:
    """The engine for this device's pairing, or None when it is not paired."""
    config = _config(state_dir)
    me = load_identity(state_dir)
    if config is None or me is None:
        return None
    trusted = {d: Trusted(t["key"], t["name"], t["mine"]) for d, t in config.get("trusted", {}).items()}
    return Engine(state_dir, SharedFolder(Path(config["folder"])), me, trusted, name=config["name"])
