"""What the Together screen says (tui/screens/together.py): the words of each state and step.

Plain strings, without Textual; names and paths pass through ``one_line`` so a name or a
path never breaks a line or carries a terminal escape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.format import one_line

if TYPE_CHECKING:
    from tui.sync.pairing import Device, Status

INTRO = (
    "Share rituals, ticks and the notes you choose with your partner through a folder that your "
    "sync tool keeps in step (Syncthing, Dropbox, git). Entries are encrypted; only your public "
    "key and your name are plain. The first of you chooses Start, the other Join."
)
NO_KEY_YET = (
    "No other device's key has arrived here yet. Once your sync tool has copied the folder, your "
    "partner chooses Join on their machine (or runs micro-romance pair join FOLDER); the pairing "
    "code then shows here. This screen reads the folder every few seconds."
)
DEMO = "This is the demo, a throwaway copy: it cannot be paired. Start micro-romance without --demo to pair."
LEFT = "This device no longer shares. Nothing here was deleted; the shared folder was left as it is."


def sentence(text: str) -> str:
    """A message as one sentence: on one line, a capital first, a full stop last."""
    text = one_line(text)
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "…", "?", "!")) else f"{text}."


def compare_text(waiting: list[Device]) -> str:
    """What to do with the code(s) shown: compare, then type and confirm, or do not."""
    if len(waiting) == 1:
        who = one_line(waiting[0].name) or "your partner"
        return (
            f"Compare this code with the one {who}'s screen shows. If every digit is the same, type it "
            f"here and confirm; {who} confirms it there too. If it differs, do not confirm."
        )
    return (
        "Compare each code with the one on that device's screen. Type the code that is the same on "
        "both and confirm it; never confirm a code you have not seen on the other device."
    )


def begun_text(status: Status, *, join: bool) -> str:
    """What a start or join did, and what comes next."""
    if status.waiting:
        return "Your public key is in the folder, and a key is waiting here: compare its code below."
    if join:
        return (
            "Your public key is in the folder. No other device's key has arrived here yet; "
            "once your sync tool has copied it, the pairing code shows here."
        )
    return (
        "Your public key is in the folder. Once your sync tool has copied it, choose Join "
        "on your partner's machine; the pairing code then shows on both."
    )


def confirmed_text(device: Device) -> str:
    """What confirming a code did."""
    if device.mine:
        return f"Confirmed one of your own devices ({device.device}): it receives your private entries too."
    who = one_line(device.name)
    return (
        f"Confirmed {who}'s device ({device.device}). Shared entries now go to it; "
        f"{who} confirms the same code there if not done yet."
    )


def leave_question(folder: str) -> str:
    """What leaving does and does not do, asked before it is done."""
    where = one_line(folder) or "the shared folder"
    return (
        f"This device stops sharing through {where}. Nothing here is deleted: your entries, what "
        "your partner shared and this device's key stay, and the shared folder is left as it is."
    )
