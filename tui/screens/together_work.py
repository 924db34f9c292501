"""The Together screen's work off the app's thread (a mixin of tui/screens/together.py).

Each step of tui.sync.pairing (making the key, reading and writing the shared folder) runs
in a worker thread, so a key never waits on a slow or vanished drive; its result comes back
to the screen on the app's thread, and a refusal becomes one message. While a step runs,
another waits (the buttons say so rather than start a second).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.sync.pairing import Status


@dataclass(frozen=True)
class Reading:
    """What a reading of the pairing found: its status and what a start or join would take."""

    status: Status
    folder: str
    name: str


def _read(state_dir: Path) -> Reading:
    from tui.sync import pairing

    folder, name = pairing.defaults(state_dir)
    return Reading(pairing.status(state_dir), folder, name)


class PairingWork:
    """Steps in a worker thread, and readings of the pairing; the screen shows what came back."""

    _busy = False
    state_dir: Path
    app: Any
    is_attached: bool
    query_one: Any
    run_worker: Any

    def _say(self, text: str, *, error: bool = False) -> None:
        raise NotImplementedError

    def _apply(self, reading: Reading) -> None:
        raise NotImplementedError

    def _in_thread(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        *,
        working: str,
        missing: str = "nothing was changed",
        focus: str = "",
    ) -> None:
        """Run ``work`` in a worker thread, then ``done(result)`` here.

        A refusal is one message (``missing`` says what a missing folder left undone), and the
        focus goes back to ``focus`` (a selector) to put it right.
        """
        self._busy = True
        self._say(working)

        def run() -> None:
            from tui.sync.folder import FolderMissing
            from tui.sync.pairing import PairingError

            try:
                result = work()
            except FolderMissing as exc:
                self.app.call_from_thread(self._refused, f"{exc}; {missing}", focus)
            except PairingError as exc:
                self.app.call_from_thread(self._refused, str(exc), focus)
            except Exception as exc:  # noqa: BLE001 (an OSError, a damaged key file: said on the screen)
                reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
                self.app.call_from_thread(self._refused, f"not done: {reason}", focus)
            else:
                self.app.call_from_thread(self._finished, done, result)

        self.run_worker(run, thread=True, group="together", exclusive=False, exit_on_error=False)

    def _refused(self, text: str, focus: str = "") -> None:
        self._busy = False
        if self.is_attached:
            self._say(text, error=True)
            if focus:
                self.query_one(focus).focus()

    def _finished(self, done: Callable[[Any], None], result: Any) -> None:
        self._busy = False
        done(result)

    _reading = False
    _read_again = False

    def _read_in_thread(self) -> None:
        """Read the pairing and the folder in a worker; one reading at a time, and again if asked meanwhile."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        state_dir = self.state_dir

        def run() -> None:
            try:
                reading = _read(state_dir)
            except Exception as exc:  # noqa: BLE001 (a damaged pairing.json or key file: said on the screen)
                reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
                self.app.call_from_thread(self._read_done, None, reason)
                return
            self.app.call_from_thread(self._read_done, reading, "")

        self.run_worker(run, thread=True, group="together-read", exit_on_error=False)

    def _read_done(self, reading: Reading | None, problem: str) -> None:
        self._reading = False
        if not self.is_attached:
            return
        if self._read_again:
            self._read_again = False
            self._read_in_thread()
        if reading is not None:
            self._apply(reading)
        else:
            self._unreadable(problem)

    def _unreadable(self, reason: str) -> None:
        raise NotImplementedError
