"""Rounds of Together in the full screen: after the first frame, every ``SYNC_EVERY`` seconds,
and ``SYNC_AFTER_WRITE`` seconds after the last write (when paired).

The store is read and written on the app's thread only; the shared folder is read and
written in a worker thread, so a round never blocks a key. A mixin of the App.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from tui.together.door import TogetherDoor
from tui.together.state import is_paired

SYNC_EVERY = 30
"""Seconds between rounds of Together while the full screen is open."""
SYNC_AFTER_WRITE = 2.0
"""Seconds after the last write before a round sends it: many writes, one round."""


class TogetherRounds:
    """The App's rounds of Together; the header's quiet mark says how they went."""

    store: Any
    demo: bool
    _tabs: dict[str, Any]
    _syncing = False
    _sync_again = False  # a write came while a round was running
    _applying = False  # the partner's entries are being written in
    _sync_timer: Any = None

    @cached_property
    def together(self) -> TogetherDoor:
        """Together as the tabs see it (the Host's), read again after each round and pairing step."""
        return TogetherDoor(self.store)

    def _paired(self) -> bool:
        return is_paired(self.store.sync_dir)

    def sync_soon(self) -> None:
        """A round ``SYNC_AFTER_WRITE`` seconds after the last call (when paired): many writes, one round."""
        if self._applying or self.demo or not self._paired():
            return
        if self._sync_timer is not None:
            self._sync_timer.stop()  # type: ignore[attr-defined]
        self._sync_timer = self.set_timer(SYNC_AFTER_WRITE, self._sync_after_write, name="sync after write")

    def _sync_after_write(self) -> None:
        self._sync_timer = None
        if self._syncing:
            self._sync_again = True  # the running round's outbox was made before this write
            return
        self.sync_now()

    def _again_if_asked(self) -> None:
        if self._sync_again:
            self._sync_again = False
            self.sync_soon()

    def sync_now(self) -> bool:
        """A round of sync when paired: the store is read and written on this thread only,
        the folder in a worker thread, so a round never blocks a key.

        True when a round is under way (this one, or one already running)."""
        if self._syncing:
            return True
        if self.demo or not self._paired():
            return False  # not paired: the sync code is not even loaded
        from tui.together import prepare

        try:
            prepared = prepare(self.store, self.store.sync_dir)
        except (OSError, ValueError) as exc:
            self._sync_mark(f"not synced ({exc})")
            return False
        if prepared is None:
            return False
        self._syncing = True
        self._sync_mark("syncing…")
        self.run_worker(lambda: self._round_in_thread(prepared), thread=True, group="sync", exit_on_error=False)
        return True

    def together_changed(self) -> None:
        """After pairing, confirming or leaving: a round now when paired; otherwise no mark and no round."""
        self.together.refresh()
        if self.demo:
            return
        if self._paired():
            if self._syncing:
                self._sync_again = True  # the running round began before this step
            self.sync_now()
            return
        if self._sync_timer is not None:
            self._sync_timer.stop()  # type: ignore[attr-defined]
            self._sync_timer = None
        self._sync_mark("")

    def _round_in_thread(self, prepared: object) -> None:
        from tui.sync.folder import FolderMissing

        try:
            result = prepared.engine.round(prepared.outbox)  # type: ignore[attr-defined]
        except FolderMissing:
            self.call_from_thread(self._round_failed, "shared folder missing")
            return
        except Exception as exc:  # noqa: BLE001 (said in the header; the next round tries again)
            self.call_from_thread(self._round_failed, f"not synced ({exc})")
            return
        self.call_from_thread(self._round_done, prepared, result)

    def _round_failed(self, why: str) -> None:
        self._syncing = False
        self._sync_mark(why)
        self._again_if_asked()

    def _round_done(self, prepared: object, result: object) -> None:
        from tui.errors import StoreError
        from tui.together import finish

        self._syncing = False
        self._applying = True  # what arrives is not a write of this person's to send back
        try:
            report = finish(prepared, result)  # type: ignore[arg-type]
        except (StoreError, OSError, ValueError) as exc:
            self._sync_mark(f"not synced ({exc})")
            self._again_if_asked()
            return
        finally:
            self._applying = False
            self.together.refresh()
        self._again_if_asked()
        if report.received:
            for tab in self._tabs.values():
                tab.redraw()
        if report.waiting:
            mark = "a device to confirm"  # short: the header keeps it whole at 60 columns
        elif not report.confirmed:
            mark = "no device confirmed yet"
        else:
            mark = "in step"
        if report.skipped:
            mark += f", {len(report.skipped)} file(s) skipped (micro-romance pair status)"
        self._sync_mark(mark)

    def _sync_mark(self, text: str) -> None:
        """The header's mark; none once this device is not paired (it left while a round ran)."""
        self.sub_title = f"together: {text}" if text and self._paired() else ""
