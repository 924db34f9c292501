"""What every tab shares."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from typing import Any

from textual.containers import Vertical
from textual.geometry import Size
from textual.widget import Widget

from tui.host import Host, host_of


class TabBase(Vertical):
    """What every tab shares: its id, title, help text and the app's day.

    ``redraw()`` re-reads the store and repaints (each tab's ``draw``);
    ``redraw_if_stale()`` does so only when something the tab shows may have
    changed since its last redraw: a write, the day, the tab's size. Showing,
    resizing or focusing a tab asks for the second, so switching back to a tab
    repaints nothing it does not have to.
    """

    TAB_ID = ""
    TAB_TITLE = ""
    HELP = ""
    """Plain text shown under the tab's keys on the help screen."""

    _drawn: Hashable = None
    """What the last redraw was drawn for (``_drawn_for()``)."""

    @property
    def host(self) -> Host:
        """The app as this tab may use it: the store, today, ``save``."""
        return host_of(self)

    def on_mount(self) -> None:
        self.watch(self.app, "today", self.on_day_changed, init=False)

    def on_show(self) -> None:
        # Another tab or screen (the welcome, settings, a dialog) may have written meanwhile.
        self.redraw_if_stale()

    def on_day_changed(self, day: date) -> None:
        """The app's today moved (midnight passed); tabs refresh what they show."""

    def redraw(self, select: str | None = None) -> None:
        """Redraw what the tab shows from the store (keeping, or moving to, ``select``)."""
        if not self.is_attached or not self.children:  # removed, or not composed yet (it draws on mount)
            return
        self.draw(select)
        self._drawn = self._drawn_for()

    def redraw_if_stale(self) -> None:
        """Redraw unless nothing the tab shows can have changed since the last redraw.

        A hidden tab has no size yet; it is redrawn when it gets one (on show or resize).
        """
        if self.is_mounted and self.size and self._drawn != self._drawn_for():
            self.redraw()

    def _drawn_for(self) -> Hashable:
        host = self.host
        return host.generation, host.today, self.view_size

    @property
    def view_size(self) -> Size:
        """The tab's size; while it is hidden, the size it will have (the shown tab's).

        A tab built before its first showing draws for this size, so that it
        is right on its first frame.
        """
        if self.size:
            return self.size
        pane = self.parent
        panes = pane.parent.children if pane is not None and pane.parent is not None else ()
        for other in panes:
            if other is not pane and other.display and other.size:
                return other.content_size
        return Size(0, 0)

    def draw(self, select: str | None = None) -> None:
        """Draw what the tab shows from the store; each tab's own."""

    def open_editor(
        self,
        title: str,
        text: str,
        save: Callable[[str], str],
        *,
        draft_key: str = "",
        draft_home: str = "",
        draft_year: int | None = None,
    ) -> None:
        """The note editor over the tab: ``save(text)`` writes the cleaned text and returns
        the entry's id, which the redraw after saving selects; focus comes back either way.
        ``draft_key`` names the editor for its draft (the same note, the same prompt); ``draft_home``
        the editor that offers its words if the entry goes (by default, by its kind); ``draft_year``
        the year of the entry edited, where it is looked for first."""
        from tui.dialogs.editor import EditorScreen  # not before the first frame

        saved: list[str] = []

        def closed(result: str | None) -> None:
            if result is not None:
                self.redraw(saved[-1] if saved else None)
            self.focus_first()

        editor = EditorScreen(title, lambda text: saved.append(save(text)), text=text)
        editor.draft_key, editor.draft_home, editor.draft_year = draft_key, draft_home, draft_year
        self.app.push_screen(editor, closed)

    def mark_shared(self, entry_id: str, share: Callable[[Any], None]) -> None:
        """Mark an entry to share with the partner: ``share(together)`` marks it (a note, an
        answer); says whether it goes at the next round or once paired, and redraws on it."""
        together = self.host.together
        try:
            together.share(share)
        except (OSError, ValueError) as exc:  # a hand-edited together.json says which file
            self.app.notify(
                f"Not shared ({getattr(exc, 'strerror', None) or exc}).",
                title="Not saved",
                severity="error",
                markup=False,
            )
            return
        self.app.notify(self.share_words(), markup=False)
        if together.paired:
            self.host.sync_soon()
        self.redraw(entry_id)

    def share_words(self) -> str:
        """What marking an entry to share says: when it reaches the partner, in the words the shell
        uses too (tui.domain.share), with the full screen's way to the next step."""
        from tui.domain.share import marked_to_share

        together = self.host.together
        return marked_to_share(
            paired=together.paired,
            partner=together.partner,
            named=self.host.store.settings().partner_name,
            to_pair="Together… in ctrl+p, or micro-romance pair start FOLDER",
            to_confirm="Together… in ctrl+p",
        )

    def focus_first(self) -> None:
        """Give focus to the tab's main widget."""
        for widget in self.query("*"):
            if widget.focusable:
                self.take_focus(widget)
                return

    def take_focus(self, widget: Widget) -> None:
        """Focus ``widget`` now, not after the keys already typed: a key that comes in the same
        read as the tab's key ("3a") is the new tab's. (``Widget.focus`` waits for the queue.)"""
        if self.app.screen is self.screen and widget.focusable:
            self.screen.set_focus(widget)
        else:
            widget.focus()
