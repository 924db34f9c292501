"""The four tabs, one module each, in the order they appear."""

from __future__ import annotations

from tui.tabs.base import TabBase
from tui.tabs.gratitude import GratitudeTab
from tui.tabs.prompts import PromptsTab
from tui.tabs.rituals import RitualsTab
from tui.tabs.today import TodayTab

TABS: tuple[type[TabBase], ...] = (TodayTab, RitualsTab, GratitudeTab, PromptsTab)

__all__ = ["TABS", "TabBase"]
