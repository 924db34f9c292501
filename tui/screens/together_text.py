"""What the Together screen says (tui/screens/together.py): the words of each state and step.

Plain strings, without Textual; names and paths pass through ``one_line`` so a name or a
path never breaks a line or carries a terminal escape. Times are said in words ("3 minutes
ago", "today at 15:44"), and a device id only where two devices share a name.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from tui.format import one_line, when

if TYPE_CHECKING:
    from tui.sync.pairing import Device, Status

INTRO = (
    "Share rituals, ticks and the notes you choose with your partner through a folder that your "
    "sync tool keeps in step (Syncthing, Dropbox, git). Entries are encrypted; only your public "
    "keys and your name are plain. The first of you chooses Start, the other Join."
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


def _label(device: Device, status: Status) -> str:
    """A device's name, with its id only when another device here has the same name."""
    names = [d.name.casefold() for d in (*status.confirmed, *status.waiting)] + [status.name.casefold()]
    name = one_line(device.name)
    return f"{name} ({device.device})" if names.count(device.name.casefold()) > 1 else name


def device_label(device: Device, status: Status) -> str:
    """How a device is named on the screen and in its dialogs: "Sam's device" (with its id only when needed)."""
    return f"{_label(device, status)}'s device"


def status_lines(status: Status, now: datetime) -> list[str]:
    """What the screen says of a paired device, a line each (the code itself is shown beside its buttons);
    the waiting devices as ``pair status`` lists them: each with a code, a few others, how many more."""
    from tui.sync.guard import few
    from tui.sync.status import more_waiting

    present = "" if status.folder_present else " (missing: is the drive mounted?)"
    twin = any(d.name.casefold() == status.name.casefold() for d in (*status.confirmed, *status.waiting))
    me = f"{one_line(status.name)} ({status.device})" if twin else one_line(status.name)
    lines = [f"Folder: {one_line(status.folder)}{present}", f"This device: {me}"]
    for device in status.confirmed:
        mine = ", one of yours" if device.mine else ""
        behind = status.back(device) is False  # not known while the folder is missing: nothing said
        back = f"; waiting for {one_line(device.name)} to confirm this device too" if behind else ""
        lines.append(f"Confirmed: {_label(device, status)}{mine}{back}")
    if not status.confirmed:
        lines.append("Confirmed: no device yet")
    listed, more = status.waiting_listed()
    lines += [f"Waiting: {device_label(device, status)}" for device in listed]
    if more:
        lines.append(more_waiting(more))
    lines += [f"Problem: {problem}" for problem in few([one_line(p) for p in status.problems])]
    said = when(status.last_round, now) or one_line(status.last_round)
    lines.append(f"Last round: {said or 'none yet'}")
    lines += [f"Skipped: {skipped}" for skipped in few([one_line(s) for s in status.skipped])]
    return lines


def subject(status: Status) -> Device | None:
    """The waiting device the screen asks about: the first with a code, else the newest key."""
    return next(iter(status.waiting_first()), None)


def compare_text(device: Device, status: Status) -> str:
    """What to do with the code shown (or why there is none yet), and the code on a line of its own."""
    who = device_label(device, status)
    if not device.code:
        return (
            f"{who} is waiting. No pairing code yet: {one_line(device.note)}. "
            "If it is not one of yours or your partner's, choose Not us."
        )
    note = f" ({one_line(device.note)})" if device.note else ""
    return (
        f"{who} is waiting{note}. Read this code aloud together, or compare it with the one on that "
        "screen. If every digit is the same, choose They match; if not, choose Not us.\n"
        f"Pairing code: {device.code}"
    )


def whose_question(device: Device, status: Status) -> tuple[str, str]:
    """The title and words of the question asked when the codes match: whose device is it?"""
    name = one_line(device.name)
    same = device.name.casefold() == status.name.casefold()
    hint = " It has your name: say whether it is your own device or your partner's." if same else ""
    return (
        "The codes match: whose device is it?",
        f"Confirm {device_label(device, status)} as your partner's, or as one of your own devices "
        f"(which also receives your private notes).{hint} {name} confirms the same code there too.",
    )


def not_us_question(device: Device, status: Status) -> tuple[str, str]:
    """The title and words of the question asked before turning a waiting device away."""
    return (
        f"Turn away {device_label(device, status)}?",
        "It is never encrypted to and nothing from it is read. It is not listed again unless its key changes.",
    )


def remove_question(device: Device, status: Status) -> tuple[str, str]:
    """The title and words of the question asked before removing a confirmed device."""
    what = "your private notes and shared entries" if device.mine else "shared entries"
    return (
        f"Remove {device_label(device, status)}?",
        f"Nothing new goes to it ({what}), and nothing it writes is read; this device's files are "
        "written again without it. What it already read, it keeps.",
    )


def begun_text(status: Status, *, join: bool) -> str:
    """What a start or join did, and what comes next."""
    if any(d.code for d in status.waiting):
        return "Your public keys are in the folder, and a device is waiting here: compare its code below."
    if status.waiting:
        return (
            "Your public keys are in the folder. The pairing code shows once the other device has read "
            "the folder too (it does so every few seconds while this screen is open there)."
        )
    if join:
        return (
            "Your public keys are in the folder. No other device's key has arrived here yet; "
            "once your sync tool has copied it, the pairing code shows here."
        )
    return (
        "Your public keys are in the folder. Once your sync tool has copied them, choose Join "
        "on your partner's machine; the pairing code then shows on both."
    )


def confirmed_text(device: Device, status: Status | None = None) -> str:
    """What confirming a device did."""
    label = device_label(device, status) if status is not None else f"{one_line(device.name)}'s device"
    if device.mine:
        return f"Confirmed {label} as one of your own: it receives your private entries too."
    who = one_line(device.name)
    return f"Confirmed {label}. Shared entries now go to it; {who} confirms the same code there if not done yet."


def removed_text(name: str, was_confirmed: bool) -> str:
    """What removing or turning away a device did."""
    if not was_confirmed:
        return f"Turned away {one_line(name)}'s device: it is not listed again unless its key changes."
    return (
        f"Removed {one_line(name)}'s device: nothing new goes to it and its files are no longer read. "
        "What it already read, it keeps."
    )


def leave_question(folder: str) -> str:
    """What leaving does and does not do, asked before it is done."""
    where = one_line(folder) or "the shared folder"
    return (
        f"This device stops sharing through {where}. Nothing here is deleted: your entries, what "
        "your partner shared and this device's keys stay, and the shared folder is left as it is."
    )
