"""The record of past years checked entry by entry (``history/.checked``).

A year's file is named with its identity (inode, size, modification time) and
the number of entries of each table. An open that finds the file unchanged
need not check it again; deleting the record only makes the next open slower.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

from tui.durable import write_json
from tui.storage.files import HISTORY_DIR, read_plain_file

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any

CHECKED_NAME = ".checked"
"""In ``history/``: what an earlier open checked (a cache; deleting it only makes the next open slower)."""
_VERSION = 1


def identity(path: Path) -> list[int] | None:
    """The file's inode, size and modification time; None unless a plain file."""
    try:
        info = path.lstat()
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return [info.st_ino, info.st_size, info.st_mtime_ns]


class Checked:
    """The record of checked past years: year -> (identity, entries per table)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / HISTORY_DIR / CHECKED_NAME
        self.years: dict[int, dict[str, Any]] = {}
        self.changed = False
        try:
            raw = json.loads(read_plain_file(self.path))
            if raw.get("version") == _VERSION:
                for year, record in raw["years"].items():
                    if isinstance(record.get("file"), list) and isinstance(record.get("tables"), dict):
                        self.years[int(year)] = record
        except Exception:  # noqa: BLE001 - a missing or odd record means: check again
            self.years = {}

    def still(self, year: int, path: Path) -> dict[str, int] | None:
        """The entries per table of ``year`` if its file is the one checked, else None."""
        record = self.years.get(year)
        if record is None or record["file"] != identity(path):
            return None
        return record["tables"]

    def note(self, year: int, path: Path, tables: dict[str, Any], read_from: list[int] | None) -> dict[str, int]:
        """Record ``tables`` as ``year``'s, checked, if ``path`` is still the file they were read
        from (``read_from``: its identity taken before reading); a file replaced since is not recorded."""
        counts = {name: len(table) for name, table in tables.items()}
        if read_from is not None and identity(path) == read_from:
            self.years[year] = {"file": read_from, "tables": counts}
            self.changed = True
        return counts

    def save(self) -> None:
        """Write the record if it changed (never raises: it is only a cache)."""
        if not self.changed:
            return
        years = {str(y): r for y, r in sorted(self.years.items())}
        try:
            write_json(self.path, {"version": _VERSION, "years": years})
            self.changed = False
        except OSError:
            pass
