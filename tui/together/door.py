"""Together as the full screen's tabs see it, through the Host (``host.together``).

Whether this device is paired and what the last rounds left (:class:`~tui.together.state.TogetherState`)
are read once and kept until :meth:`TogetherDoor.refresh` (after a round, a pairing step, or a share
through :meth:`TogetherDoor.share`), so a tab's draw reads no file; while kept, the state is held
(:func:`tui.together.state.hold`), so what the tabs ask of :mod:`tui.daily` reads it from memory too.
The adapter, and with it the sync code, loads only for a share or a pairing step
(:attr:`TogetherDoor.steps`, the Together screen's).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.together.state import TogetherState, hold, is_paired, let_go, partner_name
from tui.together.steps import PairingSteps

if TYPE_CHECKING:
    from tui.storage import Store
    from tui.together.sharing import Together


class TogetherDoor:
    """This device's Together state, cached for the screens."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._paired: bool | None = None
        self._partner: str | None = None
        self._state: TogetherState | None = None
        let_go(store.sync_dir)  # what another screen held before this one is not this one's

    def refresh(self) -> None:
        """Read the files again when next asked (after a round, a pairing step or a share)."""
        self._paired = self._partner = self._state = None
        let_go(self.store.sync_dir)

    @property
    def paired(self) -> bool:
        if self._paired is None:
            self._paired = is_paired(self.store.sync_dir)
        return self._paired

    @property
    def partner(self) -> str:
        """The name of the partner this device has confirmed, or ""."""
        if self._partner is None:
            self._partner = partner_name(self.store.sync_dir)
        return self._partner

    @property
    def state(self) -> TogetherState:
        """What the last rounds left (gifts, shared notes and answers, who ticked, ...)."""
        if self._state is None:
            let_go(self.store.sync_dir)
            self._state = TogetherState.read(self.store.sync_dir)
            hold(self.store.sync_dir, self._state)  # the day's pick (tui.daily) reads it from memory too
        return self._state

    @property
    def steps(self) -> PairingSteps:
        """The pairing's steps (start or join, confirm, remove, leave) and its reading. Each reads or
        writes the shared folder: take them off the app's thread (the Together screen's worker)."""
        return PairingSteps(self.store.sync_dir)

    def share(self, mark: Callable[[Together], None]) -> None:
        """``mark(adapter)`` marks entries to share (a note, an answer, a gift's answer), then the
        state is read again. OSError or ValueError (a hand-edited together.json) when it cannot."""
        from tui.together.sharing import Together

        try:
            mark(Together(self.store, self.store.sync_dir))
        finally:
            self.refresh()
