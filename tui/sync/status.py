"""What pairing reports: this device, the devices confirmed and waiting, problems, the last round.

Read by ``pair status`` (its lines and ``--json``) and the Together screen. A shared folder may hold
many keys nobody here is pairing with: every device showing a pairing code is listed, the others
only a few, the newest key first, then one line saying how many more (``--json`` lists them all).
A key's time is whatever whoever wrote it chose: one later than the reading counts as unknown, so a
key planted "in the future" cannot push a device that just joined out of the few listed.

While the folder is missing, nothing is said of whether a confirmed device has confirmed this one:
its key cannot be read, so that is not known (``--json``: ``confirmed_back`` is null).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime

from tui.format import one_line, plural, when
from tui.sync import handshake
from tui.sync.guard import FEW, few


@dataclass(frozen=True)
class Device:
    device: str
    name: str
    mine: bool = False
    code: str = ""
    note: str = ""  # why there is no code yet (waiting devices)
    both: bool = True  # confirmed devices: it has confirmed this one too (as last read: see Status.back)
    changed: int = field(default=0, compare=False)  # when its key.pub last changed (ns; 0: not known)


def more_waiting(count: int) -> str:
    """The line that stands for the waiting devices not listed."""
    return (
        f"and {plural(count, 'more device')} waiting without a pairing code "
        "(micro-romance pair status --json lists them all)"
    )


AHEAD_S = 600
"""Seconds a key's time may be ahead of this reading (another machine's clock, a sync tool's copy)
before it counts as unknown."""


@dataclass
class Status:
    paired: bool
    folder: str = ""
    folder_present: bool = False
    device: str = ""
    name: str = ""
    confirmed: list[Device] = field(default_factory=list)
    waiting: list[Device] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    last_round: str = ""
    skipped: list[str] = field(default_factory=list)
    read_at: int = field(default_factory=time.time_ns, compare=False, repr=False)  # the reading's time (ns)

    def back(self, device: Device) -> bool | None:
        """Whether a confirmed device has confirmed this one too; None (not known) while the folder is missing."""
        return device.both if self.folder_present else None

    def to_json(self) -> dict:
        def dev(d: Device) -> dict:
            out = {"device": d.device, "name": d.name, "mine": d.mine}
            if d.code:
                out["code"] = d.code
            if d.note:
                out["note"] = d.note
            return out

        return {
            "paired": self.paired,
            "folder": self.folder,
            "folder_present": self.folder_present,
            "device": self.device,
            "name": self.name,
            "confirmed": [{**dev(d), "confirmed_back": self.back(d)} for d in self.confirmed],
            "waiting": [dev(d) for d in self.waiting],
            "problems": self.problems,
            "last_round": self.last_round,
            "skipped": self.skipped,
        }

    @property
    def in_step(self) -> bool:
        """Some device confirmed, and every confirmed device has confirmed this one too."""
        return bool(self.confirmed) and all(d.both for d in self.confirmed)

    def same_name(self, device: Device) -> bool:
        return device.name.casefold() == self.name.casefold()

    def waiting_first(self) -> list[Device]:
        """The waiting devices as a person needs them: each showing a pairing code (one being paired
        with), then the others, the newest key first (in the order of their ids while times are unknown;
        a time later than the reading, give or take ``AHEAD_S``, is unknown)."""
        latest = self.read_at + AHEAD_S * 1_000_000_000
        others = sorted((d for d in self.waiting if not d.code), key=lambda d: -d.changed if d.changed <= latest else 0)
        return [d for d in self.waiting if d.code] + others

    def waiting_listed(self, limit: int = FEW) -> tuple[list[Device], int]:
        """The waiting devices listed (every one with a code, at most ``limit`` others) and how many are not."""
        first = self.waiting_first()
        listed = [d for d in first if d.code] + [d for d in first if not d.code][:limit]
        return listed, len(first) - len(listed)

    def waiting_lines(self) -> list[str]:
        """Each key waiting here and its pairing code, a line each (the code's line begins ``Pairing code: ``);
        past a few devices without a code, one line saying how many more."""
        lines = []
        listed, more = self.waiting_listed()
        for device in listed:
            lines.append(f"Waiting for confirmation: {one_line(device.name)}'s device {device.device}")
            if device.code:
                lines.append(f"Pairing code: {device.code}")
                if device.note:  # confirmed with an earlier version: asked again, with the new code
                    lines.append(f"That device was {one_line(device.note)}.")
            else:
                lines.append(f"No pairing code yet: {one_line(device.note)}")
            if self.same_name(device) and device.note != handshake.CHANGED:
                lines.append("That device has your name: confirm it with --mine only if it is one of your own devices.")
        if more:
            lines.append(more_waiting(more))
        return lines

    def lines(self, now: datetime) -> list[str]:
        """What ``pair status`` says of a paired device, a line each, with names and paths on one line;
        the last round's time in local words as of ``now`` (as the Together screen says it)."""
        present = "" if self.folder_present else " (missing: is the drive mounted?)"
        lines = [
            f"Folder: {one_line(str(self.folder))}{present}",
            f"This device: {one_line(self.name)} ({self.device})",
        ]
        for device in self.confirmed:
            mine = ", yours" if device.mine else ""
            back = "; waiting for it to confirm this device too" if self.back(device) is False else ""
            lines.append(f"Confirmed: {one_line(device.name)} ({device.device}{mine}){back}")
        if not self.confirmed:
            lines.append("Confirmed: no device yet")
        lines += self.waiting_lines()
        lines += [f"Problem: {problem}" for problem in few([one_line(problem) for problem in self.problems])]
        said = when(self.last_round, now) or one_line(self.last_round)
        lines.append(f"Last round: {said or 'none yet'}")
        lines += [f"Skipped: {skipped}" for skipped in few([one_line(skipped) for skipped in self.skipped])]
        return lines
