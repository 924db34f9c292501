"""The Together screen's work off the app's thread: an object the screen holds (tui/screens/together.py).

Each pairing step (making the keys, reading and writing the shared folder), taken through the
Host's door (``host.together.steps``, tui/together/steps.py), runs in a daemon thread followed by a
worker (tui/screens/offthread.py), so neither a key nor a quit waits on a slow or vanished drive; its
result comes back to the screen on the app's thread through :class:`PairingView`, and a refusal
becomes one message.
While a step runs, another waits (the buttons say so rather than start a second).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from tui.screens.offthread import Then, run_off_thread
from tui.together.steps import PairingSteps, Reading

if TYPE_CHECKING:
    from textual.app import App

T = TypeVar("T")

__all__ = ["PairingView", "PairingWork", "Reading"]


class PairingView(Protocol):
    """What the worker needs of the screen that shows its results."""

    @property
    def app(self) -> App[Any]: ...

    @property
    def is_attached(self) -> bool: ...

    def say(self, text: str, *, error: bool = False) -> None:
        """One message under the screen's body."""

    def show(self, reading: Reading) -> None:
        """Show the pairing as just read."""

    def unreadable(self, reason: str) -> None:
        """Say that the pairing could not be read."""

    def focus_on(self, selector: str) -> None:
        """Put the focus back on the part of the screen that can put a refusal right."""


class PairingWork:
    """Steps in a worker thread, and readings of the pairing; the view shows what came back."""

    def __init__(self, view: PairingView, steps: PairingSteps) -> None:
        self.view = view
        self.steps = steps
        """The pairing's steps, through the Host (``host.together.steps``)."""
        self.busy = False
        self._reading = False
        self._read_again = False

    def step(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        *,
        working: str,
        missing: str = "nothing was changed",
        focus: str = "",
    ) -> None:
        """Run ``work`` in a worker thread, then ``done(result)`` on the app's thread.

        A refusal is one message (``missing`` says what a missing folder left undone), and the
        focus goes back to ``focus`` (a selector) to put it right.
        """
        self.busy = True
        self.view.say(working)

        def run() -> Then:
            from tui.sync.folder import FolderMissing
            from tui.sync.pairing import PairingError

            try:
                result = work()
            except FolderMissing as exc:
                return partial(self._refused, f"{exc}; {missing}", focus)
            except PairingError as exc:
                return partial(self._refused, str(exc), focus)
            except Exception as exc:  # noqa: BLE001 (an OSError, a damaged key file: said on the screen)
                reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
                return partial(self._refused, f"not done: {reason}", focus)
            return partial(self._finished, done, result)

        run_off_thread(self.view.app, run, group="together")  # the app's: closing the screen drops nothing

    def _refused(self, text: str, focus: str = "") -> None:
        self.busy = False
        if self.view.is_attached:
            self.view.say(text, error=True)
            if focus:
                self.view.focus_on(focus)

    def _finished(self, done: Callable[[T], None], result: T) -> None:
        self.busy = False
        done(result)

    def read(self) -> None:
        """Read the pairing and the folder in a worker; one reading at a time, and again if asked meanwhile."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        steps = self.steps

        def run() -> Then:
            try:
                reading = steps.read()
            except Exception as exc:  # noqa: BLE001 (a damaged pairing.json or key file: said on the screen)
                reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
                return partial(self._read_done, None, reason)
            return partial(self._read_done, reading, "")

        run_off_thread(self.view.app, run, group="together-read")

    def _read_done(self, reading: Reading | None, problem: str) -> None:
        self._reading = False
        if not self.view.is_attached:
            return
        if self._read_again:
            self._read_again = False
            self.read()
        if reading is not None:
            self.view.show(reading)
        else:
            self.view.unreadable(problem)
