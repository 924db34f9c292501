"""Plain records shared by the store, the domain logic and the screens (immutable values: see tui.record).

Nothing here imports Textual or TinyDB. Dates are ``datetime.date``; ids are
short strings so that exports can be merged back without duplicates.
"""

from __future__ import annotations

from datetime import date

from tui.record import Record

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)
"""The days micro-romance keeps: four-digit years, so every year's file has a
four-digit name and date arithmetic near the ends never overflows."""


def day_out_of_range(day: date) -> str:
    """Why ``day`` cannot be kept ("" when it can): one line for any message."""
    if FIRST_DAY <= day <= LAST_DAY:
        return ""
    return (
        f"{day.isoformat()} is outside the days micro-romance keeps ({FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()})"
    )


# Love languages, in the order we present them.
LOVE_LANGUAGES: dict[str, str] = {
    "words": "Words of affirmation",
    "touch": "Physical touch",
    "service": "Acts of service",
    "time": "Quality time",
    "gifts": "Small gifts",
}

# How much a gesture asks of the giver.
EFFORTS: dict[str, str] = {
    "minute": "About a minute",
    "ten_minutes": "About ten minutes",
    "evening": "An evening",
}

# Where the couple mostly are; "" means not said.
TOGETHERNESS: dict[str, str] = {
    "": "Not said",
    "together": "Mostly together",
    "apart": "Mostly apart",
}

# One answer after a gesture is done: did it land?
FEEDBACK: dict[str, str] = {
    "landed": "It landed",
    "so_so": "So-so",
    "not_really": "Not really",
}


class Settings(Record):
    """What the user told us about their partner, and about themself."""

    partner_name: str
    love_languages: tuple[str, ...]
    """The user's guess of how their partner feels loved: ranked, first is strongest; a subset
    of LOVE_LANGUAGES. (Given to the pick, it is the ranking to lean on: see ``tui.daily``.)"""
    together: str
    """One of TOGETHERNESS."""
    welcomed: bool
    """True once the first-run welcome was completed or skipped."""
    theme: str
    """The Textual theme last chosen; "" means the product default."""
    last_review: str
    """Monday (ISO date) of the last week whose review was offered; "" if never."""
    own_love_languages: tuple[str, ...]
    """How the user feels loved, ranked as ``love_languages``: their own choice, shared with the
    partner through Together, whose picks lean on it over their guess."""

    def __init__(
        self,
        partner_name: str = "",
        love_languages: tuple[str, ...] = (),
        together: str = "",
        welcomed: bool = False,
        theme: str = "",
        last_review: str = "",
        own_love_languages: tuple[str, ...] = (),
    ) -> None:
        vars(self).update(
            partner_name=partner_name,
            love_languages=love_languages,
            together=together,
            welcomed=welcomed,
            theme=theme,
            last_review=last_review,
            own_love_languages=own_love_languages,
        )


class Gesture(Record):
    """One entry of the shipped gesture catalog."""

    id: str
    text: str
    """One sentence; may hold {partner} / {partner_s} placeholders."""
    language: str
    effort: str
    tags: frozenset[str]
    told: str
    """The same gesture told to the person it was for, in the past tense, with {giver}
    where the giver's name goes ("{giver} left a kind note on the mirror for you to find.")."""

    def __init__(
        self, id: str, text: str, language: str, effort: str, tags: frozenset[str] = frozenset(), told: str = ""
    ) -> None:
        vars(self).update(id=id, text=text, language=language, effort=effort, tags=tags, told=told)

    @property
    def where(self) -> str:
        """Where it works: "together", "apart" or "both" (from the tags)."""
        here, away = "together" in self.tags, "apart" in self.tags
        return "both" if here and away else "apart" if away else "together"

    @property
    def costs_money(self) -> bool:
        """Whether it needs money (no "costs_nothing" tag)."""
        return "costs_nothing" not in self.tags


class GestureDay(Record):
    """What the Today tab showed and what was done on one day."""

    day: date
    gesture_id: str
    """The suggestion currently shown for that day."""
    shown: tuple[str, ...]
    """Every suggestion shown that day, in order (includes gesture_id)."""
    done: bool
    note: str
    feedback: str
    """One of FEEDBACK, or "" when not answered."""
    partner_feedback: str
    """The partner's own answer (Together): one of FEEDBACK, or "" when they gave none."""

    def __init__(
        self,
        day: date,
        gesture_id: str,
        shown: tuple[str, ...] = (),
        done: bool = False,
        note: str = "",
        feedback: str = "",
        partner_feedback: str = "",
    ) -> None:
        vars(self).update(
            day=day,
            gesture_id=gesture_id,
            shown=shown,
            done=done,
            note=note,
            feedback=feedback,
            partner_feedback=partner_feedback,
        )


class Ritual(Record):
    """A repeated moment of connection."""

    id: str
    name: str
    weekdays: tuple[int, ...]
    """Monday=0 .. Sunday=6; empty means every day."""
    position: int
    archived: bool
    created: date | None
    personal: bool
    """Kept to this person's own devices (Together); False: shared with the partner."""

    def __init__(
        self,
        id: str,
        name: str,
        weekdays: tuple[int, ...] = (),
        position: int = 0,
        archived: bool = False,
        created: date | None = None,
        personal: bool = False,
    ) -> None:
        vars(self).update(
            id=id,
            name=name,
            weekdays=weekdays,
            position=position,
            archived=archived,
            created=created,
            personal=personal,
        )

    def scheduled_on(self, day: date) -> bool:
        return not self.weekdays or day.weekday() in self.weekdays


class Note(Record):
    """A gratitude note."""

    id: str
    day: date
    text: str
    said_aloud: bool
    created: str
    """ISO timestamp of creation (for ordering within a day)."""

    def __init__(self, id: str, day: date, text: str, said_aloud: bool = False, created: str = "") -> None:
        vars(self).update(id=id, day=day, text=text, said_aloud=said_aloud, created=created)


class Prompt(Record):
    """One reflective prompt of the shipped deck."""

    id: str
    topic: str
    """The prompt's topic id, e.g. "gratitude" or "maps"."""
    text: str
    depth: int
    """1 light .. 3 deep."""

    def __init__(self, id: str, topic: str, text: str, depth: int = 1) -> None:
        vars(self).update(id=id, topic=topic, text=text, depth=depth)


class PromptDay(Record):
    """Which prompt the Prompts tab showed on one day."""

    day: date
    prompt_id: str
    shown: tuple[str, ...]

    def __init__(self, day: date, prompt_id: str, shown: tuple[str, ...] = ()) -> None:
        vars(self).update(day=day, prompt_id=prompt_id, shown=shown)


class Answer(Record):
    """An answer to a reflective prompt."""

    id: str
    prompt_id: str
    day: date
    text: str
    created: str

    def __init__(self, id: str, prompt_id: str, day: date, text: str, created: str = "") -> None:
        vars(self).update(id=id, prompt_id=prompt_id, day=day, text=text, created=created)


class GraceSpan(Record):
    """Days when rituals and streaks pause (travel, illness, a hard week)."""

    id: str
    start: date
    end: date
    reason: str

    def __init__(self, id: str, start: date, end: date, reason: str = "") -> None:
        vars(self).update(id=id, start=start, end=end, reason=reason)

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


DAY_KINDS: dict[str, str] = {
    "big": "A big day",
    "hard": "A hard day",
    "away": "Away",
    "news": "Good news",
    "yearly": "Every year",
}
"""The kinds of days that matter, in the order we present them."""

DAY_TIMINGS: dict[str, tuple[str, ...]] = {
    "big": ("before", "day", "after"),
    "hard": ("before", "day", "after"),
    "away": ("before", "during", "return"),
    "news": ("day", "after"),
    "yearly": ("before", "day"),
}
"""The moments around each kind of day that have occasion gestures (see tui.domain.occasions)."""

WHOSE: dict[str, str] = {"theirs": "Your partner's", "mine": "Your own", "both": "Both of yours"}
"""Whose day it is, as the person who added it sees it."""


class DayThatMatters(Record):
    """A dated thing in someone's life: an interview, a trip, a birthday."""

    id: str
    kind: str
    """One of DAY_KINDS."""
    day: date
    """The day itself (a trip's first day; a yearly day's first year, e.g. a birth date)."""
    text: str
    """A few words of the person's own: "interview", "trip to Lisbon"."""
    end: date | None
    """The last day of a trip (``away`` only); None: the same day."""
    whose: str
    """One of WHOSE."""
    shared: bool
    """Sent to the partner through Together (only a day of one's own or of both may be)."""

    def __init__(
        self,
        id: str,
        kind: str,
        day: date,
        text: str,
        end: date | None = None,
        whose: str = "theirs",
        shared: bool = False,
    ) -> None:
        vars(self).update(id=id, kind=kind, day=day, text=text, end=end, whose=whose, shared=shared)


class Occasion(Record):
    """One gesture of the occasion catalog: the right small act around a day that matters."""

    id: str
    kind: str
    """One of DAY_KINDS."""
    when: str
    """before, day, after, during or return (see tui.domain.occasions.TIMINGS)."""
    apart: bool
    """It works at a distance."""
    text: str
    """For the giver; may hold {partner} and {what} (the day's own words)."""
    told: str
    """What the receiver reads; may hold {giver}."""

    def __init__(self, id: str, kind: str, when: str, apart: bool, text: str, told: str) -> None:
        vars(self).update(id=id, kind=kind, when=when, apart=apart, text=text, told=told)


class Counts(Record):
    """How many entries of each kind the store holds, by the kind's export section
    (``counts.notes``, ``counts.by_section["prompt_days"]``); see :mod:`tui.storage.kinds`."""

    by_section: dict[str, int]

    def __init__(self, by_section: dict[str, int] | None = None) -> None:
        vars(self).update(by_section=dict() if by_section is None else by_section)

    def __getattr__(self, name: str) -> int:
        sections = self.__dict__.get("by_section", {})
        if name in sections:
            return sections[name]
        raise AttributeError(name)

    @property
    def total(self) -> int:
        return sum(self.by_section.values())
