"""The full-screen app: four tabs, the global keys, the theme and the day.

Kept short on purpose: each tab lives in ``tui/tabs/``, dialogs and shared
widgets in ``tui/widgets/``, all styling in ``styles/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, TabbedContent, TabPane

from tui import APP_NAME
from tui.clock import Clock
from tui.paths import stylesheets
from tui.store import Store
from tui.tabs import TABS, TabBase
from tui.themes import DEFAULT_THEME, register_themes


class MicroRomanceApp(App[int]):
    """micro-romance's full screen."""

    TITLE = APP_NAME
    CSS_PATH = stylesheets()
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        *(
            Binding(
                str(number),
                f"show_tab('{tab.TAB_ID}')",
                tab.TAB_TITLE,
                show=False,
                id=f"tab.{tab.TAB_ID}",
                tooltip=f"Show the {tab.TAB_TITLE} tab",
            )
            for number, tab in enumerate(TABS, start=1)
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
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit micro-romance"),
    ]

    today: reactive[date] = reactive(date.min, init=False)
    """The app's today; tabs watch it so a view of today follows midnight."""

    def __init__(self, store: Store, clock: Clock, *, demo: bool = False) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.demo = demo
        self.set_reactive(MicroRomanceApp.today, clock.today())
        if demo:
            self.sub_title = "demo: a throwaway copy, your own data is untouched"
        register_themes(self)
        self.theme = store.settings().theme or DEFAULT_THEME

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial=TABS[0].TAB_ID):
            for tab in TABS:
                with TabPane(tab.TAB_TITLE, id=tab.TAB_ID):
                    yield tab(id=f"{tab.TAB_ID}-tab")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(20, self.check_day, name="midnight")
        if not self.store.settings().welcomed and not self.demo:
            from tui.widgets.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen())

    # ------------------------------------------------------------ the day

    def check_day(self) -> None:
        """Move to the new day when the clock has passed midnight."""
        now = self.clock.today()
        if now != self.today:
            self.today = now

    # ------------------------------------------------------------ actions

    def action_show_tab(self, tab_id: str) -> None:
        """Switch to a tab by its id."""
        tabs = self.query_one(TabbedContent)
        tabs.active = tab_id
        self.tab(tab_id).focus_first()

    def tab(self, tab_id: str) -> TabBase:
        return self.query_one(f"#{tab_id}-tab", TabBase)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self.call_after_refresh(self.tab(event.pane.id).focus_first)

    def action_help(self) -> None:
        """Show every key of every tab."""
        from tui.widgets.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_settings(self) -> None:
        """Change your partner's name, love languages and together or apart."""
        from tui.widgets.welcome import SettingsForm, SettingsScreen

        if not isinstance(self.screen, SettingsForm):
            self.push_screen(SettingsScreen())

    def watch_theme(self, theme: str) -> None:
        settings = self.store.settings()
        if settings.theme != theme and self.is_running:
            from dataclasses import replace

            try:
                self.store.save_settings(replace(settings, theme=theme))
            except Exception as exc:  # noqa: BLE001 - a theme is not worth a crash
                self.notify(str(exc), title="Theme not saved", severity="warning", markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for number, tab in enumerate(TABS, start=1):
            yield SystemCommand(
                f"Go to {tab.TAB_TITLE}",
                f"Show the {tab.TAB_TITLE} tab (key {number})",
                lambda tab_id=tab.TAB_ID: self.action_show_tab(tab_id),
            )
        yield SystemCommand("Help", "Every key, tab by tab", self.action_help)
        yield SystemCommand(
            "Settings", "Your partner's name, love languages, together or apart", self.action_settings
        )
