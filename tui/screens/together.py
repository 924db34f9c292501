"""The Together screen: pairing with the partner's devices, and how Together is going.

Opened from the command palette ("Together…") and from the settings form. It takes the
steps of ``micro-romance pair ...`` (tui.sync.pairing does each of them, here as there):

* not paired: start or join with a folder path and the person's name;
* a device waiting: its pairing code (``Pairing code: ...`` on a line of its own) for the two
  people to compare, with "They match" (then: whose device is it, the partner's or one's own)
  and "Not us" (asked first, naming the device);
* paired: the pair in words, "Sync now", "Remove…" a confirmed device (asked first, naming it)
  and "Leave…" (asked first; nothing local is deleted).

Each step is taken through the Host (``host.together.steps``): making the keys and every read or
write of the shared folder run in a worker thread (tui/screens/together_work.py), so a key never
waits on a slow drive. Paths, names and
messages reach the screen as literal Content. After a step the app's rounds and the header's
mark follow (``host.together_changed``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from tui.host import host_of
from tui.screens import together_text as say
from tui.screens.together_decide import DeviceDecisions
from tui.screens.together_work import PairingWork, Reading
from tui.themes import HEADER_ICON
from tui.widgets.footer import Footer
from tui.widgets.header import Header
from tui.widgets.page import ScrollPage

if TYPE_CHECKING:
    from tui.sync.pairing import Status
    from tui.together.steps import PairingSteps

REFRESH_EVERY = 5.0
"""Seconds between readings of the shared folder while the screen is shown (a key arriving)."""
SHORT_HEIGHT = 24
"""Below this many rows, fields and buttons go without their frames so a whole step fits."""


class TogetherScreen(Screen[None]):
    """Start or join, compare the pairing code, or see the pair, sync now, remove a device and leave.

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
        self._status: Status | None = None
        self._shape: tuple[bool, str] | None = None  # (paired, the device asked about) as shown
        self._defaults_shown = False
        self._defaults = ("", "")
        """The folder and name the form opened with (a leaving pairing's, or empty): typed words differ."""
        self._round_asked = False
        self._work: PairingWork | None = None

    @property
    def state_dir(self) -> Path:
        return host_of(self).store.data_dir / "sync"

    @property
    def steps(self) -> PairingSteps:
        """The pairing's steps, through the Host; each taken in the work's thread, never on this one."""
        return host_of(self).together.steps

    @property
    def work(self) -> PairingWork:
        if self._work is None:
            self._work = PairingWork(self, self.steps)
        return self._work

    def compose(self) -> ComposeResult:
        yield Header(icon=HEADER_ICON)
        with ScrollPage(id="together-body"):
            yield Static(Content("Together"), id="together-title")
            yield Static(Content(""), id="together-intro")
            yield Static(Content(""), id="together-status")
            with Vertical(id="together-begin"):
                yield Static(Content("The shared folder"), classes="together-label")
                yield Input(placeholder="for example ~/Sync/us", id="together-folder")
                yield Static(Content("Your name, as your partner will see it"), classes="together-label")
                yield Input(placeholder="the name your partner knows you by", id="together-name")
                with Horizontal(classes="together-buttons"):
                    yield Button(Content("Start"), variant="primary", id="together-start")
                    yield Button(Content("Join"), id="together-join")
            with Vertical(id="together-confirm"):
                yield Static(Content(""), id="together-compare")
                with Horizontal(classes="together-buttons"):
                    yield Button(Content("They match"), variant="primary", id="together-match")
                    yield Button(Content("Not us…"), variant="error", id="together-not-us")
            with Horizontal(id="together-actions", classes="together-buttons"):
                yield Button(Content("Sync now"), id="together-sync")
                yield Button(Content("Remove…"), id="together-remove")
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
        self._layout(paired=host_of(self).together.paired, status=None)
        self.watch(self.app, "sub_title", self._mark_changed, init=False)
        self.set_interval(REFRESH_EVERY, self._refresh_quietly, name="together refresh")
        self.action_check()

    def on_resize(self) -> None:
        short = self.size.height < SHORT_HEIGHT
        for widget in (*self.query(Input), *self.query(Button)):
            widget.compact = short

    # ------------------------------------------------------------ what the work shows (PairingView)

    def say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#together-message", Static)
        message.update(Content(say.sentence(text) if text else ""))
        message.set_class(error, "-error")
        message.display = bool(text)

    def show(self, reading: Reading) -> None:
        status = reading.status
        self._status = status
        if not status.paired and not self._defaults_shown:
            self._defaults_shown = True
            self._defaults = (reading.folder, reading.name)
            self.query_one("#together-folder", Input).value = reading.folder
            self.query_one("#together-name", Input).value = reading.name
        self._layout(paired=status.paired, status=status)
        asked = say.subject(status)
        shape = (status.paired, f"{asked.device} {bool(asked.code)}" if asked else "")
        if shape != self._shape:  # another part of the screen shows: focus its first field
            self._shape = shape
            self._focus_first()

    def unreadable(self, reason: str) -> None:
        """The pairing could not be read: say so instead of "Reading…"."""
        self.query_one("#together-intro").display = False
        self.say(f"This device's pairing (in {self.state_dir}) cannot be read: {reason}", error=True)

    def focus_on(self, selector: str) -> None:
        self.query_one(selector).focus()

    # ------------------------------------------------------------ showing

    def _set(self, widget_id: str, text: str) -> None:
        self.query_one(f"#{widget_id}", Static).update(Content(text))

    def _show_demo(self) -> None:
        self._set("together-intro", say.DEMO)
        for part in ("together-status", "together-begin", "together-confirm", "together-actions"):
            self.query_one(f"#{part}").display = False

    def _layout(self, *, paired: bool, status: Status | None) -> None:
        """Show the part of the screen for the pairing as last read (status None: not read yet)."""
        asked = say.subject(status) if status is not None else None
        self.query_one("#together-begin").display = not paired
        self.query_one("#together-actions").display = paired
        self.query_one("#together-remove").display = bool(status and status.confirmed)
        self.query_one("#together-confirm").display = paired and asked is not None
        if not paired:
            intro = say.INTRO
        elif status is None:
            intro = "Reading the shared folder…"
        elif not status.confirmed and not status.waiting:
            intro = say.NO_KEY_YET
        else:
            intro = ""
        self._set("together-intro", intro)
        self.query_one("#together-intro").display = bool(intro)
        lines = say.status_lines(status, host_of(self).now()) if paired and status is not None else []
        self._set("together-status", "\n".join(lines))
        self.query_one("#together-status").display = bool(lines)
        if asked is not None and status is not None:
            self._set("together-compare", say.compare_text(asked, status))
            self.query_one("#together-match").display = bool(asked.code)

    def _focus_first(self) -> None:
        status = self._status
        if status is None or not status.paired:
            field = self.query_one("#together-folder", Input)
            (field if not field.value else self.query_one("#together-start", Button)).focus()
        elif (asked := say.subject(status)) is not None:
            self.query_one("#together-match" if asked.code else "#together-not-us", Button).focus()
        else:
            self.query_one("#together-sync", Button).focus()

    def _still_busy(self) -> bool:
        """True (and said) while a step is under way: one step at a time."""
        if self.work.busy:
            self.say("One step at a time: the one under way finishes first.")
        return self.work.busy

    def _refresh_quietly(self) -> None:
        if not self.work.busy and self.is_current:
            self.work.read()

    def after_step(self, text: str) -> Callable[[object], None]:
        """What a step's result does: the rounds follow, the message says ``text``, the folder is read again."""

        def done(_result: object) -> None:
            host_of(self).together_changed()
            if self.is_attached:
                self.say(text)
                self.work.read()

        return done

    # ------------------------------------------------------------ steps

    def action_check(self) -> None:
        """Read the pairing and the shared folder again."""
        if not host_of(self).demo:
            self.work.read()

    def action_close(self) -> None:
        """Back to where you were; words typed in the form (not started yet) are let go only when asked."""
        typed = tuple(self.query_one(f"#together-{name}", Input).value for name in ("folder", "name"))
        paired = self._status is not None and self._status.paired
        if paired or typed == self._defaults or not any(text.strip() for text in typed):
            self.dismiss(None)
            return
        from tui.dialogs.basic import ConfirmDialog

        question = ConfirmDialog(
            "Leave without pairing?",
            "The folder and name typed here are not kept.",
            yes="Leave",
            no="Keep editing",
        )
        self.app.push_screen(question, lambda leave: self.dismiss(None) if leave else None)

    @on(Button.Pressed, "#together-start, #together-join")
    def _begin_pressed(self, event: Button.Pressed) -> None:
        self.begin(join=event.button.id == "together-join")

    @on(Input.Submitted, "#together-folder")
    def _folder_entered(self) -> None:
        self.query_one("#together-name", Input).focus()

    @on(Input.Submitted, "#together-name")
    def _name_entered(self) -> None:
        self.query_one("#together-start", Button).focus()
        self.say("Now choose Start (the first of you) or Join (your partner has started).")

    def begin(self, *, join: bool) -> None:
        """Start or join with the folder and name typed in."""
        if self._still_busy():
            return
        folder = self.query_one("#together-folder", Input).value.strip()
        if not folder:
            self.say("Type the path of the shared folder first (for example ~/Sync/us).", error=True)
            self.focus_on("#together-folder")
            return
        name = self.query_one("#together-name", Input).value.strip()
        if not name:
            self.say("Type your name first, as your partner will see it.", error=True)
            self.focus_on("#together-name")
            return
        steps = self.steps

        def work() -> Status:
            return steps.begin(Path(folder), name, join=join)

        def begun(status: Status) -> None:
            self.after_step(say.begun_text(status, join=join))(status)

        self.work.step(
            work,
            begun,
            working="Putting this device's public keys into the folder…",
            missing="make it (or let your sync tool make it) first. Nothing was changed",
            focus="#together-folder",
        )

    @on(Button.Pressed, "#together-match")
    def they_match(self) -> None:
        """The codes match: ask whose device it is, then confirm it."""
        if self._status is not None and not self._still_busy():
            DeviceDecisions(self, self._status).they_match()

    @on(Button.Pressed, "#together-not-us")
    def not_us(self) -> None:
        """Turn the waiting device away, after asking (the question names it)."""
        if self._status is not None and not self._still_busy():
            DeviceDecisions(self, self._status).not_us()

    @on(Button.Pressed, "#together-remove")
    def remove_device(self) -> None:
        """Remove a confirmed device, after asking (choosing which first when there are several)."""
        if self._status is not None and not self._still_busy():
            DeviceDecisions(self, self._status).remove()

    @on(Button.Pressed, "#together-sync")
    def sync_now(self) -> None:
        """A round now (the app's own, in its worker); the header says how it went."""
        if self._still_busy():
            return
        if host_of(self).sync_now():
            self._round_asked = True
            self.say("Syncing… the header says how the round went.")
        else:
            mark = str(self.app.sub_title).removeprefix("together: ")
            self.say(f"Not synced: {mark or 'this device is not paired'}.", error=True)

    def _mark_changed(self, mark: str) -> None:
        """A round ended (or began): read the status again; say how the round asked for went."""
        if not self.is_attached or not mark.startswith("together: ") or mark.endswith("syncing…"):
            return
        if self._round_asked:
            self._round_asked = False
            self.say(f"Sync now: {mark.removeprefix('together: ')}.")
        if not self.work.busy:
            self.work.read()

    @on(Button.Pressed, "#together-leave")
    def leave(self) -> None:
        """Stop sharing on this device, after asking; nothing local is deleted."""
        from tui.dialogs.basic import ConfirmDialog

        if self._still_busy():
            return
        folder = self._status.folder if self._status is not None else ""
        question = ConfirmDialog("Leave Together on this device?", say.leave_question(folder), yes="Leave", no="Stay")
        self.app.push_screen(question, self._leave_answered)

    def _leave_answered(self, yes: bool | None) -> None:
        if not yes:
            self.say("Nothing changed: this device still shares.")
            return
        steps = self.steps

        def work() -> bool:
            return steps.leave()

        def left(was_paired: bool) -> None:
            self._defaults_shown = False
            self.after_step(say.LEFT)(was_paired)

        self.work.step(work, left, working="Leaving…")
