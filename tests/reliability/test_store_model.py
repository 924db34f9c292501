"""Property test: any sequence of store operations, then a reload, equals a plain model.

Hypothesis drives a state machine over the public ``Store`` methods (notes,
ticks across three years, settings, rituals, gestures, favourites, prompts,
answers, grace days); a dict-and-list model does the same by hand. After every
step the open store must agree with the model, and at the end (and at random
points in between) the store is closed and reopened from disk and must still
agree. Each example gets its own temporary data folder.
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
)

from tui.model import Answer, GestureDay, GraceSpan, Note, PromptDay, Ritual, Settings
from tui.record import replace
from tui.storage import Store
from tui.text import clean

START = date(2025, 1, 1)
FEW_DAYS = [date(y, m, d) for y in (2025, 2026, 2027) for (m, d) in ((1, 1), (6, 15), (12, 31))]
days = st.sampled_from(FEW_DAYS) | st.integers(0, 3 * 365 - 1).map(lambda n: START + timedelta(days=n))
"""Days of 2025, 2026 and 2027 (often the same few, so entries meet again), so
entries land in the main file and in history, and years move between them."""
words = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).map(clean).filter(bool)
"""Any text the app gives the store: it has passed tui.text first (and what the
store reads back from a file is cleaned the same way)."""
names = st.sampled_from(["Coffee", "walk", "Goodnight", "Tea", "Ritual [b]x[/]", "Zz"])
gesture_ids = st.sampled_from(["door-hug", "note-pocket", "tea-made", "walk-after"])
prompt_ids = st.sampled_from(["p1", "p2", "p3"])


class StoreMachine(RuleBasedStateMachine):
    notes_b = Bundle("notes")
    answers_b = Bundle("answers")
    rituals_b = Bundle("rituals")

    def __init__(self) -> None:
        super().__init__()
        self._tmp = tempfile.TemporaryDirectory(prefix="mr-model-")
        self.data_dir = Path(self._tmp.name) / "data"
        self.store = Store(self.data_dir, backups=False)
        # The model.
        self.settings = Settings()
        self.rituals: dict[str, Ritual] = {}
        self.ticks: set[tuple[str, date]] = set()
        self.gestures: dict[date, GestureDay] = {}
        self.favourites: set[str] = set()
        self.notes: dict[str, Note] = {}
        self.answers: dict[str, Answer] = {}
        self.prompts: dict[date, PromptDay] = {}
        self.grace: dict[str, GraceSpan] = {}

    def teardown(self) -> None:
        self.store.close()
        self._tmp.cleanup()

    # ------------------------------------------------------------ notes

    @rule(target=notes_b, text=words, day=days)
    def add_note(self, text: str, day: date) -> str:
        note = self.store.add_note(text, day)
        assert (note.text, note.day) == (text, day)
        self.notes[note.id] = note
        return note.id

    @rule(note_id=notes_b, text=words, day=days, said=st.booleans())
    def edit_note(self, note_id: str, text: str, day: date, said: bool) -> None:
        if note_id not in self.notes:
            return
        note = replace(self.notes[note_id], text=text, day=day, said_aloud=said)
        self.store.save_note(note)
        self.notes[note_id] = note

    @rule(note_id=consumes(notes_b))
    def delete_note(self, note_id: str) -> None:
        if note_id in self.notes:
            assert self.store.delete_note(note_id) == self.notes.pop(note_id)

    # ------------------------------------------------------------ rituals and ticks

    @rule(target=rituals_b, name=names, weekdays=st.sets(st.integers(0, 6), max_size=3), day=days)
    def add_ritual(self, name: str, weekdays: set[int], day: date) -> str:
        ritual = self.store.add_ritual(name, weekdays=weekdays, created=day)
        position = max((r.position for r in self.rituals.values()), default=-1) + 1
        assert ritual == Ritual(ritual.id, name, tuple(sorted(weekdays)), position, False, day)
        self.rituals[ritual.id] = ritual
        return ritual.id

    @rule(ritual_id=rituals_b, name=names)
    def rename_ritual(self, ritual_id: str, name: str) -> None:
        if ritual_id in self.rituals:
            self.store.update_ritual(ritual_id, name=name)
            self.rituals[ritual_id] = replace(self.rituals[ritual_id], name=name)

    @rule(ritual_id=rituals_b, archived=st.booleans())
    def archive_ritual(self, ritual_id: str, archived: bool) -> None:
        if ritual_id in self.rituals:
            self.store.update_ritual(ritual_id, archived=archived)
            self.rituals[ritual_id] = replace(self.rituals[ritual_id], archived=archived)

    def _active(self) -> list[Ritual]:
        found = [r for r in self.rituals.values() if not r.archived]
        return sorted(found, key=lambda r: (r.position, r.name.casefold()))

    @rule(ritual_id=rituals_b, offset=st.integers(-3, 3))
    def move_ritual(self, ritual_id: str, offset: int) -> None:
        order = self._active()
        if ritual_id not in {r.id for r in order}:
            return
        self.store.move_ritual(ritual_id, offset)
        index = [r.id for r in order].index(ritual_id)
        target = max(0, min(len(order) - 1, index + offset))
        if target != index:
            order.insert(target, order.pop(index))
            for position, ritual in enumerate(order):
                self.rituals[ritual.id] = replace(ritual, position=position)

    @rule(ritual_id=consumes(rituals_b))
    def delete_ritual(self, ritual_id: str) -> None:
        if ritual_id not in self.rituals:
            return
        gone = {t for t in self.ticks if t[0] == ritual_id}
        assert self.store.delete_ritual(ritual_id) == len(gone)
        self.ticks -= gone
        del self.rituals[ritual_id]

    @rule(ritual_id=rituals_b, day=days, done=st.booleans())
    def set_tick(self, ritual_id: str, day: date, done: bool) -> None:
        if ritual_id not in self.rituals:
            return
        self.store.set_tick(ritual_id, day, done)
        (self.ticks.add if done else self.ticks.discard)((ritual_id, day))

    @rule(ritual_id=rituals_b, first=days, count=st.integers(1, 20))
    def tick_many_in_a_batch(self, ritual_id: str, first: date, count: int) -> None:
        if ritual_id not in self.rituals:
            return
        with self.store.batch():
            for n in range(count):
                self.store.set_tick(ritual_id, first + timedelta(days=n), True)
        self.ticks.update((ritual_id, first + timedelta(days=n)) for n in range(count))

    # ------------------------------------------------------------ settings

    @rule(
        partner=st.sampled_from(["", "Sam", "Ana [i]x[/]", "李"]),
        languages=st.lists(st.sampled_from(["words", "touch", "service", "time", "gifts"]), unique=True),
        together=st.sampled_from(["", "together", "apart"]),
        welcomed=st.booleans(),
        theme=st.sampled_from(["", "nord", "gruvbox"]),
    )
    def save_settings(self, partner: str, languages: list[str], together: str, welcomed: bool, theme: str) -> None:
        self.settings = Settings(partner, tuple(languages), together, welcomed, theme)
        self.store.save_settings(self.settings)

    # ------------------------------------------------------------ gestures

    @rule(day=days, gesture_id=gesture_ids)
    def show_gesture(self, day: date, gesture_id: str) -> None:
        self.store.show_gesture(day, gesture_id)
        current = self.gestures.get(day)
        if current is None:
            self.gestures[day] = GestureDay(day, gesture_id, (gesture_id,))
        elif current.gesture_id != gesture_id:
            shown = current.shown if gesture_id in current.shown else current.shown + (gesture_id,)
            self.gestures[day] = GestureDay(day, gesture_id, shown)

    @precondition(lambda self: self.gestures)
    @rule(data=st.data(), note=words | st.just(""), feedback=st.sampled_from(["", "landed", "so_so"]))
    def gesture_done(self, data: st.DataObject, note: str, feedback: str) -> None:
        day = data.draw(st.sampled_from(sorted(self.gestures)))
        gd = replace(self.gestures[day], done=True, note=note, feedback=feedback)
        self.store.save_gesture_day(gd)
        self.gestures[day] = gd

    @rule(gesture_id=gesture_ids, favourite=st.booleans())
    def set_favourite(self, gesture_id: str, favourite: bool) -> None:
        self.store.set_favourite(gesture_id, favourite)
        (self.favourites.add if favourite else self.favourites.discard)(gesture_id)

    # ------------------------------------------------------------ prompts and answers

    @rule(day=days, prompt_id=prompt_ids)
    def show_prompt(self, day: date, prompt_id: str) -> None:
        self.store.show_prompt(day, prompt_id)
        current = self.prompts.get(day)
        if current is None or current.prompt_id != prompt_id:
            shown = (current.shown if current else ()) + (prompt_id,)
            self.prompts[day] = PromptDay(day, prompt_id, tuple(dict.fromkeys(shown)))

    @rule(target=answers_b, prompt_id=prompt_ids, text=words, day=days)
    def add_answer(self, prompt_id: str, text: str, day: date) -> str:
        answer = self.store.add_answer(prompt_id, text, day)
        assert (answer.prompt_id, answer.text, answer.day) == (prompt_id, text, day)
        self.answers[answer.id] = answer
        return answer.id

    @rule(answer_id=consumes(answers_b))
    def delete_answer(self, answer_id: str) -> None:
        if answer_id in self.answers:
            assert self.store.delete_answer(answer_id) == self.answers.pop(answer_id)

    # ------------------------------------------------------------ grace days

    @rule(start=days, length=st.integers(0, 10), reason=st.sampled_from(["", "travel", "a hard week"]))
    def add_grace(self, start: date, length: int, reason: str) -> None:
        span = GraceSpan(Store.new_id(), start, start + timedelta(days=length), reason)
        self.store.save_grace(span)
        self.grace[span.id] = span

    @precondition(lambda self: self.grace)
    @rule(data=st.data())
    def delete_grace(self, data: st.DataObject) -> None:
        span_id = data.draw(st.sampled_from(sorted(self.grace)))
        self.store.delete_grace(span_id)
        del self.grace[span_id]

    # ------------------------------------------------------------ reload

    @rule()
    def reopen(self) -> None:
        """Close and open again: what comes back is what is on disk."""
        self.store.close()
        self.store = Store(self.data_dir, backups=False)

    @invariant()
    def agrees_with_the_model(self) -> None:
        self.compare(self.store)

    def compare(self, store: Store) -> None:
        assert store.settings() == self.settings
        assert sorted(store.rituals(include_archived=True), key=lambda r: r.id) == sorted(
            self.rituals.values(), key=lambda r: r.id
        )
        assert [r.id for r in store.rituals()] == [r.id for r in self._active()]
        ticks = {(rid, day) for rid, found in store.ticks_by_ritual().items() for day in found}
        assert ticks == self.ticks
        assert {g.day: g for g in store.gesture_days()} == self.gestures
        assert store.favourites() == self.favourites
        assert {n.id: n for n in store.notes()} == self.notes
        assert {a.id: a for a in store.answers()} == self.answers
        assert {p.day: p for p in store.prompt_days()} == self.prompts
        assert {g.id: g for g in store.grace()} == self.grace
        counts = store.counts()
        assert (counts.notes, counts.ticks, counts.rituals) == (len(self.notes), len(self.ticks), len(self.rituals))

    def check_after_reload(self) -> None:
        self.store.close()
        with Store(self.data_dir, readonly=True) as again:
            self.compare(again)
        self.store = Store(self.data_dir, backups=False)


class StoreMachineWithFinalReload(StoreMachine):
    def teardown(self) -> None:
        try:
            self.check_after_reload()
        finally:
            super().teardown()


TestStoreAgainstModel = StoreMachineWithFinalReload.TestCase
TestStoreAgainstModel.settings = settings(
    max_examples=50,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
