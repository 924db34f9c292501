"""A replica: the merged state of every change a device has seen.

Merging is per field, last writer wins by stamp: for each entry and each field, the value
of the change with the highest stamp (ties, which only a broken device could make, go to
the larger canonical value). A delete is kept as a marker (a tombstone) with its stamp:
fields written before it stay hidden, so a deleted note does not come back from an older
log; a change stamped after the delete brings the entry back. Every part of the state is a
maximum, so applying changes is commutative, associative and idempotent (a change id seen
before is skipped at once).

Each entry holds two such states: one from every change (what this device shows) and one
from shared changes only (what every device of the couple can see). :meth:`export` writes
the shared one canonically, so devices that saw the same shared changes produce the same
bytes, whatever order the changes came in and whoever also saw private ones.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tui.sync.change import Change, plain
from tui.sync.files import canonical_json
from tui.sync.hlc import Stamp

Key = tuple[str, str]


@dataclass
class _State:
    fields: dict[str, tuple[Stamp, Any]] = field(default_factory=dict)
    deleted: Stamp | None = None
    private: tuple[Stamp, bool] | None = None

    def apply(self, change: Change) -> None:
        if change.deleted:
            if self.deleted is None or change.stamp > self.deleted:
                self.deleted = change.stamp
        else:
            for name, value in change.doc.items():
                held = self.fields.get(name)
                if held is None or change.stamp > held[0] or (change.stamp == held[0] and _wins(value, held[1])):
                    self.fields[name] = (change.stamp, plain(value))
        mark = (change.stamp, change.private)
        if self.private is None or mark > self.private:
            self.private = mark

    def head(self) -> Stamp:
        stamps = [s for s, _ in self.fields.values()]
        if self.deleted is not None:
            stamps.append(self.deleted)
        return max(stamps)

    def view(self, key: Key) -> Change:
        """The entry as one change: its visible fields, newest stamp and author."""
        live = {n: v for n, (s, v) in self.fields.items() if self.deleted is None or s > self.deleted}
        head = self.head()
        gone = not live
        assert self.private is not None
        return Change(key[0], key[1], {} if gone else live, head, head.device, gone, self.private[1])

    def to_json(self) -> dict[str, Any]:
        assert self.private is not None
        return {
            "f": {n: [str(s), v] for n, (s, v) in self.fields.items()},
            "d": None if self.deleted is None else str(self.deleted),
            "p": [str(self.private[0]), self.private[1]],
        }

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> _State:
        state = cls()
        for name, (stamp, v) in value["f"].items():
            state.fields[name] = (Stamp.parse(stamp), v)
        state.deleted = None if value["d"] is None else Stamp.parse(value["d"])
        state.private = (Stamp.parse(value["p"][0]), bool(value["p"][1]))
        return state


def _wins(value: Any, held: Any) -> bool:
    """The tie-break of two values under one stamp: the larger canonical encoding."""
    return canonical_json(plain(value)) > canonical_json(held)


class Replica:
    """Every change seen, merged; see the module's docstring for the rules."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self._all: dict[Key, _State] = {}
        self._shared: dict[Key, _State] = {}

    def __len__(self) -> int:
        return len(self._all)

    def apply(self, change: Change) -> bool:
        """Merge one change; False when its id was seen before (nothing happens)."""
        if change.id in self.seen:
            return False
        self.seen.add(change.id)
        key = (change.kind, change.entry_id)
        full = self._all.get(key)
        shared = self._shared.get(key)
        if full is None:
            full = self._all[key] = _State()
            if not change.private:
                shared = self._shared[key] = full  # one object while no private change came
        elif change.private and shared is full:
            shared = self._shared[key] = copy.deepcopy(full)
        elif not change.private and shared is None:
            shared = self._shared[key] = _State()
        full.apply(change)
        if not change.private and shared is not full:
            assert shared is not None
            shared.apply(change)
        return True

    def merge(self, changes: Iterable[Change]) -> list[Change]:
        """Merge changes; the entries whose visible state they changed, as changes to apply."""
        before: dict[Key, Change | None] = {}
        for change in changes:
            key = (change.kind, change.entry_id)
            if change.id in self.seen:
                continue
            if key not in before:
                before[key] = self.get(*key)
            self.apply(change)
        out = []
        for key, old in before.items():
            new = self.get(*key)
            if new is not None and (old is None or old.encode() != new.encode()):
                out.append(new)
        return sorted(out, key=lambda c: (c.kind, c.entry_id))

    def get(self, kind: str, entry_id: str) -> Change | None:
        """The entry as this device sees it (``deleted`` for a tombstone), or None if unseen."""
        state = self._all.get((kind, entry_id))
        return None if state is None else state.view((kind, entry_id))

    def entries(self) -> list[Change]:
        return [state.view(key) for key, state in sorted(self._all.items())]

    def export(self) -> bytes:
        """The shared state, canonically: one line per entry, sorted, tombstones included."""
        lines = []
        for key, state in sorted(self._shared.items()):
            view = state.view(key)
            lines.append(canonical_json({k: v for k, v in view.to_json().items() if k != "private"}))
        return b"".join(line + b"\n" for line in lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": 2,
            "seen": sorted(self.seen),
            # The shared state is written only where it differs from the whole one.
            "all": [[k, i, s.to_json(), self._shared.get((k, i)) is s] for (k, i), s in sorted(self._all.items())],
            "shared": [
                [k, i, s.to_json()] for (k, i), s in sorted(self._shared.items()) if s is not self._all.get((k, i))
            ],
        }

    @classmethod
    def from_json(cls, value: Any) -> Replica:
        """A replica saved by :meth:`to_json`; ``ValueError`` if it is not one."""
        try:
            replica = cls()
            if value["format"] != 2:
                raise ValueError(f"unknown replica format {value['format']!r}")
            replica.seen = set(value["seen"])
            for kind, entry_id, state, same in value["all"]:
                replica._all[(kind, entry_id)] = full = _State.from_json(state)
                if same is True:
                    replica._shared[(kind, entry_id)] = full
            for kind, entry_id, state in value["shared"]:
                replica._shared[(kind, entry_id)] = _State.from_json(state)
            return replica
        except (KeyError, TypeError, IndexError) as exc:
            raise ValueError(f"not a replica: {exc!r}") from None
