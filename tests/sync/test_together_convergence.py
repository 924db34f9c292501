"""Property: two partners' real data folders, changed at random and synced in any order,
end up showing each other the same shared things, and nothing private crosses.

This is the level a couple lives at: stores, the Together adapter and its rounds over one
shared folder, with every kind of entry that crosses (rituals merged by name, ticks,
shared and private notes, deleted notes, shared and private answers, done gestures and
the partner's "did it land?", how each feels loved, days that matter shared or kept).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sync.pairs import shared_code
from tui.model import FEEDBACK, LOVE_LANGUAGES, DayThatMatters, GestureDay
from tui.record import replace
from tui.storage import Store
from tui.sync import pairing
from tui.together import Together, note_authors, partner_answers, run_round, shared_notes
from tui.together.state import gifts_of_day, partner_days, partner_rankings

DAY0 = date(2026, 11, 20)
PEOPLE = ("Alex", "Sam")
NAMES = ("Tea at dusk", "Evening walk")
PROMPTS = ("p-one", "p-two")

SIDE = st.integers(0, 1)
OFFSET = st.integers(0, 3)
OP = st.one_of(
    st.tuples(st.just("ritual"), SIDE, st.sampled_from(NAMES), st.booleans()),
    st.tuples(st.just("tick"), SIDE, st.sampled_from(NAMES), OFFSET, st.booleans()),
    st.tuples(st.just("note"), SIDE, OFFSET, st.booleans()),
    st.tuples(st.just("forget"), SIDE, st.integers(0, 5)),
    st.tuples(st.just("answer"), SIDE, st.sampled_from(PROMPTS), st.booleans()),
    st.tuples(st.just("gesture"), SIDE, OFFSET),
    st.tuples(st.just("reply"), SIDE, st.sampled_from(sorted(FEEDBACK))),
    st.tuples(st.just("loved"), SIDE, st.lists(st.sampled_from(sorted(LOVE_LANGUAGES)), max_size=3, unique=True)),
    st.tuples(st.just("day"), SIDE, st.sampled_from(("mine", "theirs", "both")), st.booleans()),
    st.tuples(st.just("undo_day"), SIDE, st.integers(0, 5)),
    st.tuples(st.just("round"), SIDE),
)
FLIP = {"mine": "theirs", "theirs": "mine", "both": "both"}


class Side:
    def __init__(self, root: Path, person: str) -> None:
        self.person = person
        self.data = root / person
        self.state = self.data / "sync"
        self.store = Store(self.data, backups=False)
        self.written: dict[str, tuple[str, bool]] = {}  # note text -> (id, shared), still kept
        self.answers: dict[str, bool] = {}  # answer text -> shared
        self.loved: tuple[str, ...] = ()  # how this person said they feel loved
        self.days: dict[str, tuple[str, bool]] = {}  # day that matters text -> (whose, shared), still kept

    def together(self) -> Together:
        return Together(self.store, self.state, person=self.person)

    def ritual(self, name: str) -> str | None:
        found = [r.id for r in self.store.rituals() if r.name == name]
        return found[0] if found else None

    def round(self) -> None:
        run_round(self.store, self.state)

    def shared_view(self) -> dict[str, object]:
        """What both partners should see alike: shared rituals with their ticks, shared notes."""
        notes = {n.id: n for n in self.store.notes()}
        crossing = shared_notes(self.state) | set(note_authors(self.state))
        return {
            "rituals": {
                r.name: frozenset(self.store.ticked_days(r.id)) for r in self.store.rituals() if not r.personal
            },
            "notes": {(notes[i].text, notes[i].day) for i in crossing if i in notes},
        }


def _setup(root: Path) -> list[Side]:
    shared = root / "Shared"
    shared.mkdir()
    sides = [Side(root, person) for person in PEOPLE]
    pairing.start(sides[0].state, shared, PEOPLE[0])
    pairing.join(sides[1].state, shared, PEOPLE[1])
    code = shared_code(sides[0].state, sides[1].state)
    pairing.confirm(sides[0].state, code)
    pairing.confirm(sides[1].state, code)
    return sides


def _play(sides: list[Side], step: tuple, serial: int) -> None:
    name, side = step[0], sides[step[1]]
    store = side.store
    if name == "ritual" and side.ritual(step[2]) is None:
        store.add_ritual(step[2], created=DAY0, personal=step[3] and step[2] == NAMES[1])
    elif name == "tick" and (rid := side.ritual(step[2])) is not None:
        store.set_tick(rid, DAY0 + timedelta(days=step[3]), step[4])
    elif name == "note":
        text = f"{side.person} note {serial}"
        note = store.add_note(text, DAY0 + timedelta(days=step[2]))
        if step[3]:
            side.together().share_note(note.id)
        side.written[text] = (note.id, step[3])
    elif name == "forget" and side.written:
        text = sorted(side.written)[step[2] % len(side.written)]
        store.delete_note(side.written.pop(text)[0])
    elif name == "answer":
        text = f"{side.person} answer {serial}"
        answer = store.add_answer(step[2], text, DAY0)
        if step[3]:
            side.together().share_answer(answer.id)
        side.answers[text] = step[3]
    elif name == "gesture":
        day = DAY0 + timedelta(days=step[2])
        store.save_gesture_day(GestureDay(day=day, gesture_id=f"g{step[2]}", shown=(f"g{step[2]}",), done=True))
    elif name == "reply":
        for offset in range(4):
            for gift_id, _, _, answer in gifts_of_day(side.state, DAY0 + timedelta(days=offset)):
                if not answer:
                    side.together().answer_gift(gift_id, step[2])
                    return
    elif name == "loved":  # how this person feels loved, in their own settings
        side.loved = tuple(step[2])
        store.save_settings(replace(store.settings(), own_love_languages=side.loved))
    elif name == "day":  # a day that matters, about oneself, the partner or both, shared or not
        text = f"{side.person} day {serial}"
        store.put("days", DayThatMatters(store.new_id(), "big", DAY0, text, whose=step[2], shared=step[3]), new=True)
        side.days[text] = (step[2], step[3])
    elif name == "undo_day" and side.days:
        text = sorted(side.days)[step[2] % len(side.days)]
        store.drop("days", next(d.id for d in store.entries("days") if d.text == text))
        del side.days[text]
    elif name == "round":
        side.round()


def run(ops: list[tuple]) -> None:
    with TemporaryDirectory() as tmp:
        sides = _setup(Path(tmp))
        try:
            for serial, step in enumerate(ops):
                _play(sides, step, serial)
            for _ in range(3):  # everything delivered: a round each, then again to settle merges
                for side in sides:
                    side.round()
            alex, sam = sides
            assert alex.shared_view() == sam.shared_view()
            for me, other in ((alex, sam), (sam, alex)):
                their_texts = {n.text for n in other.store.notes()}
                for text, (note_id, shared) in me.written.items():
                    assert me.store.note(note_id).text == text  # nothing this person kept was lost
                    assert (text in their_texts) == shared  # shared ones arrive, private ones never
                seen = {t for answers in partner_answers(other.state).values() for _, t in answers}
                assert seen == {text for text, shared in me.answers.items() if shared}
                assert not ({a.text for a in other.store.answers()} & set(me.answers))
                done = {g.day for g in me.store.gesture_days() if g.done}
                got = {
                    DAY0 + timedelta(days=o) for o in range(4) if gifts_of_day(other.state, DAY0 + timedelta(days=o))
                }
                assert got == done
                arrived = {(d.text, d.whose) for d in partner_days(other.state)}
                assert arrived == {(t, FLIP[whose]) for t, (whose, shared) in me.days.items() if shared}
                assert {d.text for d in other.store.entries("days")} == set(other.days)  # never mixed in
                assert partner_rankings(other.state) == ([(me.person, me.loved)] if me.loved else [])
                settings = other.store.settings()  # a partner's ranking never enters the other's settings
                assert (settings.own_love_languages, settings.love_languages) == (other.loved, ())
        finally:
            for side in sides:
                side.store.close()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OP, max_size=24))
def test_two_partners_converge_on_what_they_share(ops: list[tuple]) -> None:
    run(ops)
