"""Pick rituals from our suggestions (first run, or ``p`` on the Rituals tab).

``RitualPickerScreen`` lists :func:`tui.content.default_rituals`; the daily
ones start ticked. Save adds the ticked ones (in one write) and dismisses how
many were added; Skip adds none and dismisses 0. Suggestions whose name the
user already has (case-insensitive, archived ones included) are shown but
cannot be ticked, so nothing is ever added twice.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui import content
from tui.format import schedule_label
from tui.host import host_of
from tui.widgets.marks import CheckList


class RitualPickerScreen(ModalScreen[int]):
    """Choose which suggested rituals to keep; dismisses the number added."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="picker.save", tooltip="Add the ticked rituals"),
        Binding("escape", "skip", "Skip", id="picker.skip", tooltip="Add none of them"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")
        self._suggestions = content.default_rituals()

    def _existing_names(self) -> set[str]:
        return {r.name.casefold() for r in host_of(self).store.rituals(include_archived=True)}

    def compose(self) -> ComposeResult:
        existing = self._existing_names()
        apart = host_of(self).store.settings().together == "apart"  # "Mostly apart" in the welcome
        selections: list[Selection[int]] = []
        for index, item in enumerate(self._suggestions):
            have = item["name"].casefold() in existing
            label = Content.assemble(
                item["name"],
                (f"  {schedule_label(item['weekdays'])}", "$foreground-muted"),
                ("  (already yours)", "$foreground-muted italic") if have else "",
            )
            ticked = not have and not item["weekdays"] and not (apart and item["together"])
            selections.append(Selection(label, index, initial_state=ticked, disabled=have))
        with Vertical(classes="dialog", id="ritual-picker"):
            yield Static(Content("Rituals to keep"), classes="dialog-title")
            yield Static(
                Content("Keep the ones that fit you two; you can change them later."),
                classes="dialog-message",
            )
            yield CheckList[int](*selections, id="picker-list")
            yield Static(Content(""), id="picker-about", classes="picker-about")
            yield Static(Content("space ticks · ctrl+s saves · esc skips"), classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Save (ctrl+s)"), variant="primary", id="picker-save")
                yield Button(Content("Skip (esc)"), id="picker-skip")

    def on_mount(self) -> None:
        picker = self.query_one("#picker-list", SelectionList)
        picker.focus()
        if picker.option_count:
            picker.highlighted = 0
        self._describe(0)

    def _describe(self, index: int | None) -> None:
        text = (
            self._suggestions[index]["description"] if index is not None and 0 <= index < len(self._suggestions) else ""
        )
        self.query_one("#picker-about", Static).update(Content(text))

    @on(SelectionList.SelectionHighlighted)
    def _highlighted(self, event: SelectionList.SelectionHighlighted) -> None:
        self._describe(event.selection.value)

    @on(Button.Pressed, "#picker-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#picker-skip")
    def _skip_pressed(self) -> None:
        self.action_skip()

    def chosen(self) -> list[dict]:
        """The suggestions ticked now, in the catalog's order."""
        picked = set(self.query_one("#picker-list", SelectionList).selected)
        return [item for index, item in enumerate(self._suggestions) if index in picked]

    def action_save(self) -> None:
        """Add the ticked rituals (skipping names already there) and close."""
        host = host_of(self)
        store, today = host.store, host.today
        existing = self._existing_names()

        def add() -> int:
            added = 0
            with store.batch():
                for item in self.chosen():
                    if item["name"].casefold() in existing:
                        continue
                    store.add_ritual(item["name"], weekdays=item["weekdays"], created=today)
                    existing.add(item["name"].casefold())
                    added += 1
            return added

        added = host.save(add)
        if added is None:
            return
        self.dismiss(added)

    def action_skip(self) -> None:
        """Close without adding any."""
        self.dismiss(0)
