"""The registry of kinds of entry: each kind is declared here once.

A :class:`Kind` names its table in the data file, its codec (:mod:`tui.storage.codecs`), the
entry's identity, whether it is kept by year, how an import meets a copy already here, and
whether and how Together carries it (:class:`Sync`). The store's index and its generic entry
methods (:mod:`tui.storage.entries`), the export, the import (its bundle, plan and apply), the
counts and Together's outbound and inbound tables all read :data:`KINDS`, in this order (a
ritual before its ticks). Settings are one document, not a kind of entry.

Adding a kind is one declaration in :data:`KINDS` and one codec (see ``docs/architecture.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import date
from operator import attrgetter

from tui.model import GestureDay, PromptDay, Ritual
from tui.record import Record, replace
from tui.storage.codecs import (
    AnswerCodec,
    DayCodec,
    FavouriteCodec,
    GestureCodec,
    GraceCodec,
    NoteCodec,
    PromptDayCodec,
    RitualCodec,
    TickCodec,
)

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:
    from tui.storage.store import Store

# How Together carries a kind (Sync.sharing). Private entries still go to this person's own devices.
PRIVATE = "private"
"""Never seen by the partner (a gesture day)."""
SHARED = "shared"
"""Seen by the partner."""
ON_REQUEST = "on request"
"""Private until this person shares the entry (``p``, ``--share``); remembered in together.json."""
PERSONAL_FLAG = "unless personal"
"""Shared unless the entry itself says ``personal`` (a ritual)."""
SHARED_FLAG = "when marked shared"
"""Private until the entry itself says ``shared`` (a day that matters: ``--share``, or the dialog's choice)."""
WITH_RITUAL = "with its ritual"
"""Private when its ritual is personal (a tick, as ``(ritual id, day)``)."""


class Sync(Record):
    """How Together carries a kind: the change's kind, who sees it, the entry's id in the shared folder."""

    kind: str
    sharing: str
    entry_id: Callable[[Any], str]

    def __init__(self, kind: str, sharing: str = PRIVATE, entry_id: Callable[[Any], str] = attrgetter("id")) -> None:
        vars(self).update(kind=kind, sharing=sharing, entry_id=entry_id)

    @property
    def flags(self) -> str:
        """together.json's table of entries shared on request (``shared_notes``)."""
        return f"shared_{self.kind}s"


class Kind(Record):
    """One kind of entry, as every part of micro-romance that stores, moves or counts it sees it."""

    name: str
    """The table in the data file (``notes``; ``notes/2026`` when kept by year) and the store's name for it."""
    codec: Any
    """``doc(entry)``, ``read(Reader)`` and, for big tables, a fast ``trusted(doc)``."""
    key: Callable[[Any], Hashable]
    """The entry's identity: the index's key, an import's "appears twice", what an import finds here."""
    label: tuple[str, str]
    """One entry and many, in words ("note", "notes"): counts and an import's report."""
    section: str
    """The export's list for the kind (its name by default)."""
    days: Callable[[Any], tuple[date, ...]] | None
    """The days an entry is about, each checked to be in the range kept (the first one's year is its table's)."""
    by_year: bool
    """Dated entries split by year (``notes/2026``), past years in ``history/YEAR.json``."""
    one_a_day: bool
    """Keyed by its day (one entry a day): found in that day's year without looking through the others."""
    identity: str
    """How an import names the key when it appears twice ("the id", "the day")."""
    order: Callable[[Any], Any] | None
    """The export's order (by key when None)."""
    merge: Callable[[Any, Any], Any] | None
    """An import's entry meeting one already here: the merged entry (None: the one here is kept)."""
    sync: Sync | None
    """How Together carries it (None: it stays on this device)."""
    # Hooks for the one kind stored differently (ticks: one document per ritual and year).
    listing: Callable[[Store], Iterable[Any]] | None
    size: Callable[[Store], int] | None
    lookup: Callable[[Store, Any], Any] | None
    save_all: Callable[[Store, list[Any]], None] | None
    arrange: Callable[[Store, list[Any]], list[Any]] | None
    """An import's new entries put in place among those here (rituals: after them)."""

    def __init__(
        self,
        name: str,
        codec: Any,
        key: Callable[[Any], Hashable],
        label: tuple[str, str],
        section: str = "",
        days: Callable[[Any], tuple[date, ...]] | None = None,
        by_year: bool = False,
        one_a_day: bool = False,
        identity: str = "the id",
        order: Callable[[Any], Any] | None = None,
        merge: Callable[[Any, Any], Any] | None = None,
        sync: Sync | None = None,
        listing: Callable[[Store], Iterable[Any]] | None = None,
        size: Callable[[Store], int] | None = None,
        lookup: Callable[[Store, Any], Any] | None = None,
        save_all: Callable[[Store, list[Any]], None] | None = None,
        arrange: Callable[[Store, list[Any]], list[Any]] | None = None,
    ) -> None:
        vars(self).update(
            name=name,
            codec=codec,
            key=key,
            label=label,
            section=section or name,
            days=days,
            by_year=by_year,
            one_a_day=one_a_day,
            identity=identity,
            order=order,
            merge=merge,
            sync=sync,
            listing=listing,
            size=size,
            lookup=lookup,
            save_all=save_all,
            arrange=arrange,
        )

    def doc(self, entry: Any) -> dict[str, Any]:
        return self.codec.doc(entry)

    def all(self, store: Store) -> list[Any]:
        """Every entry of the kind, every year read, in the export's order."""
        found = self.listing(store) if self.listing else store.entries(self.name)
        return sorted(found, key=self.order or self.key)

    def count(self, store: Store) -> int:
        """How many entries of the kind (every year read)."""
        if self.listing is None:
            return len(store.entries(self.name))
        return self.size(store) if self.size else len(list(self.listing(store)))

    def find(self, store: Store, key: Any) -> Any:
        """The entry here with this key, or None."""
        return self.lookup(store, key) if self.lookup else store.entry(self.name, key)


# ---------------------------------------------------------------- rules of the kinds that merge


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(first + second))


def merge_gesture_day(here: GestureDay, incoming: GestureDay) -> GestureDay:
    """One day's gesture from two copies: a done day wins, shown ids are joined.

    The copy that is done wins (the local one when both or neither are); the
    other copy's note and feedbacks fill in only when it is about the same
    gesture and the winner has none. Merging again changes nothing.
    """
    base, other = (incoming, here) if incoming.done and not here.done else (here, incoming)
    same = other.gesture_id == base.gesture_id
    return replace(
        base,
        shown=_union(base.shown, other.shown),
        done=base.done or (same and other.done),
        note=base.note or (other.note if same else ""),
        feedback=base.feedback or (other.feedback if same else ""),
        partner_feedback=base.partner_feedback or (other.partner_feedback if same else ""),
    )


def _merge_prompt_day(here: PromptDay, incoming: PromptDay) -> PromptDay:
    return replace(here, shown=_union(here.shown, incoming.shown))


def _after_rituals_here(store: Store, new: list[Ritual]) -> list[Ritual]:
    """An import's new rituals after those already here, in the file's order."""
    existing = store.rituals(include_archived=True)
    if not existing or not new:
        return new
    offset = max(r.position for r in existing) + 1 - min(r.position for r in new)
    return [replace(r, position=r.position + offset) for r in new]


class _Ticks:
    """The ticks' codec as the registry sees it: one tick, ``(ritual id, day)``, per entry (the data file keeps
    one document per ritual and year, :class:`~tui.storage.codecs.TicksCodec`, read by the index itself)."""

    fields = TickCodec.fields
    read = staticmethod(TickCodec.read)

    @staticmethod
    def doc(tick: tuple[str, date]) -> dict[str, Any]:
        return TickCodec.doc(*tick)


def _all_ticks(store: Store) -> list[tuple[str, date]]:
    return [(rid, day) for rid, days in store.ticks_by_ritual().items() for day in days]


def _tick_id(tick: tuple[str, date]) -> str:
    return f"{tick[0]}:{tick[1].isoformat()}"


# ---------------------------------------------------------------- the registry

KINDS: tuple[Kind, ...] = (
    Kind(
        "rituals",
        RitualCodec,
        attrgetter("id"),
        ("ritual", "rituals"),
        order=lambda r: (r.position, r.id),
        arrange=_after_rituals_here,
        sync=Sync("ritual", PERSONAL_FLAG),
    ),
    Kind(
        "ticks",
        _Ticks,
        lambda tick: tick,
        ("tick", "ticks"),
        days=lambda tick: (tick[1],),
        by_year=True,
        identity="the tick of",
        order=lambda tick: (tick[1], tick[0]),
        listing=_all_ticks,
        size=lambda store: store.tick_count(),
        lookup=lambda store, tick: tick if store.is_ticked(*tick) else None,
        save_all=lambda store, ticks: store.add_ticks(ticks),
        sync=Sync("tick", WITH_RITUAL, _tick_id),
    ),
    Kind(
        "gestures",
        GestureCodec,
        attrgetter("day"),
        ("gesture day", "gesture days"),
        days=lambda g: (g.day,),
        by_year=True,
        one_a_day=True,
        identity="the day",
        merge=merge_gesture_day,
        sync=Sync("gesture", PRIVATE, lambda g: g.day.isoformat()),
    ),
    Kind(
        "favourites", FavouriteCodec, lambda gesture_id: gesture_id, ("favourite", "favourites"), identity="the gesture"
    ),
    Kind(
        "notes",
        NoteCodec,
        attrgetter("id"),
        ("note", "notes"),
        days=lambda n: (n.day,),
        by_year=True,
        order=lambda n: (n.day, n.created, n.id),
        sync=Sync("note", ON_REQUEST),
    ),
    Kind(
        "answers",
        AnswerCodec,
        attrgetter("id"),
        ("answer", "answers"),
        days=lambda a: (a.day,),
        by_year=True,
        order=lambda a: (a.day, a.created, a.id),
        sync=Sync("answer", ON_REQUEST),
    ),
    Kind(
        "prompts",
        PromptDayCodec,
        attrgetter("day"),
        ("prompt day", "prompt days"),
        section="prompt_days",
        days=lambda p: (p.day,),
        by_year=True,
        one_a_day=True,
        identity="the day",
        merge=_merge_prompt_day,
    ),
    Kind(
        "grace",
        GraceCodec,
        attrgetter("id"),
        ("grace span", "grace spans"),
        days=lambda g: (g.start, g.end),
        order=lambda g: (g.start, g.id),
    ),
    Kind(
        "days",
        DayCodec,
        attrgetter("id"),
        ("day that matters", "days that matter"),
        days=lambda d: (d.day,) if d.end is None else (d.day, d.end),
        order=lambda d: (d.day, d.id),
        sync=Sync("day", SHARED_FLAG),
    ),
)

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
BY_SECTION: dict[str, Kind] = {kind.section: kind for kind in KINDS}
BY_SYNC: dict[str, Kind] = {kind.sync.kind: kind for kind in KINDS if kind.sync}
YEARLY: tuple[str, ...] = tuple(kind.name for kind in KINDS if kind.by_year)
"""Tables whose entries are dated and split by year ("ticks/2026")."""
