"""The memories index (``history/.memories/``): past years' notes by month, so that the notes
written on this day in earlier years (``today``'s memories, the Today tab's) come from one small
file instead of a read of every past year's.

``MM.json`` holds, for each past year, the file it was taken from (inode, size, modification
time, as ``history/.checked`` names it) and that month's notes by day; ``years.json`` says which
file of each year is in the index, and which month files it wrote (a month file changed or lost since
means the index is made again). A year is added when it is read whole and checked anyway (at
an open that finds its file new or changed, and when a copy that could write closes); a year
whose file changed since is not taken from the index, and is read as before. Only a help, like
``.checked``: deleting the folder only makes memories slower until it is made again.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tui.durable import write_json
from tui.model import Note
from tui.storage.checked import identity
from tui.storage.codecs import NoteCodec
from tui.storage.files import HISTORY_DIR, read_plain_file

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MEMORIES_DIR = ".memories"
"""In ``history/``: the notes of past years by month (a cache)."""
_VERSION = 1


class Memories:
    """The memories index of one data folder: read a month, add years, save."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / HISTORY_DIR / MEMORIES_DIR
        self._months: dict[int, dict[str, Any]] = {}
        self._added: dict[int, tuple[list[int], dict[int, dict[str, list[Any]]]]] = {}
        self._years: dict[str, Any] | None = None

    def _read(self, name: str, part: str = "years") -> dict[str, Any]:
        try:
            raw = json.loads(read_plain_file(self.folder / name))
        except Exception:  # noqa: BLE001 - missing or not as written: nothing in the index
            return {}
        if not isinstance(raw, dict) or raw.get("version") != _VERSION or not isinstance(raw.get(part), dict):
            return {}
        return raw[part]

    def _month(self, month: int) -> dict[str, Any]:
        if month not in self._months:
            self._months[month] = self._read(f"{month:02d}.json")
        return self._months[month]

    def notes(self, year: int, file: list[int] | None, days: list[date]) -> list[Note] | None:
        """The notes of ``year`` written on ``days`` (all in one month), when the index holds the
        year's file ``file`` (its identity now); None when it does not (the caller reads the file)."""
        if file is None or not days:
            return None
        entry = self._month(days[0].month).get(str(year))
        if not isinstance(entry, dict) or entry.get("file") != file or not isinstance(entry.get("days"), dict):
            return None
        try:
            return [NoteCodec.trusted(doc) for day in days for doc in entry["days"].get(f"{day.day:02d}", [])]
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def holds(self, year: int, file: list[int] | None) -> bool:
        """Whether the index holds ``year`` as its file ``file`` is now."""
        return file is not None and self._listed().get(str(year)) == file

    def _listed(self) -> dict[str, Any]:
        """The years in the index: none when a month file is not the one written last."""
        if self._years is None:
            months = self._read("years.json", "months")
            whole = all(identity(self.folder / f"{m:02d}.json") == months.get(f"{m:02d}") for m in range(1, 13))
            self._years = self._read("years.json") if whole else {}
            if not whole:
                self._months = dict.fromkeys(range(1, 13), {})  # made again from the years added
        return self._years

    def add(self, year: int, file: list[int], tables: dict[str, Any]) -> None:
        """Add ``year``'s notes, from its tables as read and checked from the file ``file``.
        A year holding a note of another year's day is left out (memories read it whole)."""
        by_month: dict[int, dict[str, list[Any]]] = {}
        prefix = f"{year:04d}-"
        for doc in (tables.get(f"notes/{year}") or {}).values():
            day = doc.get("day") if isinstance(doc, dict) else None
            if not (isinstance(day, str) and len(day) == 10 and day.startswith(prefix)):
                return
            by_month.setdefault(int(day[5:7]), {}).setdefault(day[8:10], []).append(doc)
        self._added[year] = (file, by_month)

    def save(self) -> None:
        """Write the months the added years changed, then the list of years (never raises: a cache)."""
        if not self._added:
            return
        try:
            listed = dict(self._listed())
            for month in range(1, 13):
                years = dict(self._month(month))
                for year, (file, by_month) in self._added.items():
                    years[str(year)] = {"file": file, "days": by_month.get(month, {})}
                write_json(self.folder / f"{month:02d}.json", {"version": _VERSION, "years": years}, durable=False)
                self._months[month] = years
            listed.update({str(year): file for year, (file, _) in self._added.items()})
            months = {f"{m:02d}": identity(self.folder / f"{m:02d}.json") for m in range(1, 13)}
            index = {"version": _VERSION, "years": listed, "months": months}
            write_json(self.folder / "years.json", index, durable=False)
            self._years = listed
            self._added.clear()
        except OSError:
            pass
