"""A partner's documents, read back through the storage codecs as strictly as an import.

Every kind Together receives is checked field by field by the codec that writes it here
(unknown fields refused, texts checked as when typed); a document that fails is not kept,
and :class:`BadEntry` says which field is wrong.
"""

from __future__ import annotations

from pathlib import Path

from tui.model import GestureDay, Note, Ritual
from tui.storage.codecs import GestureCodec, NoteCodec, RitualCodec, SettingsCodec
from tui.storage.reader import Dialect, Reader

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any


class BadEntry(ValueError):
    """A partner's entry this device cannot keep (the message says which field)."""


class _RemoteDialect(Dialect):
    """A partner's entries are checked as strictly as an import."""

    strict = True
    field_word = "field "

    def __init__(self) -> None:
        super().__init__(Path("."))

    def error(self, message: str) -> Exception:
        return BadEntry(message)


def read_doc(codec: Any, kind: str, doc: dict[str, Any], fields: tuple[str, ...] | None = None) -> Any:
    """``doc`` read by ``codec`` (only ``fields`` allowed, the codec's own by default)."""
    return codec.read(Reader(_RemoteDialect(), kind, doc, codec.fields if fields is None else fields))


def read_ritual(doc: dict[str, Any]) -> Ritual:
    return read_doc(RitualCodec, "the ritual", doc)


def read_note(doc: dict[str, Any]) -> Note:
    return read_doc(NoteCodec, "the note", doc)


def read_gesture(doc: dict[str, Any]) -> GestureDay:
    return read_doc(GestureCodec, "the gesture day", doc)


def read_own_languages(doc: dict[str, Any]) -> tuple[str, ...]:
    """How the partner feels loved: the shared part of their settings (nothing else is allowed)."""
    return read_doc(SettingsCodec, "the love languages", doc, SettingsCodec.shared).own_love_languages


def text_field(doc: dict[str, Any], key: str) -> str:
    value = doc.get(key)
    if not isinstance(value, str) or not value:
        raise BadEntry(f"field {key!r} should be a text")
    return value
