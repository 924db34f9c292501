"""Devices for the sync tests: an identity, an engine, and a small store of entries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui.sync.change import Change
from tui.sync.crypto import Identity, create_identity
from tui.sync.engine import Engine, Round, Trusted
from tui.sync.folder import SharedFolder
from tui.sync.hlc import Clock


class Device:
    """One install: entries it holds, changes not yet sent, and its engine."""

    def __init__(self, root: Path, label: str, folder: Path, person: str, *, now: Any = None) -> None:
        self.label = label
        self.person = person
        self.state_dir = root / label / "sync"
        self.me: Identity = create_identity(self.state_dir)
        self.folder = SharedFolder(folder)
        kwargs = {} if now is None else {"now": now}
        self.clock = Clock(self.me.device, self.state_dir / "clock.json", **kwargs)
        self.trusted: dict[str, Trusted] = {}
        self.entries: dict[tuple[str, str], dict[str, Any]] = {}
        self.outbox: list[Change] = []
        self.engine = self._engine()

    def _engine(self) -> Engine:
        return Engine(self.state_dir, self.folder, self.me, self.trusted, clock=self.clock, name=self.person)

    def trust(self, *others: Device) -> None:
        for other in others:
            if other is not self:
                self.trusted[other.me.device] = Trusted(
                    other.me.public, other.person, other.person == self.person, other.me.keys.sign
                )
        self.engine = self._engine()

    def write(self, kind: str, entry_id: str, doc: dict[str, Any], *, private: bool = False) -> Change:
        change = Change(kind, entry_id, doc, self.clock.tick(), self.me.device, private=private)
        self.entries.setdefault((kind, entry_id), {}).update(doc)
        self.outbox.append(change)
        return change

    def delete(self, kind: str, entry_id: str, *, private: bool = False) -> Change:
        change = Change(kind, entry_id, {}, self.clock.tick(), self.me.device, deleted=True, private=private)
        self.entries.pop((kind, entry_id), None)
        self.outbox.append(change)
        return change

    def apply(self, incoming: list[Change]) -> None:
        for change in incoming:
            if change.deleted:
                self.entries.pop((change.kind, change.entry_id), None)
            else:
                self.entries[(change.kind, change.entry_id)] = dict(change.doc)

    def sync(self) -> Round:
        result = self.engine.round(list(self.outbox))
        self.apply(result.incoming)
        self.engine.commit(result)
        sent = set(result.sent)
        self.outbox = [c for c in self.outbox if c.id not in sent]
        return result


def pair(*devices: Device) -> None:
    for device in devices:
        device.trust(*devices)
