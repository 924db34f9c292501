"""``DATA/sync/together.json``, owned by :class:`TogetherState`: what Together keeps beside the store
(which entries are shared, who wrote a partner's note, who ticked, gifts received and answered, a
partner's answers and love languages, ritual aliases, changes parked until their ritual arrives).

The adapter loads it strictly and saves it (:meth:`TogetherState.load`, :meth:`TogetherState.save`);
the screens, the commands and the day's pick (:mod:`tui.daily`) read it through the same object
without opening the adapter (:meth:`TogetherState.read`: a broken file reads as nothing yet).
"""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from tui.model import FEEDBACK, LOVE_LANGUAGES, DayThatMatters
from tui.paths import PAIRING_FILE
from tui.record import replace
from tui.storage.kinds import BY_SYNC, ON_REQUEST
from tui.sync.files import read_json, write_json
from tui.text import tidy

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any

STATE_FILE = "together.json"
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


FLIPPED = {"mine": "theirs", "theirs": "mine", "both": "both"}
"""Whose a partner's shared day is, seen from here."""

_held: dict[Path, TogetherState] = {}
"""States the full screen holds (its TogetherDoor): read from memory until it lets go."""


def hold(state_dir: Path, state: TogetherState) -> None:
    """Answer :meth:`TogetherState.read` for ``state_dir`` from ``state`` (the full screen's, between rounds)."""
    _held[Path(state_dir)] = state


def let_go(state_dir: Path) -> None:
    """Read ``state_dir``'s file again at the next question (after a round, a pairing step or a share)."""
    _held.pop(Path(state_dir), None)


TABLES = (
    "from",
    "ticked_by",
    "unticked_by",
    "gifts",
    "aliases",
    "parked",
    "replies",
    "their_answers",
    "their_languages",
    "their_days",
    *(k.sync.flags for k in BY_SYNC.values() if k.sync and k.sync.sharing == ON_REQUEST),
)
"""together.json's tables (a shared_KINDs one for each kind shared on request, tui.storage.kinds)."""


class TogetherState:
    """together.json: its tables by name (``state["gifts"]``), read once, saved whole."""

    def __init__(self, path: Path, tables: dict[str, dict[str, Any]]) -> None:
        self.path = path
        self.tables = {name: dict(tables.get(name, {})) for name in TABLES}

    @classmethod
    def load(cls, state_dir: Path) -> TogetherState:
        """For the adapter, which writes it: ValueError when it is not as micro-romance writes it."""
        path = Path(state_dir) / STATE_FILE
        state = read_json(path, {}) or {}
        if not isinstance(state, dict) or any(not isinstance(state.get(k, {}), dict) for k in TABLES):
            raise ValueError(
                f"{path} is not as micro-romance writes it (edited by hand?); move it aside and sync again"
            )
        return cls(path, state)

    @classmethod
    def read(cls, state_dir: Path) -> TogetherState:
        """For the screens and commands: as last synced; a damaged file or table reads as empty.
        While the full screen holds a state (:func:`hold`), that one, from memory."""
        held = _held.get(Path(state_dir))
        if held is not None:
            return held
        path = Path(state_dir) / STATE_FILE
        try:
            state = _read(path)
        except ValueError:
            state = None
        found = state if isinstance(state, dict) else {}
        return cls(path, {k: v for k, v in found.items() if isinstance(v, dict)})

    def __getitem__(self, name: str) -> dict[str, Any]:
        return self.tables[name]

    def __setitem__(self, name: str, table: dict[str, Any]) -> None:
        self.tables[name] = table

    def save(self) -> None:
        write_json(self.path, self.tables)

    def received_gifts(self, day: date) -> list[tuple[str, str]]:
        """(who, gesture id) of what a partner did for this person on ``day``."""
        out = [
            (g["by"], g["gesture"])
            for _, g in sorted(self["gifts"].items())
            if isinstance(g, dict) and g.get("day") == day.isoformat()
        ]
        return [(by, gid) for by, gid in out if isinstance(by, str) and isinstance(gid, str)]

    def gifts_of_day(self, day: date) -> list[tuple[str, str, str, str]]:
        """(gift id, who, gesture id, this person's answer or "") of what a partner did for them on ``day``."""
        replies = self["replies"]
        out = []
        for gift_id, g in sorted(self["gifts"].items()):
            if not (isinstance(g, dict) and g.get("day") == day.isoformat()):
                continue
            by, gesture = g.get("by"), g.get("gesture")
            reply = replies.get(gift_id)
            answer = reply.get("feedback") if isinstance(reply, dict) and reply.get("gesture") == gesture else ""
            if isinstance(by, str) and isinstance(gesture, str):
                out.append((gift_id, by, gesture, answer if answer in FEEDBACK else ""))
        return out

    def note_authors(self) -> dict[str, str]:
        """Note id -> the partner's name, for the notes a partner shared with this person."""
        return {k: v for k, v in self["from"].items() if isinstance(k, str) and isinstance(v, str)}

    def shared_notes(self) -> set[str]:
        """The ids of the notes this person shared with their partner (or marked to share)."""
        authors = self["from"]
        return {k for k, v in self["shared_notes"].items() if v is True and k not in authors}

    def ticked_by(self) -> dict[str, str]:
        """Tick id (``RITUAL:DAY``) -> the partner's name, for the ticks a partner made."""
        return {k: v for k, v in self["ticked_by"].items() if isinstance(k, str) and isinstance(v, str)}

    def unticked_by(self) -> dict[str, str]:
        """Tick id (``RITUAL:DAY``) -> the partner's name, for the ticks a partner took back."""
        return {k: v for k, v in self["unticked_by"].items() if isinstance(k, str) and isinstance(v, str)}

    def shared_answers(self) -> set[str]:
        """The ids of this person's prompt answers shared with their partner."""
        return {k for k, v in self["shared_answers"].items() if v is True}

    def partner_answers(self) -> dict[str, list[tuple[str, str]]]:
        """Prompt id -> (who, text) of the answers a partner shared, oldest first."""
        out: dict[str, list[tuple[str, str, str]]] = {}
        for _, a in sorted(self["their_answers"].items()):
            if isinstance(a, dict) and all(isinstance(a.get(k), str) for k in ("by", "prompt", "day", "text")):
                out.setdefault(a["prompt"], []).append((a["day"], a["by"], a["text"]))
        return {p: [(by, text) for _, by, text in sorted(items)] for p, items in out.items()}

    def partner_answer_authors(self) -> dict[str, str]:
        """Answer id -> the partner's name, for the answers a partner shared with this person."""
        found = self["their_answers"].items()
        return {k: a["by"] for k, a in found if isinstance(a, dict) and isinstance(a.get("by"), str)}

    def partner_days(self) -> list[DayThatMatters]:
        """The days that matter a partner shared, seen from here (their own day is this person's partner's),
        each checked as an import is; one that is not as a round writes it is left out."""
        from tui.storage.codecs import DayCodec
        from tui.together.documents import BadEntry, read_doc

        out = []
        for _, doc in sorted(self["their_days"].items()):
            if not isinstance(doc, dict):
                continue
            try:
                day = read_doc(DayCodec, "the day that matters", {k: v for k, v in doc.items() if k != "by"})
            except BadEntry:
                continue
            out.append(replace(day, whose=FLIPPED[day.whose], shared=True))
        return out

    def gift_days(self) -> list[date]:
        """The days a partner marked a gesture done for this person."""
        days = []
        for g in self["gifts"].values():
            try:
                days.append(date.fromisoformat(g["day"]))
            except (TypeError, KeyError, ValueError):
                continue
        return days

    def gift_lines(self, day: date) -> list[str]:
        """ "Sam left a kind note on the mirror for you to find." for each thing a partner did for
        this person on ``day``: the gesture told to its receiver (:func:`tui.content.told`), with
        the answer once given."""
        from tui.content import told

        lines = []
        for _, by, gesture_id, answer in self.gifts_of_day(day):
            said = f" (you said: {FEEDBACK[answer].lower()})" if answer else ""
            lines.append(f"{told(gesture_id, by)}{said}")
        return lines

    def partner_rankings(self) -> list[tuple[str, tuple[str, ...]]]:
        """(who, ranking) of how each partner said they feel loved (their own, shared).

        ``who`` is on one line, without anything a terminal would act on; unknown languages are left out.
        """
        out = []
        for _, entry in sorted(self["their_languages"].items()):
            by, languages = (entry.get("by"), entry.get("languages")) if isinstance(entry, dict) else (None, None)
            if isinstance(by, str) and isinstance(languages, list):
                ranked = tuple(dict.fromkeys(lang for lang in languages if lang in LOVE_LANGUAGES))
                if ranked and (who := " ".join(tidy(by).split())):
                    out.append((who, ranked))
        return out


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


def gift_lines(state_dir: Path, day: date) -> list[str]:
    return TogetherState.read(state_dir).gift_lines(day)


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


# For callers that ask one question: as last synced (TogetherState.read).


def received_gifts(state_dir: Path, day: date) -> list[tuple[str, str]]:
    return TogetherState.read(state_dir).received_gifts(day)


def gifts_of_day(state_dir: Path, day: date) -> list[tuple[str, str, str, str]]:
    return TogetherState.read(state_dir).gifts_of_day(day)


def note_authors(state_dir: Path) -> dict[str, str]:
    return TogetherState.read(state_dir).note_authors()


def shared_notes(state_dir: Path) -> set[str]:
    return TogetherState.read(state_dir).shared_notes()


def ticked_by(state_dir: Path) -> dict[str, str]:
    return TogetherState.read(state_dir).ticked_by()


def shared_answers(state_dir: Path) -> set[str]:
    return TogetherState.read(state_dir).shared_answers()


def partner_answers(state_dir: Path) -> dict[str, list[tuple[str, str]]]:
    return TogetherState.read(state_dir).partner_answers()


def gift_days(state_dir: Path) -> list[date]:
    return TogetherState.read(state_dir).gift_days()


def partner_rankings(state_dir: Path) -> list[tuple[str, tuple[str, ...]]]:
    return TogetherState.read(state_dir).partner_rankings()


def partner_answer_authors(state_dir: Path) -> dict[str, str]:
    return TogetherState.read(state_dir).partner_answer_authors()


def partner_days(state_dir: Path) -> list[DayThatMatters]:
    return TogetherState.read(state_dir).partner_days()
