"""After a write from the shell: the status file, then the round with the partner, detached.

A writing command (``done``, ``gratitude``, ``import``) returns as soon as its own write is on
disk. When this device is paired, it starts ``micro-romance background-round`` (a hidden
command) in a new session with its standard streams closed, and says so. That round:

* waits for any other round of this data folder to end (tui.sync.locks: the full screen's rounds
  take the same lock), so there are never two at once; an explicit ``micro-romance sync`` waits
  the same way and then runs its own, so a script that writes and then syncs gets a full round;
* reads the store without the writers' lock and exchanges with the shared folder (the slow part);
* takes the writers' lock only for its final merge (trying again for a few seconds while a command
  holds it: tui.sync.locks.wait_for; when the full screen is open it leaves the merge to the full
  screen's own rounds);
* records how it went in ``DATA/sync/background.json``, which ``status`` and ``pair status`` show,
  and when it ran, by the real clock (tui.clock.DayClock): ``--today`` names the day a command
  writes, not the hour a round ran.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from tui import APP_NAME
from tui.cli.options import data_dir
from tui.paths import PAIRING_FILE, sync_dir

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    import argparse
    from typing import Any

OUTCOME = "background.json"
COMMAND = "background-round"
LOCK_WAIT_S = 3.0
"""How long the round's merge waits for a command that holds the writers' lock (a command holds it
for well under a second; the full screen holds it while open, and runs its own rounds)."""


def state_dir(args: argparse.Namespace) -> Path:
    return sync_dir(data_dir(args))


def status_before(args: argparse.Namespace, store: Any) -> Any:
    """The day's status as the status file holds it before this command writes (None when not current)."""
    from tui import __version__
    from tui.cli.common import today
    from tui.statusfile import current_status

    return current_status(store.data_dir, today(args).isoformat(), __version__)


def after_write(args: argparse.Namespace, store: Any, prior: Any = None, *, rituals: bool = True) -> str:
    """Once a command's write is on disk: the status file again (from ``prior``, :func:`status_before`,
    when given: ``rituals=False`` for a write that changes none of it), and (when paired) a round
    started in the background. What to tell the user about the round ("" when there is none)."""
    from tui.cli.common import today

    if prior is None:
        from tui.glance import refresh_status

        refresh_status(store, today(args))
    else:
        from tui.glance import refresh_after_write

        refresh_after_write(store, today(args), prior, rituals=rituals)
    return start_round(args)


def start_round(args: argparse.Namespace) -> str:
    """Start a detached round when this device is paired; what to tell the user ("" when not)."""
    if getattr(args, "demo", False):
        return ""
    state = state_dir(args)
    if not os.path.lexists(state / PAIRING_FILE):  # never paired: Together is not even loaded
        return ""
    from tui.together.state import is_paired

    if not is_paired(state):
        return ""
    import subprocess

    package_parent = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH", "")) if p)
    argv = [sys.executable, "-m", "tui", "--data-dir", str(data_dir(args))]
    if getattr(args, "today", None) is not None:
        argv += ["--today", args.today.isoformat()]
    try:
        child = subprocess.Popen(
            [*argv, COMMAND],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
            cwd=os.path.expanduser("~") if os.path.isdir(os.path.expanduser("~")) else "/",
            env=env,
        )
    except OSError as exc:
        return f"Saved here; the round with your partner could not start ({exc.strerror or exc}): run {APP_NAME} sync."
    _STARTED.append(child)
    return (
        f"Saved here; the round with your partner goes on in the background ({APP_NAME} pair status tells how it went)."
    )


_STARTED: list[Any] = []
"""The rounds this process started (a command starts one at most; tests start many)."""


def wait_started() -> None:
    """Wait for the rounds this process started to end (for tests and scripts that drive ``main``)."""
    while _STARTED:
        _STARTED.pop().wait()


def register_background_round(sub: argparse._SubParsersAction) -> None:
    """The detached round (not listed in --help: a writing command starts it)."""
    from tui.cli.common import add_command

    add_command(sub, COMMAND, run_background_round, help=None, description="A round started by a write.")


def run_background_round(args: argparse.Namespace) -> int:
    """One round after a write, its outcome in DATA/sync/background.json."""
    from tui.clock import DayClock
    from tui.sync.locks import one_round

    state = state_dir(args)
    with one_round(state):
        started = DayClock().now()  # when it ran, even after --today (which names the day written)
        try:
            outcome = _round(args, state)
        except Exception as exc:  # noqa: BLE001 (nobody reads this process's streams: the outcome file says it)
            from tui.format import one_line

            outcome = {"ok": False, "text": f"not synced: {one_line(str(exc)) or type(exc).__name__}"}
        outcome["when"] = started.strftime("%Y-%m-%d %H:%M")
        _record(state, outcome)
    return 0


def _round(args: argparse.Namespace, state: Path) -> dict[str, Any]:
    from tui.cli.common import read_store, today
    from tui.errors import StoreLockedError
    from tui.format import plural
    from tui.storage import open_store
    from tui.sync.folder import FolderMissing
    from tui.sync.locks import wait_for
    from tui.together import finish, prepare

    try:
        with read_store(args) as store:  # without the writers' lock: the folder is the slow part
            prepared = prepare(store, state)
            if prepared is None:
                return {"ok": True, "text": "not paired"}
            result = prepared.engine.round(prepared.outbox)
    except FolderMissing as exc:
        return {"ok": False, "text": f"not synced: {exc} (the next round will catch up)"}
    store = wait_for(lambda: open_store(data_dir(args)), StoreLockedError, LOCK_WAIT_S)
    if store is None:
        return {
            "ok": False,
            "text": f"not merged yet: this data was in use (the full screen syncs on its own; "
            f"otherwise the next round or {APP_NAME} sync merges it)",
        }
    with store:  # the writers' lock, for the merge only
        prepared.together.store = store
        report = finish(prepared, result)
        from tui.glance import refresh_status

        refresh_status(store, today(args))
    received = plural(report.received, "entry", "entries")
    return {"ok": True, "text": f"synced: {received} received, {plural(report.sent, 'change')} sent"}


def _record(state: Path, outcome: dict[str, Any]) -> None:
    from tui.durable import write_json

    try:
        write_json(state / OUTCOME, outcome)
    except OSError:
        pass  # nowhere to say it; the next round tries again


def last_outcome(state: Path) -> str:
    """How the last background round went, as one line ("" when none ran)."""
    try:
        data = json.loads((state / OUTCOME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return ""
    from tui.format import one_line

    return f"Last round after a write ({one_line(str(data.get('when', '')))}): {one_line(data['text'])}"
