"""What the last rounds of Together left in ``DATA/sync/together.json``, read for the screens,
the commands and the day's pick (:mod:`tui.daily`) without opening the adapter (a broken file
reads as nothing yet).
"""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path
from typing import Any

from tui.model import FEEDBACK, LOVE_LANGUAGES
from tui.sync.files import read_json
from tui.text import tidy

STATE_FILE = "together.json"
PAIRING_FILE = "pairing.json"
"""Written by ``tui.sync.pairing`` once this device has started or joined (named here so the
screens can ask without loading the sync code and its encryption)."""


_cache: dict[Path, tuple[tuple[int, int, int], Any]] = {}


def _read(path: Path) -> Any:
    """The JSON in ``path`` (None when missing), read again only when the file changed: a
    redraw asks several questions of the same file. ValueError for a damaged file."""
    try:
        info = path.stat()
    except OSError:
        _cache.pop(path, None)
        return None
    if not stat.S_ISREG(info.st_mode):
        raise ValueError(f"{path} is not a plain file")  # a pipe would block the screen
    key = (info.st_mtime_ns, info.st_size, info.st_ino)
    held = _cache.get(path)
    if held is not None and held[0] == key:
        return held[1]
    value = read_json(path, None)
    _cache[path] = (key, value)
    return value


def _state(state_dir: Path) -> dict[str, Any]:
    try:
        state = _read(Path(state_dir) / STATE_FILE)
    except ValueError:
        return {}
    return state if isinstance(state, dict) else {}


def is_paired(state_dir: Path) -> bool:
    """Whether this device has started or joined a pair and not left it since.

    ``DATA/sync/pairing.json`` names the shared folder; after ``pair leave`` it keeps only
    the name (its folder is empty). A file that is not JSON (or not a plain file) counts as
    paired, so the round that reads it next says what is wrong with it.
    """
    try:
        config = _read(Path(state_dir) / PAIRING_FILE)
    except (OSError, ValueError):
        return True
    return isinstance(config, dict) and bool(config.get("folder"))


def received_gifts(state_dir: Path, day: date) -> list[tuple[str, str]]:
    """(who, gesture id) of what a partner did for this person on ``day``, as last synced."""
    state = _state(state_dir)
    gifts = state.get("gifts")
    if not isinstance(gifts, dict):
        return []
    out = [
        (g["by"], g["gesture"])
        for _, g in sorted(gifts.items())
        if isinstance(g, dict) and g.get("day") == day.isoformat()
    ]
    return [(by, gid) for by, gid in out if isinstance(by, str) and isinstance(gid, str)]


def gifts_of_day(state_dir: Path, day: date) -> list[tuple[str, str, str, str]]:
    """(gift id, who, gesture id, this person's answer or "") of what a partner did for them on ``day``."""
    state = _state(state_dir)
    gifts, replies = state.get("gifts", {}), state.get("replies", {})
    replies = replies if isinstance(replies, dict) else {}
    out = []
    for gift_id, g in sorted(gifts.items()) if isinstance(gifts, dict) else []:
        if not (isinstance(g, dict) and g.get("day") == day.isoformat()):
            continue
        by, gesture = g.get("by"), g.get("gesture")
        reply = replies.get(gift_id)
        answer = reply.get("feedback") if isinstance(reply, dict) and reply.get("gesture") == gesture else ""
        if isinstance(by, str) and isinstance(gesture, str):
            out.append((gift_id, by, gesture, answer if answer in FEEDBACK else ""))
    return out


def note_authors(state_dir: Path) -> dict[str, str]:
    """Note id -> the partner's name, for the notes a partner shared with this person."""
    state = _state(state_dir)
    found = state.get("from", {})
    return (
        {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(found, dict) else {}
    )


def shared_notes(state_dir: Path) -> set[str]:
    """The ids of the notes this person shared with their partner (or marked to share)."""
    state = _state(state_dir)
    found = state.get("shared_notes", {})
    authors = state.get("from", {}) if isinstance(state.get("from"), dict) else {}
    return {k for k, v in found.items() if v is True and k not in authors} if isinstance(found, dict) else set()


def ticked_by(state_dir: Path) -> dict[str, str]:
    """Tick id (``RITUAL:DAY``) -> the partner's name, for the ticks a partner made."""
    state = _state(state_dir)
    found = state.get("ticked_by", {})
    return (
        {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(found, dict) else {}
    )


def gift_lines(state_dir: Path, day: date) -> list[str]:
    """ "Sam left a kind note on the mirror for you to find." for each thing a partner did for
    this person on ``day``: the gesture told to its receiver (:func:`tui.content.told`), with
    the answer once given."""
    from tui.content import told

    lines = []
    for _, by, gesture_id, answer in gifts_of_day(state_dir, day):
        said = f" (you said: {FEEDBACK[answer].lower()})" if answer else ""
        lines.append(f"{told(gesture_id, by)}{said}")
    return lines


def shared_answers(state_dir: Path) -> set[str]:
    """The ids of this person's prompt answers shared with their partner."""
    found = _state(state_dir).get("shared_answers", {})
    return {k for k, v in found.items() if v is True} if isinstance(found, dict) else set()


def partner_answers(state_dir: Path) -> dict[str, list[tuple[str, str]]]:
    """Prompt id -> (who, text) of the answers a partner shared, oldest first."""
    found = _state(state_dir).get("their_answers", {})
    out: dict[str, list[tuple[str, str, str]]] = {}
    for _, a in sorted(found.items()) if isinstance(found, dict) else []:
        if isinstance(a, dict) and all(isinstance(a.get(k), str) for k in ("by", "prompt", "day", "text")):
            out.setdefault(a["prompt"], []).append((a["day"], a["by"], a["text"]))
    return {p: [(by, text) for _, by, text in sorted(items)] for p, items in out.items()}


def partner_name(state_dir: Path) -> str:
    """The name of the partner this device has confirmed (their first by name), or ""."""
    try:
        config = _read(Path(state_dir) / PAIRING_FILE)
    except ValueError:
        return ""
    trusted = config.get("trusted") if isinstance(config, dict) and config.get("folder") else None
    names = sorted(
        t["name"]
        for t in (trusted.values() if isinstance(trusted, dict) else ())
        if isinstance(t, dict) and not t.get("mine") and isinstance(t.get("name"), str)
    )
    return " ".join(names[0].split()) if names else ""


def gift_days(state_dir: Path) -> list[date]:
    """The days a partner marked a gesture done for this person, as last synced."""
    gifts = _state(state_dir).get("gifts")
    days = []
    for g in gifts.values() if isinstance(gifts, dict) else ():
        try:
            days.append(date.fromisoformat(g["day"]))
        except (TypeError, KeyError, ValueError):
            continue
    return days


def partner_rankings(state_dir: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(who, ranking) of how each partner said they feel loved (their own, shared), as last synced.

    ``who`` is on one line, without anything a terminal would act on; unknown languages are left out.
    """
    found = _state(state_dir).get("their_languages", {})
    out = []
    for _, entry in sorted(found.items()) if isinstance(found, dict) else []:
        by, languages = (entry.get("by"), entry.get("languages")) if isinstance(entry, dict) else (None, None)
        if isinstance(by, str) and isinstance(languages, list):
            ranked = tuple(dict.fromkeys(lang for lang in languages if lang in LOVE_LANGUAGES))
            if ranked and (who := " ".join(tidy(by).split())):
                out.append((who, ranked))
    return out
