"""One codec per kind of entry: every field name is written here, once.

Each codec turns a model object into a document (for the data file and the
export), reads a trusted document fast (raising on any surprise), and reads an
untrusted one through a :class:`Reader` that says exactly which entry and field
is wrong (:mod:`tui.storage.reader`). The store's index, its saves, the
export and the import all go through these codecs.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from tui.model import (
    DAY_KINDS,
    FEEDBACK,
    LOVE_LANGUAGES,
    TOGETHERNESS,
    WHOSE,
    Answer,
    DayThatMatters,
    GestureDay,
    GraceSpan,
    Note,
    PromptDay,
    Ritual,
    Settings,
)
from tui.storage.reader import Reader
from tui.text import check_line, check_name, check_note, check_words, tidy

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _optional_name(text: str) -> str:
    return check_name(text) if text.strip() else ""


# --------------------------------------------------------------------------- codecs


class SettingsCodec:
    fields = ("partner_name", "love_languages", "own_love_languages", "together", "welcomed", "theme", "last_review")
    exported = fields[:-1]
    """The export leaves out when the weekly review was last shown."""
    shared = ("own_love_languages",)
    """What Together sends the partner (kind ``love_languages``): this person's own ranking."""

    @staticmethod
    def doc(s: Settings) -> dict[str, Any]:
        return {
            "partner_name": s.partner_name,
            "love_languages": list(s.love_languages),
            "own_love_languages": list(s.own_love_languages),
            "together": s.together,
            "welcomed": s.welcomed,
            "theme": s.theme,
            "last_review": s.last_review,
        }

    @staticmethod
    def read(r: Reader) -> Settings:
        return Settings(
            partner_name=r.text("partner_name", _optional_name, ""),
            love_languages=r.members("love_languages", LOVE_LANGUAGES),
            own_love_languages=r.members("own_love_languages", LOVE_LANGUAGES),
            together=r.choice("together", TOGETHERNESS),
            welcomed=r.get("welcomed", bool, False),
            theme=r.text("theme", check_line, ""),
            last_review=r.text("last_review", None, ""),
        )


class RitualCodec:
    fields = ("id", "name", "weekdays", "position", "archived", "created", "personal")

    @staticmethod
    def doc(ritual: Ritual) -> dict[str, Any]:
        doc = {
            "id": ritual.id,
            "name": ritual.name,
            "weekdays": list(ritual.weekdays),
            "position": ritual.position,
            "archived": ritual.archived,
            "created": _iso(ritual.created),
        }
        if ritual.personal:  # written only when true: a shared ritual's document is as before
            doc["personal"] = True
        return doc

    @staticmethod
    def read(r: Reader) -> Ritual:
        weekdays = r.get("weekdays", list, [])
        if not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in weekdays):
            r.field_fail("weekdays", "should list numbers from 0 (Monday) to 6 (Sunday)")
        return Ritual(
            id=r.ident("id"),
            name=r.text("name", check_name),
            weekdays=tuple(sorted(set(weekdays))),
            position=r.get("position", int, 0),
            archived=r.get("archived", bool, False),
            created=r.day("created", None),
            personal=r.get("personal", bool, False),
        )


class TicksCodec:
    """The data file keeps one document per ritual and year: ``{"ritual", "days"}``."""

    fields = ("ritual", "days")

    @staticmethod
    def doc(ritual_id: str, days: Iterable[date]) -> dict[str, Any]:
        return {"ritual": ritual_id, "days": sorted(d.isoformat() for d in days)}

    @staticmethod
    def trusted(doc: dict[str, Any], year: int) -> tuple[str, set[date]]:
        rid, days = doc["ritual"], doc["days"]
        if type(rid) is not str or type(days) is not list:
            raise TypeError
        parsed = {date.fromisoformat(text) for text in days}
        if any(day.year != year for day in parsed):
            raise ValueError
        return tidy(rid), parsed

    @staticmethod
    def read(r: Reader, year: int) -> tuple[str, set[date]]:
        rid, days = r.text("ritual"), r.strings("days")
        parsed: set[date] = set()
        for text in days:
            try:
                parsed.add(date.fromisoformat(text))
            except ValueError:
                r.field_fail("days", f"holds {text!r}, which is not a date like 2026-01-31")
        if any(day.year != year for day in parsed):
            r.field_fail("days", f"holds a day outside {year}")
        return rid, parsed


class TickCodec:
    """The export lists one tick per line: ``{"ritual", "day"}``."""

    fields = ("ritual", "day")

    @staticmethod
    def doc(ritual_id: str, day: date) -> dict[str, Any]:
        return {"ritual": ritual_id, "day": day.isoformat()}

    @staticmethod
    def read(r: Reader) -> tuple[str, date]:
        day = r.required_day("day")
        return r.ident("ritual"), day


class GestureCodec:
    fields = ("day", "gesture", "shown", "done", "note", "feedback", "partner_feedback")

    @staticmethod
    def doc(gd: GestureDay) -> dict[str, Any]:
        doc = {
            "day": gd.day.isoformat(),
            "gesture": gd.gesture_id,
            "shown": list(gd.shown),
            "done": gd.done,
            "note": gd.note,
            "feedback": gd.feedback,
        }
        if gd.partner_feedback:  # written only when the partner answered: other days as before
            doc["partner_feedback"] = gd.partner_feedback
        return doc

    @staticmethod
    def trusted(doc: dict[str, Any]) -> GestureDay:
        day = date.fromisoformat(doc["day"])
        shown, done = doc.get("shown", []), doc.get("done", False)
        note, feedback = doc.get("note", ""), doc.get("feedback", "")
        theirs = doc.get("partner_feedback", "")
        if not (
            type(doc["gesture"]) is str
            and type(done) is bool
            and type(note) is str
            and type(feedback) is str
            and type(shown) is list
            and type(theirs) is str
            and all(type(x) is str for x in shown)
        ):
            raise TypeError
        return GestureDay(
            day, tidy(doc["gesture"]), tuple(map(tidy, shown)), done, tidy(note), tidy(feedback), tidy(theirs)
        )

    @staticmethod
    def read(r: Reader) -> GestureDay:
        day = r.required_day("day")
        gesture_id = r.ident("gesture")
        return GestureDay(
            day=day,
            gesture_id=gesture_id,
            shown=r.ids("shown"),
            done=r.get("done", bool, False),
            note=r.text("note", check_line, ""),
            feedback=r.choice("feedback", FEEDBACK),
            partner_feedback=r.choice("partner_feedback", FEEDBACK),
        )


class FavouriteCodec:
    fields = ("gesture",)

    @staticmethod
    def doc(gesture_id: str) -> dict[str, Any]:
        return {"gesture": gesture_id}

    @staticmethod
    def read(r: Reader) -> str:
        return r.ident("gesture")


class NoteCodec:
    fields = ("id", "day", "text", "said_aloud", "created")

    @staticmethod
    def doc(note: Note) -> dict[str, Any]:
        return {
            "id": note.id,
            "day": note.day.isoformat(),
            "text": note.text,
            "said_aloud": note.said_aloud,
            "created": note.created,
        }

    @staticmethod
    def trusted(doc: dict[str, Any]) -> Note:
        nid, text = doc["id"], doc["text"]
        said, created = doc.get("said_aloud", False), doc.get("created", "")
        if not (type(nid) is str and type(text) is str and type(said) is bool and type(created) is str):
            raise TypeError
        return Note(tidy(nid), date.fromisoformat(doc["day"]), tidy(text), said, tidy(created))

    @staticmethod
    def read(r: Reader) -> Note:
        day = r.required_day("day")
        return Note(
            id=r.ident("id"),
            day=day,
            text=r.text("text", check_note),
            said_aloud=r.get("said_aloud", bool, False),
            created=r.text("created", check_line, ""),
        )


class AnswerCodec:
    fields = ("id", "prompt", "day", "text", "created")

    @staticmethod
    def doc(answer: Answer) -> dict[str, Any]:
        return {
            "id": answer.id,
            "prompt": answer.prompt_id,
            "day": answer.day.isoformat(),
            "text": answer.text,
            "created": answer.created,
        }

    @staticmethod
    def trusted(doc: dict[str, Any]) -> Answer:
        aid, prompt, text, created = doc["id"], doc["prompt"], doc["text"], doc.get("created", "")
        if not (type(aid) is str and type(prompt) is str and type(text) is str and type(created) is str):
            raise TypeError
        return Answer(tidy(aid), tidy(prompt), date.fromisoformat(doc["day"]), tidy(text), tidy(created))

    @staticmethod
    def read(r: Reader) -> Answer:
        day = r.required_day("day")
        return Answer(
            id=r.ident("id"),
            prompt_id=r.ident("prompt"),
            day=day,
            text=r.text("text", check_note),
            created=r.text("created", check_line, ""),
        )


class PromptDayCodec:
    fields = ("day", "prompt", "shown")

    @staticmethod
    def doc(pd: PromptDay) -> dict[str, Any]:
        return {"day": pd.day.isoformat(), "prompt": pd.prompt_id, "shown": list(pd.shown)}

    @staticmethod
    def trusted(doc: dict[str, Any]) -> PromptDay:
        day, prompt, shown = date.fromisoformat(doc["day"]), doc["prompt"], doc.get("shown", [])
        if not (type(prompt) is str and type(shown) is list and all(type(x) is str for x in shown)):
            raise TypeError
        return PromptDay(day, tidy(prompt), tuple(map(tidy, shown)))

    @staticmethod
    def read(r: Reader) -> PromptDay:
        day = r.required_day("day")
        return PromptDay(day=day, prompt_id=r.ident("prompt"), shown=r.ids("shown"))


class GraceCodec:
    fields = ("id", "start", "end", "reason")

    @staticmethod
    def doc(span: GraceSpan) -> dict[str, Any]:
        return {"id": span.id, "start": span.start.isoformat(), "end": span.end.isoformat(), "reason": span.reason}

    @staticmethod
    def read(r: Reader) -> GraceSpan:
        start, end = r.required_day("start"), r.required_day("end")
        if r.strict and end < start:
            r.field_fail("end", f"is before 'start' ({end.isoformat()} < {start.isoformat()})")
        return GraceSpan(id=r.ident("id"), start=start, end=end, reason=r.text("reason", check_line, ""))


class DayCodec:
    """A day that matters. ``end`` is written only for a trip that ends on another day, ``shared`` only when true."""

    fields = ("id", "kind", "day", "end", "text", "whose", "shared")

    @staticmethod
    def doc(d: DayThatMatters) -> dict[str, Any]:
        doc: dict[str, Any] = {"id": d.id, "kind": d.kind, "day": d.day.isoformat(), "text": d.text, "whose": d.whose}
        if d.end is not None:
            doc["end"] = d.end.isoformat()
        if d.shared:
            doc["shared"] = True
        return doc

    @staticmethod
    def read(r: Reader) -> DayThatMatters:
        kind = r.get("kind", str)
        if kind not in DAY_KINDS:  # checked even in the data file: the countdown and the picker rely on it
            r.field_fail("kind", f"should be one of {', '.join(DAY_KINDS)}, not {r.dialect.show(kind)}")
        whose = r.get("whose", str, "theirs")
        if whose not in WHOSE:
            r.field_fail("whose", f"should be one of {', '.join(WHOSE)}, not {r.dialect.show(whose)}")
        day, end = r.required_day("day"), r.day("end", None)
        if end is not None and (kind != "away" or end < day):
            r.field_fail("end", "is only for a trip ('away'), on or after its first day")
        return DayThatMatters(
            id=r.ident("id"),
            kind=kind,
            day=day,
            text=r.text("text", check_words),
            end=end,
            whose=whose,
            shared=r.get("shared", bool, False),
        )
