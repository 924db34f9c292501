"""Private folders and atomic writes for sync's own files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tui.durable import atomic_write, make_private_dir  # the same as the store's own files


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents, each 0700) with mode 0700, tightening it if it exists."""
    make_private_dir(path)
    return path


def canonical_json(value: Any) -> bytes:
    """One encoding for one value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def read_json(path: Path, default: Any = None) -> Any:
    """The JSON in ``path``, or ``default`` when the file does not exist."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return default
    return json.loads(raw.decode("utf-8"))


def write_json(path: Path, value: Any, *, durable: bool = True) -> None:
    private_dir(path.parent)
    atomic_write(path, canonical_json(value), durable=durable)
