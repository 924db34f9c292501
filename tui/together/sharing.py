"""The Together adapter itself (its description is in :mod:`tui.together`)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.model import FEEDBACK, Settings
from tui.storage.codecs import SettingsCodec
from tui.storage.kinds import BY_SYNC, ON_REQUEST, PERSONAL_FLAG, PRIVATE, SHARED_FLAG, WITH_RITUAL, Kind
from tui.sync.change import Change, plain
from tui.sync.files import canonical_json, read_json, write_json
from tui.sync.hlc import Clock as HybridClock
from tui.together.documents import BadEntry, read_gesture, read_note, read_ritual
from tui.together.inbound import inbound
from tui.together.state import (
    STATE_FILE,
    TogetherState,
    gift_lines,
    gifts_of_day,
    note_authors,
    partner_answers,
    partner_rankings,
    received_gifts,
    shared_answers,
    shared_notes,
    ticked_by,
)

if TYPE_CHECKING:
    from tui.storage import Store

SENT_FILE = "sent.json"
Key = tuple[str, str]


def _digest(doc: dict[str, Any], private: bool) -> str:
    return hashlib.sha256(canonical_json([doc, private])).hexdigest()[:24]


def _settings_part(languages: tuple[str, ...]) -> dict[str, Any]:
    doc = SettingsCodec.doc(Settings(own_love_languages=languages))
    return {key: doc[key] for key in SettingsCodec.shared}


_DOCUMENTS: dict[str, Any] = {
    **{name: kind.doc for name, kind in BY_SYNC.items()},  # the store's kinds (tui.storage.kinds)
    # and what is kept per person beside the store:
    "gift": lambda source: {"day": source[0], "gesture": source[1]},
    "reply": dict,
    "love_languages": _settings_part,
}


def document(kind: str, source: Any) -> dict[str, Any]:
    """The document sync sends for an entry of ``kind`` (the codecs' own)."""
    return _DOCUMENTS[kind](source)


@lru_cache(maxsize=1 << 17)
def _source_digest(kind: str, source: Any, private: bool) -> str:
    """The digest of an entry's document, kept for entries seen before: a round with nothing
    new builds no document (entries are immutable, so an unchanged one is equal to itself)."""
    return _digest(document(kind, source), private)


# --------------------------------------------------------------------------- the adapter


class Together:
    def __init__(self, store: Store, state_dir: Path, *, person: str = "") -> None:
        self.store = store
        self.state_dir = Path(state_dir)
        self.person = person
        self.sent: dict[str, list] = read_json(self.state_dir / SENT_FILE, {}) or {}
        self.state = TogetherState.load(self.state_dir)
        self._pending: dict[str, tuple[str, list]] = {}
        self.problems: list[str] = []
        self.ticks: list[tuple[str, date]] = []  # ticks applied in a round, written together

    # ---------------------------------------------------------------- what this device holds

    def share(self, kind: str, entry_id: str) -> None:
        """Mark an entry of a kind shared on request (``note``, ``answer``) as shared with the
        partner (sent at the next round)."""
        sync = BY_SYNC[kind].sync
        if sync is None or sync.sharing != ON_REQUEST:
            raise ValueError(f"{kind} entries are not shared on request")
        self.state[sync.flags][entry_id] = True
        self._save_state()

    def share_note(self, note_id: str) -> None:
        """Mark a note as shared with the partner (sent at the next round)."""
        self.share("note", note_id)

    def share_answer(self, answer_id: str) -> None:
        """Mark a prompt's answer as shared with the partner (sent at the next round)."""
        self.share("answer", answer_id)

    def answer_gift(self, gift_id: str, feedback: str) -> None:
        """Say whether what the partner did (the gift ``gift_id``) landed; sent at the next round."""
        gift = self.state["gifts"].get(gift_id)
        if feedback not in FEEDBACK or not isinstance(gift, dict):
            raise ValueError(f"no answer {feedback!r} to a gift {gift_id!r}")
        self.state["replies"][gift_id] = {"day": gift["day"], "gesture": gift["gesture"], "feedback": feedback}
        self._save_state()

    def reload(self) -> None:
        """Read together.json again: what a share wrote since this adapter read it is kept when it saves."""
        self.state = TogetherState.load(self.state_dir)

    def _save_state(self) -> None:
        self.state.save()

    def sources(self) -> dict[Key, tuple[Any, bool]]:
        """Every entry sync carries, as (source, private) by (kind, entry id): the source is the
        entry itself (hashable, immutable), whose document :func:`document` builds when needed."""
        out: dict[Key, tuple[Any, bool]] = {}
        personal = {r.id for r in self.store.rituals(include_archived=True) if r.personal}
        for kind in BY_SYNC.values():
            sync = kind.sync
            assert sync is not None
            listing = kind.listing(self.store) if kind.listing else self.store.entries(kind.name)
            private, entry_id, name = self._privacy(kind, personal), sync.entry_id, sync.kind
            for entry in listing:
                eid = entry_id(entry)
                out[(name, eid)] = (entry, private(entry, eid))
        me = self.person.casefold()
        if me:  # a gesture done, told to the partner: what was done for them
            for g in self.store.gesture_days():
                if g.done:
                    out[("gift", f"{me}:{g.day.isoformat()}")] = ((g.day.isoformat(), g.gesture_id), False)
        for gift_id, reply in self.state["replies"].items():
            out[("reply", gift_id)] = (tuple(sorted(reply.items())), False)
        settings = self.store.settings()
        if settings.own_love_languages and me:  # how this person feels loved, for the partner's picks
            out[("love_languages", me)] = (settings.own_love_languages, False)
        return out

    def _privacy(self, kind: Kind, personal: set[str]) -> Callable[[Any, str], bool]:
        """Whether an entry of ``kind`` goes only to this person's own devices (its Sync.sharing), as
        a test of (entry, entry id) chosen once per kind: a round looks at every entry."""
        sync = kind.sync
        sharing = sync.sharing if sync else PRIVATE
        if sharing == ON_REQUEST:
            shared = self.state[sync.flags]  # type: ignore[union-attr]
            return lambda entry, entry_id: not shared.get(entry_id, False)
        if sharing == PERSONAL_FLAG:
            return lambda entry, entry_id: bool(entry.personal)
        if sharing == SHARED_FLAG:
            return lambda entry, entry_id: not entry.shared
        if sharing == WITH_RITUAL:
            return lambda entry, entry_id: entry[0] in personal
        always = sharing == PRIVATE
        return lambda entry, entry_id: always

    def documents(self) -> dict[Key, tuple[dict[str, Any], bool]]:
        """Every entry sync carries, as (document, private), by (kind, entry id)."""
        return {key: (document(key[0], source), private) for key, (source, private) in self.sources().items()}

    def _someone_elses(self, kind: str, entry_id: str) -> bool:
        """An entry that is not this person's (never deleted from here): a kind kept per person, or a
        note the partner shared (taken off this device only, never off theirs)."""
        me = self.person.casefold()
        return (
            (kind == "gift" and not entry_id.startswith(f"{me}:"))
            or (kind == "love_languages" and entry_id != me)
            or (kind == "note" and entry_id in self.state["from"])
        )

    def outbox(self, clock: HybridClock) -> list[Change]:
        """This device's changes since the last round (new, changed and deleted entries)."""
        self._pending = {}
        out: list[Change] = []
        docs = self.sources()
        changed = []
        for (kind, entry_id), (source, private) in docs.items():
            digest = _source_digest(kind, source, private)
            held = self.sent.get(f"{kind}/{entry_id}")
            if held is None or held[0] != digest:
                changed.append((kind, entry_id, source, private, digest))
        for kind, entry_id, source, private, digest in sorted(changed, key=lambda c: (c[0], c[1])):
            key = f"{kind}/{entry_id}"
            change = Change(kind, entry_id, document(kind, source), clock.tick(), clock.device, private=private)
            out.append(change)
            self._pending[change.id] = (key, [digest, private])
        for key, held in sorted(self.sent.items()):
            kind, _, entry_id = key.partition("/")
            if (kind, entry_id) in docs or held[0] == "-" or self._someone_elses(kind, entry_id):
                continue
            change = Change(kind, entry_id, {}, clock.tick(), clock.device, deleted=True, private=bool(held[1]))
            out.append(change)
            self._pending[change.id] = (key, ["-", bool(held[1])])
        return out

    def drop_from_outbox(self, ids: list[str]) -> None:
        """Record that the changes ``ids`` (from the last :meth:`outbox`) are in the logs."""
        recorded = mine = False
        for change_id in ids:
            found = self._pending.pop(change_id, None)
            if found is not None:
                self.sent[found[0]] = found[1]
                recorded = True
                kind, _, entry_id = found[0].partition("/")
                if kind == "tick" and self.state["ticked_by"].pop(entry_id, None) is not None:
                    mine = True  # ticked (or unticked) here since: no longer the partner's tick
                if kind == "tick" and self.state["unticked_by"].pop(entry_id, None) is not None:
                    mine = True  # nor the partner's untick
        if mine:
            self._save_state()
        if recorded:  # a round with nothing to send writes nothing here
            write_json(self.state_dir / SENT_FILE, self.sent)

    # ---------------------------------------------------------------- what the partner sends

    def apply_remote(self, changes: list[Change], names: dict[str, str], own: Collection[str] = ()) -> int:
        """Write merged entries into the store (deletes first); how many were applied. ``names`` are the
        devices' names; ``own`` the ids of this person's own devices (this one and those confirmed as
        "mine"): only what they send is this person's own."""
        applied = 0
        parked = [Change.from_json(c) for c in self.state["parked"].values()]
        if not changes and not parked:
            return 0
        self.state["parked"] = {}
        ordered = sorted(changes, key=lambda c: (not c.deleted, c.kind != "ritual", c.kind, c.entry_id))
        newer = {(c.kind, c.entry_id) for c in changes}
        ordered += [c for c in parked if (c.kind, c.entry_id) not in newer]
        with self.store.batch():
            self.ticks = []
            for change in ordered:
                try:
                    if self._apply(change, names.get(change.author, "your partner"), change.author in own):
                        applied += 1
                except BadEntry as exc:
                    who = names.get(change.author, change.author)
                    self.problems.append(f"{change.kind} {change.entry_id!r} from {who}: {exc}; not kept")
            store_ticks, self.ticks = self.ticks, []
            self.store.add_ticks(store_ticks)
        docs = self.sources()
        for change in ordered:
            key = (change.kind, self._local_id(change))
            if key in docs:
                source, private = docs[key]
                self.sent[f"{key[0]}/{key[1]}"] = [_source_digest(change.kind, source, private), private]
            elif change.deleted:
                self.sent.pop(f"{key[0]}/{key[1]}", None)
        self._save_state()  # who wrote what first: a kill before the next line only re-sends, harmlessly
        write_json(self.state_dir / SENT_FILE, self.sent)
        return applied

    def ritual_id(self, rid: str) -> str:
        """The id here of a partner's ritual (a ritual merged by name keeps one side's id)."""
        return self.state["aliases"].get(rid, rid)

    def _local_id(self, change: Change) -> str:
        """The entry's id here: a tick of a ritual merged by name is kept under this side's ritual id
        (so it is not sent back as this device's own tick)."""
        if change.kind != "tick":
            return change.entry_id
        rid, _, iso = change.entry_id.rpartition(":")
        return f"{self.ritual_id(rid)}:{iso}"

    def _apply(self, change: Change, author: str, own: bool) -> bool:
        apply = inbound(change.kind)
        if apply is None:
            return False
        kind = BY_SYNC.get(change.kind)
        if not own and (
            change.private or (kind is not None and kind.sync is not None and kind.sync.sharing == PRIVATE)
        ):
            raise BadEntry("a private entry, from a device not confirmed as one of this person's own")
        return apply(self, change, plain(change.doc), author, own)


from tui.together.rounds import Prepared, finish, prepare, run_round  # noqa: E402 (they use Together)

__all__ = [
    "STATE_FILE",
    "BadEntry",
    "Prepared",
    "Together",
    "finish",
    "gift_lines",
    "gifts_of_day",
    "note_authors",
    "partner_answers",
    "partner_rankings",
    "prepare",
    "read_gesture",
    "read_note",
    "read_ritual",
    "received_gifts",
    "run_round",
    "shared_answers",
    "shared_notes",
    "ticked_by",
]
