"""The export document: everything a store holds as one plain, stable dict.

Described field by field in ``docs/data-format.md``. Lists are sorted and there
is no timestamp, so two exports of the same data are byte-identical. Each
entry is written by its codec (:mod:`tui.storage.codecs`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui import APP_NAME, __version__
from tui.jsontext import json_line
from tui.storage.codecs import SettingsCodec
from tui.storage.kinds import BY_SECTION, KINDS

if TYPE_CHECKING:
    from tui.storage import Store

FORMAT_VERSION = 1
"""The version of the export format this micro-romance writes and reads."""

SECTIONS = tuple(kind.section for kind in KINDS)
"""The list sections of an export, in file order (after ``settings``): one per kind of entry."""

FIELDS: dict[str, tuple[str, ...]] = {
    "settings": SettingsCodec.exported,
    **{name: BY_SECTION[name].codec.fields for name in SECTIONS},
}
"""The fields of each part of an export."""


def export_data(store: Store) -> dict[str, Any]:
    """Everything the store holds, as the plain dict of the JSON export."""
    settings = SettingsCodec.doc(store.settings())
    return {
        "format_version": FORMAT_VERSION,
        "exported_with": f"{APP_NAME} {__version__}",
        "settings": {key: settings[key] for key in SettingsCodec.exported},
        **{kind.section: [kind.doc(entry) for entry in kind.all(store)] for kind in KINDS},
    }


def export_json(data: dict[str, Any]) -> str:
    """The export as text: one entry per line, so it reads and diffs well.

    Deterministic and terminal-safe, as :func:`tui.jsontext.to_json`.
    """
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            body = ",\n".join(f"    {json_line(entry)}" for entry in value)
            parts.append(f"  {json_line(key)}: [\n{body}\n  ]")
        else:
            parts.append(f"  {json_line(key)}: {json_line(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
