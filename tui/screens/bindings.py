"""Every binding of the full screen: the modules that hold bindings loaded, then read (:mod:`tui.keys`).

Here, in the screens' layer, so that loading the tabs, widgets, screens and dialogs is an import from
above them (tui.keys, below the screens, reads only what is loaded).
"""

from __future__ import annotations

import importlib
import pkgutil

from textual.binding import Binding

from tui.keys import bindings_loaded

PACKAGES = ("tui.tabs", "tui.widgets", "tui.screens", "tui.dialogs")
"""Packages whose modules hold bindings (all imported); the App's own are loaded with it."""


def all_bindings() -> dict[str, Binding]:
    """Every binding of ours that has an id: id -> the binding as written."""
    for name in PACKAGES:
        package = importlib.import_module(name)
        for info in pkgutil.walk_packages(package.__path__, f"{name}."):
            importlib.import_module(info.name)
    return bindings_loaded()
