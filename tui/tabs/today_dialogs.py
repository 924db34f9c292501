"""The Today tab's dialogs: the note when a gesture is done, and asking before unmarking it.

Mixed into :class:`tui.tabs.today.TodayTab`. A note that could not be saved
reopens in its dialog, so no word is lost.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tui.format import short_day
from tui.model import Gesture, GestureDay
from tui.record import replace
from tui.text import check_line

if TYPE_CHECKING:
    from textual.app import App

    from tui.host import Host


class TodayDialogs:
    """The Today tab's actions that open a dialog."""

    if TYPE_CHECKING:  # provided by TodayTab
        app: App[object]
        host: Host

        def redraw(self, select: str | None = None) -> None: ...
        def _notify(self, message: str) -> None: ...

    def _ask_note(self, day: date, gesture: Gesture, value: str = "") -> None:
        def save(note: str) -> None:
            """Written before the dialog closes: a failed write keeps it open with the note."""
            store = self.host.store
            current = store.gesture_day(day)
            if current is not None:
                store.save_gesture_day(replace(current, done=True, note=note))

        def saved(note: str | None) -> None:
            recorded = self.host.store.gesture_day(day)
            if note is None or recorded is None or not recorded.done:
                return
            self.redraw()
            self._notify("Done. That counts, and it matters.")

        from tui.dialogs.basic import LineDialog  # dialogs load when first needed, after the first frame

        dialog = LineDialog(
            "Done! How did it go?",
            value=value,
            placeholder="A few words, or leave it empty",
            hint="optional · enter or ctrl+s saves · esc closes",
            check=check_line,
            save=save,
            save_on_discard=True,  # discarding drops the note, not the gesture: it stays done
        )
        dialog.draft_key, dialog.draft_place = f"done:{day.isoformat()}", f"Done! How did it go? ({short_day(day)})"
        self.app.push_screen(dialog, saved)

    def _undo_done(self, recorded: GestureDay) -> None:
        def undo(yes: bool | None = True) -> None:
            if not yes:
                return
            store = self.host.store
            current = store.gesture_day(recorded.day)
            if current is None:
                return
            if (
                self.host.save(
                    lambda: store.save_gesture_day(
                        replace(current, done=False, note="", feedback="", partner_feedback="")
                    )
                )
                is None
            ):
                return
            self.redraw()
            self._notify("Marked as not done yet.")

        if recorded.note:
            from tui.dialogs.basic import ConfirmDialog

            self.app.push_screen(
                ConfirmDialog(
                    "Mark as not done?",
                    f"Its note will be removed: “{recorded.note}”",
                    yes="Unmark",
                    no="Keep it",
                ),
                undo,
            )
        else:
            undo()
