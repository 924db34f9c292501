"""Merging an import: what a checked bundle would change in a store, and writing it.

:func:`plan_import` compares a bundle with a store and says what is new (a
:class:`Plan`); :func:`apply` writes a plan in one batch (all or nothing).
Importing the same file twice adds nothing: every entry has an identity
(rituals, notes, answers and grace spans by id; ticks by ritual and day;
gesture and prompt days by day; favourites by gesture id) and entries already
present are kept as they are, or merged as ``docs/data-format.md`` describes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tui.exchange.document import SECTIONS
from tui.exchange.reading import Bundle
from tui.model import Settings
from tui.record import replace
from tui.storage.kinds import KINDS, merge_gesture_day

if TYPE_CHECKING:
    from tui.storage import Store

__all__ = ["Plan", "apply", "merge_gesture_day", "plan_import"]


@dataclass
class Plan:
    """What an import would change in a store: the settings filled in, and each kind's new or
    merged entries by its export section (``plan.notes``)."""

    settings: Settings | None = None
    settings_filled: tuple[str, ...] = ()
    sections: dict[str, list[Any]] = field(default_factory=lambda: {name: [] for name in SECTIONS})
    already: int = 0
    """Entries of the file that were already present and changed nothing."""

    def __getattr__(self, name: str) -> list[Any]:
        sections = self.__dict__.get("sections", {})
        if name in sections:
            return sections[name]
        raise AttributeError(name)

    def changes(self) -> dict[str, int]:
        """How many entries each section adds or updates (non-zero only)."""
        return {name: len(found) for name, found in self.sections.items() if found}

    @property
    def empty(self) -> bool:
        return self.settings is None and not self.changes()


_FILLED = ("partner_name", "love_languages", "own_love_languages", "together", "welcomed", "theme")
"""The settings an import fills in when they are not set here."""


def plan_import(bundle: Bundle, store: Store) -> Plan:
    """Compare ``bundle`` with ``store``: what to add, what to merge.

    Nothing is written. See ``docs/data-format.md`` ("Merging") for the rules: an entry whose
    key is not here is added; one that is, is merged by its kind's rule
    (:data:`tui.storage.kinds.KINDS`) or kept as it is.
    """
    plan = Plan()
    local, incoming = store.settings(), bundle.settings
    filled = {name: getattr(incoming, name) for name in _FILLED if not getattr(local, name) and getattr(incoming, name)}
    if filled:
        plan.settings = replace(local, **filled)
        plan.settings_filled = tuple(filled)
    for kind in KINDS:
        new = []
        for entry in bundle.sections[kind.section]:
            here = kind.find(store, kind.key(entry))
            merged = entry if here is None else kind.merge(here, entry) if kind.merge else here
            if merged != here:
                new.append(merged)
            else:
                plan.already += 1
        plan.sections[kind.section] = kind.arrange(store, new) if kind.arrange else new
    return plan


def apply(plan: Plan, store: Store) -> None:
    """Write ``plan`` into ``store`` with one write; all or nothing."""
    if plan.empty:
        return
    with store.batch():
        if plan.settings is not None:
            store.save_settings(plan.settings)
        for kind in KINDS:
            found = plan.sections[kind.section]
            if kind.save_all:
                kind.save_all(store, found)
            else:
                for entry in found:
                    store.put(kind.name, entry)
