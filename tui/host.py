"""What tabs, screens and dialogs may ask of the app that hosts them.

They never import the concrete App: they ask ``host_of(self)`` for a
:class:`Host`, which gives the store, the app's today and one ``save`` that
is the only place a failed write becomes a notice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from textual.dom import DOMNode

if TYPE_CHECKING:
    from tui.storage import Store
    from tui.storage.drafts import Drafts
    from tui.together.door import TogetherDoor

T = TypeVar("T")


class Host(Protocol):
    """The app as its parts see it."""

    @property
    def store(self) -> Store:
        """The open store."""
        ...

    @property
    def drafts(self) -> Drafts:
        """The words of open editors kept until they are saved (tui/storage/drafts.py)."""
        ...

    @property
    def today(self) -> date:
        """The app's today (it follows midnight)."""
        ...

    @property
    def generation(self) -> int:
        """Goes up with every write that reaches the disk: a view drawn at the same
        generation (and day) shows what the store holds."""
        ...

    @property
    def demo(self) -> bool:
        """True when the data is a throwaway demo copy."""
        ...

    @property
    def together(self) -> TogetherDoor:
        """Together for the tabs: paired or not, what the last rounds left (read once, again after a
        round, a pairing step or a share), and sharing an entry."""
        ...

    def save(self, write: Callable[[], T], *, title: str = "Not saved") -> T | None:
        """Run ``write`` and return its result, or None when it did not reach the disk.

        A ``StoreWriteError`` becomes one error notice (its text literal, never
        markup) titled ``title``, and everything shown is redrawn from the store,
        which has reloaded what is on disk. A write with no result of its own
        returns True so that success and failure can be told apart.
        """
        ...

    def redraw(self) -> None:
        """Redraw every tab built so far from the store."""
        ...

    def sync_soon(self) -> None:
        """Ask for a round of Together in a moment (nothing when not paired)."""
        ...

    def sync_now(self) -> bool:
        """A round of Together now, in a worker; True when one is under way (False when not paired)."""
        ...

    def together_changed(self) -> None:
        """After pairing, confirming, removing or leaving: the header's mark and the rounds follow."""
        ...

    def now(self) -> datetime:
        """The time by the app's one clock (for saying when something happened, in words)."""
        ...


def host_of(node: DOMNode) -> Host:
    """The host of a mounted widget or screen."""
    return cast(Host, node.app)


__all__ = ["Host", "host_of"]
