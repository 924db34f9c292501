"""``micro-romance pair ...`` and ``micro-romance sync``: Together, from the shell.

``pair start FOLDER`` / ``pair join FOLDER`` make this device's keys and put its public keys
into the folder; once each side has read the folder (``sync``, ``pair status``), both machines
show the same ``Pairing code: `` and each runs ``pair confirm CODE`` (``--mine`` for one's own
device). ``pair remove DEVICE`` turns a device away. ``sync`` runs one round now. The writing commands (``done``,
``gratitude``, ``import``) call :func:`round_after_write` once their write is on disk; a
round that fails there says so on standard error and never fails the command.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cli.common import CommandError, add_command, write_store
from tui.cli.options import data_dir
from tui.format import one_line, plural
from tui.paths import sync_dir

if TYPE_CHECKING:
    from tui.sync.pairing import Status
    from tui.together.report import RoundReport


def state_dir(args: argparse.Namespace) -> Path:
    return sync_dir(data_dir(args))


# --------------------------------------------------------------------------- pair


def register_pair(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "pair",
        help="share rituals, ticks and chosen notes with your partner through a synced folder",
        description="Pair this device with your partner's (or your other) devices through a folder "
        "that a sync tool keeps in step (Syncthing, Dropbox, a git repository, ...).",
    )
    steps = parser.add_subparsers(title="steps", metavar="STEP", required=True)
    for name, run, help_text in (
        ("start", run_start, "make this device's key and put its public key into FOLDER"),
        ("join", run_join, "the same, on your partner's machine; prints the pairing code"),
    ):
        step = add_command(steps, name, run, help=help_text, description=help_text[0].upper() + help_text[1:] + ".")
        step.add_argument("folder", type=Path, metavar="FOLDER", help="the folder your sync tool keeps in step")
        step.add_argument(
            "--name", metavar="NAME", help="your name, as your partner will see it (default: the name used here before)"
        )
        step.add_argument("--force", action="store_true", help="start again even though this device is paired")
    confirm = add_command(
        steps,
        "confirm",
        run_confirm,
        help="confirm the code both machines show",
        description="Trust the device whose pairing code this is.",
    )
    confirm.add_argument("code", nargs="+", metavar="CODE", help="the pairing code, six digits")
    confirm.add_argument(
        "--mine", action="store_true", help="it is one of your own devices (it receives your private entries too)"
    )
    status = add_command(
        steps,
        "status",
        run_status,
        help="the folder, the devices, the last round",
        description="Show the folder, the confirmed devices, anything waiting and the last round.",
    )
    status.add_argument("--json", action="store_true", help="for scripts")
    remove = add_command(
        steps,
        "remove",
        run_remove,
        help="turn away a waiting device, or remove a confirmed one",
        description="Turn away a device waiting for confirmation, or remove a confirmed one: nothing new is "
        "encrypted to it and its files are no longer read. What it already read, it keeps.",
    )
    remove.add_argument(
        "device", nargs="+", metavar="DEVICE", help="a name, or the start of an id, as pair status shows"
    )
    add_command(
        steps,
        "leave",
        run_leave,
        help="stop sharing on this device (nothing local is deleted)",
        description="Stop sharing on this device. Nothing local is deleted.",
    )


def _print_waiting(status: Status) -> None:
    for line in status.waiting_lines():
        print(line)


def _begin(args: argparse.Namespace, join: bool) -> int:
    from tui.sync import pairing
    from tui.sync.folder import FolderMissing

    try:
        status = (pairing.join if join else pairing.start)(state_dir(args), args.folder, args.name, force=args.force)
    except FolderMissing as exc:
        raise CommandError(f"{exc}; make it (or let your sync tool make it) first. Nothing was changed") from None
    except pairing.PairingError as exc:
        raise CommandError(str(exc)) from None
    print(f"This device: {one_line(status.name)} ({status.device}), sharing through {one_line(str(status.folder))}")
    if any(d.code for d in status.waiting):
        _print_waiting(status)
        print("Compare the code with the one on the other machine; if they are the same, run on each:")
        print("  micro-romance pair confirm CODE        (add --mine on your own second device)")
    elif status.waiting:
        _print_waiting(status)
        print("The pairing code needs a step or two more on each side: run micro-romance sync on the other")
        print("machine, then micro-romance pair status on each in turn until both print the same Pairing code.")
    elif join:
        print("Your public keys are in the folder, but no other device's key has arrived here yet.")
        print("Once your sync tool has copied it, run micro-romance sync there, then pair status on both.")
    else:
        print(
            "Your public key is in the folder. Once your sync tool has copied it to your partner's machine, run there:"
        )
        print("  micro-romance pair join FOLDER --name THEIR-NAME")
        print("then compare the pairing code both machines show (micro-romance pair status) and confirm it on each.")
    return 0


def run_start(args: argparse.Namespace) -> int:
    """Start pairing: this device's key into the folder."""
    return _begin(args, join=False)


def run_join(args: argparse.Namespace) -> int:
    """Join a pairing started on another machine."""
    return _begin(args, join=True)


def run_confirm(args: argparse.Namespace) -> int:
    """Confirm a pairing code."""
    from tui.sync import pairing
    from tui.sync.folder import FolderMissing

    try:
        device = pairing.confirm(state_dir(args), " ".join(args.code), mine=args.mine)
    except FolderMissing as exc:
        raise CommandError(f"{exc}; nothing was confirmed") from None
    except pairing.PairingError as exc:
        raise CommandError(str(exc)) from None
    whose = "one of your own devices" if device.mine else f"{one_line(device.name)}'s device"
    print(f"Confirmed {whose} ({device.device}). Shared entries now go to it; run micro-romance sync.")
    if not device.both:
        print("Confirm the same code on that device too; until then it does not read what this one writes.")
    if not device.mine and device.name.casefold() == pairing.own_name(state_dir(args)).casefold():
        print(
            "It has your name and was confirmed as your partner's: your private entries do not go to it. "
            "If it is your own, run pair remove, then confirm it again with --mine."
        )
    return 0


def run_remove(args: argparse.Namespace) -> int:
    """Turn away or remove a device."""
    from tui.sync import pairing
    from tui.sync.folder import FolderMissing

    try:
        removed = pairing.remove(state_dir(args), " ".join(args.device))
    except FolderMissing as exc:
        raise CommandError(f"{exc}; nothing was removed") from None
    except pairing.PairingError as exc:
        raise CommandError(str(exc)) from None
    who = f"{one_line(removed.name)}'s device ({removed.device})"
    if not removed.was_confirmed:
        print(f"Turned away {who}: it is not listed again unless its key changes.")
        return 0
    print(f"Removed {who}: nothing new is encrypted to it and its files are no longer read.")
    print("What it already read, it keeps.")
    from tui.errors import StoreLockedError
    from tui.sync.locks import one_round

    try:
        with one_round(state_dir(args)), write_store(args) as store:
            try:
                run_round(args, store)
            except Exception as exc:  # noqa: BLE001 (the removal stands; the next round writes the files again)
                print(f"This device's files are written again without it at the next round ({one_line(str(exc))}).")
                return 0
    except StoreLockedError:  # the full screen is open on this data: the removal stands all the same
        print(
            "This device's files in the shared folder are written again without it at the next round: your data "
            "is open in another copy (the full screen syncs on its own; otherwise micro-romance sync)."
        )
        return 0
    print("This device's files in the shared folder were written again without it.")
    return 0


def run_status(args: argparse.Namespace) -> int:
    """Show the pairing and the last round."""
    from tui.sync import pairing

    status = pairing.status(state_dir(args))
    if args.json:
        print(json.dumps(status.to_json(), ensure_ascii=True, sort_keys=True))
        return 0
    if not status.paired:
        print("Not paired. To share with your partner: micro-romance pair start FOLDER (see the README, Together).")
        return 0
    from tui.clock import DayClock

    for line in status.lines(DayClock().now()):  # a round's age by the real clock: --today names a day, not an hour
        print(line)
    from tui.cli.background import last_outcome

    if line := last_outcome(state_dir(args)):
        print(line)
    return 0


def run_leave(args: argparse.Namespace) -> int:
    """Stop sharing on this device."""
    from tui.sync import pairing

    if not pairing.leave(state_dir(args)):
        print("This device is not paired; nothing to leave.")
        return 0
    print("This device no longer shares. Nothing here was deleted; the shared folder was left as it is.")
    return 0


# --------------------------------------------------------------------------- a round


def run_round(args: argparse.Namespace, store: Any) -> RoundReport | None:
    """One round on an open store; None when this device is not paired.

    Raises :class:`~tui.sync.folder.FolderMissing` (and OSError) when the folder cannot be used.
    """
    from tui.together import run_round as round_on

    return round_on(store, state_dir(args))


def round_after_write(args: argparse.Namespace, store: Any) -> None:
    """After a local write: the status file, and the round in the background (tui.cli.background)."""
    from tui.cli.background import after_write

    said = after_write(args, store)
    if said:
        print(said)


def register_sync(sub: argparse._SubParsersAction) -> None:
    add_command(
        sub,
        "sync",
        run_sync,
        help="one round of sync with your partner now",
        description="Read your partner's changes from the shared folder, then write yours.",
    )


def run_sync(args: argparse.Namespace) -> int:
    """One round now (after any round already running: tui.cli.background)."""
    from tui.sync.folder import FolderMissing
    from tui.sync.locks import one_round

    with one_round(state_dir(args)), write_store(args) as store:
        try:
            report = run_round(args, store)
        except FolderMissing as exc:
            raise CommandError(f"{exc}; nothing was synced (is the drive mounted?)") from None
        except OSError as exc:
            raise CommandError(
                f"the shared folder cannot be used ({exc.strerror or exc}); nothing was synced"
            ) from None
        except ValueError as exc:  # this device's own sync state, edited by hand
            raise CommandError(f"{exc}; nothing was synced") from None
    if report is None:
        raise CommandError("this device is not paired: run micro-romance pair start FOLDER first")
    print(f"Synced: {plural(report.received, 'entry', 'entries')} received, {plural(report.sent, 'change')} sent.")
    from tui.sync.guard import few

    for skipped in few([one_line(skipped) for skipped in report.skipped]):
        print(f"Skipped: {skipped}")
    from tui.sync import pairing

    status = pairing.status(state_dir(args))  # each pairing under way takes its next step
    if status.waiting:
        print(f"{plural(len(status.waiting), 'device')} waiting for confirmation: micro-romance pair status")
    return 0
