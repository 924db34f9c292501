"""The pairing's steps as the full screen takes them through the Host (``host.together.steps``).

Start, join, confirm, remove and leave, and reading the pairing with what a start or join would
take (the folder and the name used before): each is :mod:`tui.sync.pairing`'s own, on this
device's state folder. Each reads or writes the shared folder, which may sit on a slow or
vanished drive, so the caller runs them off the app's thread (the Together screen's worker,
tui/screens/together_work.py); the sync code loads only when a step is taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.sync.pairing import Device, Removed, Status


@dataclass(frozen=True)
class Reading:
    """What a reading of the pairing found: its status and what a start or join would take."""

    status: Status
    folder: str
    name: str


class PairingSteps:
    """The pairing steps of one device's state folder (DATA/sync)."""

    def __init__(self, state_dir: Path) -> None:
        self.state_dir = state_dir

    def read(self) -> Reading:
        """The pairing and the folder as they are now, and the folder and name a start would take."""
        from tui.sync import pairing

        folder, name = pairing.defaults(self.state_dir)
        return Reading(pairing.status(self.state_dir), folder, name)

    def begin(self, folder: Path, name: str, *, join: bool) -> Status:
        """Start (the first of the two) or join (the partner has started) through ``folder``."""
        from tui.sync import pairing

        return (pairing.join if join else pairing.start)(self.state_dir, folder, name)

    def confirm(self, code: str, *, mine: bool) -> Device:
        """Confirm the waiting device showing ``code``, the partner's or (``mine``) one's own."""
        from tui.sync import pairing

        return pairing.confirm(self.state_dir, code, mine=mine)

    def remove(self, device: str) -> Removed:
        """Turn a waiting device away, or remove a confirmed one."""
        from tui.sync import pairing

        return pairing.remove(self.state_dir, device)

    def leave(self) -> bool:
        """Stop sharing on this device (nothing local is deleted); True when it was paired."""
        from tui.sync import pairing

        return pairing.leave(self.state_dir)
