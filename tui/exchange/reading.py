"""Reading an import: the bytes of an export turned into checked entries.

:func:`parse` checks the whole file through the same codecs as the data file
(:mod:`tui.storage.codecs`), with a stricter :class:`ImportDialect`: ids,
choices and the text people wrote are checked and cleaned (:mod:`tui.text`).
The first problem raises :class:`ImportProblem` naming the entry and field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tui import APP_NAME
from tui.exchange.document import FIELDS, FORMAT_VERSION, SECTIONS
from tui.jsontext import DuplicateKey, loads
from tui.model import Settings
from tui.storage.codecs import SettingsCodec
from tui.storage.kinds import BY_SECTION
from tui.storage.reader import Dialect, Reader
from tui.text import clean


class ImportProblem(ValueError):
    """An import file that cannot be used; the message says what and where."""


_KINDS: dict[Any, str] = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "an object",
    (str, type(None)): "a date like 2026-01-31 or null",
}


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(_short(value))
    return _short(json.dumps(value, ensure_ascii=False))


class ImportDialect(Dialect):
    """An import's wording: "entry 3 of 'notes': field 'day' ..."; strict checks."""

    strict = True
    field_word = "field "

    def __init__(self) -> None:
        pass

    def error(self, message: str) -> Exception:
        return ImportProblem(message)

    def not_object(self, where: str, doc: Any) -> str:
        return f"{where} should be an object, not {_show(doc)}"

    def unknown_field(self, where: str, name: str) -> str:
        return f"{where} has a field micro-romance does not know: '{_short(name)}'"

    def kind_name(self, kind: type | tuple[type, ...]) -> str:
        return _KINDS[kind]

    def show(self, value: Any) -> str:
        return _show(value)

    def show_day(self, value: Any) -> str:
        return _show(value)


@dataclass
class Bundle:
    """The checked entries of one import file: the settings, and each kind's by its export section
    (``bundle.notes``, as :data:`tui.storage.kinds.KINDS` names them)."""

    settings: Settings = field(default_factory=Settings)
    sections: dict[str, list[Any]] = field(default_factory=lambda: {name: [] for name in SECTIONS})

    def __getattr__(self, name: str) -> list[Any]:
        sections = self.__dict__.get("sections", {})
        if name in sections:
            return sections[name]
        raise AttributeError(name)

    def size(self) -> int:
        return sum(len(found) for found in self.sections.values())


def decode(raw: bytes) -> Any:
    """The JSON value in ``raw`` (UTF-8, a leading BOM allowed)."""
    if not raw.strip():
        raise ImportProblem("the file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(f"the file is not UTF-8 text (byte {exc.start})") from None
    try:
        return loads(text)
    except DuplicateKey as exc:
        raise ImportProblem(f"one of the file's objects names the key {_show(exc.key)} twice") from None
    except json.JSONDecodeError as exc:
        raise ImportProblem(f"the file is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ImportProblem("the file is nested too deeply to be an export") from None
    except ValueError:  # an integer longer than Python reads from text
        raise ImportProblem("the file holds a number with more digits than micro-romance reads") from None


def parse(raw: bytes) -> Bundle:
    """Check an export file completely; raise ImportProblem at the first problem."""
    data = decode(raw)
    if not isinstance(data, dict):
        raise ImportProblem(f"the file holds JSON, but not a {APP_NAME} export (it is not an object)")
    if "format_version" not in data:
        raise ImportProblem(f"the file holds JSON, but not a {APP_NAME} export (no 'format_version')")
    version = data["format_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportProblem(f"'format_version' should be a whole number like 1, not {_show(version)}")
    if version > FORMAT_VERSION:
        raise ImportProblem(
            f"the file was exported by a newer {APP_NAME} (format {version}; this one reads up to "
            f"{FORMAT_VERSION}). Upgrade {APP_NAME} to import it"
        )
    known = {"format_version", "exported_with", "settings", *SECTIONS}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ImportProblem(f"the file has a section {APP_NAME} does not know: '{_short(unknown[0])}'")
    if not isinstance(data.get("exported_with", ""), str):
        raise ImportProblem(f"'exported_with' should be text, not {_show(data['exported_with'])}")

    dialect = ImportDialect()
    bundle = Bundle()
    if "settings" in data:
        bundle.settings = SettingsCodec.read(Reader(dialect, "'settings'", data["settings"], FIELDS["settings"]))
    for name in SECTIONS:
        entries = data.get(name, [])
        if not isinstance(entries, list):
            raise ImportProblem(f"'{name}' should be a list of entries, not {_show(entries)}")
        kind = BY_SECTION[name]
        seen: dict[Any, int] = {}
        found = bundle.sections[name]
        for number, doc in enumerate(entries, start=1):
            where = f"entry {number} of '{name}'"
            item = kind.codec.read(Reader(dialect, where, doc, FIELDS[name]))
            ident = kind.key(item)
            if ident in seen:
                raise ImportProblem(
                    f"{where}: {kind.identity} {_show_key(ident)} appears twice (also entry {seen[ident]})"
                )
            seen[ident] = number
            found.append(item)
    return bundle


def _show_key(key: Any) -> str:
    if isinstance(key, tuple):
        return " on ".join(_show_key(part) for part in key)
    if isinstance(key, date):
        return key.isoformat()
    return repr(key)
