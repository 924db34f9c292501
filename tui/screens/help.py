"""The help screen: every key of the app and of each tab, read from the bindings (as remapped)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.keys import keys_in_force

CARE_NOTE = (
    "micro-romance is a companion, not therapy. If you ever feel unsafe in your "
    "relationship, a trained professional or a local helpline is the right place to turn."
)

TOGETHER_HELP = (
    "Start or join with a folder your sync tool keeps in step, compare the pairing code with the one "
    "on your partner's screen, and type it in to confirm. Once paired: Sync now, or Leave (nothing "
    "here is deleted)."
)


def key_rows(bindings: list[Binding | tuple[str, ...]], shown: Callable[[Binding], list[str]]) -> list[tuple[str, str]]:
    """(keys, description) for each described binding; same action merged.

    ``shown`` says how a binding's keys read: the help screen passes the keys
    in force (the user's keymap first), each as the footer shows it.
    """
    rows: dict[str, tuple[list[str], str]] = {}
    every = [item if isinstance(item, Binding) else Binding(*item) for item in bindings]
    # Keys another binding already names in its row ("l/m/r  Did it land?"): not listed twice.
    named = {key for b in every if b.key_display and "/" in b.key_display for key in b.key_display.split("/")}
    for binding in every:
        if not binding.description or binding.system:
            continue
        if binding.key in named and not (binding.key_display and "/" in binding.key_display):
            continue
        keys, _ = rows.setdefault(binding.action, ([], binding.description))
        keys.append(", ".join(shown(binding)))
    return [(" / ".join(keys), text) for keys, text in rows.values()]


class KeyRows(Static):
    """Keys and what they do, a description that wraps hanging under its own column."""

    def __init__(self, rows: list[tuple[str, str]], *, classes: str) -> None:
        self._rows = rows
        super().__init__(Content(self._lines(0)), classes=classes)

    def _lines(self, width: int) -> str:
        keys_width = max((len(k) for k, _ in self._rows), default=0)
        lines = []
        for keys, what in self._rows:
            lead = f"  {keys:<{keys_width}}  "
            parts = textwrap.wrap(what, width - len(lead)) if width - len(lead) >= 12 else [what]
            lines.append(lead + parts[0] if parts else lead.rstrip())
            lines += [" " * len(lead) + part for part in parts[1:]]
        return "\n".join(lines)

    def on_resize(self, event: events.Resize) -> None:
        self.update(Content(self._lines(self.content_region.width)))


def _section(title: str, rows: list[tuple[str, str]], text: str = "") -> ComposeResult:
    yield Static(Content(title), classes="help-title")
    if rows:
        yield KeyRows(rows, classes="help-keys")
    if text:
        yield Static(Content(text), classes="help-text")


class HelpScreen(ModalScreen[None]):
    """Every binding of every tab, with the rules a user may wonder about."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        from tui.screens.together import TogetherScreen
        from tui.tabs import TABS

        def shown(binding: Binding) -> list[str]:
            return keys_in_force(self.app, binding)

        app_bindings = [b for b in type(self.app).BINDINGS if isinstance(b, Binding)]
        global_rows = key_rows([b for b in app_bindings if not b.id or not b.id.startswith("tab.")], shown)
        switch = " ".join(str(n) for n in range(1, len(TABS) + 1))
        global_rows.insert(0, (switch, "Switch tabs: " + ", ".join(t.TAB_TITLE for t in TABS)))
        global_rows += [
            ("ctrl+p", "Command palette: tabs, themes, settings, Together"),
            ("ctrl+q", "Quit from anywhere"),
        ]
        with Vertical(id="help-dialog"):
            yield Static(Content("Keys"), id="help-heading")
            with VerticalScroll(id="help-body"):
                yield from _section("Everywhere (when no text field has focus)", global_rows)
                for tab in TABS:
                    yield from _section(tab.TAB_TITLE, key_rows(list(tab.BINDINGS), shown), tab.HELP)
                yield from _section(
                    "Together (ctrl+p, Together…, or its button in the settings)",
                    key_rows(list(TogetherScreen.BINDINGS), shown),
                    TOGETHER_HELP,
                )
                yield Static(Content(CARE_NOTE), classes="help-text help-care")
            yield Static(Content("esc closes"), id="help-footer")
