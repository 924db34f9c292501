"""Your data in and out: the export format, the journal, and merging an import.

Three pure steps, no Textual and no terminal:

* :func:`export_data` turns a store into a plain dict (the JSON export,
  described field by field in ``docs/data-format.md``); :func:`export_json`
  writes it deterministically, so two exports of the same data are byte-identical.
* :func:`parse` turns the bytes of an export into checked entries (a
  :class:`Bundle`), or raises :class:`ImportProblem` saying which entry and
  which field is wrong. User text is cleaned and checked with :mod:`tui.text`.
* :func:`plan_import` compares a bundle with a store and says what is new
  (a :class:`Plan`); :func:`apply` writes a plan in one batch (all or nothing).

Importing the same file twice adds nothing: every entry has an identity
(rituals, notes, answers and grace spans by id; ticks by ritual and day;
gesture and prompt days by day; favourites by gesture id) and entries already
present are kept as they are, or merged as the docs describe.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from tui import APP_NAME, __version__
from tui.model import (
    FEEDBACK,
    LOVE_LANGUAGES,
    TOGETHERNESS,
    Answer,
    GestureDay,
    GraceSpan,
    Note,
    PromptDay,
    Ritual,
    Settings,
)
from tui.storage import Store
from tui.text import TextError, check_line, check_name, check_note, clean

FORMAT_VERSION = 1
"""The version of the export format this micro-romance writes and reads."""

SECTIONS = ("rituals", "ticks", "gestures", "favourites", "notes", "answers", "prompt_days", "grace")
"""The list sections of an export, in file order (after ``settings``)."""

MAX_ID_CHARS = 80

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_ID = re.compile(r"[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff]+")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Characters a terminal may act on, or that a UTF-8 stream cannot carry; JSON
# can always spell them as \uXXXX escapes, which read back to the same text.
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


class ImportProblem(ValueError):
    """An import file that cannot be used; the message says what and where."""


# --------------------------------------------------------------------------- export


def export_data(store: Store) -> dict[str, Any]:
    """Everything the store holds, as the plain dict of the JSON export.

    Lists are sorted so the same data always gives the same export; there is
    no export timestamp for the same reason.
    """
    s = store.settings()
    rituals = store.rituals(include_archived=True)
    ticks = sorted(
        (day, rid) for rid, days in store.ticks_by_ritual().items() for day in days
    )
    return {
        "format_version": FORMAT_VERSION,
        "exported_with": f"{APP_NAME} {__version__}",
        "settings": {
            "partner_name": s.partner_name,
            "love_languages": list(s.love_languages),
            "together": s.together,
            "welcomed": s.welcomed,
            "theme": s.theme,
        },
        "rituals": [
            {
                "id": r.id,
                "name": r.name,
                "weekdays": list(r.weekdays),
                "position": r.position,
                "archived": r.archived,
                "created": r.created.isoformat() if r.created else None,
            }
            for r in sorted(rituals, key=lambda r: (r.position, r.id))
        ],
        "ticks": [{"ritual": rid, "day": day.isoformat()} for day, rid in ticks],
        "gestures": [
            {
                "day": g.day.isoformat(),
                "gesture": g.gesture_id,
                "shown": list(g.shown),
                "done": g.done,
                "note": g.note,
                "feedback": g.feedback,
            }
            for g in sorted(store.gesture_days(), key=lambda g: g.day)
        ],
        "favourites": [{"gesture": gid} for gid in sorted(store.favourites())],
        "notes": [
            {
                "id": n.id,
                "day": n.day.isoformat(),
                "text": n.text,
                "said_aloud": n.said_aloud,
                "created": n.created,
            }
            for n in sorted(store.notes(), key=lambda n: (n.day, n.created, n.id))
        ],
        "answers": [
            {
                "id": a.id,
                "prompt": a.prompt_id,
                "day": a.day.isoformat(),
                "text": a.text,
                "created": a.created,
            }
            for a in sorted(store.answers(), key=lambda a: (a.day, a.created, a.id))
        ],
        "prompt_days": [
            {"day": p.day.isoformat(), "prompt": p.prompt_id, "shown": list(p.shown)}
            for p in sorted(store.prompt_days(), key=lambda p: p.day)
        ],
        "grace": [
            {"id": g.id, "start": g.start.isoformat(), "end": g.end.isoformat(), "reason": g.reason}
            for g in sorted(store.grace(), key=lambda g: (g.start, g.id))
        ],
    }


def to_json(data: Any, *, indent: int | None = 2) -> str:
    """JSON text that is deterministic and safe to show in a terminal.

    Non-ASCII text stays readable; control characters (C0 by ``json`` itself,
    DEL and C1 here) and lone surrogates are written as ``\\uXXXX`` escapes,
    which read back as exactly the same text. Ends with a newline.
    """
    return _safe(json.dumps(data, ensure_ascii=False, indent=indent)) + "\n"


def export_json(data: dict[str, Any]) -> str:
    """The export as text: one entry per line, so it reads and diffs well.

    Same guarantees as :func:`to_json` (deterministic, terminal-safe).
    """

    def one(value: Any) -> str:
        return _safe(json.dumps(value, ensure_ascii=False, separators=(", ", ": ")))

    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            body = ",\n".join(f"    {one(entry)}" for entry in value)
            parts.append(f"  {one(key)}: [\n{body}\n  ]")
        else:
            parts.append(f"  {one(key)}: {one(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _safe(text: str) -> str:
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# --------------------------------------------------------------------------- journal


def long_day(day: date) -> str:
    """"Wednesday 25 November 2026", the same in every locale."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def to_markdown(store: Store) -> str:
    """A readable journal, newest day first.

    A day appears when something happened on it: the gesture was done, a
    ritual was kept, a note or an answer was written. User text is printed as
    written (only cleaned of what a terminal would act on).
    """
    from tui import content

    settings = store.settings()
    partner = settings.partner_name
    gestures = content.gesture_by_id()
    prompts = content.prompt_by_id()
    rituals = {r.id: r for r in store.rituals(include_archived=True)}

    kept: dict[date, list[str]] = {}
    for rid, days in store.ticks_by_ritual().items():
        name = rituals[rid].name if rid in rituals else "A ritual no longer on your list"
        for day in days:
            kept.setdefault(day, []).append(name)
    notes: dict[date, list[Note]] = {}
    for note in sorted(store.notes(), key=lambda n: (n.created, n.id)):
        notes.setdefault(note.day, []).append(note)
    answers: dict[date, list[Answer]] = {}
    for answer in sorted(store.answers(), key=lambda a: (a.created, a.id)):
        answers.setdefault(answer.day, []).append(answer)
    done = {g.day: g for g in store.gesture_days() if g.done}

    lines = [f"# {APP_NAME} journal", ""]
    if partner.strip():
        lines += [f"Small acts of care for {_one_line(partner)}.", ""]
    days = sorted(set(kept) | set(notes) | set(answers) | set(done), reverse=True)
    if not days:
        lines += ["Nothing here yet: the days you keep will appear here, newest first.", ""]
    for day in days:
        lines += [f"## {long_day(day)}", ""]
        if day in done:
            gd = done[day]
            found = gestures.get(gd.gesture_id)
            text = content.personalise(found.text, partner) if found else f"Gesture {gd.gesture_id}"
            line = f"**Gesture** ✓ {_one_line(text)}"
            if gd.note:
                line += f" — {_one_line(gd.note)}"
            if gd.feedback in FEEDBACK:
                line += f" ({FEEDBACK[gd.feedback]})"
            lines += [line, ""]
        if day in kept:
            names = ", ".join(_one_line(n) for n in sorted(kept[day], key=str.casefold))
            lines += [f"**Rituals kept:** {names}", ""]
        if day in notes:
            lines += ["**Grateful for:**", ""]
            for note in notes[day]:
                first, *rest = clean(note.text).split("\n")
                item = f"- {first}".rstrip() + "".join("\n" + f"  {line}".rstrip() for line in rest)
                lines.append(item + (" (said aloud)" if note.said_aloud else ""))
            lines.append("")
        for answer in answers.get(day, []):
            prompt = prompts.get(answer.prompt_id)
            question = prompt.text if prompt else "A prompt no longer in the deck"
            lines += [f"**{_one_line(question)}**", "", _indent(clean(answer.text), "> "), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


def _indent(text: str, prefix: str) -> str:
    return "\n".join((prefix + line).rstrip() for line in text.split("\n"))


# --------------------------------------------------------------------------- import: parse


@dataclass
class Bundle:
    """The checked entries of one import file."""

    settings: Settings = field(default_factory=Settings)
    rituals: list[Ritual] = field(default_factory=list)
    ticks: list[tuple[str, date]] = field(default_factory=list)
    gestures: list[GestureDay] = field(default_factory=list)
    favourites: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    prompt_days: list[PromptDay] = field(default_factory=list)
    grace: list[GraceSpan] = field(default_factory=list)

    def size(self) -> int:
        return sum(len(getattr(self, name)) for name in SECTIONS)


class _Entry:
    """One object of the import file; says exactly where a problem is."""

    def __init__(self, where: str, doc: Any, fields: Iterable[str]) -> None:
        self.where = where
        if not isinstance(doc, dict):
            self.fail(f"should be an object, not {_show(doc)}")
        unknown = sorted(set(doc) - set(fields))
        if unknown:
            self.fail(f"has a field micro-romance does not know: '{_short(unknown[0])}'")
        self.doc: dict[str, Any] = doc

    def fail(self, problem: str) -> None:
        raise ImportProblem(f"{self.where} {problem}")

    def field_fail(self, key: str, problem: str) -> None:
        raise ImportProblem(f"{self.where}: field '{key}' {problem}")

    def get(self, key: str, kind: type, default: Any = ...) -> Any:
        if key not in self.doc:
            if default is ...:
                self.field_fail(key, "is missing")
            return default
        value = self.doc[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            self.field_fail(key, f"should be {_KINDS[kind]}, not {_show(value)}")
        return value

    def ident(self, key: str) -> str:
        value = self.get(key, str)
        if len(value) > MAX_ID_CHARS or not _ID.fullmatch(value):
            self.field_fail(key, f"should be a short id without spaces, not {_show(value)}")
        return value

    def day(self, key: str, default: Any = ...) -> date | None:
        value = self.get(key, (str, type(None)) if default is None else str, default)  # type: ignore[arg-type]
        if value is None:
            return None
        if _DAY.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.field_fail(key, f"should be a date like 2026-01-31, not {_show(value)}")
        raise AssertionError  # unreachable

    def text(self, key: str, check: Callable[[str], str], default: Any = ...) -> str:
        value = self.get(key, str, default)
        try:
            return check(value)
        except TextError as exc:
            self.field_fail(key, f"cannot be used: {exc}")
        raise AssertionError  # unreachable

    def choice(self, key: str, choices: Iterable[str]) -> str:
        value = self.get(key, str, "")
        if value and value not in choices:
            known = ", ".join(f"'{c}'" for c in choices if c)
            self.field_fail(key, f"should be one of {known}, not {_show(value)}")
        return value

    def ids(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list, [])
        for value in values:
            if not isinstance(value, str) or len(value) > MAX_ID_CHARS or not _ID.fullmatch(value):
                self.field_fail(key, f"should be a list of short ids, but holds {_show(value)}")
        return tuple(values)


_KINDS: dict[Any, str] = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "an object",
    (str, type(None)): "a date like 2026-01-31 or null",
}


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(_short(value))
    return _short(json.dumps(value, ensure_ascii=False))


def _optional_line(text: str) -> str:
    return check_line(text)


def _optional_name(text: str) -> str:
    return check_name(text) if text.strip() else ""


def decode(raw: bytes) -> Any:
    """The JSON value in ``raw`` (UTF-8, a leading BOM allowed)."""
    if not raw.strip():
        raise ImportProblem("the file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(f"the file is not UTF-8 text (byte {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportProblem(
            f"the file is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise ImportProblem("the file is nested too deeply to be an export") from None


def parse(raw: bytes) -> Bundle:
    """Check an export file completely; raise ImportProblem at the first problem."""
    data = decode(raw)
    if not isinstance(data, dict):
        raise ImportProblem(f"the file holds JSON, but not a {APP_NAME} export (it is not an object)")
    if "format_version" not in data:
        raise ImportProblem(f"the file holds JSON, but not a {APP_NAME} export (no 'format_version')")
    version = data["format_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportProblem(f"'format_version' should be a whole number like 1, not {_show(version)}")
    if version > FORMAT_VERSION:
        raise ImportProblem(
            f"the file was exported by a newer {APP_NAME} (format {version}; this one reads up to "
            f"{FORMAT_VERSION}). Upgrade {APP_NAME} to import it"
        )
    known = {"format_version", "exported_with", "settings", *SECTIONS}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ImportProblem(f"the file has a section {APP_NAME} does not know: '{_short(unknown[0])}'")
    if not isinstance(data.get("exported_with", ""), str):
        raise ImportProblem(f"'exported_with' should be text, not {_show(data['exported_with'])}")

    bundle = Bundle()
    if "settings" in data:
        bundle.settings = _settings(data["settings"])
    for name in SECTIONS:
        entries = data.get(name, [])
        if not isinstance(entries, list):
            raise ImportProblem(f"'{name}' should be a list of entries, not {_show(entries)}")
        read, key = _READERS[name]
        seen: dict[Any, int] = {}
        found = getattr(bundle, name)
        for number, doc in enumerate(entries, start=1):
            where = f"entry {number} of '{name}'"
            item = read(_Entry(where, doc, _FIELDS[name]))
            ident = key(item)
            if ident in seen:
                raise ImportProblem(
                    f"{where}: {_IDENTITY[name]} {_show_key(ident)} appears twice (also entry {seen[ident]})"
                )
            seen[ident] = number
            found.append(item)
    return bundle


def _show_key(key: Any) -> str:
    if isinstance(key, tuple):
        return " on ".join(_show_key(part) for part in key)
    if isinstance(key, date):
        return key.isoformat()
    return repr(key)


def _settings(doc: Any) -> Settings:
    e = _Entry("'settings'", doc, _FIELDS["settings"])
    languages = e.get("love_languages", list, [])
    for lang in languages:
        if not isinstance(lang, str) or lang not in LOVE_LANGUAGES:
            known = ", ".join(f"'{k}'" for k in LOVE_LANGUAGES)
            e.field_fail("love_languages", f"should list some of {known}, but holds {_show(lang)}")
    if len(set(languages)) != len(languages):
        e.field_fail("love_languages", "names a love language twice")
    return Settings(
        partner_name=e.text("partner_name", _optional_name, ""),
        love_languages=tuple(languages),
        together=e.choice("together", TOGETHERNESS),
        welcomed=e.get("welcomed", bool, False),
        theme=e.text("theme", _optional_line, ""),
    )


def _ritual(e: _Entry) -> Ritual:
    weekdays = e.get("weekdays", list, [])
    if not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in weekdays):
        e.field_fail("weekdays", "should list numbers from 0 (Monday) to 6 (Sunday)")
    return Ritual(
        id=e.ident("id"),
        name=e.text("name", check_name),
        weekdays=tuple(sorted(set(weekdays))),
        position=e.get("position", int, 0),
        archived=e.get("archived", bool, False),
        created=e.day("created", None),
    )


def _tick(e: _Entry) -> tuple[str, date]:
    day = e.day("day")
    assert day is not None
    return e.ident("ritual"), day


def _gesture(e: _Entry) -> GestureDay:
    day = e.day("day")
    assert day is not None
    gesture_id = e.ident("gesture")
    return GestureDay(
        day=day,
        gesture_id=gesture_id,
        shown=e.ids("shown"),
        done=e.get("done", bool, False),
        note=e.text("note", _optional_line, ""),
        feedback=e.choice("feedback", FEEDBACK),
    )


def _favourite(e: _Entry) -> str:
    return e.ident("gesture")


def _note(e: _Entry) -> Note:
    day = e.day("day")
    assert day is not None
    return Note(
        id=e.ident("id"),
        day=day,
        text=e.text("text", check_note),
        said_aloud=e.get("said_aloud", bool, False),
        created=e.text("created", _optional_line, ""),
    )


def _answer(e: _Entry) -> Answer:
    day = e.day("day")
    assert day is not None
    return Answer(
        id=e.ident("id"),
        prompt_id=e.ident("prompt"),
        day=day,
        text=e.text("text", check_note),
        created=e.text("created", _optional_line, ""),
    )


def _prompt_day(e: _Entry) -> PromptDay:
    day = e.day("day")
    assert day is not None
    return PromptDay(day=day, prompt_id=e.ident("prompt"), shown=e.ids("shown"))


def _grace(e: _Entry) -> GraceSpan:
    start, end = e.day("start"), e.day("end")
    assert start is not None and end is not None
    if end < start:
        e.field_fail("end", f"is before 'start' ({end.isoformat()} < {start.isoformat()})")
    return GraceSpan(id=e.ident("id"), start=start, end=end, reason=e.text("reason", _optional_line, ""))


_FIELDS: dict[str, tuple[str, ...]] = {
    "settings": ("partner_name", "love_languages", "together", "welcomed", "theme"),
    "rituals": ("id", "name", "weekdays", "position", "archived", "created"),
    "ticks": ("ritual", "day"),
    "gestures": ("day", "gesture", "shown", "done", "note", "feedback"),
    "favourites": ("gesture",),
    "notes": ("id", "day", "text", "said_aloud", "created"),
    "answers": ("id", "prompt", "day", "text", "created"),
    "prompt_days": ("day", "prompt", "shown"),
    "grace": ("id", "start", "end", "reason"),
}

_READERS: dict[str, tuple[Callable[[_Entry], Any], Callable[[Any], Any]]] = {
    "rituals": (_ritual, lambda r: r.id),
    "ticks": (_tick, lambda t: t),
    "gestures": (_gesture, lambda g: g.day),
    "favourites": (_favourite, lambda f: f),
    "notes": (_note, lambda n: n.id),
    "answers": (_answer, lambda a: a.id),
    "prompt_days": (_prompt_day, lambda p: p.day),
    "grace": (_grace, lambda g: g.id),
}

_IDENTITY = {
    "rituals": "the id",
    "ticks": "the tick of",
    "gestures": "the day",
    "favourites": "the gesture",
    "notes": "the id",
    "answers": "the id",
    "prompt_days": "the day",
    "grace": "the id",
}


# --------------------------------------------------------------------------- import: plan and apply


@dataclass
class Plan:
    """What an import would change in a store."""

    settings: Settings | None = None
    settings_filled: tuple[str, ...] = ()
    rituals: list[Ritual] = field(default_factory=list)
    ticks: list[tuple[str, date]] = field(default_factory=list)
    gestures: list[GestureDay] = field(default_factory=list)
    favourites: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    prompt_days: list[PromptDay] = field(default_factory=list)
    grace: list[GraceSpan] = field(default_factory=list)
    already: int = 0
    """Entries of the file that were already present and changed nothing."""

    def changes(self) -> dict[str, int]:
        """How many entries each section adds or updates (non-zero only)."""
        found = {name: len(getattr(self, name)) for name in SECTIONS}
        return {name: n for name, n in found.items() if n}

    @property
    def empty(self) -> bool:
        return self.settings is None and not self.changes()


def plan_import(bundle: Bundle, store: Store) -> Plan:
    """Compare ``bundle`` with ``store``: what to add, what to merge.

    Nothing is written. See ``docs/data-format.md`` ("Merging") for the rules.
    """
    plan = Plan()

    local = store.settings()
    filled: dict[str, Any] = {}
    incoming = bundle.settings
    if not local.partner_name and incoming.partner_name:
        filled["partner_name"] = incoming.partner_name
    if not local.love_languages and incoming.love_languages:
        filled["love_languages"] = incoming.love_languages
    if not local.together and incoming.together:
        filled["together"] = incoming.together
    if not local.welcomed and incoming.welcomed:
        filled["welcomed"] = True
    if not local.theme and incoming.theme:
        filled["theme"] = incoming.theme
    if filled:
        plan.settings = replace(local, **filled)
        plan.settings_filled = tuple(filled)

    existing = {r.id: r for r in store.rituals(include_archived=True)}
    new = [r for r in bundle.rituals if r.id not in existing]
    plan.already += len(bundle.rituals) - len(new)
    if existing and new:
        # After the rituals already here, in the file's order.
        offset = max(r.position for r in existing.values()) + 1 - min(r.position for r in new)
        new = [replace(r, position=r.position + offset) for r in new]
    plan.rituals = new

    ticks = store.ticks_by_ritual()
    plan.ticks = [(rid, day) for rid, day in bundle.ticks if day not in ticks.get(rid, ())]
    plan.already += len(bundle.ticks) - len(plan.ticks)

    for gd in bundle.gestures:
        here = store.gesture_day(gd.day)
        merged = gd if here is None else merge_gesture_day(here, gd)
        if merged != here:
            plan.gestures.append(merged)
        else:
            plan.already += 1

    favourites = store.favourites()
    plan.favourites = [gid for gid in bundle.favourites if gid not in favourites]
    plan.already += len(bundle.favourites) - len(plan.favourites)

    notes = {n.id for n in store.notes()}
    plan.notes = [n for n in bundle.notes if n.id not in notes]
    plan.already += len(bundle.notes) - len(plan.notes)

    answers = {a.id for a in store.answers()}
    plan.answers = [a for a in bundle.answers if a.id not in answers]
    plan.already += len(bundle.answers) - len(plan.answers)

    for pd in bundle.prompt_days:
        here_pd = store.prompt_day(pd.day)
        merged_pd = pd if here_pd is None else replace(here_pd, shown=_union(here_pd.shown, pd.shown))
        if merged_pd != here_pd:
            plan.prompt_days.append(merged_pd)
        else:
            plan.already += 1

    grace = {g.id for g in store.grace()}
    plan.grace = [g for g in bundle.grace if g.id not in grace]
    plan.already += len(bundle.grace) - len(plan.grace)
    return plan


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(first + second))


def merge_gesture_day(here: GestureDay, incoming: GestureDay) -> GestureDay:
    """One day's gesture from two copies: a done day wins, shown ids are joined.

    The copy that is done wins (the local one when both or neither are); the
    other copy's note and feedback fill in only when it is about the same
    gesture and the winner has none. Merging again changes nothing.
    """
    base, other = (incoming, here) if incoming.done and not here.done else (here, incoming)
    same = other.gesture_id == base.gesture_id
    return replace(
        base,
        shown=_union(base.shown, other.shown),
        done=base.done or (same and other.done),
        note=base.note or (other.note if same else ""),
        feedback=base.feedback or (other.feedback if same else ""),
    )


def apply(plan: Plan, store: Store) -> None:
    """Write ``plan`` into ``store`` with one write; all or nothing."""
    if plan.empty:
        return
    with store.batch():
        if plan.settings is not None:
            store.save_settings(plan.settings)
        for ritual in plan.rituals:
            store.add_ritual(ritual.name, weekdays=ritual.weekdays, created=ritual.created or date.min, ritual_id=ritual.id)
            store.update_ritual(ritual.id, position=ritual.position, archived=ritual.archived, created=ritual.created)
        for rid, day in plan.ticks:
            store.set_tick(rid, day, True)
        for gd in plan.gestures:
            store.save_gesture_day(gd)
        for gid in plan.favourites:
            store.set_favourite(gid, True)
        for note in plan.notes:
            store.save_note(note)
        for answer in plan.answers:
            store.save_answer(answer)
        for pd in plan.prompt_days:
            store.save_prompt_day(pd)
        for span in plan.grace:
            store.save_grace(span)
