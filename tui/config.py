"""The user's own settings file, ``config.toml``: the theme, and keys your way.

Pure Python (no Textual). The file lives in the user config folder (platformdirs'
``user_config_dir("micro-romance")``, so ``$XDG_CONFIG_HOME/micro-romance/config.toml`` when
that is set). The app writes it in one case only: "Keep this theme" in the command palette sets
its ``theme`` line (:func:`save_theme`), leaving every other line as it was. ``theme`` names a
theme as Textual spells it (``nord``, ``gruvbox``, ``textual-light``) or one of ours (``ember``,
``linen``); the table ``[keys]`` maps binding ids to keys::

    theme = "nord"

    [keys]
    "rituals.tick" = "y"
    "app.help" = "f1"
    "today.done" = "d,ctrl+d"     # several keys, comma-separated

Anything wrong (a file that is not TOML, an unknown id, a key that no
keyboard sends) becomes one line of warning and is left out; the rest applies.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from tui import APP_NAME

CONFIG_NAME = "config.toml"

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta"})
NAMED_KEYS = frozenset(
    {
        "enter",
        "escape",
        "space",
        "tab",
        "backspace",
        "delete",
        "insert",
        "home",
        "end",
        "pageup",
        "pagedown",
        "up",
        "down",
        "left",
        "right",
        *(f"f{n}" for n in range(1, 25)),
    }
)
"""Keys known by name; single characters (``y``, ``?``) and Unicode names
(``question_mark``, ``left_square_bracket``) are accepted as well."""


def config_path() -> Path:
    """Where ``config.toml`` is looked for (it need not exist)."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / CONFIG_NAME


@dataclass(frozen=True)
class Config:
    """What the file says, once checked."""

    path: Path
    found: bool = False
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> keys, only the entries that passed the checks."""
    theme: str | None = None
    """The theme's name as written (whether it is known is the app's to say: tui.themes)."""
    warnings: tuple[str, ...] = ()
    """One line each: what was left out and why."""
    written: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    """The ``[keys]`` table as the file has it, so :meth:`checked` checks its ids without reading again."""
    before_keys: tuple[str, ...] = field(default=(), repr=False, compare=False)
    """The warnings about the rest of the file (they come first)."""

    def checked(self, known_ids: Collection[str] | None = None) -> Config:
        """This same reading, its keys checked again; its ids too against ``known_ids`` (when given:
        the ids that may be remapped). The file is not read again."""
        keys, warnings = _check_keys(self.written, None if known_ids is None else set(known_ids))
        return replace(self, keys=keys, warnings=(*self.before_keys, *warnings))


def key_problem(keys: str) -> str | None:
    """Why ``keys`` ("y", "ctrl+d", "d,ctrl+d") cannot be bound, or None when it can."""
    parts = [part.strip() for part in keys.split(",")]
    if not keys.strip() or any(not part for part in parts):
        return "it is empty"
    for part in parts:
        if len(part) == 1:
            if not part.isprintable() or part.isspace():
                return f"{part!r} is not a key"
            continue
        *modifiers, base = part.split("+")
        if not base:
            return f"'{part}' has no key after its '+' (write plus_sign for the + key)"
        unknown = [m for m in modifiers if m.lower() not in MODIFIERS]
        if unknown:
            return f"'{unknown[0]}' in '{part}' is not ctrl, shift, alt or meta"
        if len(base) == 1 or base.lower() in NAMED_KEYS or _unicode_key(base):
            continue
        return f"'{part}' is not a key name"
    return None


def _unicode_key(name: str) -> bool:
    """True for a character's Unicode name written the way Textual does ("question_mark")."""
    try:
        character = unicodedata.lookup(name.replace("_", " ").upper())
    except KeyError:
        return False
    return len(character) == 1 and character.isprintable() and not character.isspace()


SHOWN_MAX = 60
"""A user's text longer than this is cut (with "…") when a warning quotes it; our own words never are."""


def _shown(text: str, limit: int | None = SHOWN_MAX) -> str:
    """Text in a warning: one line, nothing a terminal would act on; a user's text cut at ``limit``
    (with "…"), our own (``limit=None``) whole."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in text)
    return shown if limit is None or len(shown) <= limit else shown[: limit - 1] + "…"


def read_config(path: Path | None = None, known_ids: Collection[str] | None = None) -> Config:
    """Read and check the file; ``known_ids`` (when given) are the ids that may be remapped."""
    path = config_path() if path is None else path
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(path=path)
    except OSError as exc:
        return Config(
            path=path, warnings=(f"{CONFIG_NAME} could not be read ({exc.strerror or exc}); the usual keys apply.",)
        )
    import tomllib  # only when there is a file: most people have none, and start-up does not wait for it

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Config(path=path, found=True, warnings=(f"{CONFIG_NAME} is not UTF-8 text; the usual keys apply.",))
    except tomllib.TOMLDecodeError as exc:
        where = str(exc).splitlines()[0] if str(exc) else "a syntax error"
        return Config(
            path=path,
            found=True,
            warnings=(f"{CONFIG_NAME} is not valid TOML ({_shown(where, None)}); the usual keys apply.",),
        )
    warnings: list[str] = []
    for name in data:
        if name not in ("keys", "theme"):
            warnings.append(f"{CONFIG_NAME}: [{_shown(name)}] is not a setting we know; it was left out.")
    theme = data.get("theme")
    if theme is not None and not (isinstance(theme, str) and THEME_NAME.fullmatch(theme)):
        warnings.append(f'{CONFIG_NAME}: theme should be a theme\'s name in quotes, like "nord"; it was left out.')
        theme = None
    table = data.get("keys", {})
    if not isinstance(table, dict):
        warnings.append(f"{CONFIG_NAME}: 'keys' should be a table ([keys]); it was left out.")
        table = {}
    config = Config(path=path, found=True, theme=theme, written=table, before_keys=tuple(warnings))
    return config.checked(known_ids)


def _check_keys(table: dict[str, object], known: set[str] | None) -> tuple[dict[str, str], list[str]]:
    """The entries of ``[keys]`` that pass (ids in ``known``, when given; keys a keyboard sends), and a
    warning for each of the others, in the file's order."""
    keys: dict[str, str] = {}
    warnings: list[str] = []
    for binding_id, value in table.items():
        if known is not None and binding_id not in known:
            warnings.append(
                f"{CONFIG_NAME}: no binding has the id '{_shown(binding_id)}'; "
                "it was left out (the README lists the ids)."
            )
            continue
        if not isinstance(value, str):
            warnings.append(
                f"{CONFIG_NAME}: '{_shown(binding_id)}' should be a key in quotes, like \"y\"; it was left out."
            )
            continue
        problem = key_problem(value)
        if problem:
            warnings.append(
                f"{CONFIG_NAME}: '{_shown(binding_id)}' = '{_shown(value)}' was left out: {_shown(problem, None)}."
            )
            continue
        keys[binding_id] = ",".join(part.strip() for part in value.split(","))
    return keys, warnings


THEME_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
_THEME_LINE = re.compile(r"^theme\s*=.*$", re.M)


def save_theme(name: str, path: Path | None = None) -> Path:
    """Set ``theme = "NAME"`` in ``config.toml`` (made if missing), every other line kept as it was.

    Raises ValueError when the file is there but not TOML we can edit safely (nothing is written),
    OSError when it cannot be read or written.
    """
    import tomllib

    from tui.durable import atomic_write, make_private_dir

    if not THEME_NAME.fullmatch(name):
        raise ValueError(f"'{_shown(name)}' is not a theme's name")
    path = config_path() if path is None else path
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise ValueError(f"{path} is not valid TOML; the theme was not saved there") from None
    line = f'theme = "{name}"'
    head, table, rest = text.partition("\n[")  # top-level keys come before the first table
    if table == "" and text.startswith("["):
        head, table, rest = "", "[", text[1:]
    if _THEME_LINE.search(head):
        head = _THEME_LINE.sub(line, head, count=1)
    else:
        head = f"{line}\n{head}" if head else line + "\n"
    updated = head + table + rest
    if tomllib.loads(updated).get("theme") != name:  # still TOML saying so, or nothing is written
        raise ValueError(f"{path} could not be edited safely; the theme was not saved there")
    make_private_dir(path.parent)
    atomic_write(path, updated.encode("utf-8"))
    return path
