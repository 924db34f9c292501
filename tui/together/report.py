"""What a round of Together did, as the screens and the commands tell it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RoundReport:
    """One round: entries received and written here, changes sent, what was skipped and why."""

    received: int = 0
    """The partner's entries written into the store."""
    sent: int = 0
    """This device's changes now in the shared folder."""
    skipped: list[str] = field(default_factory=list)
    """Files or entries not kept, one line each (shown by ``pair status``)."""
    waiting: int = 0
    """Devices waiting for this person to confirm them."""
    confirmed: int = 0
    """Other devices this one trusts."""
