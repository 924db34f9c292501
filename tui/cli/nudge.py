"""``micro-romance nudge``: one warm line when something is due now, nothing otherwise.

Meant for a terminal's start-up file and a timer, so it is quiet and quick. What is due is
:func:`tui.domain.nudge.all_due`'s; the same thing is said at most once every few hours. What
was worked out last, and what was said when, are kept in ``DATA/nudge`` (0600, replaced whole):

    format=1
    day=2026-11-25            the day it was worked out for
    evening=no                whether it was the evening (rituals still open are said then)
    stamp=...                 the data files it was worked out from (inode, size, time) and the version
    due=KEY                   what was due (one line each; one empty line: nothing)
    said=KEY SECONDS          what was said when (one line each, the last few days)
    told=ID                   a partner's shared note or answer already told of (one line each)

When the day, the evening and the data files are those of the last verdict, :func:`quick` answers
from this file alone: only ``os`` and ``time`` are imported, the store is not opened, so a new
terminal waits about as long as for a bare ``python``. Otherwise the day is worked out again.
"""

from __future__ import annotations

import os
import time

TYPE_CHECKING = False  # not typing's: importing typing would double the quick answer's own cost
if TYPE_CHECKING:
    import argparse
    from datetime import date
    from typing import Any

STATE_NAME = "nudge"
FORMAT = "format=1"
EVENING_HOUR = 18  # tui.domain.nudge.EVENING_HOUR (a test keeps them equal)
QUIET_SECONDS = 3 * 3600  # tui.domain.nudge.QUIET_HOURS
KEEP_SAID_SECONDS = 3 * 24 * 3600
"""What was said is remembered this long."""
APP = "micro-romance"  # tui.APP_NAME, tui.storage.files.FILE_NAME's stem


# --------------------------------------------------------------------------- the quick answer


def stamp(data_dir: str, day: str) -> str:
    """What the files ``day``'s answer depends on are now (inode, size, time of each; the same files
    ``status`` watches, :func:`tui.filestamp.day_files`), and the version that looked."""
    from tui import __version__
    from tui.filestamp import day_stamp

    return f"{day_stamp(data_dir, day)} {__version__}"


def read_state(data_dir: str) -> dict[str, list[str]]:
    """The state file's lines by key ({} when missing, damaged or not ours)."""
    try:
        with open(os.path.join(data_dir, STATE_NAME), encoding="utf-8") as handle:
            text = handle.read(256 * 1024)
    except (OSError, UnicodeDecodeError):
        return {}
    lines = text.split("\n")
    if not lines or lines[0] != FORMAT:
        return {}
    out: dict[str, list[str]] = {}
    for line in lines[1:]:
        key, sep, value = line.partition("=")
        if sep:
            out.setdefault(key, []).append(value)
    return out


def said_at(state: dict[str, list[str]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in state.get("said", ()):
        key, _, when = line.rpartition(" ")
        try:
            out[key] = float(when)
        except ValueError:
            continue
    return out


def quick(argv: list[str]) -> int | None:
    """0 when the last verdict still holds and says nothing now; None: work the day out again."""
    data_dir: str | None = None
    args = iter(argv)
    for arg in args:
        if arg == "--data-dir":
            data_dir = next(args, None)
            if data_dir is None:
                return None
        elif arg.startswith("--data-dir="):
            data_dir = arg.partition("=")[2]
        elif arg != "--notify":
            return None  # --today, --help, a mistake: the parser's
    if data_dir is None:
        from tui.cli.quick import default_data_dir

        data_dir = default_data_dir()
    else:
        data_dir = os.path.expanduser(data_dir)
    if not data_dir:
        return None
    state = read_state(data_dir)
    now = time.time()
    local = time.localtime(now)
    evening = "yes" if local.tm_hour >= EVENING_HOUR else "no"
    day = time.strftime("%Y-%m-%d", local)
    if state.get("day") != [day] or state.get("evening") != [evening]:
        return None
    if state.get("stamp") != [stamp(data_dir, day)]:
        return None
    said = said_at(state)  # all of it said lately: nothing to say; anything not: worked out again
    quiet = all(key in said and 0 <= now - said[key] < QUIET_SECONDS for key in state.get("due", ()) if key)
    return 0 if quiet else None


# --------------------------------------------------------------------------- the command


def register_nudge(sub: argparse._SubParsersAction) -> None:
    from tui.cli.common import add_command

    parser = add_command(
        sub,
        "nudge",
        run_nudge,
        help="one line when something is due now, nothing otherwise",
        description="Print one warm line when something is due now: a day that matters (its gesture "
        "not done yet), something your partner shared, rituals still open in the evening. Prints nothing "
        "otherwise, and the same thing at most once every few hours. For a terminal's start-up file or a timer.",
    )
    parser.add_argument(
        "--notify", action="store_true", help="also send it as a desktop notification (notify-send or osascript)"
    )


def run_nudge(args: argparse.Namespace) -> int:
    """Say what is due now, if anything."""
    from tui.cli.options import data_dir as folder
    from tui.cli.options import make_clock
    from tui.domain.nudge import all_due, to_say

    now = make_clock(args).now()
    data = os.fspath(folder(args))
    state = read_state(data)
    told = set(state.get("told", ()))
    # Taken before reading: a write meanwhile makes the next run look again.
    fingerprint = stamp(data, now.date().isoformat())
    facts = gather(args, now.date(), told)
    if not state:  # the first run: what a partner shared before is not news now
        told |= {s.id for s in facts["shared"]}
        facts["shared"] = []
    due = all_due(today=now.date(), hour=now.hour, **facts)
    said = {k: v for k, v in said_at(state).items() if 0 <= now.timestamp() - v < KEEP_SAID_SECONDS}
    code = 0
    if (line := to_say(due, said, now.timestamp())) is not None:
        print(line.line)
        seen = True
        if args.notify and (problem := notify(line.line)) is not None:
            import sys

            from tui.cli.common import fail

            fail(f"the desktop notification was not sent: {problem}.")
            code = 1
            seen = sys.stdout.isatty()  # from a timer the printed line reaches no one: the next run says it again
        if seen:
            said[line.key] = now.timestamp()
            if line.key.startswith("shared:"):  # told of only once said, not when another line was
                told |= {s.id for s in facts["shared"]}
    lines = [
        FORMAT,
        f"day={now.date().isoformat()}",
        f"evening={'yes' if now.hour >= EVENING_HOUR else 'no'}",
        f"stamp={fingerprint}",
        *([f"due={d.key}" for d in due] or ["due="]),
        *(f"said={key} {when}" for key, when in sorted(said.items())),
        *(f"told={item}" for item in sorted(told)),
    ]
    _save_state(data, "\n".join(lines) + "\n")
    return code


def gather(args: argparse.Namespace, day: date, told: set[str]) -> dict[str, Any]:
    """The day's facts :func:`tui.domain.nudge.all_due` weighs, read without the lock."""
    from tui.cli.common import read_store
    from tui.cli.together import state_dir
    from tui.daily import occasion_shown, todays_occasion
    from tui.domain.nudge import Shared
    from tui.format import one_line
    from tui.glance import glance
    from tui.together.state import note_authors, partner_answer_authors

    folder = state_dir(args)
    with read_store(args) as store:
        g = glance(store, day, memories=False)
        occasion = todays_occasion(store, day)
        recorded = store.gesture_day(day)
        partner = store.settings().partner_name
        notes = {i: by for i, by in note_authors(folder).items() if i not in told}
        # A note the partner deleted since it came leaves its author behind: there is nothing to look at.
        notes = {i: by for i, by in notes.items() if store.entry("notes", i) is not None}
    if occasion is not None and not occasion_shown(recorded, occasion.occasion.id):
        occasion = None  # another gesture was asked for instead, or one was done before the day came up: as Today shows
    done = occasion is not None and recorded is not None and recorded.done
    shared = [Shared(i, "note", one_line(by)) for i, by in notes.items()]
    shared += [Shared(i, "answer", one_line(by)) for i, by in partner_answer_authors(folder).items() if i not in told]
    return {
        "partner": partner,
        "occasion": occasion,
        "occasion_done": done,
        "shared": shared,
        "open_rituals": [one_line(r.name) for r in g.open],
        "grace": g.grace,
    }


def _save_state(data_dir: str, text: str) -> None:
    """Replace the state file whole (0600); a folder that does not exist yet is left alone."""
    from pathlib import Path

    from tui.durable import atomic_write

    if not os.path.isdir(data_dir):
        return
    try:
        atomic_write(Path(data_dir) / STATE_NAME, text.encode("utf-8"), durable=False)
    except OSError:
        pass  # only a help: without it the next run works the day out again


def notify(line: str) -> str | None:
    """Send ``line`` as a desktop notification (notify-send, else osascript): None once sent, else why not."""
    import shutil
    import subprocess

    from tui.text import one_line

    if (tool := shutil.which("notify-send")) is not None:
        # The body is markup to most notification servers: a bare "&" empties it, "<3" cuts it short.
        body = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        command = [tool, "--app-name", APP, APP, body]
    elif (tool := shutil.which("osascript")) is not None:
        quoted = line.replace("\\", "\\\\").replace('"', '\\"')
        command = [tool, "-e", f'display notification "{quoted}" with title "{APP}"']
    else:
        return "neither notify-send nor osascript was found"
    name = os.path.basename(tool)
    try:
        done = subprocess.run(command, check=False, timeout=10, capture_output=True)
    except subprocess.TimeoutExpired:
        return f"{name} did not finish within 10 seconds"
    except OSError as exc:
        return f"{name} could not be run ({exc.strerror or exc})"
    if done.returncode == 0:
        return None
    said = one_line(done.stderr.decode("utf-8", "replace"))[:200]
    return f"{name} failed ({said or f'exit status {done.returncode}'})"
