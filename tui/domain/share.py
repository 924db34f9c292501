"""Sharing with the partner: a gratitude note as a message ready to send, and what marking an entry
to share says (the same in the full screen and the shell)."""

from __future__ import annotations

from tui.format import one_line

OPENER = "I was thinking about this today"
HEART = "♥"


def share_message(note_text: str, partner_name: str = "") -> str:
    """The note as a short message: "Alex, I was thinking about this today: <note> ♥".

    Without a partner's name the message starts with "I was thinking...". The
    note's words are kept exactly as written (only the surrounding blank space
    is trimmed), braces and brackets included.
    """
    name = partner_name.strip()
    opener = f"{name}, {OPENER}" if name else OPENER
    return f"{opener}: {note_text.strip()} {HEART}"


def marked_to_share(*, paired: bool, partner: str, named: str, to_pair: str, to_confirm: str) -> str:
    """What marking an entry to share says, wherever it is marked: when it reaches the partner.

    ``paired``: this device has started or joined a pair; ``partner``: the partner it has confirmed
    ("" while none is); ``named``: the partner's name in the settings (said first); ``to_pair`` and
    ``to_confirm``: how to take that step from where the person is (a command, a screen).
    """
    who = one_line(named) or one_line(partner) or "your partner"
    if not paired:
        return f"Marked to share: it goes to {who} once you pair ({to_pair})."
    if not partner:  # sent, but sealed for this person's own devices until the partner is confirmed
        return f"Marked to share: it goes to {who} once you both confirm the pairing code ({to_confirm})."
    return f"Marked to share: it goes to {who} with the next round of Together."
