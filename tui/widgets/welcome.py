"""The first-run welcome and the settings screen: one small form, both optional.

Asks for the partner's name, their love languages in ranked order (the order
in which they are ticked is the rank) and whether the couple is mostly
together or apart. Everything may be left empty; the welcome can be skipped.
Saved through ``store.save_settings``; the name is shown literally.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import replace

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui.model import LOVE_LANGUAGES, Settings
from tui.errors import StoreWriteError
from tui.text import TextError, check_name

_ORDINALS = ("1st", "2nd", "3rd", "4th", "5th")

PLACES: dict[str, str] = {
    "together": "Mostly together",
    "apart": "Mostly apart",
    "": "Not sure",
}
"""The together/apart choices, keyed by ``Settings.together``."""

RITUAL_PICKER = "tui.widgets.ritual_picker"


def _language_prompt(language: str, rank: int | None) -> Content:
    label = LOVE_LANGUAGES[language]
    if rank is None:
        return Content(label)
    return Content.assemble(label.ljust(22), (_ORDINALS[rank] if rank < len(_ORDINALS) else f"{rank + 1}th", "bold"))


def offer_rituals(app: App[object]) -> None:
    """After the welcome, offer the default rituals when there are none yet."""
    store = getattr(app, "store", None)
    if store is None or store.rituals(include_archived=True):
        return
    if importlib.util.find_spec(RITUAL_PICKER) is None:
        return
    module = importlib.import_module(RITUAL_PICKER)
    app.push_screen(module.RitualPickerScreen())


class SettingsForm(ModalScreen[bool]):
    """The form shared by the welcome and the settings screen; dismisses True when saved."""

    TITLE_TEXT = "Settings"
    INTRO = "What you tell us here only shapes the suggestions. Change it whenever you like."
    LEAVE_LABEL = "Cancel"
    HINT = "tab moves · space ticks\nctrl+s saves · esc cancels"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings.save", tooltip="Save these settings"),
        Binding("escape", "leave", "Cancel", id="settings.leave", tooltip="Close without saving"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="settings-screen")

    def compose(self) -> ComposeResult:
        settings: Settings = self.app.store.settings()  # type: ignore[attr-defined]
        self._ranked = [lang for lang in settings.love_languages if lang in LOVE_LANGUAGES]
        with VerticalScroll(classes="settings-dialog"):
            yield Static(Content(self.TITLE_TEXT), classes="settings-title")
            yield Static(Content(self.INTRO), classes="settings-intro")
            yield Static(Content("Your partner's name (optional)"), classes="settings-label")
            yield Input(
                settings.partner_name,
                placeholder="Their name, or leave it empty",
                id="partner-name",
            )
            with Horizontal(classes="settings-columns"):
                with Vertical(classes="settings-column"):
                    yield Static(Content("Their love languages, in order"), classes="settings-label")
                    yield SelectionList[str](
                        *(
                            Selection(_language_prompt(lang, None), lang, id=lang)
                            for lang in LOVE_LANGUAGES
                        ),
                        id="love-languages",
                    )
                with Vertical(classes="settings-column"):
                    yield Static(Content("Mostly together or apart?"), classes="settings-label")
                    with RadioSet(id="together"):
                        for key, label in PLACES.items():
                            yield RadioButton(
                                Content(label),
                                value=settings.together == key,
                                id=f"place-{key or 'unsure'}",
                            )
            with Horizontal(classes="settings-buttons"):
                yield Static(Content(self.HINT), id="settings-message")
                yield Button(Content("Save"), variant="primary", id="save")
                yield Button(Content(self.LEAVE_LABEL), id="leave")

    def on_mount(self) -> None:
        name = self.query_one("#partner-name", Input)
        name.cursor_blink = False
        languages = self.query_one("#love-languages", SelectionList)
        for lang in self._ranked:  # selection order is the rank
            languages.select(lang)
        self._show_ranks()
        name.focus()

    # ------------------------------------------------------------ the form

    def ranked_languages(self) -> tuple[str, ...]:
        """The ticked love languages, in the order they were ticked."""
        return tuple(self.query_one("#love-languages", SelectionList).selected)

    def together(self) -> str:
        pressed = self.query_one("#together", RadioSet).pressed_button
        key = (pressed.id or "") if pressed else ""
        key = key.removeprefix("place-")
        return "" if key == "unsure" else key

    def _show_ranks(self) -> None:
        languages = self.query_one("#love-languages", SelectionList)
        order = languages.selected
        for lang in LOVE_LANGUAGES:
            rank = order.index(lang) if lang in order else None
            languages.replace_option_prompt(lang, _language_prompt(lang, rank))

    @on(SelectionList.SelectedChanged, "#love-languages")
    def _languages_changed(self) -> None:
        self._show_ranks()

    @on(Input.Submitted, "#partner-name")
    def _name_entered(self) -> None:
        self.focus_next()

    def _say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#settings-message", Static)
        message.update(Content(text))
        message.set_class(error, "-error")

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Save what was entered (every field may be empty)."""
        raw = self.query_one("#partner-name", Input).value
        try:
            name = check_name(raw) if raw.strip() else ""
        except TextError as exc:
            self._say(str(exc), error=True)
            self.query_one("#partner-name", Input).focus()
            return
        store = self.app.store  # type: ignore[attr-defined]
        settings = replace(
            store.settings(),
            partner_name=name,
            love_languages=self.ranked_languages(),
            together=self.together(),
            welcomed=True,
        )
        try:
            store.save_settings(settings)
        except StoreWriteError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False)
            return
        self._finish(True)

    @on(Button.Pressed, "#leave")
    def action_leave(self) -> None:
        """Close without saving."""
        self._finish(False)

    def _finish(self, saved: bool) -> None:
        self.dismiss(saved)


class SettingsScreen(SettingsForm):
    """Change the partner's name, love languages and together/apart (key s)."""


class WelcomeScreen(SettingsForm):
    """The first-run welcome: a warm hello and the same optional questions."""

    TITLE_TEXT = "Welcome to micro-romance"
    INTRO = (
        "One small act of care a day keeps two people close. Tell us a little so the "
        "suggestions fit you both; all optional, and s changes it later."
    )
    LEAVE_LABEL = "Skip for now"
    HINT = "tab moves · space ticks\nctrl+s saves · esc skips"

    BINDINGS = [
        Binding("escape", "leave", "Skip", id="welcome.skip", tooltip="Skip the questions for now"),
    ]

    def _finish(self, saved: bool) -> None:
        app = self.app
        if not saved:
            store = app.store  # type: ignore[attr-defined]
            try:
                store.save_settings(replace(store.settings(), welcomed=True))
            except StoreWriteError as exc:
                self.notify(str(exc), title="Not saved", severity="error", markup=False)
        self.dismiss(saved)
        offer_rituals(app)
