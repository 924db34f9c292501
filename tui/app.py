"""The full-screen app: four tabs, the global keys, the theme and the day.

Kept short on purpose: each tab lives in ``tui/tabs/``, full screens in
``tui/screens/``, modal dialogs in ``tui/dialogs/``, shared widgets in
``tui/widgets/``, all styling in ``styles/``.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import TabPane

from tui import APP_NAME
from tui.clock import DayClock
from tui.config import read_config
from tui.errors import StoreWriteError
from tui.glance import refresh_status
from tui.paths import first_frame_stylesheets, later_stylesheets
from tui.screens.endings import Endings
from tui.screens.rounds import SYNC_EVERY, Rounds
from tui.storage import Store
from tui.storage.drafts import Drafts
from tui.tabs import TAB_SPECS, TabBase
from tui.tabs.shelf import TabShelf
from tui.themes import HEADER_ICON, choose_theme, register_themes, start_theme
from tui.widgets.footer import Footer
from tui.widgets.header import Header
from tui.widgets.tabs import SteadyTabbedContent

if TYPE_CHECKING:
    from tui.together.door import TogetherDoor

T = TypeVar("T")

KEY_WORDS = {"enter": "enter", "up": "up", "down": "down", "left": "left", "right": "right"}
"""Keys the footer and the help spell in words, as the README does, instead of arrows."""


class MicroRomanceApp(Endings, TabShelf, App[int]):
    """micro-romance's full screen; the ``Host`` (tui/host.py) of every tab and dialog."""

    TITLE = APP_NAME
    CSS_PATH = first_frame_stylesheets()  # the rest after the first frame: load_later_styles
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        *(
            Binding(
                str(number),
                f"show_tab('{tab.id}')",
                tab.title,
                show=False,
                id=f"tab.{tab.id}",
                tooltip=f"Show the {tab.title} tab",
            )
            for number, tab in enumerate(TAB_SPECS, start=1)
        ),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help", tooltip="Every key, tab by tab"),
        Binding(
            "s",
            "settings",
            "Settings",
            show=False,
            id="app.settings",
            tooltip="Your partner's name, love languages, together or apart",
        ),
        Binding(
            "w",
            "review",
            "Weekly review",
            show=False,
            id="app.review",
            tooltip="Look back on a week: rituals kept, gestures given, notes written",
        ),
        Binding("q", "quit", "Quit", show=False, id="app.quit", tooltip="Quit micro-romance"),
    ]

    today: reactive[date] = reactive(date.min, init=False)
    """The app's today; tabs watch it so a view of today follows midnight."""

    def __init__(self, store: Store, clock: DayClock, *, demo: bool = False) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.drafts = Drafts(store.data_dir, clock.now, writable=lambda: store.holds_lock)
        self.demo = demo
        self.rounds = Rounds(self, store, demo=demo, mark=self._set_mark, redraw=self.redraw)
        """Rounds of Together (tui/screens/rounds.py); the Host's sync_soon, sync_now and together_changed."""
        self.user_keys: dict[str, str] = {}
        """Binding id -> keys, from the user's config.toml (what passed its checks)."""
        self._tabs: dict[str, TabBase] = {}
        self._mounting: dict[str, object] = {}
        self._later_styles = False
        self.generation = 0
        """Goes up with every write that reaches the disk (tabs redraw on show only after one)."""
        self.set_reactive(MicroRomanceApp.today, clock.today())
        if demo:
            self.sub_title = "demo: a throwaway copy, your own data is untouched"
        register_themes(self)
        self.config = read_config()
        """config.toml as read once at start: the theme here, the keys once every binding is loaded (on_mount)."""
        wanted, self._theme_notice = choose_theme(self, self.config.theme, store.settings().theme)
        start_theme(self, wanted)

    def compose(self) -> ComposeResult:
        yield Header(icon=HEADER_ICON)
        first = TAB_SPECS[0]
        with SteadyTabbedContent(initial=first.id):
            for spec in TAB_SPECS:
                with TabPane(spec.title, id=spec.id):
                    if spec is first:  # the others are built when first shown
                        yield first.load()(id=f"{first.id}-tab")
        yield Footer(show_command_palette=False)  # room for each tab's keys; ctrl+p is in the help

    def on_mount(self) -> None:
        from tui.keys import apply_user_keys
        from tui.screens.bindings import all_bindings

        self.catch_endings()
        self.call_after_refresh(self.tell_drafts)

        self.user_keys = apply_user_keys(self, self.config, known=all_bindings).keys
        self.call_after_refresh(self._start_collector)
        self.set_interval(20, self.check_day, name="midnight")
        if self._theme_notice:
            self.notify(self._theme_notice, title="Theme", markup=False)
        self.store.on_damage(
            lambda exc: self.notify(  # a past year read late and found damaged
                str(exc), title="A past year could not be read", severity="error", timeout=60, markup=False
            )
        )
        self.call_after_refresh(self.build_hidden_tab)
        self.call_after_refresh(self.keep_status)
        self.store.on_write(self._written)
        if not self.demo:
            self.call_after_refresh(self.sync_now)
            self.set_interval(SYNC_EVERY, self.sync_now, name="sync")
        if not self.store.settings().welcomed and not self.demo:
            from tui.dialogs.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen())
        elif not self.demo:
            self.call_after_refresh(self._offer_review)

    def on_unmount(self) -> None:
        gc.unfreeze()  # what build_hidden_tab froze can be collected again once the app is gone
        self.stop_catching_endings()
        self.together.refresh()  # what it held of Together's state is read from the file again

    @staticmethod
    def _start_collector() -> None:
        """After the first frame: the garbage collector, off while starting (tui.cli.main), on again.

        Start-up's objects are frozen first, so the first collection does not scan them all
        (a full one then would cost 20-30 ms just when a first key may come).
        """
        gc.freeze()
        gc.enable()

    def _offer_review(self) -> None:
        """On the first launch of a week, open the review of the week just ended."""
        from tui.domain.review import review_due

        settings = self.store.settings()
        if not settings.welcomed or not review_due(settings.last_review, self.today):
            return  # offered this week already (offer_review's first test): no need to import its screen
        from tui.screens.weekly import offer_review

        offer_review(self)

    def load_later_styles(self) -> None:
        """Parse the stylesheets of the other tabs and the dialogs (once).

        Start-up parses only what the first frame shows; this runs right after
        it, with the first tab built hidden (build_hidden_tab), or earlier when a
        dialog or another tab is needed first; not at all when the app quits first.
        """
        if self._later_styles:
            return
        self._later_styles = True
        sheet = self.stylesheet
        for path in later_stylesheets():
            sheet.read(path)
        sheet.parse()
        for screen in self.screen_stack:
            sheet.update(screen, animate=False)

    def push_screen(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        """Every screen is pushed with every stylesheet parsed."""
        self.load_later_styles()
        return super().push_screen(*args, **kwargs)

    def get_key_display(self, binding: Binding) -> str:
        """A key as the footer and the help screen show it ("enter", "shift+up", "?")."""
        modifiers, key = binding.parse_key()
        if not binding.key_display and key in KEY_WORDS and "ctrl" not in modifiers:
            return "+".join([*modifiers, KEY_WORDS[key]])
        return super().get_key_display(binding)

    # ------------------------------------------------------------ the host

    def save(self, write: Callable[[], T], *, title: str = "Not saved") -> T | None:
        """Run a write; a failed one becomes one notice and a redraw (see tui/host.py)."""
        try:
            return write()
        except StoreWriteError as exc:
            self.notify(str(exc), title=title, severity="error", markup=False)
            self.redraw()
            return None

    def _written(self) -> None:
        """A write reached the disk: what tabs show may be stale; a round of Together soon."""
        self.generation += 1
        self.sync_soon()
        self.call_after_refresh(self.keep_status)

    def keep_status(self) -> None:
        """The status file a prompt reads, after a write (once painted), at start and on a new day."""
        if not self.demo:
            refresh_status(self.store, self.today)

    @property
    def together(self) -> TogetherDoor:
        return self.rounds.door

    def sync_soon(self) -> None:
        self.rounds.sync_soon()

    def sync_now(self) -> bool:
        return self.rounds.sync_now()

    def together_changed(self) -> None:
        self.rounds.together_changed()

    def now(self) -> datetime:
        return self.clock.now()

    def _set_mark(self, text: str) -> None:
        self.sub_title = text

    def redraw(self) -> None:
        """Redraw every tab built so far from the store."""
        for widget in self._tabs.values():
            if widget.is_mounted:
                widget.redraw()

    # ------------------------------------------------------------ the day

    def check_day(self) -> None:
        """Move to the new day when the clock has passed midnight."""
        now = self.clock.today()
        if now != self.today:
            self.today = now
            self.keep_status()

    # ------------------------------------------------------------ actions

    def on_key(self, event: events.Key) -> None:
        """A key typed in the same read as the one that opened a text dialog is the dialog's text."""
        if (keep := getattr(self.screen, "keep_typed", None)) is not None and keep(event):
            event.prevent_default()
            event.stop()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Tab keys, help, settings and the review wait while a dialog is open."""
        if action in {"show_tab", "help", "settings", "review"} and self.screen is not self.main_screen:
            return False
        return True

    async def action_quit(self) -> None:
        """Quit, asking first when a dialog holds words that are not saved yet.

        The question offers keep editing, discard and quit, or save and quit.
        """
        from tui.widgets.text_dialog import TextDialog

        unsaved = [s for s in self.screen_stack if isinstance(s, TextDialog) and s.changed]
        if not unsaved:
            self.exit()
            return
        if self.screen is unsaved[-1]:
            unsaved[-1].action_close(quitting=True)
            return
        self.notify(
            "Your words are not saved yet: save them (ctrl+s) or discard them first.",
            title="Not quitting yet",
            severity="warning",
            markup=False,
        )

    def action_help(self) -> None:
        """Show every key of every tab."""
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_review(self) -> None:
        """Look back on this week: rituals kept, gestures given, notes written."""
        from tui.screens.weekly import WeeklyReviewScreen

        if not isinstance(self.screen, WeeklyReviewScreen):
            self.push_screen(WeeklyReviewScreen())

    def action_settings(self) -> None:
        """Change your partner's name, love languages and together or apart."""
        from tui.dialogs.welcome import SettingsForm, SettingsScreen

        if not isinstance(self.screen, SettingsForm):
            self.push_screen(SettingsScreen())

    def action_together(self) -> None:
        """Pair with your partner's devices, or see how Together is going."""
        from tui.screens.together import TogetherScreen

        if not isinstance(self.screen, TogetherScreen):
            self.push_screen(TogetherScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers this app's own themes and commands (not Textual's stock ones)."""
        from tui.screens.palette import commands

        return commands(self, screen)
