"""The Together screen: pairing with the partner's devices, and how Together is going.

Opened from the command palette ("Together…") and from the settings form. It takes the
steps of ``micro-romance pair ...`` (tui.sync.pairing does each of them, here as there):

* not paired: start or join with a folder path and the person's name;
* a device waiting: its pairing code (``Pairing code: ...`` on a line of its own), to compare
  with the partner's screen and type in to confirm;
* paired: what ``pair status`` says, "Sync now" and "Leave" (asked first; nothing local is
  deleted).

Making the key and every read or write of the shared folder run in a worker thread, so a
key never waits on a slow drive. Paths, names and messages reach the screen as literal
Content. After a step the app's rounds and the header's mark follow (``host.together_changed``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from tui.host import host_of
from tui.screens.together_text import (
    DEMO,
    INTRO,
    LEFT,
    NO_KEY_YET,
    begun_text,
    compare_text,
    confirmed_text,
    leave_question,
    sentence,
)
from tui.screens.together_work import PairingWork, Reading
from tui.themes import HEADER_ICON
from tui.together.state import is_paired
from tui.widgets.footer import Footer
from tui.widgets.header import Header

if TYPE_CHECKING:
    from tui.sync.pairing import Device, Status

REFRESH_EVERY = 5.0
"""Seconds between readings of the shared folder while the screen is shown (a key arriving)."""
SHORT_HEIGHT = 24
"""Below this many rows, fields and buttons go without their frames so a whole step fits."""


class TogetherScreen(PairingWork, Screen[None]):
    """Start or join, confirm the pairing code, or see the pair, sync now and leave.

    | Key | Does |
    | :- | :- |
    | ``escape`` | back to where you were |
    | ``ctrl+r`` | read the shared folder again |
    """

    BINDINGS = [
        Binding(
            "ctrl+r",
            "check",
            "Check again",
            key_display="ctrl+r",
            id="together.check",
            tooltip="Read the shared folder again: a key that arrived, the last round",
        ),
        Binding("escape", "close", "Close", id="together.close", tooltip="Back to where you were"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._busy = False
        self._status: Status | None = None
        self._shape: tuple[bool, bool] | None = None  # (paired, a device waiting) as shown
        self._defaults_shown = False
        self._round_asked = False

    @property
    def state_dir(self) -> Path:
        return host_of(self).store.sync_dir

    def compose(self) -> ComposeResult:
        yield Header(icon=HEADER_ICON)
        with VerticalScroll(id="together-body"):
            yield Static(Content("Together"), id="together-title")
            yield Static(Content(""), id="together-intro")
            yield Static(Content(""), id="together-status")
            with Vertical(id="together-begin"):
                yield Static(Content("The shared folder"), classes="together-label")
                yield Input(placeholder="for example ~/Sync/us", id="together-folder")
                yield Static(Content("Your name, as your partner will see it"), classes="together-label")
                yield Input(id="together-name")
                with Horizontal(classes="together-buttons"):
                    yield Button(Content("Start"), variant="primary", id="together-start")
                    yield Button(Content("Join"), id="together-join")
            with Vertical(id="together-confirm"):
                yield Static(Content(""), id="together-compare")
                with Horizontal(classes="together-code-row"):
                    yield Input(placeholder="123 456", id="together-code")
                    yield Button(Content("Confirm"), variant="primary", id="together-confirm-code")
            with Horizontal(id="together-actions", classes="together-buttons"):
                yield Button(Content("Sync now"), id="together-sync")
                yield Button(Content("Leave…"), variant="error", id="together-leave")
        yield Static(Content(""), id="together-message")
        yield Footer()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.query_one("#together-message").display = False
        if host_of(self).demo:
            self._show_demo()
            return
        self._layout(paired=is_paired(self.state_dir), status=None)
        self.watch(self.app, "sub_title", self._mark_changed, init=False)
        self.set_interval(REFRESH_EVERY, self._refresh_quietly, name="together refresh")
        self.action_check()

    def on_resize(self) -> None:
        short = self.size.height < SHORT_HEIGHT
        for widget in (*self.query(Input), *self.query(Button)):
            widget.compact = short

    # ------------------------------------------------------------ showing

    def _set(self, widget_id: str, text: str) -> None:
        self.query_one(f"#{widget_id}", Static).update(Content(text))

    def _show_demo(self) -> None:
        self._set("together-intro", DEMO)
        for part in ("together-status", "together-begin", "together-confirm", "together-actions"):
            self.query_one(f"#{part}").display = False

    def _layout(self, *, paired: bool, status: Status | None) -> None:
        """Show the part of the screen for the pairing as last read (status None: not read yet)."""
        waiting = list(status.waiting) if status is not None else []
        self.query_one("#together-begin").display = not paired
        self.query_one("#together-actions").display = paired
        self.query_one("#together-confirm").display = paired and bool(waiting)
        if not paired:
            intro = INTRO
        elif status is None:
            intro = "Reading the shared folder…"
        elif not status.confirmed and not waiting:
            intro = NO_KEY_YET
        else:
            intro = ""
        self._set("together-intro", intro)
        self.query_one("#together-intro").display = bool(intro)
        self._set("together-status", "\n".join(status.lines()) if paired and status is not None else "")
        self.query_one("#together-status").display = paired and status is not None
        if waiting:
            self._set("together-compare", compare_text(waiting))

    def _apply(self, reading: Reading) -> None:
        status = reading.status
        self._status = status
        if not status.paired and not self._defaults_shown:
            self._defaults_shown = True
            self.query_one("#together-folder", Input).value = reading.folder
            self.query_one("#together-name", Input).value = reading.name
        self._layout(paired=status.paired, status=status)
        shape = (status.paired, bool(status.waiting))
        if shape != self._shape:  # another part of the screen shows: focus its first field
            self._shape = shape
            self._focus_first()

    def _focus_first(self) -> None:
        status = self._status
        if status is None or not status.paired:
            field = self.query_one("#together-folder", Input)
            (field if not field.value else self.query_one("#together-start", Button)).focus()
        elif status.waiting:
            self.query_one("#together-code", Input).focus()
        else:
            self.query_one("#together-sync", Button).focus()

    def _unreadable(self, reason: str) -> None:
        """The pairing could not be read: say so instead of "Reading…"."""
        self.query_one("#together-intro").display = False
        self._say(f"This device's pairing (in {self.state_dir}) cannot be read: {reason}", error=True)

    def _still_busy(self) -> bool:
        """True (and said) while a step is under way: one step at a time."""
        if self._busy:
            self._say("One step at a time: the one under way finishes first.")
        return self._busy

    def _say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#together-message", Static)
        message.update(Content(sentence(text) if text else ""))
        message.set_class(error, "-error")
        message.display = bool(text)

    def _refresh_quietly(self) -> None:
        if not self._busy and self.is_current:
            self._read_in_thread()

    # ------------------------------------------------------------ steps

    def action_check(self) -> None:
        """Read the pairing and the shared folder again."""
        if not host_of(self).demo:
            self._read_in_thread()

    def action_close(self) -> None:
        """Back to where you were."""
        self.dismiss(None)

    @on(Button.Pressed, "#together-start, #together-join")
    def _begin_pressed(self, event: Button.Pressed) -> None:
        self.begin(join=event.button.id == "together-join")

    @on(Input.Submitted, "#together-folder")
    def _folder_entered(self) -> None:
        self.query_one("#together-name", Input).focus()

    @on(Input.Submitted, "#together-name")
    def _name_entered(self) -> None:
        self.query_one("#together-start", Button).focus()
        self._say("Now choose Start (the first of you) or Join (your partner has started).")

    def begin(self, *, join: bool) -> None:
        """Start or join with the folder and name typed in."""
        if self._still_busy():
            return
        folder = self.query_one("#together-folder", Input).value.strip()
        if not folder:
            self._say("Type the path of the shared folder first (for example ~/Sync/us).", error=True)
            self.query_one("#together-folder", Input).focus()
            return
        name = self.query_one("#together-name", Input).value.strip() or None
        state_dir = self.state_dir

        def work() -> Status:
            from tui.sync import pairing

            return (pairing.join if join else pairing.start)(state_dir, Path(folder), name)

        self._in_thread(
            work,
            lambda status: self._begun(status, join),
            working="Putting this device's public key into the folder…",
            missing="make it (or let your sync tool make it) first. Nothing was changed",
            focus="#together-folder",
        )

    def _begun(self, status: Status, join: bool) -> None:
        host_of(self).together_changed()
        if not self.is_attached:
            return
        self._say(begun_text(status, join=join))
        self._read_in_thread()

    @on(Input.Submitted, "#together-code")
    @on(Button.Pressed, "#together-confirm-code")
    def confirm(self) -> None:
        """Confirm the code typed in; a wrong code is refused and changes nothing."""
        if self._still_busy():
            return
        code = self.query_one("#together-code", Input).value
        if not code.strip():
            self._say("Type the pairing code first: six digits, as shown above.", error=True)
            self.query_one("#together-code", Input).focus()
            return
        state_dir = self.state_dir

        def work() -> Device:
            from tui.sync import pairing

            return pairing.confirm(state_dir, code)

        self._in_thread(
            work, self._confirmed, working="Checking the code…", missing="nothing was confirmed", focus="#together-code"
        )

    def _confirmed(self, device: Device) -> None:
        host_of(self).together_changed()
        if not self.is_attached:
            return
        self.query_one("#together-code", Input).value = ""
        self._say(confirmed_text(device))
        self._read_in_thread()

    @on(Button.Pressed, "#together-sync")
    def sync_now(self) -> None:
        """A round now (the app's own, in its worker); the header says how it went."""
        if self._still_busy():
            return
        if host_of(self).sync_now():
            self._round_asked = True
            self._say("Syncing… the header says how the round went.")
        else:
            mark = str(self.app.sub_title).removeprefix("together: ")
            self._say(f"Not synced: {mark or 'this device is not paired'}.", error=True)

    def _mark_changed(self, mark: str) -> None:
        """A round ended (or began): read the status again; say how the round asked for went."""
        if not self.is_attached or not mark.startswith("together: ") or mark.endswith("syncing…"):
            return
        if self._round_asked:
            self._round_asked = False
            self._say(f"Sync now: {mark.removeprefix('together: ')}.")
        if not self._busy:
            self._read_in_thread()

    @on(Button.Pressed, "#together-leave")
    def leave(self) -> None:
        """Stop sharing on this device, after asking; nothing local is deleted."""
        from tui.dialogs.basic import ConfirmDialog

        if self._still_busy():
            return
        folder = self._status.folder if self._status is not None else ""
        question = ConfirmDialog("Leave Together on this device?", leave_question(folder), yes="Leave", no="Stay")
        self.app.push_screen(question, self._leave_answered)

    def _leave_answered(self, yes: bool | None) -> None:
        if not yes:
            self._say("Nothing changed: this device still shares.")
            return
        state_dir = self.state_dir

        def work() -> bool:
            from tui.sync import pairing

            return pairing.leave(state_dir)

        self._in_thread(work, self._left, working="Leaving…")

    def _left(self, _was_paired: bool) -> None:
        host_of(self).together_changed()
        if not self.is_attached:
            return
        self._defaults_shown = False
        self._say(LEFT)
        self._read_in_thread()
