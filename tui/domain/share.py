"""Turning a gratitude note into a message ready to send to the partner."""

from __future__ import annotations

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
