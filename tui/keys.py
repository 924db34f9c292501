"""Keys your way: every binding id of the full screen, and the user's keymap applied.

The ids are read from the bindings themselves (every screen, dialog, tab and
widget under ``tui``), so a new binding is remappable, and listed, as soon as
it has an id. :func:`tui.config.read_config` checks the file against them;
``App.set_keymap`` applies what passed, and the footer and the help screen
show the keys in force through ``App.get_key_display``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from tui.config import Config, read_config


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def bindings_loaded() -> dict[str, Binding]:
    """Every binding of ours that has an id, among the classes loaded so far: id -> the binding as
    written. :func:`tui.screens.bindings.all_bindings` loads every module that holds some first."""
    found: dict[str, Binding] = {}
    for cls in sorted(set(_subclasses(DOMNode)), key=lambda c: (c.__module__, c.__qualname__)):
        if not cls.__module__.startswith("tui."):
            continue
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                found.setdefault(binding.id, binding)
    return found


def checked_config(
    known: Callable[[], dict[str, Binding]] = bindings_loaded, config: Config | None = None
) -> tuple[Config, list[str]]:
    """``config.toml`` (read now unless ``config`` is a reading already made) checked as the full
    screen checks it: its ids against ``known()`` (asked only when the file names keys: it imports
    every screen) and keys two bindings now share. Returns the config and the warnings beyond its
    own (``doctor`` shows the same as the app)."""
    config = read_config() if config is None else config
    if not config.keys:
        return config, []
    bindings = known()
    config = config.checked(bindings)
    return config, shared_keys(config.keys, bindings)


def apply_user_keys(
    app: App[object], config: Config | None = None, *, known: Callable[[], dict[str, Binding]] = bindings_loaded
) -> Config:
    """Apply the keymap of ``config.toml`` (``config``: the reading the app started with, else read
    now) and say what was left out; ``known`` gives every binding id (the App passes
    :func:`tui.screens.bindings.all_bindings`).

    Never raises for anything in the file: each problem is one warning line.
    """
    config, warnings = checked_config(known, config)
    if config.keys:
        app.set_keymap(config.keys)
    for warning in [*config.warnings, *warnings]:
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


EVERYWHERE = ("app.", "tab.")
"""Ids of bindings that work on every tab (their keys meet every other's)."""


def _long_name(key: str) -> str:
    """A single character by its name, as bindings write it ("?" -> "question_mark")."""
    if len(key) != 1 or key.isalnum():
        return key
    try:
        return unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return key


def _keys_of(keys: str) -> set[str]:
    return {_long_name(k) for k in (part.strip() for part in keys.split(",")) if k}


def shared_keys(keymap: dict[str, str], bindings: dict[str, Binding]) -> list[str]:
    """One line for each remapped key that another binding where it works also uses now.

    Keys two bindings share by design (``?`` opens and closes the help) are not news.
    """

    def keys_now(binding_id: str) -> set[str]:
        return _keys_of(keymap.get(binding_id) or bindings[binding_id].key)

    def meet(a: str, b: str) -> bool:
        group_a, group_b = a.split(".")[0], b.split(".")[0]
        return group_a == group_b or a.startswith(EVERYWHERE) or b.startswith(EVERYWHERE)

    said = []
    pairs: set[frozenset[str]] = set()
    for binding_id in sorted(keymap):
        mine = _keys_of(keymap[binding_id])
        for other_id in sorted(bindings):
            pair = frozenset((binding_id, other_id))
            if other_id == binding_id or pair in pairs or not meet(binding_id, other_id):
                continue
            pairs.add(pair)
            usual = _keys_of(bindings[binding_id].key) & _keys_of(bindings[other_id].key)
            both = sorted((mine & keys_now(other_id)) - usual)  # shared on purpose: not news
            if both:
                other = bindings[other_id]
                said.append(
                    f"config.toml: '{binding_id}' and '{other_id}' ({other.description}) both use "
                    f"{', '.join(both)} now; give one of them another key."
                )
    return said
