"""The export document: everything a store holds as one plain, stable dict.

Described field by field in ``docs/data-format.md``. Lists are sorted and there
is no timestamp, so two exports of the same data are byte-identical. Each
entry is written by its codec (:mod:`tui.storage.codecs`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui import APP_NAME, __version__
from tui.jsontext import one_line
from tui.storage.codecs import (
    AnswerCodec,
    FavouriteCodec,
    GestureCodec,
    GraceCodec,
    NoteCodec,
    PromptDayCodec,
    RitualCodec,
    SettingsCodec,
    TickCodec,
)

if TYPE_CHECKING:
    from tui.storage import Store

FORMAT_VERSION = 1
"""The version of the export format this micro-romance writes and reads."""

SECTIONS = ("rituals", "ticks", "gestures", "favourites", "notes", "answers", "prompt_days", "grace")
"""The list sections of an export, in file order (after ``settings``)."""

CODECS: dict[str, Any] = {
    "rituals": RitualCodec,
    "ticks": TickCodec,
    "gestures": GestureCodec,
    "favourites": FavouriteCodec,
    "notes": NoteCodec,
    "answers": AnswerCodec,
    "prompt_days": PromptDayCodec,
    "grace": GraceCodec,
}

FIELDS: dict[str, tuple[str, ...]] = {
    "settings": SettingsCodec.exported,
    **{name: CODECS[name].fields for name in SECTIONS},
}
"""The fields of each part of an export."""


def export_data(store: Store) -> dict[str, Any]:
    """Everything the store holds, as the plain dict of the JSON export."""
    settings = SettingsCodec.doc(store.settings())
    ticks = sorted((day, rid) for rid, days in store.ticks_by_ritual().items() for day in days)
    return {
        "format_version": FORMAT_VERSION,
        "exported_with": f"{APP_NAME} {__version__}",
        "settings": {key: settings[key] for key in SettingsCodec.exported},
        "rituals": [
            RitualCodec.doc(r) for r in sorted(store.rituals(include_archived=True), key=lambda r: (r.position, r.id))
        ],
        "ticks": [TickCodec.doc(rid, day) for day, rid in ticks],
        "gestures": [GestureCodec.doc(g) for g in sorted(store.gesture_days(), key=lambda g: g.day)],
        "favourites": [FavouriteCodec.doc(gid) for gid in sorted(store.favourites())],
        "notes": [NoteCodec.doc(n) for n in sorted(store.notes(), key=lambda n: (n.day, n.created, n.id))],
        "answers": [AnswerCodec.doc(a) for a in sorted(store.answers(), key=lambda a: (a.day, a.created, a.id))],
        "prompt_days": [PromptDayCodec.doc(p) for p in sorted(store.prompt_days(), key=lambda p: p.day)],
        "grace": [GraceCodec.doc(g) for g in sorted(store.grace(), key=lambda g: (g.start, g.id))],
    }


def export_json(data: dict[str, Any]) -> str:
    """The export as text: one entry per line, so it reads and diffs well.

    Deterministic and terminal-safe, as :func:`tui.jsontext.to_json`.
    """
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            body = ",\n".join(f"    {one_line(entry)}" for entry in value)
            parts.append(f"  {one_line(key)}: [\n{body}\n  ]")
        else:
            parts.append(f"  {one_line(key)}: {one_line(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
