"""What the partner sends: one function per kind of entry, found by kind in :data:`APPLY`; a kind of
the registry (:data:`tui.storage.kinds.KINDS`) with no rule of its own is kept as it came
(:func:`kept_as_sent`).

Each takes the adapter (its store and its state), the change, the change's plain document, the
author's name and whether the author is one of this person's own devices (``own``: the device was
confirmed as "mine", never decided by its name), and says whether it changed anything here. A document that is not as
micro-romance writes it raises :class:`~tui.together.documents.BadEntry` (one problem, the
round goes on).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from tui.model import FEEDBACK, Ritual, day_out_of_range
from tui.record import replace
from tui.storage.codecs import AnswerCodec, DayCodec
from tui.storage.kinds import BY_SYNC, ON_REQUEST
from tui.sync.change import Change
from tui.together.documents import (
    BadEntry,
    read_doc,
    read_gesture,
    read_note,
    read_own_languages,
    read_ritual,
    text_field,
)

if TYPE_CHECKING:
    from tui.storage import Store
    from tui.together.sharing import Together

Doc = dict[str, Any]
_PERSONAL = "a ritual kept personal here; only this person's own devices change it"


def _ritual(t: Together, change: Change, doc: Doc, author: str, own: bool) -> bool:
    store = t.store
    mine = {r.id: r for r in store.rituals(include_archived=True)}
    if not own and change.entry_id in mine and mine[change.entry_id].personal:
        raise BadEntry(_PERSONAL)
    if change.deleted:
        t.state["aliases"].pop(change.entry_id, None)
        if change.entry_id in mine:
            store.delete_ritual(change.entry_id)
        return True
    ritual = read_ritual(doc)
    if ritual.id != change.entry_id:
        raise BadEntry("the ritual's id is not its entry's")
    same = [
        r
        for r in mine.values()
        if r.id != ritual.id and not (r.personal or ritual.personal) and r.name.casefold() == ritual.name.casefold()
    ]
    if ritual.id not in mine and same:
        local = same[0]
        if local.id < ritual.id:
            t.state["aliases"][ritual.id] = local.id  # the partner keeps ours
            return False
        days = store.ticked_days(local.id)
        _save_ritual(store, ritual)
        for day in days:
            store.set_tick(ritual.id, day, True)
        store.delete_ritual(local.id)
        t.state["aliases"][local.id] = ritual.id
        return True
    _save_ritual(store, ritual)
    return True


def _save_ritual(store: Store, ritual: Ritual) -> None:
    try:  # a ritual already here keeps its own first day (moving it back records this device's history)
        ritual = replace(ritual, created=store.ritual(ritual.id).created)
    except KeyError:
        pass  # new here: as it came
    store.save_ritual(ritual)


def _tick(t: Together, change: Change, doc: Doc, author: str, own: bool) -> bool:
    store = t.store
    rid, _, iso = change.entry_id.rpartition(":")
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        raise BadEntry("not a tick id like RITUAL:2026-01-31") from None
    if why := day_out_of_range(day):
        raise BadEntry(why)
    rid = t.ritual_id(rid)
    rituals = {r.id: r for r in store.rituals(include_archived=True)}
    if not own and rid in rituals and rituals[rid].personal:
        raise BadEntry(_PERSONAL)
    if rid not in rituals:
        if not change.deleted:  # its ritual has not arrived yet: kept for a later round
            t.state["parked"][change.entry_id] = change.to_json()
        return False
    if change.deleted:
        t.state["ticked_by"].pop(f"{rid}:{iso}", None)
        if not own and store.is_ticked(rid, day):
            t.state["unticked_by"][f"{rid}:{iso}"] = author  # said in the row, as a partner's tick is
        store.set_tick(rid, day, False)
        return True
    t.state["unticked_by"].pop(f"{rid}:{iso}", None)
    t.state["ticked_by"][f"{rid}:{iso}"] = author  # by the ritual's id here
    if not store.is_ticked(rid, day):
        t.ticks.append((rid, day))  # written together, each ritual's year once
    return True


def _note(t: Together, change: Change, doc: Doc, author: str, own: bool) -> bool:
    """A note: the partner's own shared notes are kept (and changed, and deleted, as they say); a note
    written here is changed only by this person's own devices, never by what the partner sends."""
    store = t.store
    if not own and change.entry_id not in t.state["from"] and store.entry("notes", change.entry_id) is not None:
        raise BadEntry("a note written here; only its writer changes or deletes it")
    if change.deleted:
        if change.entry_id in {n.id for n in store.notes()}:
            store.delete_note(change.entry_id)
        return True
    note = read_note(doc)
    store.save_note(note)
    if not change.private:
        t.state["shared_notes"][note.id] = True
        if not own:
            t.state["from"][note.id] = author
    return True


def _gesture(t: Together, change: Change, doc: Doc, author: str, own: bool) -> bool:
    if not change.deleted:
        t.store.save_gesture_day(read_gesture(doc))
    return True


def _gift(t: Together, change: Change, doc: Doc, author: str, own: bool) -> bool:
    if own:
        return False  # one of this person's own, from another of their devices
    if change.deleted:
        t.state["gifts"].pop(change.entry_id, None)
    else:
        t.state["gifts"][change.entry_id] = {
            "by": author,
            "day": text_field(doc, "day"),
            "gesture": text_field(doc, "gesture"),
        }
    return True


def _answer(t: Together, change: Change, doc: Doc, author: str, own: bool) -> bool:
    store = t.store
    if change.deleted:
        if not own:
            return t.state["their_answers"].pop(change.entry_id, None) is not None
        if change.entry_id in {a.id for a in store.answers()}:
            store.delete_answer(change.entry_id)
        return True
    answer = read_doc(AnswerCodec, "the answer", doc)
    if own:  # this person's own, from another of their devices
        store.save_answer(answer)
        if not change.private:
            t.state["shared_answers"][answer.id] = True
        return True
    t.state["their_answers"][answer.id] = {
        "by": author,
        "prompt": answer.prompt_id,
        "day": answer.day.isoformat(),
        "text": answer.text,
    }
    return True


def _love_languages(t: Together, change: Change, doc: Doc, author: str, own: bool) -> bool:
    """How a partner feels loved, kept by person beside the store (never in the settings)."""
    if own:
        return False  # this person's own, from another of their devices
    theirs = t.state["their_languages"]
    if change.deleted:
        theirs.pop(change.entry_id, None)
        return True
    if change.entry_id != author.casefold():
        raise BadEntry("the entry is not its author's own ranking")
    ranking = read_own_languages(doc)
    if ranking:
        theirs[change.entry_id] = {"by": author, "languages": list(ranking)}
    else:
        theirs.pop(change.entry_id, None)
    return True


def _reply(t: Together, change: Change, doc: Doc, author: str, own: bool) -> bool:
    if change.deleted:  # this person's answers are kept apart from the partner's (ids can be alike)
        return own and t.state["replies"].pop(change.entry_id, None) is not None
    day, gesture, feedback = text_field(doc, "day"), text_field(doc, "gesture"), text_field(doc, "feedback")
    if feedback not in FEEDBACK:
        raise BadEntry(f"field 'feedback' should be one of {', '.join(FEEDBACK)}")
    if own:  # this person's own answer to a partner's gift, from another of their devices
        t.state["replies"][change.entry_id] = {"day": day, "gesture": gesture, "feedback": feedback}
        return True
    try:
        given = t.store.gesture_day(date.fromisoformat(day))
    except ValueError:
        raise BadEntry("field 'day' should be a date") from None
    if given is None or not given.done or given.gesture_id != gesture or given.partner_feedback == feedback:
        return False  # about a gesture no longer marked done here (or already kept)
    t.store.save_gesture_day(replace(given, partner_feedback=feedback))
    return True


def _day(t: Together, change: Change, doc: Doc, author: str, own: bool) -> bool:
    """A day that matters: this person's own (from another of their devices) is kept in the store; one the
    partner shared is kept beside it, by the partner's name (their "mine" is this person's "theirs")."""
    store = t.store
    if own:
        if change.deleted:
            if store.entry("days", change.entry_id) is not None:
                store.drop("days", change.entry_id)
            return True
        store.put("days", _read_day(change, doc))
        return True
    theirs = t.state["their_days"]
    if change.deleted:
        return theirs.pop(change.entry_id, None) is not None
    theirs[change.entry_id] = {"by": author, **DayCodec.doc(_read_day(change, doc))}
    return True


def _read_day(change: Change, doc: Doc) -> Any:
    day = read_doc(DayCodec, "the day that matters", doc)
    if day.id != change.entry_id:
        raise BadEntry("the day's id is not its entry's")
    return day


Rule = Callable[["Together", Change, Doc, str, bool], bool]

APPLY: dict[str, Rule] = {
    "ritual": _ritual,
    "tick": _tick,
    "note": _note,
    "gesture": _gesture,
    "gift": _gift,
    "answer": _answer,
    "love_languages": _love_languages,
    "reply": _reply,
    "day": _day,
}


def kept_as_sent(t: Together, change: Change, doc: Doc, author: str, own: bool) -> bool:
    """A kind of the registry with no rule of its own: the partner's entry kept as it came (read
    through its codec), deleted when they delete it; one shared on request is remembered as shared."""
    kind = BY_SYNC[change.kind]
    sync, store = kind.sync, t.store
    assert sync is not None
    if change.deleted:
        for entry in store.entries(kind.name):
            if sync.entry_id(entry) == change.entry_id:
                store.drop(kind.name, kind.key(entry))
        return True
    entry = read_doc(kind.codec, f"the {kind.label[0]}", doc)
    if sync.entry_id(entry) != change.entry_id:
        raise BadEntry(f"the {kind.label[0]}'s id is not its entry's")
    store.put(kind.name, entry)
    if sync.sharing == ON_REQUEST and not change.private:
        t.state[sync.flags][change.entry_id] = True
    return True


def inbound(kind: str) -> Rule | None:
    """How a change of ``kind`` is kept here (None: a kind this micro-romance does not know)."""
    return APPLY.get(kind) or (kept_as_sent if kind in BY_SYNC else None)
