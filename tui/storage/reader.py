"""Reading an untrusted document: which entry, which field, what is wrong.

A :class:`Reader` checks one document for a codec; a :class:`Dialect` gives it
its wording and strictness. The data file's dialect is this module's own; the
import brings a stricter one (ids, choices, the text people wrote, day spelling).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from pathlib import Path

from tui.errors import DataFileError
from tui.model import day_out_of_range
from tui.text import TextError, tidy

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any

MAX_ID_CHARS = 80


@cache
def _id() -> re.Pattern[str]:  # compiled when first needed: reading our own files never needs it
    return re.compile(r"[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff]+")


@cache
def _day() -> re.Pattern[str]:
    return re.compile(r"\d{4}-\d{2}-\d{2}")


_NONE = type(None)


class Dialect:
    """How the data file's reader words a problem (the import has its own)."""

    strict = False
    """Check ids, choices, text and day spelling too (an import does)."""
    field_word = "the field "

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, message: str) -> Exception:
        return DataFileError(self.path, message)

    def not_object(self, where: str, doc: Any) -> str:
        return f"{where}: it is not an object"

    def unknown_field(self, where: str, name: str) -> str:
        return f"{where} has a field micro-romance does not know: '{name}'"

    def kind_name(self, kind: type | tuple[type, ...]) -> str:
        names = {str: "text", int: "a number", bool: "true or false", list: "a list", dict: "an object"}
        kinds = kind if isinstance(kind, tuple) else (kind,)
        return " or ".join(names.get(k, "empty") for k in kinds)

    def show(self, value: Any) -> str:
        return json.dumps(value)[:40]

    def show_day(self, value: Any) -> str:
        return repr(value)


class Reader:
    """Checks one document's fields and says exactly where a problem is."""

    def __init__(self, dialect: Dialect, where: str, doc: Any, fields: Iterable[str] = ()) -> None:
        self.dialect = dialect
        self.strict = dialect.strict
        self.where = where
        if not isinstance(doc, dict):
            raise dialect.error(dialect.not_object(where, doc))
        if dialect.strict:
            unknown = sorted(set(doc) - set(fields))
            if unknown:
                raise dialect.error(dialect.unknown_field(where, unknown[0]))
        self.doc: dict[str, Any] = doc

    def fail(self, problem: str) -> None:
        raise self.dialect.error(f"{self.where}: {problem}")

    def field_fail(self, key: str, problem: str) -> None:
        raise self.dialect.error(f"{self.where}: {self.dialect.field_word}'{key}' {problem}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
        if key not in self.doc:
            if default is ...:
                self.field_fail(key, "is missing")
            return default
        value = self.doc[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float)):
            self.field_fail(key, f"should be {self.dialect.kind_name(kind)}, not {self.dialect.show(value)}")
        if self.strict:
            return value  # an import's own checks clean the text they accept
        if isinstance(value, str):
            return tidy(value)  # nothing read from the data file reaches a terminal raw
        if isinstance(value, list):
            return [tidy(item) if isinstance(item, str) else item for item in value]
        return value

    def text(self, key: str, check: Callable[[str], str] | None = None, default: Any = ...) -> str:
        value = self.get(key, str, default)
        if self.strict and check is not None:
            try:
                return check(value)
            except TextError as exc:
                self.field_fail(key, f"cannot be used: {exc}")
        return value

    def ident(self, key: str) -> str:
        value = self.get(key, str)
        if self.strict and (len(value) > MAX_ID_CHARS or not _id().fullmatch(value)):
            self.field_fail(key, f"should be a short id without spaces, not {self.dialect.show(value)}")
        return value

    def day(self, key: str, default: Any = ...) -> date | None:
        kind = (str, _NONE) if default is None or not self.strict else str
        value = self.get(key, kind, default)
        if value is not None and (not self.strict or _day().fullmatch(value)):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                pass
            else:
                problem = day_out_of_range(day) if self.strict else ""
                if problem:
                    self.field_fail(key, f"cannot be used: {problem}")
                return day
        elif value is None and default is None:
            return None
        self.field_fail(key, f"should be a date like 2026-01-31, not {self.dialect.show_day(value)}")
        raise AssertionError  # unreachable

    def required_day(self, key: str) -> date:
        day = self.day(key)
        assert day is not None
        return day

    def strings(self, key: str, default: Any = ...) -> tuple[str, ...]:
        value = self.get(key, list, default)
        if not all(isinstance(item, str) for item in value):
            self.field_fail(key, "should be a list of text")
        return tuple(value)

    def ids(self, key: str) -> tuple[str, ...]:
        if not self.strict:
            return self.strings(key, [])
        values = self.get(key, list, [])
        for value in values:
            if not isinstance(value, str) or len(value) > MAX_ID_CHARS or not _id().fullmatch(value):
                self.field_fail(key, f"should be a list of short ids, but holds {self.dialect.show(value)}")
        return tuple(values)

    def choice(self, key: str, choices: Iterable[str]) -> str:
        value = self.get(key, str, "")
        if self.strict and value and value not in choices:
            known = ", ".join(f"'{c}'" for c in choices if c)
            self.field_fail(key, f"should be one of {known}, not {self.dialect.show(value)}")
        return value

    def members(self, key: str, allowed: Iterable[str]) -> tuple[str, ...]:
        """A list of distinct names from ``allowed`` (checked when strict)."""
        if not self.strict:
            return self.strings(key, [])
        values = self.get(key, list, [])
        for value in values:
            if not isinstance(value, str) or value not in allowed:
                known = ", ".join(f"'{k}'" for k in allowed)
                self.field_fail(key, f"should list some of {known}, but holds {self.dialect.show(value)}")
        if len(set(values)) != len(values):
            self.field_fail(key, "names a love language twice")
        return tuple(values)
