"""Keys your way: every binding id of the full screen, and the user's keymap applied.

The ids are read from the bindings themselves (every screen, dialog, tab and
widget under ``tui``), so a new binding is remappable, and listed, as soon as
it has an id. :func:`tui.config.read_config` checks the file against them;
``App.set_keymap`` applies what passed, and the footer and the help screen
show the keys in force through ``App.get_key_display``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from tui.config import Config, read_config

SCREEN_PACKAGES = ("tui.tabs", "tui.widgets", "tui.screens", "tui.dialogs")
"""Packages whose modules hold bindings (those that exist are all imported)."""


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def all_bindings() -> dict[str, Binding]:
    """Every binding of ours that has an id: id -> the binding as written."""
    for package_name in SCREEN_PACKAGES:
        try:
            package = importlib.import_module(package_name)
        except ModuleNotFoundError:
            continue
        for info in pkgutil.walk_packages(package.__path__, f"{package_name}."):
            importlib.import_module(info.name)
    importlib.import_module("tui.app")
    found: dict[str, Binding] = {}
    for cls in sorted(set(_subclasses(DOMNode)), key=lambda c: (c.__module__, c.__qualname__)):
        if not cls.__module__.startswith("tui."):
            continue
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                found.setdefault(binding.id, binding)
    return found


def apply_user_keys(app: App[object], config: Config | None = None) -> Config:
    """Read ``config.toml`` (unless given), apply its keymap, and say what was left out.

    Never raises for anything in the file: each problem is one warning line.
    """
    if config is None:
        config = read_config()
        if config.keys:  # check the ids only when there are some (it imports every screen)
            config = read_config(config.path, known_ids=all_bindings())
    if config.keys:
        app.set_keymap(config.keys)
    for warning in config.warnings:
        app.notify(warning, title="Keys", severity="warning", markup=False, timeout=12)
    return config


def keys_in_force(app: App[object], binding: Binding) -> list[str]:
    """How the keys of ``binding`` read now (the user's keymap first), one per key."""
    keymap: dict[str, str] = getattr(app, "user_keys", {}) or {}
    keys = keymap.get(binding.id or "", "") or binding.key
    if binding.key_display and not (binding.id and binding.id in keymap):
        return [binding.key_display]
    shown = []
    for key in keys.split(","):
        key = key.strip()
        if key:
            shown.append(app.get_key_display(Binding(key, binding.action)))
    return shown
