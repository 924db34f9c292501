"""The four tabs, one module each, in the order they appear.

Tab modules are imported when a tab is first shown (``TabSpec.load``), so the
app starts with only the first tab's code; ``TABS`` gives every tab class for
the help screen and tests.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from tui.tabs.base import TabBase


@dataclass(frozen=True)
class TabSpec:
    """What the app needs to know of a tab before its module is imported."""

    id: str
    title: str
    module: str
    cls: str

    def load(self) -> type[TabBase]:
        return getattr(importlib.import_module(self.module), self.cls)


TAB_SPECS: tuple[TabSpec, ...] = (
    TabSpec("today", "Today", "tui.tabs.today", "TodayTab"),
    TabSpec("rituals", "Rituals", "tui.tabs.rituals", "RitualsTab"),
    TabSpec("gratitude", "Gratitude", "tui.tabs.gratitude", "GratitudeTab"),  # reads only its first page's years
    TabSpec("prompts", "Prompts", "tui.tabs.prompts", "PromptsTab"),
)


def __getattr__(name: str) -> object:
    if name == "TABS":
        return tuple(spec.load() for spec in TAB_SPECS)
    raise AttributeError(name)


__all__ = ["TABS", "TAB_SPECS", "TabBase", "TabSpec"]
