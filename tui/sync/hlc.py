"""A hybrid logical clock: the change stamp that orders changes the same way everywhere.

A :class:`Stamp` is (wall milliseconds, counter, device id), compared in that order, so
any two stamps are ordered and two devices never make the same stamp. The clock never
goes backwards: a stamp is always above every stamp this device has made or seen, even
when this machine's clock is hours behind the partner's (it then runs on the counter
until the wall clock catches up) or jumps back. Its state is kept in a small JSON file
so a restart does not go back either: the file holds a mark a minute ahead of the last
stamp, rewritten only when stamps pass it, so a tick rarely touches the disk and a
restarted clock starts above every stamp it made before.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tui.sync.files import read_json, write_json

RESERVE_MS = 60_000
AHEAD_MS = 24 * 60 * 60 * 1000
"""How far ahead of this device's clock another device's stamp may be: more is refused (a day)."""
MAX_COUNTER = 10**9
"""The largest counter accepted from another device: a clock ticks this often in one millisecond
only if something is wrong, and a counter past 12 digits cannot be written in a stamp."""
_LAST_COUNTER = 10**12 - 1
_STAMP = re.compile(r"^(\d{13})-(\d{6,12})-([0-9a-z]{1,64})$")
_LAST_WALL = 10**13 - 1  # the last millisecond a stamp can say (in the year 2286)
DEVICE_ID = re.compile(r"^[0-9a-z]{1,64}$")


@dataclass(frozen=True, order=True)
class Stamp:
    wall: int
    counter: int
    device: str

    def __str__(self) -> str:
        return self.text

    @functools.cached_property
    def text(self) -> str:
        return f"{self.wall:013d}-{self.counter:06d}-{self.device}"

    @classmethod
    def parse(cls, text: object) -> Stamp:
        """The stamp written as ``text``; ``ValueError`` says what is wrong."""
        match = _STAMP.match(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"not a change stamp: {text!r}")
        return cls(int(match[1]), int(match[2]), match[3])


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


class Clock:
    """The clock of one device; ``path`` (optional) keeps its state across restarts."""

    def __init__(self, device: str, path: Path | None = None, *, now: Callable[[], int] = wall_ms) -> None:
        if not DEVICE_ID.match(device):
            raise ValueError(f"not a device id: {device!r}")
        self.device = device
        self.path = path
        self._now = now
        self.wall = 0
        self.counter = 0
        self._saved = (0, 0)
        if path is not None:
            state = read_json(path, {}) or {}
            wall, counter = state.get("wall", 0), state.get("counter", 0)
            # A mark no stamp can be written with (pushed there by an older version) is dropped.
            if isinstance(wall, int) and isinstance(counter, int) and 0 <= wall <= _LAST_WALL and 0 <= counter < 10**12:
                self.wall, self.counter = wall, counter
                self._saved = (wall, counter)

    @property
    def last(self) -> Stamp:
        return Stamp(self.wall, self.counter, self.device)

    def tick(self) -> Stamp:
        """A new stamp for a change made here, above everything made or seen; saved."""
        now = self._now()
        if now > self.wall:
            self.wall, self.counter = now, 0
        elif self.counter >= _LAST_COUNTER:  # the counter's digits are all used: carry into the wall
            self.wall, self.counter = self.wall + 1, 0
        else:
            self.counter += 1
        self.save()
        return self.last

    def now(self) -> int:
        """This machine's time, in milliseconds."""
        return self._now()

    def too_far_ahead(self, stamp: Stamp) -> bool:
        """True for a stamp more than :data:`AHEAD_MS` ahead of this machine's time, or whose
        counter is over :data:`MAX_COUNTER`."""
        return stamp.counter > MAX_COUNTER or stamp.wall > self._now() + AHEAD_MS

    def observe(self, stamp: Stamp) -> bool:
        """Move past a stamp seen from another device (kept in memory until :meth:`save`).

        A stamp more than a day ahead of this machine's time, or with a counter over
        :data:`MAX_COUNTER`, moves nothing (False): no device can drag this clock into the
        future or past what its stamps can say."""
        if self.too_far_ahead(stamp):
            return False
        if (stamp.wall, stamp.counter) > (self.wall, self.counter):
            self.wall, self.counter = stamp.wall, stamp.counter
        return True

    def save(self) -> None:
        """Keep a mark above the last stamp (written only when stamps have passed the old one)."""
        # At the mark itself is fine too: a clock read back from the mark ticks above it.
        if self.path is None or (self.wall, self.counter) <= self._saved:
            return
        mark = (self.wall + RESERVE_MS, 0)
        write_json(self.path, {"wall": mark[0], "counter": mark[1]})
        self._saved = mark
