"""What every tab shares."""

from __future__ import annotations

from datetime import date

from textual.containers import Vertical

from tui.host import Host, host_of


class TabBase(Vertical):
    """What every tab shares: its id, title, help text and the app's day."""

    TAB_ID = ""
    TAB_TITLE = ""
    HELP = ""
    """Plain text shown under the tab's keys on the help screen."""

    @property
    def host(self) -> Host:
        """The app as this tab may use it: the store, today, ``save``."""
        return host_of(self)

    def on_mount(self) -> None:
        self.watch(self.app, "today", self.on_day_changed, init=False)

    def on_day_changed(self, day: date) -> None:
        """The app's today moved (midnight passed); tabs refresh what they show."""

    def redraw(self, select: str | None = None) -> None:
        """Redraw what the tab shows from the store (keeping, or moving to, ``select``)."""

    def focus_first(self) -> None:
        """Give focus to the tab's main widget."""
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return

