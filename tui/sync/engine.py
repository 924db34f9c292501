"""A round of sync: read the other devices' logs, merge, then write this device's changes.

The interface for the store, in two steps so that a kill at any instant is completed by
the next round::

    engine = Engine(state_dir, folder, me, trusted, person)   # state_dir is DATA/sync
    result = engine.round(outbox)            # outbox: list[Change], this device's new changes
    store.apply_remote(result.incoming)      # list[Change]: each entry whose state changed,
                                             # merged (upsert its doc, or delete it if deleted)
    engine.commit(result)                    # keeps what was read (replica, cursor, clock)
    store.drop_from_outbox(result.sent)      # the ids of the outbox changes now in the logs

``round`` raises :class:`~tui.sync.folder.FolderMissing` when the folder is gone; a file
that cannot be read (a link, a pipe, over its size cap, not for this device, failing the
sender check, or anything else) is one problem in ``result.skipped``, never merged in part,
and not read again until its identity (inode, size, time) changes. In a file that passes
the sender check, a change that is not one, or is stamped more than a day ahead of this
device's clock, is one problem and skipped; the file's other changes are merged. Nothing
one file holds stops the others. Until ``commit``, nothing read counts as read: the next round (in this process
or after a restart) delivers the same incoming changes again, and the store's apply must
be idempotent. Outbox changes are kept in a private plaintext copy of this device's logs
(``state_dir/mine``) before the folder file is written, and a change id already there is not
added twice, so sending the same outbox twice is harmless.

``trusted`` maps the device id of every confirmed device (this one excluded) to its
:class:`Trusted` record; nothing is read from or encrypted to any other key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tui.sync import guard
from tui.sync.change import Change, decode_lines, encode_lines
from tui.sync.crypto import Identity, seal
from tui.sync.files import atomic_write, make_private_dir, read_json, write_json
from tui.sync.folder import FolderMissing, KeyFile, Problem, SharedFolder
from tui.sync.guard import LOG_CAP, Refused
from tui.sync.hlc import Clock
from tui.sync.merge import Replica

REPLICA_FILE = "replica.json"
ENGINE_FILE = "engine.json"
CLOCK_FILE = "clock.json"
MINE_DIR = "mine"


@dataclass(frozen=True)
class Trusted:
    key: str
    name: str
    mine: bool  # one of this person's own devices, as they said when confirming it (receives private entries)
    sign: str = ""  # its Ed25519 key (hex), which every file it writes is signed with


@dataclass
class Round:
    incoming: list[Change]
    sent: list[str]
    skipped: list[Problem]
    read: dict[str, str] = field(default_factory=dict)  # relative path -> digest
    written: dict[str, str] = field(default_factory=dict)
    recipients: dict[str, list[str]] = field(default_factory=dict)
    merged: bool = False
    waiting: int = 0  # keys in the folder that no one confirmed on this device
    keys: list[Problem] = field(default_factory=list)  # key files that could not be read
    sequences: dict[str, int] = field(default_factory=dict)  # device/name -> the highest sequence number read
    failed: dict[str, list] = field(default_factory=dict)  # path -> [inode, size, time, keys, why]: not read again


def month_of(change: Change) -> str:
    return datetime.fromtimestamp(change.stamp.wall / 1000, UTC).strftime("%Y-%m")


class Engine:
    def __init__(
        self,
        state_dir: Path,
        folder: SharedFolder,
        me: Identity,
        trusted: dict[str, Trusted],
        *,
        clock: Clock | None = None,
        name: str = "",
        key_document: Callable[[], dict] | None = None,
        count_waiting: Callable[[dict[str, KeyFile]], int] | None = None,
    ) -> None:
        self.state_dir = make_private_dir(Path(state_dir))
        self.folder = folder
        self.me = me
        self.trusted = {dev: t for dev, t in trusted.items() if dev != me.device}
        self.clock = clock or Clock(me.device, self.state_dir / CLOCK_FILE)
        self._replica: Replica | None = None
        self._state: dict | None = None
        self.name = name
        self.key_document = key_document  # this device's key.pub as pairing keeps it (tui.sync.peers)
        self.count_waiting = count_waiting  # the keys listed as waiting, as pairing lists them (tui.sync.pairing)
        self._open = False
        self._rebuilt = False

    # ---------------------------------------------------------------- state

    def _load_state(self) -> dict:
        if self._state is None or self._open:
            try:
                state = read_json(self.state_dir / ENGINE_FILE, {})
            except ValueError:
                state = None  # cut short by a power cut: read every file again
            state = state if isinstance(state, dict) else {}
            for key in ("read", "written", "recipients", "sequences", "failed"):
                if not isinstance(state.get(key), dict):
                    state[key] = {}
            self._state = state
            self._replica = None
            self._open = False
        return self._state

    def _load_replica(self) -> Replica:
        if self._replica is None:
            try:
                saved = read_json(self.state_dir / REPLICA_FILE)
                self._replica = Replica() if saved is None else Replica.from_json(saved)
            except ValueError:
                self._replica = self._rebuild()
        return self._replica

    def _rebuild(self) -> Replica:
        """A replica from this device's own log copies; every other file is read again."""
        replica = Replica()
        for path in sorted((self.state_dir / MINE_DIR).glob("*.jsonl")):
            replica.merge(decode_lines(path.read_bytes(), []))  # a line no version can read is left out
        assert self._state is not None
        self._state["read"] = {}
        self._rebuilt = True
        return replica

    @property
    def replica(self) -> Replica:
        self._load_state()
        return self._load_replica()

    def recipients(self) -> dict[str, dict[str, str]]:
        everyone = {dev: t.key for dev, t in self.trusted.items()}
        everyone[self.me.device] = self.me.public
        own = {dev: t.key for dev, t in self.trusted.items() if t.mine}
        own[self.me.device] = self.me.public
        return {"log": everyone, "own": own}

    # ---------------------------------------------------------------- reading

    def _incoming(self, state: dict, out: Round) -> list[Change]:
        from tui.sync.reading import Reading

        return Reading(self, state, out).incoming()

    # ---------------------------------------------------------------- writing

    def _mirror(self, name: str) -> Path:
        return self.state_dir / MINE_DIR / f"{name}.jsonl"

    def _write(self, state: dict, outbox: list[Change], out: Round) -> None:
        groups: dict[str, list[Change]] = {}
        for change in outbox:
            if change.author != self.me.device:
                raise ValueError("the outbox holds a change by another device")
            groups.setdefault(f"{'own' if change.private else 'log'}-{month_of(change)}", []).append(change)
        mine = make_private_dir(self.state_dir / MINE_DIR)
        for name, changes in sorted(groups.items()):
            path = self._mirror(name)
            unreadable: list[str] = []
            held = decode_lines(path.read_bytes(), unreadable) if path.exists() else []
            # A line that cannot be read (stamped past 2286 by a clock an older version let a device drag
            # forward) is left out when the file is written again, instead of stopping every round.
            out.skipped += [
                Problem(f"{MINE_DIR}/{path.name}", p.removesuffix("; skipped") + "; left out of what is sent")
                for p in unreadable
            ]
            ids = {c.id for c in held}
            new = [c for c in changes if c.id not in ids]
            if new:
                atomic_write(path, encode_lines(held + new))
        recipients = self.recipients()
        out.recipients = {kind: sorted(r) for kind, r in recipients.items()}
        for path in sorted(mine.glob("*.jsonl")):
            name = path.stem
            kind = name.split("-", 1)[0]
            target = self.folder.device_dir(self.me.device) / f"{name}.age"
            try:
                current = hashlib.sha256(guard.read_file(target, LOG_CAP)[0]).hexdigest()
            except (OSError, Refused):
                current = ""
            same_readers = state["recipients"].get(kind) == out.recipients[kind]
            if name not in groups and same_readers and current and state["written"].get(name) == current:
                continue
            data = seal(path.read_bytes(), name=name, author=self.me, recipients=recipients[kind])
            self.folder.write_log(self.me.device, name, data)
            out.written[name] = hashlib.sha256(data).hexdigest()
        out.sent = sorted(c.id for c in outbox)

    # ---------------------------------------------------------------- a round

    def round(self, outbox: list[Change]) -> Round:
        """Read, merge and write; see the module's docstring. Nothing is kept until commit."""
        self.folder.check()
        state = self._load_state()
        self._open = True
        out = Round(incoming=[], sent=[], skipped=[])
        try:
            if self.name:
                from tui.sync.peers import key_document

                doc = self.key_document() if self.key_document else key_document(self.me, self.name)
                self.folder.write_key(self.me.device, doc)
            keys, out.keys = self.folder.keys()
            if self.count_waiting is not None:
                try:
                    out.waiting = self.count_waiting(keys)
                except Exception as exc:  # noqa: BLE001 (what the keys hold never stops a round)
                    out.keys.append(
                        Problem("micro-romance", f"keys waiting could not be counted ({guard.reason(exc)})")
                    )
            else:
                out.waiting = len(set(keys) - set(self.trusted) - {self.me.device})
            remote = self._incoming(state, out)
            if remote or outbox:
                replica = self._load_replica()
                if self._rebuilt:  # from this device's own logs: read every other file again now
                    self._rebuilt = False
                    out.read, out.skipped, out.failed = {}, [], {}
                    remote = self._incoming(state, out)
                replica.merge(outbox)
                out.incoming = replica.merge(remote)
                out.merged = True
            for change in remote:
                self.clock.observe(change.stamp)
            self._write(state, outbox, out)
        except FileNotFoundError as exc:
            if not self.folder.root.is_dir():
                raise FolderMissing(self.folder.root) from exc
            raise
        return out

    def commit(self, result: Round) -> None:
        """Keep what ``result`` read and wrote, so the next round starts after it."""
        replica, state = self._replica, self._state
        if not self._open or state is None or (result.merged and replica is None):
            raise RuntimeError("commit() needs the round it follows")
        state["read"].update(result.read)
        state["written"].update(result.written)
        state["sequences"].update(result.sequences)
        if result.recipients:
            state["recipients"] = result.recipients
        state["last_round"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        state["skipped"] = [[p.path, p.message] for p in result.skipped]
        state["failed"] = result.failed
        if result.merged and replica is not None:
            write_json(self.state_dir / REPLICA_FILE, replica.to_json())
        # Not fsynced: losing it in a power cut only means reading the files again.
        write_json(self.state_dir / ENGINE_FILE, state, durable=False)
        self.clock.save()
        self._open = False
