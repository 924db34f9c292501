"""The Together screen's decisions about one device (tui/screens/together.py): the codes match
(whose device is it?), "Not us" for a waiting device, "Remove" for a confirmed one. Each is
asked first, in a dialog that names the device; the step itself, taken through the Host
(``host.together.steps``), runs in the screen's worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.screens import together_text as say

if TYPE_CHECKING:
    from tui.screens.together import TogetherScreen
    from tui.sync.pairing import Device, Removed, Status


class DeviceDecisions:
    """The questions about one device and the steps they lead to, for a screen showing ``status``."""

    def __init__(self, screen: TogetherScreen, status: Status) -> None:
        self.screen = screen
        self.status = status

    def they_match(self) -> None:
        """The codes match: ask whose device it is, then confirm it."""
        from tui.dialogs.basic import Choice, ChoiceDialog

        status = self.status
        asked = say.subject(status)
        if asked is None or not asked.code:
            return
        title, words = say.whose_question(asked, status)
        choices = [
            Choice(
                "partner",
                f"{asked.name}'s" if asked.name.casefold() != status.name.casefold() else "My partner's",
                "p",
                "primary",
            ),
            Choice("mine", "One of mine", "m"),
        ]
        self.screen.app.push_screen(
            ChoiceDialog(title, words, choices), lambda whose: self._whose(asked, status, whose)
        )

    def _whose(self, device: Device, status: Status, whose: str | None) -> None:
        if whose not in ("partner", "mine"):
            self.screen.say("Nothing was confirmed.")
            return
        steps, code, mine = self.screen.steps, device.code, whose == "mine"

        def work() -> Device:
            return steps.confirm(code, mine=mine)

        def confirmed(found: Device) -> None:
            self.screen.after_step(say.confirmed_text(found, status))(found)

        self.screen.work.step(work, confirmed, working="Confirming…", missing="nothing was confirmed")

    def not_us(self) -> None:
        """Turn the waiting device away, after asking (the question names it)."""
        status = self.status
        asked = say.subject(status)
        if asked is not None:
            self._ask_then_remove(asked, say.not_us_question(asked, status), yes="Not us", no="Keep it waiting")

    def remove(self) -> None:
        """Remove a confirmed device, after asking (choosing which first when there are several)."""
        from tui.dialogs.basic import Choice, ChoiceDialog

        status = self.status
        if not status.confirmed:
            return
        if len(status.confirmed) == 1:
            self._remove_confirmed(status, status.confirmed[0].device)
            return
        keys = "123456789"
        choices = [Choice(d.device, say.device_label(d, status), keys[i]) for i, d in enumerate(status.confirmed[:9])]
        dialog = ChoiceDialog("Remove which device?", "Choose the device to remove; you are asked again.", choices)
        self.screen.app.push_screen(dialog, lambda device: self._remove_confirmed(status, device))

    def _remove_confirmed(self, status: Status, device_id: str | None) -> None:
        device = next((d for d in status.confirmed if d.device == device_id), None)
        if device is None:
            self.screen.say("Nothing was removed.")
            return
        self._ask_then_remove(device, say.remove_question(device, status), yes="Remove", no="Keep it")

    def _ask_then_remove(self, device: Device, question: tuple[str, str], *, yes: str, no: str) -> None:
        from tui.dialogs.basic import ConfirmDialog

        def answered(sure: bool | None) -> None:
            if not sure:
                self.screen.say(f"Nothing changed: {device.name}'s device stays as it was.")
                return
            steps = self.screen.steps

            def work() -> Removed:
                return steps.remove(device.device)

            def removed(done: Removed) -> None:
                self.screen.after_step(say.removed_text(done.name, done.was_confirmed))(done)

            self.screen.work.step(work, removed, working="Removing…", missing="nothing was removed")

        self.screen.app.push_screen(ConfirmDialog(question[0], question[1], yes=yes, no=no), answered)
