"""The status file, ``DATA/status``: the day's one line, kept by every write, read by prompts.

A prompt reads it on every Enter without starting Python, and ``micro-romance status`` reads
it without opening the store. Its format (UTF-8 text, one item a line, every value one clean
line)::

    2026-11-25                                  line 1: the day it is for (YYYY-MM-DD)
    2 rituals open · gesture: Leave a note      line 2: the line a prompt shows
    format=1                                    then key=value lines, in this order:
    open=2                                      rituals still open that day
    done=4                                      rituals kept that day
    total=6                                     rituals scheduled that day
    gesture_done=no                             yes or no
    grace=no                                    yes or no (a grace day: rituals rest)
    gesture=Leave a note in their coat pocket   the day's gesture, no final full stop
    partner=Alex                                the partner's name, or "your partner"
    coming=tomorrow: Sam's interview            the next day that matters and its countdown (may be empty)
    open_ritual=Evening walk                    one line per ritual still open, in order
    ritual=Morning coffee together              one line per ritual in use (not archived)
    version=0.1.0                               the app that wrote it
    stamp=...                                   what the data files were when it was written

A reader shows it only for the day it names (a prompt compares line 1 with ``date +%F``);
``micro-romance status`` also checks ``stamp`` against the data files, so a file that a write
outran (or an older copy of the app) is computed again rather than trusted. Written atomically,
0600, without fsync: it can always be computed again. Only ``os`` is imported for reading.
"""

from __future__ import annotations

import os

from tui.domain.status import DayStatus
from tui.filestamp import day_stamp

STATUS_NAME = "status"
FORMAT = "1"
MAX_BYTES = 64 * 1024
"""A status file larger than this is not read (it is not ours)."""


def status_path(data_dir: str | os.PathLike[str]) -> str:
    return os.path.join(os.fspath(data_dir), STATUS_NAME)


def data_stamp(data_dir: str | os.PathLike[str], day: str) -> str:
    """Identity of every file the day's status is computed from (inode, size, time), as one word list."""
    return day_stamp(os.fspath(data_dir), day)


def _clean(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def to_text(status: DayStatus, *, version: str, stamp: str) -> str:
    yes = {True: "yes", False: "no"}
    lines = [
        status.day,
        _clean(status.line()),
        f"format={FORMAT}",
        f"open={status.open}",
        f"done={status.done}",
        f"total={status.total}",
        f"gesture_done={yes[status.gesture_done]}",
        f"grace={yes[status.grace]}",
        f"gesture={_clean(status.gesture)}",
        f"partner={_clean(status.partner)}",
        f"coming={_clean(status.coming)}",
        *(f"open_ritual={_clean(name)}" for name in status.open_names),
        *(f"ritual={_clean(name)}" for name in status.rituals),
        f"version={_clean(version)}",
        f"stamp={stamp}",
    ]
    return "\n".join(lines) + "\n"


class StatusText:
    """A status file as read: the status, and what it was written from."""

    __slots__ = ("status", "version", "stamp")

    def __init__(self, status: DayStatus, version: str, stamp: str) -> None:
        self.status = status
        self.version = version
        self.stamp = stamp


def from_text(text: str) -> StatusText | None:
    """The file's contents, or None when it is not a status file this version reads."""
    lines = text.split("\n")
    if len(lines) < 3 or lines[2] != f"format={FORMAT}":
        return None
    day = lines[0]
    if len(day) != 10 or day[4] != "-" or day[7] != "-" or not (day[:4] + day[5:7] + day[8:]).isdigit():
        return None
    single: dict[str, str] = {}
    listed: dict[str, list[str]] = {"open_ritual": [], "ritual": []}
    for line in lines[3:]:
        key, sep, value = line.partition("=")
        if not sep:
            continue
        value = _clean(value)  # the file is only a cache: nothing in it reaches a terminal raw
        if key in listed:
            listed[key].append(value)
        else:
            single[key] = value
    try:
        status = DayStatus(
            day,
            open=int(single["open"]),
            done=int(single["done"]),
            total=int(single["total"]),
            gesture=single["gesture"],
            gesture_done=single["gesture_done"] == "yes",
            grace=single["grace"] == "yes",
            partner=single["partner"],
            open_names=tuple(listed["open_ritual"]),
            rituals=tuple(listed["ritual"]),
            coming=single.get("coming", ""),
        )
        return StatusText(status, single["version"], single["stamp"])
    except (KeyError, ValueError):
        return None


def read_status(data_dir: str | os.PathLike[str]) -> StatusText | None:
    """The status file, or None when it is missing, unreadable or not one."""
    try:
        fd = os.open(status_path(data_dir), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        data = os.read(fd, MAX_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        return None
    try:
        return from_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None


def current_status(data_dir: str | os.PathLike[str], day: str, version: str) -> DayStatus | None:
    """The status for ``day`` when the file holds it and the data has not changed since; else None."""
    found = read_status(data_dir)
    if found is None or found.status.day != day or found.version != version:
        return None
    if found.stamp != data_stamp(data_dir, day):
        return None
    return found.status


def write_status(data_dir: str | os.PathLike[str], status: DayStatus, *, version: str, stamp: str) -> bool:
    """Replace the status file (atomic, 0600, no fsync); False when the folder is missing or refuses.

    ``stamp`` is :func:`data_stamp` taken before the data was read: when the files changed since
    (a write outran this one), nothing is written and the newer writer's status stands.
    """
    folder = os.fspath(data_dir)
    if not os.path.isdir(folder) or data_stamp(folder, status.day) != stamp:
        return False
    from tui.durable import atomic_write

    try:
        atomic_write(
            _as_path(status_path(folder)), to_text(status, version=version, stamp=stamp).encode(), durable=False
        )
    except OSError:
        return False
    return True


def _as_path(path: str):  # noqa: ANN202 (pathlib only when writing)
    from pathlib import Path

    return Path(path)
