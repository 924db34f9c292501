"""Rounds of Together in the full screen: after the first frame, every ``SYNC_EVERY`` seconds,
and ``SYNC_AFTER_WRITE`` seconds after the last write (when paired).

An object the App holds (``app.rounds``), not a part of the App: it is given the app (for timers,
workers), the store, and what to do with the header's mark and with a redraw. The store is read
and written on the app's thread only; the shared folder is read and written in a daemon thread
(the round, then the pairing's status, which takes each pairing's next step: tui/screens/offthread.py),
so a round never blocks a key, and a round stuck on a vanished drive never blocks a quit.

The mark says "in step" only once every confirmed device has confirmed this one too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from tui.format import one_line
from tui.together.door import TogetherDoor
from tui.together.state import is_paired

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from tui.storage import Store
    from tui.sync.engine import Round
    from tui.sync.pairing import Status
    from tui.together.report import RoundReport
    from tui.together.rounds import Prepared

SYNC_EVERY = 30
"""Seconds between rounds of Together while the full screen is open."""
SYNC_AFTER_WRITE = 2.0
"""Seconds after the last write before a round sends it: many writes, one round."""


def mark_of(report: RoundReport, status: Status | None) -> str:
    """The header's mark after a round: a device to confirm, none confirmed, waiting for one, or in step."""
    if status is not None:
        behind = [one_line(d.name) for d in status.confirmed if not d.both]
        if status.waiting:
            mark = "a device to confirm"  # short: the header keeps it whole at 60 columns
        elif not status.confirmed:
            mark = "no device confirmed yet"
        elif behind:
            mark = f"waiting for {behind[0]} to confirm"
        else:
            mark = "in step"
    elif report.waiting:
        mark = "a device to confirm"
    else:
        mark = "no device confirmed yet" if not report.confirmed else "waiting for the pairing to be read"
    if report.skipped:
        mark += f", {len(report.skipped)} file(s) skipped (micro-romance pair status)"
    return mark


class Rounds:
    """The App's rounds of Together; the header's quiet mark says how they went."""

    def __init__(
        self, app: App[Any], store: Store, *, demo: bool, mark: Callable[[str], None], redraw: Callable[[], None]
    ) -> None:
        self.app = app
        self.store = store
        self.demo = demo
        self._mark = mark
        self._redraw = redraw
        self.door = TogetherDoor(store)
        """Together as the tabs see it (the Host's), read again after each round and pairing step."""
        self.syncing = False
        self._sync_again = False  # a write came while a round was running
        self._applying = False  # the partner's entries are being written in
        self._timer: Timer | None = None
        self._round_lock: int | bool = True  # tui.sync.locks, held from a round's first step to its last

    def paired(self) -> bool:
        return is_paired(self.store.sync_dir)

    def sync_soon(self) -> None:
        """A round ``SYNC_AFTER_WRITE`` seconds after the last call (when paired): many writes, one round."""
        if self._applying or self.demo or not self.paired():
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(SYNC_AFTER_WRITE, self._after_write, name="sync after write")

    def _after_write(self) -> None:
        self._timer = None
        if self.syncing:
            self._sync_again = True  # the running round's outbox was made before this write
            return
        self.sync_now()

    def _again_if_asked(self) -> None:
        if self._sync_again:
            self._sync_again = False
            self.sync_soon()

    def sync_now(self) -> bool:
        """A round of sync when paired; True when a round is under way (this one, or one already running)."""
        if self.syncing:
            return True
        if self.demo or not self.paired():
            return False  # not paired: the sync code is not even loaded
        from tui.sync.locks import release, try_hold
        from tui.together import prepare

        held = try_hold(self.store.sync_dir)  # one round at a time: a shell's round may be running
        if held is False:
            self.mark("a round from the shell is under way")
            return True
        try:
            prepared = prepare(self.store, self.store.sync_dir)
        except (OSError, ValueError) as exc:
            release(held)
            self.mark(f"not synced ({exc})")
            return False
        if prepared is None:
            release(held)
            return False
        self._round_lock = held
        self.syncing = True
        self.mark("syncing…")
        from tui.screens.offthread import run_off_thread

        run_off_thread(self.app, lambda: self._in_thread(prepared), group="sync")
        return True

    def together_changed(self) -> None:
        """After pairing, confirming, removing or leaving: a round now when paired; otherwise no mark and no round."""
        self.door.refresh()
        if self.demo:
            return
        if self.paired():
            if self.syncing:
                self._sync_again = True  # the running round began before this step
            self.sync_now()
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.mark("")

    def _in_thread(self, prepared: Prepared) -> Callable[[], None]:
        """The round with the folder, then the pairing's status, off the app's thread; what to do
        next on the app's thread (nothing, if the app has quit meanwhile: tui/screens/offthread.py)."""
        from tui.sync import pairing
        from tui.sync.folder import FolderMissing

        try:
            result = prepared.engine.round(prepared.outbox)
        except FolderMissing:
            return partial(self._failed, "shared folder missing")
        except Exception as exc:  # noqa: BLE001 (said in the header; the next round tries again)
            return partial(self._failed, f"not synced ({exc})")
        try:
            status: Status | None = pairing.status(self.store.sync_dir)  # each pairing's next step, off the screen
        except Exception:  # noqa: BLE001 (the round stands; the mark says less)
            status = None
        return partial(self._done, prepared, result, status)

    def _let_go(self) -> None:
        from tui.sync.locks import release

        release(self._round_lock)
        self._round_lock = True

    def _failed(self, why: str) -> None:
        self._let_go()
        self.syncing = False
        self.mark(why)
        self._again_if_asked()

    def _done(self, prepared: Prepared, result: Round, status: Status | None) -> None:
        from tui.errors import StoreError
        from tui.together import finish

        self.syncing = False
        self._applying = True  # what arrives is not a write of this person's to send back
        try:
            report = finish(prepared, result)
        except (StoreError, OSError, ValueError) as exc:
            self.mark(f"not synced ({exc})")
            self._again_if_asked()
            return
        finally:
            self._let_go()
            self._applying = False
            self.door.refresh()
        self._again_if_asked()
        if report.received:
            self._redraw()
        self.mark(mark_of(report, status))

    def mark(self, text: str) -> None:
        """The header's mark; none once this device is not paired (it left while a round ran)."""
        self._mark(f"together: {text}" if text and self.paired() else "")
