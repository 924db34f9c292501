"""The shipped content: gesture catalog, prompt deck, default rituals, why-lines.

The content is data, not code. Every sentence lives in the JSON files next to
this module (``gestures.json``, ``prompts.json``, ``rituals.json``,
``why.json``), shipped as package data and read from beside this file (through
``importlib.resources`` only when the package is not plain files), so it can be edited, reviewed and translated without
touching Python. This module only loads it (once, cached), turns it into the
dataclasses of :mod:`tui.model`, and fills in the partner's name.

Gesture texts may hold two placeholders, ``{partner}`` and ``{partner_s}``
(possessive); :func:`personalise` fills them without ``str.format``, so names
with braces or markup-looking text are kept exactly as typed. A gesture's
``told`` line is the same gesture told to the person it was for, with
``{giver}``; :func:`told` fills it the same way.

Nothing here imports Textual; only the standard library and ``tui.model``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from tui.model import DAY_TIMINGS, EFFORTS, LOVE_LANGUAGES, Gesture, Occasion, Prompt

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "TAGS",
    "DEPTHS",
    "FALLBACK_PARTNER",
    "gestures",
    "gesture_by_id",
    "prompts",
    "prompt_by_id",
    "topics",
    "themes",
    "default_rituals",
    "why_lines",
    "personalise",
    "occasions",
    "told",
]

TAGS: frozenset[str] = frozenset(
    {"together", "apart", "morning", "evening", "at_home", "out", "costs_nothing", "occasion"}
)
"""Every tag a gesture may carry.

``together`` needs being in the same place; ``apart`` works at a distance.
A gesture may carry both when it works either way. ``occasion``: it waits for
something that may not be happening (an illness, good news, a trip, a hard day).
"""

DEPTHS: tuple[int, ...] = (1, 2, 3)
"""Prompt depth, 1 light .. 3 deep."""

FALLBACK_PARTNER = "your partner"
"""What ``{partner}`` becomes when no name was given."""

FALLBACK_TOLD = "{giver} did something kind for you today."
"""What the receiver reads of a gesture this catalog does not know (a newer one on the giver's side)."""


def _load(name: str) -> Any:
    """Read one JSON file shipped in this package."""
    beside = Path(__file__).with_name(name)
    if beside.is_file():  # an installed wheel or a checkout: plain files, no zip machinery to import
        text = beside.read_text(encoding="utf-8")
    else:
        from importlib.resources import files

        text = files(__name__).joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def _fail(file: str, what: str) -> ValueError:
    return ValueError(f"tui/content/{file}: {what}")


@cache
def gestures() -> tuple[Gesture, ...]:
    """The gesture catalog, in file order."""
    out: list[Gesture] = []
    for raw in _load("gestures.json")["gestures"]:
        gid = raw["id"]
        tags = frozenset(raw.get("tags", ()))
        if raw["language"] not in LOVE_LANGUAGES:
            raise _fail("gestures.json", f"{gid}: unknown language {raw['language']!r}")
        if raw["effort"] not in EFFORTS:
            raise _fail("gestures.json", f"{gid}: unknown effort {raw['effort']!r}")
        if not tags <= TAGS:
            raise _fail("gestures.json", f"{gid}: unknown tags {sorted(tags - TAGS)}")
        if not isinstance(raw.get("told", ""), str):
            raise _fail("gestures.json", f"{gid}: told is words")
        out.append(
            Gesture(
                id=gid,
                text=raw["text"],
                language=raw["language"],
                effort=raw["effort"],
                tags=tags,
                told=raw.get("told", ""),
            )
        )
    return tuple(out)


@cache
def _gesture_index() -> dict[str, Gesture]:
    return {g.id: g for g in gestures()}


def gesture_by_id() -> dict[str, Gesture]:
    """Gestures keyed by id (a fresh dict each call; safe to change)."""
    return dict(_gesture_index())


@cache
def _prompt_file() -> dict[str, Any]:
    return _load("prompts.json")


@cache
def _topics() -> dict[str, str]:
    data = _prompt_file()
    return {t["id"]: t["title"] for t in data.get("topics", data.get("themes", ()))}


def topics() -> dict[str, str]:
    """Prompt topics, id -> title, in file order (a fresh dict each call)."""
    return dict(_topics())


@cache
def prompts() -> tuple[Prompt, ...]:
    """The reflective prompt deck, in file order (light to deep within a topic)."""
    known = _topics()
    out: list[Prompt] = []
    for raw in _prompt_file()["prompts"]:
        pid = raw["id"]
        topic = raw.get("topic", raw.get("theme"))
        if topic not in known:
            raise _fail("prompts.json", f"{pid}: unknown topic {topic!r}")
        depth = int(raw.get("depth", 1))
        if depth not in DEPTHS:
            raise _fail("prompts.json", f"{pid}: depth {depth} is not 1, 2 or 3")
        out.append(Prompt(id=pid, topic=topic, text=raw["text"], depth=depth))
    return tuple(out)


@cache
def _prompt_index() -> dict[str, Prompt]:
    return {p.id: p for p in prompts()}


def prompt_by_id() -> dict[str, Prompt]:
    """Prompts keyed by id (a fresh dict each call; safe to change)."""
    return dict(_prompt_index())


@cache
def _rituals() -> tuple[tuple[str, str, str, tuple[int, ...], bool], ...]:
    out = []
    for raw in _load("rituals.json")["rituals"]:
        days = tuple(int(d) for d in raw.get("weekdays", ()))
        if any(d < 0 or d > 6 for d in days):
            raise _fail("rituals.json", f"{raw['id']}: weekdays must be 0..6")
        together = raw.get("together", False)
        if type(together) is not bool:
            raise _fail("rituals.json", f"{raw['id']}: together is true or false")
        out.append((raw["id"], raw["name"], raw["description"], days, together))
    return tuple(out)


def default_rituals() -> tuple[dict, ...]:
    """The rituals offered on first run.

    Each is ``{"id", "name", "description", "weekdays", "together"}``; ``weekdays`` is a
    tuple of 0..6 (Monday=0), empty meaning every day; ``together`` is True for a ritual
    that needs being in the same place (not offered ticked to a couple mostly apart).
    Fresh dicts each call.
    """
    return tuple(
        {"id": rid, "name": name, "description": desc, "weekdays": days, "together": together}
        for rid, name, desc, days, together in _rituals()
    )


@cache
def why_lines() -> tuple[str, ...]:
    """Short lines on why small, frequent acts of care matter."""
    return tuple(str(line) for line in _load("why.json")["lines"])


@cache
def occasions() -> tuple[Occasion, ...]:
    """The occasion gestures (``occasions.json``): the right small act around a day that matters."""
    out: list[Occasion] = []
    seen: set[str] = set()
    for raw in _load("occasions.json")["occasions"]:
        oid = raw["id"]
        kind, when = raw["kind"], raw["when"]
        if oid in seen:
            raise _fail("occasions.json", f"{oid}: the id is used twice")
        if kind not in DAY_TIMINGS:
            raise _fail("occasions.json", f"{oid}: unknown kind {kind!r}")
        if when not in DAY_TIMINGS[kind]:
            raise _fail("occasions.json", f"{oid}: a {kind} day has no moment {when!r}")
        if type(raw["apart"]) is not bool or type(raw["text"]) is not str or type(raw["told"]) is not str:
            raise _fail("occasions.json", f"{oid}: apart is true or false; text and told are words")
        seen.add(oid)
        out.append(Occasion(oid, kind, when, raw["apart"], raw["text"], raw["told"]))
    return tuple(out)


def personalise(text: str, partner_name: str) -> str:
    """Fill ``{partner}`` and ``{partner_s}`` with the partner's name.

    The name is stripped; an empty name gives "your partner" and
    "your partner's". The possessive is always name + "'s" ("James's").
    Uses plain replacement in a single pass, so a name holding braces
    (even "{partner}") or markup such as "[bold]" is inserted literally.
    """
    name = (partner_name or "").strip()
    who = name or FALLBACK_PARTNER
    whose = f"{who}'s"
    # Split on the possessive first, so text inserted for one placeholder
    # is never scanned again for the other.
    pieces = text.split("{partner_s}")
    return whose.join(piece.replace("{partner}", who) for piece in pieces)


def told(gesture_id: str, giver: str) -> str:
    """What the person a gesture was for reads: "Alex left a kind note on the mirror for you to find."

    ``giver`` is the giver's name (spaces collapsed; none gives "Your partner"). An occasion
    gesture is told by its own line. A gesture unknown here, or one without a told line, gives
    the true fallback "Alex did something kind for you today." The name goes in by plain
    replacement, kept exactly as typed.
    """
    gesture = _gesture_index().get(gesture_id)
    line = gesture.told if gesture else next((o.told for o in occasions() if o.id == gesture_id), "")
    line = line or FALLBACK_TOLD
    name = " ".join((giver or "").split())
    if not name:
        name = FALLBACK_PARTNER if not line.startswith("{giver}") else FALLBACK_PARTNER.capitalize()
    return line.replace("{giver}", name)
