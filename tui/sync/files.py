"""Private folders and atomic writes for sync's own files."""

from __future__ import annotations

import json
from pathlib import Path

from tui.durable import (  # noqa: F401 - the same as the store's own files, part of this module's interface
    atomic_write,
    canonical_json,
    make_private_dir,
    write_json,
)

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any


def read_json(path: Path, default: Any = None) -> Any:
    """The JSON in ``path``, or ``default`` when the file does not exist."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return default
    return json.loads(raw.decode("utf-8"))
