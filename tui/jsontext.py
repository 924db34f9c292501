"""JSON text: written deterministic and safe to show in a terminal, read strictly."""

from __future__ import annotations

import json
import re
from functools import cache

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any


@cache
def _unsafe_in_json() -> re.Pattern[str]:
    """Characters a terminal may act on, or that a UTF-8 stream cannot carry; JSON can always spell them
    as \\uXXXX escapes, which read back to the same text. Compiled when first written (a command that
    only reads JSON, like done and gratitude, saves half a millisecond)."""
    return re.compile(r"[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def to_json(data: Any, *, indent: int | None = 2) -> str:
    """JSON text that is deterministic and safe to show in a terminal.

    Non-ASCII text stays readable; control characters (C0 by ``json`` itself,
    DEL and C1 here) and lone surrogates are written as ``\\uXXXX`` escapes,
    which read back as exactly the same text. Ends with a newline.
    """
    return safe(json.dumps(data, ensure_ascii=False, indent=indent)) + "\n"


def json_line(value: Any) -> str:
    """One JSON value on one line, terminal-safe (no trailing newline)."""
    return safe(json.dumps(value, ensure_ascii=False, separators=(", ", ": ")))


def safe(text: str) -> str:
    """``text`` (JSON) with what a terminal could act on spelled as escapes."""
    return _unsafe_in_json().sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class DuplicateKey(ValueError):
    """One JSON object names the same key twice (which copy is meant is unknowable)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return found


def loads(text: str) -> Any:
    """``json.loads`` that refuses an object naming a key twice (:class:`DuplicateKey`)."""
    return json.loads(text, object_pairs_hook=_pairs)
