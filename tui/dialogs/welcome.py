"""The first-run welcome and the settings screen: one small form, both optional.

Asks for the partner's name, their love languages as the user guesses them, in
ranked order (the order in which they are ticked is the rank), whether the couple
is mostly together or apart, and how the user feels loved (ranked the same way;
Together shares it with the partner). Once the partner has shared their own
ranking, a line under the guess says that theirs counts instead. Everything may
be left empty. Saving the welcome leads on to the rituals step; esc skips the
whole first run.
Saved through ``store.save_settings``; the name is shown literally.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Mapping
from typing import Any

from textual import events, on
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, RadioSet, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui import daily
from tui.domain.languages import loved_through_line
from tui.host import host_of
from tui.model import LOVE_LANGUAGES, Settings
from tui.record import replace
from tui.text import TextError, check_name
from tui.widgets.marks import CheckList, RadioMark
from tui.widgets.text_dialog import TextDialog

_ORDINALS = ("1st", "2nd", "3rd", "4th", "5th")

PLACES: dict[str, str] = {
    "together": "Mostly together",
    "apart": "Mostly apart",
    "": "Not sure",
}
"""The together/apart choices, keyed by ``Settings.together``."""

RITUAL_PICKER = "tui.dialogs.ritual_picker"


def _language_prompt(language: str, rank: int | None) -> Content:
    label = LOVE_LANGUAGES[language]
    if rank is None:
        return Content(label)
    return Content.assemble(label.ljust(21), (_ORDINALS[rank] if rank < len(_ORDINALS) else f"{rank + 1}th", "bold"))


def overruled_line(who: str, languages: tuple[str, ...]) -> str:
    """Under the guess, once the partner shared their own: theirs is the one the picks use."""
    words = loved_through_line(who, languages).partition(": ")[2]
    return f"{' '.join(who.split())} chose their own: {words}. It counts over this guess."


def offer_rituals(app: App[object]) -> None:
    """After the welcome, offer the default rituals when there are none yet."""
    if host_of(app).store.rituals(include_archived=True):
        return
    if importlib.util.find_spec(RITUAL_PICKER) is None:
        return
    module = importlib.import_module(RITUAL_PICKER)
    app.push_screen(module.RitualPickerScreen())


STACK_WIDTH = 72
"""Narrower than this, the form's two columns stack."""


class SettingsForm(TextDialog[bool]):
    """The form shared by the welcome and the settings screen; dismisses True when saved.

    The rule of every dialog that takes text (:class:`TextDialog`): enter in the
    name or ctrl+s saves; esc closes, asking first when something was changed.
    """

    TITLE_TEXT = "Settings"
    INTRO = "What you tell us here only shapes the suggestions. Change it whenever you like."
    LEAVE_LABEL = "Cancel (esc)"
    ESC = "esc closes"
    HINT = "tab moves · space ticks\nenter or ctrl+s saves · esc closes"
    """The hint while the name has focus (enter there saves)."""
    OFFER_TOGETHER = True
    """A button to the Together screen (pairing); the first-run welcome keeps to the questions."""

    def _known_partner(self) -> str:
        """A name to offer when none is set (the welcome's: the paired partner's)."""
        return ""

    def __init__(self) -> None:
        super().__init__(classes="settings-screen")

    def compose(self) -> ComposeResult:
        store = host_of(self).store
        settings: Settings = store.settings()
        self._ranked = [lang for lang in settings.love_languages if lang in LOVE_LANGUAGES]
        self._own = [lang for lang in settings.own_love_languages if lang in LOVE_LANGUAGES]
        theirs = daily.partners_own(store)
        with VerticalScroll(classes="settings-dialog"):
            yield Static(Content(self.TITLE_TEXT), classes="settings-title")
            yield Static(Content(self.INTRO), classes="settings-intro")
            with Horizontal(classes="settings-columns"):
                with Vertical(classes="settings-column"):  # about them
                    yield Static(Content("Your partner's name (optional)"), classes="settings-label")
                    yield Input(
                        settings.partner_name or self._known_partner(),
                        placeholder="Their name, or none",
                        id="partner-name",
                    )
                    yield Static(Content("How they feel loved (your guess)"), classes="settings-label")
                    yield self._languages("love-languages")
                    if theirs is not None:  # their own, shared through Together, counts instead
                        yield Static(Content(overruled_line(*theirs)), id="settings-theirs")
                    if self.OFFER_TOGETHER:  # in the room the left column leaves free
                        yield Button(
                            Content("Together: pair devices…"),
                            id="open-together",
                            compact=True,
                            tooltip="Pair with your partner's machine through a synced folder",
                        )
                with Vertical(classes="settings-column -right"):  # about you, and you two
                    yield Static(Content("Mostly together or apart?"), classes="settings-label")
                    with RadioSet(id="together"):
                        for key, label in PLACES.items():
                            yield RadioMark(
                                Content(label),
                                value=settings.together == key,
                                id=f"place-{key or 'unsure'}",
                            )
                    yield Static(Content("How do you feel loved?"), classes="settings-label")
                    yield self._languages("own-languages")
            with Horizontal(classes="settings-buttons"):
                yield Static(Content(self.HINT), id="settings-message")
                yield Button(Content("Save (ctrl+s)"), variant="primary", id="save")
                yield Button(Content(self.LEAVE_LABEL), id="leave")

    @staticmethod
    def _languages(list_id: str) -> CheckList[str]:
        """A ranked checklist of the love languages (the order of ticking is the rank)."""
        return CheckList[str](
            *(Selection(_language_prompt(lang, None), lang, id=lang) for lang in LOVE_LANGUAGES), id=list_id
        )

    def on_resize(self, event: events.Resize) -> None:
        # Narrow: the two columns stack, so no choice is cut mid-word.
        self.query_one(".settings-columns").set_class(event.size.width < STACK_WIDTH, "-stacked")

    def on_mount(self) -> None:
        name = self.query_one("#partner-name", Input)
        name.cursor_blink = False
        for list_id, ranked in (("#love-languages", self._ranked), ("#own-languages", self._own)):
            languages = self.query_one(list_id, SelectionList)
            for lang in ranked:  # selection order is the rank
                languages.select(lang)
            self._show_ranks(languages)
        name.focus()

    # ------------------------------------------------------------ the form

    def ranked_languages(self) -> tuple[str, ...]:
        """The partner's love languages as guessed: those ticked, in the order they were ticked."""
        return tuple(self.query_one("#love-languages", SelectionList).selected)

    def own_languages(self) -> tuple[str, ...]:
        """How the user feels loved: the languages ticked, in the order they were ticked."""
        return tuple(self.query_one("#own-languages", SelectionList).selected)

    def together(self) -> str:
        pressed = self.query_one("#together", RadioSet).pressed_button
        key = (pressed.id or "") if pressed else ""
        key = key.removeprefix("place-")
        return "" if key == "unsure" else key

    @staticmethod
    def _show_ranks(languages: SelectionList[str]) -> None:
        order = languages.selected
        for lang in LOVE_LANGUAGES:
            rank = order.index(lang) if lang in order else None
            languages.replace_option_prompt(lang, _language_prompt(lang, rank))

    @on(SelectionList.SelectedChanged, "#love-languages, #own-languages")
    def _languages_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        self._show_ranks(event.selection_list)
        self.keep_draft_soon()

    @on(RadioSet.Changed, "#together")
    def _place_changed(self) -> None:
        self.keep_draft_soon()

    # ------------------------------------------------------------ drafts

    def draft_choices(self) -> dict[str, Any]:
        """Both rankings (in the order ticked) and together or apart, as a draft keeps them."""
        return {
            "love-languages": list(self.ranked_languages()),
            "own-languages": list(self.own_languages()),
            "together": self.together(),
        }

    def restore_choices(self, choices: Mapping[str, Any]) -> None:
        """Tick the rankings and choose together or apart as a draft kept them; what does not fit is left."""
        for list_id in ("love-languages", "own-languages"):
            ranked = choices.get(list_id)
            if not isinstance(ranked, list) or len(set(ranked)) != len(ranked):
                continue
            if all(isinstance(lang, str) and lang in LOVE_LANGUAGES for lang in ranked):
                languages = self.query_one(f"#{list_id}", SelectionList)
                languages.deselect_all()
                for lang in ranked:  # selection order is the rank
                    languages.select(lang)
        place = choices.get("together")
        if isinstance(place, str) and place in PLACES:
            self.query_one(f"#place-{place or 'unsure'}", RadioMark).value = True

    @on(Input.Submitted, "#partner-name")
    def _name_entered(self) -> None:
        self.action_save()

    def hint_for(self, widget: object) -> str:
        """What the keys do where the focus is: enter saves only in the name."""
        if isinstance(widget, SelectionList):
            keys = "space or enter ticks"
        elif isinstance(widget, RadioSet):
            keys = "space or enter chooses"
        elif isinstance(widget, Button):
            keys = "enter presses"
        else:
            return self.HINT
        return f"tab moves · {keys}\nctrl+s saves · {self.ESC}"

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        message = self.query_one("#settings-message", Static)
        if not message.has_class("-error"):  # a refused name keeps its reason in view
            message.update(Content(self.hint_for(event.widget)))

    def snapshot(self) -> object:
        return (
            self.query_one("#partner-name", Input).value,
            self.ranked_languages(),
            self.own_languages(),
            self.together(),
        )

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
        host = host_of(self)
        settings = replace(
            host.store.settings(),
            partner_name=name,
            love_languages=self.ranked_languages(),
            own_love_languages=self.own_languages(),
            together=self.together(),
            welcomed=True,
        )
        if host.save(lambda: host.store.save_settings(settings)) is None:
            return
        self._finish(True)

    @on(Button.Pressed, "#open-together")
    async def _together_pressed(self) -> None:
        """Pairing with the partner's devices (the Together screen, over this form)."""
        await self.app.run_action("together")

    @on(Button.Pressed, "#leave")
    def _leave_pressed(self) -> None:
        self.action_close()

    def leave(self) -> None:
        """Close without saving."""
        self._finish(False)

    def _finish(self, saved: bool) -> None:
        self.dismiss(saved)


class SettingsScreen(SettingsForm):
    """Change the partner's name, love languages (theirs and yours) and together/apart (key s)."""


class WelcomeScreen(SettingsForm):
    """The first-run welcome: a warm hello and the same optional questions."""

    TITLE_TEXT = "Welcome to micro-romance"
    INTRO = (
        "One small act of care a day keeps two people close. Tell us a little so the "
        "suggestions fit you both; all optional, and s changes it later."
    )
    LEAVE_LABEL = "Skip (esc)"
    OFFER_TOGETHER = False
    ESC = "esc skips"
    HINT = "tab moves · space ticks\nenter or ctrl+s saves · esc skips"

    def _known_partner(self) -> str:
        """A device paired before the first run (pair join) knows the partner's name already."""
        return host_of(self).together.partner

    def _finish(self, saved: bool) -> None:
        """Saved: on to the rituals step. Skipped: the whole first run is skipped
        (the empty Rituals tab offers the suggestions with p)."""
        app = self.app
        if not saved:
            store = host_of(self).store
            host_of(self).save(lambda: store.save_settings(replace(store.settings(), welcomed=True)))
        self.dismiss(saved)
        if saved:
            offer_rituals(app)
