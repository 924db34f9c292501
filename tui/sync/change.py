"""The one change record, the same for every kind of entry.

A :class:`Change` says: entry ``entry_id`` of kind ``kind`` (``"ritual"``, ``"tick"``,
``"note"``, ...) now has the fields of ``doc`` (the document the store's codec for that
kind makes; a change may carry only some fields), as of ``stamp``, made on device
``author``; ``deleted`` marks a delete (``doc`` is then empty); ``private`` keeps the entry
to the author's own devices. Its canonical JSON (sorted keys, no spaces, UTF-8) is the
same bytes on every machine, and the change id is a hash of it, so the same change read
twice (from a log and from a conflict copy of it) is one change.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from tui.sync.files import canonical_json
from tui.sync.guard import loads
from tui.sync.hlc import DEVICE_ID, Stamp

KIND = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
MAX_ID = 200
MAX_DOC = 256 * 1024


class BadChange(ValueError):
    """A change record that is not one (the message says which field)."""


def _frozen(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({str(k): _frozen(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    return value


def plain(value: Any) -> Any:
    """A frozen document back as plain dicts and lists (what JSON and the codecs use)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Change:
    kind: str
    entry_id: str
    doc: Mapping[str, Any]
    stamp: Stamp
    author: str
    deleted: bool = False
    private: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.kind, str) or not KIND.match(self.kind):
            raise BadChange(f"field 'kind' is not a kind of entry: {self.kind!r}")
        if not isinstance(self.entry_id, str) or not 0 < len(self.entry_id) <= MAX_ID:
            raise BadChange(f"field 'id' should be a text of 1 to {MAX_ID} characters")
        if not isinstance(self.doc, Mapping):
            raise BadChange("field 'doc' should be an object")
        if not isinstance(self.stamp, Stamp):
            raise BadChange("field 'stamp' should be a change stamp")
        if not isinstance(self.author, str) or not DEVICE_ID.match(self.author):
            raise BadChange(f"field 'author' is not a device id: {self.author!r}")
        if self.stamp.device != self.author:
            raise BadChange("the stamp's device is not the author")
        if not isinstance(self.deleted, bool) or not isinstance(self.private, bool):
            raise BadChange("fields 'deleted' and 'private' should be true or false")
        if self.deleted and self.doc:
            raise BadChange("a delete carries no fields")
        object.__setattr__(self, "doc", _frozen(self.doc))

    @functools.cached_property
    def id(self) -> str:
        """The change id: a hash of the canonical encoding."""
        return hashlib.sha256(self.encode()).hexdigest()[:32]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.entry_id,
            "doc": plain(self.doc),
            "stamp": str(self.stamp),
            "author": self.author,
            "deleted": self.deleted,
            "private": self.private,
        }

    def encode(self) -> bytes:
        return canonical_json(self.to_json())

    @classmethod
    def from_json(cls, value: Any) -> Change:
        """A change from untrusted JSON; :class:`BadChange` says what is wrong."""
        if not isinstance(value, dict):
            raise BadChange("a change should be an object")
        expected = {"kind", "id", "doc", "stamp", "author", "deleted", "private"}
        if set(value) != expected:
            raise BadChange(f"a change has the fields {sorted(expected)}, not {sorted(value)}")
        try:
            stamp = Stamp.parse(value["stamp"])
        except ValueError as exc:
            raise BadChange(f"field 'stamp': {exc}") from None
        return cls(value["kind"], value["id"], value["doc"], stamp, value["author"], value["deleted"], value["private"])


def encode_lines(changes: list[Change]) -> bytes:
    """Changes as JSON lines, sorted by stamp then id (a log's plaintext body)."""
    ordered = sorted(changes, key=lambda c: (c.stamp, c.id))
    return b"".join(c.encode() + b"\n" for c in ordered)


def decode_lines(data: bytes, problems: list[str] | None = None) -> list[Change]:
    """The changes of a log body, read with the limits of :func:`tui.sync.guard.loads`.

    Without ``problems``, :class:`BadChange` (with the line) on the first bad one; with it,
    each bad line is one message there and the others are read.
    """
    out: list[Change] = []
    for number, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            if len(line) > MAX_DOC:
                raise BadChange(f"a change of {len(line)} bytes is over the limit of {MAX_DOC}")
            change = Change.from_json(loads(line))
            change.id  # noqa: B018 (its canonical bytes: a lone surrogate, which no UTF-8 holds, is refused here)
            out.append(change)
        except ValueError as exc:
            if problems is None:
                raise BadChange(f"line {number}: {exc}") from None
            problems.append(f"line {number}: {exc}; skipped")
    return out
