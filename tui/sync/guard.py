"""The one door for reading the shared folder: every byte in it is untrusted.

Anyone who can write into the shared folder (a cloud drive account, a third device on the
share, a stranger's app) can put anything there: links to other files or to ``/dev/zero``,
pipes that never answer, sparse files of many gigabytes, deeply nested or enormous JSON. So:

* a file is looked at with ``lstat`` first (a regular file, under the cap for its kind),
  then opened without following a link and without waiting (``O_NOFOLLOW | O_NONBLOCK``),
  checked again on the open descriptor (it may have been swapped in between), and read
  up to its cap, never more;
* a folder is opened the same way (a link is refused), and only a bounded number of its
  entries are looked at in one round;
* JSON is read with a depth limit checked before parsing (so no ``RecursionError``), no
  ``NaN`` or ``Infinity``, no float that overflows and no integer of more than 18 digits;
* an age file's header is checked on its bytes before the age library reads it (at most
  :data:`MAX_RECIPIENTS` recipients, ending within :data:`AGE_HEADER_CAP` bytes);
* whatever goes wrong is a :class:`Refused` with a short message, one per file.

A file that failed is not read again until its identity (inode, size, modification time)
changes: :class:`FileCache`.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

KEY_CAP = 4 * 1024
"""The largest ``key.pub`` read: a few public keys and a name fit in well under 1 KiB."""
LOG_CAP = 16 * 1024 * 1024
"""The largest log file read (a year of a partner's daily changes is about 400 KiB, in twelve files)."""
MIN_LOG = 64
"""An age file is never shorter than its header and one sealed chunk."""
MAX_DEVICES = 10_000
"""Device folders looked at in one round (two people with a few devices each need a handful)."""
MAX_FILES = 1_000
"""Log files (and conflict copies) of one device looked at in one round: twelve a year, and copies."""
MAX_SCAN = 250_000
"""Names of one folder read in one round at most (the lists above are taken from these)."""
MAX_DEPTH = 16
"""Nesting of JSON objects and lists; what micro-romance writes nests a few levels at most."""
MAX_INT_DIGITS = 18
"""An integer in JSON fits in 64 bits."""
MAX_RECIPIENTS = 16
"""Devices a log is sealed to at most: this device and the ones it confirmed."""
AGE_HEADER_CAP = 4 * 1024
"""Bytes an age header may take before its ``---`` line: a stanza per recipient is about 100."""
_AGE_FIRST = b"age-encryption.org/v1\n"

_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = _FLAGS | getattr(os, "O_DIRECTORY", 0)
_STRINGS = re.compile(rb'"(?:[^"\\\n]|\\.)*+"')
_NOT_BRACKETS = re.compile(rb"[^\[\]{}]+")

FileId = tuple[int, int, int]
"""What says a file changed: (inode, size, modification time in nanoseconds)."""


class Refused(Exception):
    """A file or folder of the shared folder that is not read (the message says why, briefly)."""


def file_id(st: os.stat_result) -> FileId:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "is a link; links are not followed"
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a pipe, not a file; not read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file; not read"
    return "is not a regular file; not read"


def check_file(path: Path, cap: int, floor: int = 0) -> os.stat_result:
    """``lstat`` of ``path``: :class:`Refused` unless a regular file of ``floor`` to ``cap`` bytes.

    ``FileNotFoundError`` passes through (a file gone between the listing and the look).
    """
    st = os.lstat(path)
    if not stat.S_ISREG(st.st_mode):
        raise Refused(_kind(st.st_mode))
    if st.st_size > cap:
        raise Refused(f"is {st.st_size:,} bytes, over the limit of {cap:,}; not read")
    if st.st_size < floor:
        raise Refused(f"is {st.st_size} bytes, too short to be what its name says; not read")
    return st


def _open(path: Path, flags: int, refused: tuple[int, ...], why: str) -> int:
    """``os.open(path, flags)``; :class:`Refused` (``why``) when it fails with an errno of ``refused``
    (what the flags make of a link swapped in since the check), else the ``OSError`` as raised."""
    try:
        return os.open(path, flags)
    except OSError as exc:
        if exc.errno in refused:
            raise Refused(why) from None
        raise


def read_file(path: Path, cap: int, floor: int = 0) -> tuple[bytes, FileId]:
    """The bytes of a regular file of at most ``cap`` bytes, and its identity; never blocks.

    :class:`Refused` for a link, a pipe, a device, a folder, a file over the cap or swapped
    while it was opened; ``FileNotFoundError`` when it is gone; other ``OSError`` as raised.
    """
    before = check_file(path, cap, floor)
    fd = _open(path, _FLAGS, (errno.ELOOP, errno.EMLINK), "is a link; links are not followed")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) != (before.st_dev, before.st_ino):
            raise Refused("was replaced while it was read; read again next round")
        if st.st_size > cap:
            raise Refused(f"is {st.st_size:,} bytes, over the limit of {cap:,}; not read")
        chunks, left = [], cap + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > cap:
            raise Refused(f"grew over the limit of {cap:,} bytes while it was read; not read")
        return data, file_id(st)
    finally:
        os.close(fd)


def check_dir(path: Path) -> None:
    """:class:`Refused` unless ``path`` is a real folder (a link to one is refused); missing passes through."""
    st = os.lstat(path)
    if not stat.S_ISDIR(st.st_mode):
        raise Refused(_kind(st.st_mode))


def list_dir(
    path: Path, keep: Callable[[str], bool] = lambda name: True, limit: int = MAX_SCAN
) -> tuple[list[tuple[str, bool]], bool]:
    """(name, is a real folder) of the entries of the folder ``path`` whose name ``keep`` takes,
    in the folder's order, and whether every entry was seen (at most ``limit`` are, so a folder of
    millions of names costs a bounded time); nothing is opened or followed (a link to a folder is
    listed as not a folder). The caller looks at a bounded number of them.

    :class:`Refused` when ``path`` is a link or not a folder; ``FileNotFoundError`` when missing.
    """
    check_dir(path)
    fd = _open(path, _DIR_FLAGS, (errno.ELOOP, errno.ENOTDIR), "is a link or not a folder; not followed")
    found: list[tuple[str, bool]] = []
    seen = 0
    try:
        with os.scandir(fd) as entries:
            for entry in entries:
                seen += 1
                if seen > limit:
                    return found, False
                if not keep(entry.name):
                    continue
                try:
                    is_dir = entry.is_dir(follow_symlinks=False)
                except OSError:
                    is_dir = False
                found.append((entry.name, is_dir))
    finally:
        os.close(fd)
    return found, True


# --------------------------------------------------------------------------- JSON with limits


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number here")


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"a number of {len(text)} digits is too large")
    return int(text)


def _float(text: str) -> float:
    if len(text) > 40:
        raise ValueError("a number written with too many digits")
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large a number")
    return value


def depth(data: bytes, limit: int = MAX_DEPTH) -> int:
    """How deep the objects and lists of a JSON text nest (brackets inside strings not counted);
    counting stops once past ``limit``."""
    bare = _NOT_BRACKETS.sub(b"", _STRINGS.sub(b"", data))
    deepest = level = 0
    for byte in bare:
        if byte in b"[{":
            level += 1
            if level > deepest:
                deepest = level
                if deepest > limit:
                    break
        elif level:
            level -= 1  # never below zero: a line closing too much hides nothing on the next
    return deepest


def loads(data: bytes, max_depth: int = MAX_DEPTH, *, depth_checked: bool = False) -> Any:
    """JSON from untrusted bytes, with limits; ``ValueError`` (one short line) when refused.

    ``depth_checked``: the caller measured the depth of a text holding ``data`` already.
    """
    # No deeper than its opening brackets are many (those in strings counted too): most texts stop here.
    shallow = depth_checked or data.count(b"[") + data.count(b"{") <= max_depth
    if not shallow and depth(data, max_depth) > max_depth:
        raise ValueError(f"nested more than {max_depth} levels deep")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("is not UTF-8 text") from None
    try:
        return json.loads(text, parse_constant=_constant, parse_int=_int, parse_float=_float)
    except json.JSONDecodeError as exc:
        raise ValueError(f"is not JSON ({exc.msg} at character {exc.pos})") from None
    except RecursionError:  # not reached: the depth is checked first
        raise ValueError(f"nested more than {max_depth} levels deep") from None


# --------------------------------------------------------------------------- age headers


def age_header(data: bytes) -> None:
    """:class:`Refused` unless ``data`` starts with an age header as micro-romance writes one: the
    version line, at most one stanza per recipient (and age's one "grease" stanza), then the
    ``---`` line, all within :data:`AGE_HEADER_CAP` bytes. Checked in Python on the bytes before
    the age library sees them: its cost grows with the square of the stanzas, and it holds the
    interpreter while it runs."""
    if not data.startswith(_AGE_FIRST):
        raise Refused("is not an age file")
    end = data.find(b"\n--- ", 0, AGE_HEADER_CAP)
    stanzas = data.count(b"\n-> ", 0, end if end >= 0 else AGE_HEADER_CAP)
    if stanzas > MAX_RECIPIENTS + 1:
        raise Refused(f"names more recipients than the {MAX_RECIPIENTS} a log is sealed to at most")
    if end < 0:
        raise Refused(f"has an age header longer than {AGE_HEADER_CAP:,} bytes")
    if not stanzas:
        raise Refused("names no recipient")


# --------------------------------------------------------------------------- the failure cache


class FileCache:
    """What came of reading a file, by path and context, with the identity the file had then:
    the same file (inode, size, modification time) is not read again. Bounded; thread-safe."""

    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit
        self._held: dict[tuple[str, str], tuple[FileId, Any]] = {}
        self._lock = threading.Lock()

    def get(self, path: Path, context: str, ident: FileId) -> Any:
        """What was kept for the file if it is the same as then, else None."""
        with self._lock:
            held = self._held.get((str(path), context))
        if held is None or held[0] != ident:
            return None
        return held[1]

    def put(self, path: Path, context: str, ident: FileId, value: Any) -> None:
        with self._lock:
            key = (str(path), context)
            if key not in self._held and len(self._held) >= self.limit:
                self._held.pop(next(iter(self._held)))
            self._held[key] = (ident, value)

    def clear(self) -> None:
        with self._lock:
            self._held.clear()


def reason(exc: BaseException) -> str:
    """One short line for what went wrong while reading a file."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = " ".join(str(exc).split())
    if not text:
        return type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


FEW = 5
"""Lines of one sort (problems, files skipped, devices waiting without a code) listed before "and N more"."""


def few(lines: list[str], limit: int = FEW, more: str = "micro-romance pair status --json") -> list[str]:
    """At most ``limit`` lines, then one saying how many more there are and where to see them all."""
    if len(lines) <= limit:
        return list(lines)
    return [*lines[:limit], f"and {len(lines) - limit} more ({more} lists them all)"]
