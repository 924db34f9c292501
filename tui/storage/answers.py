"""The store's prompts of the day and answers (part of :class:`~tui.storage.store.Store`).

A past year's entries are read when asked for (:mod:`tui.storage.years`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from tui.model import Answer, PromptDay
from tui.storage.codecs import AnswerCodec, PromptDayCodec

if TYPE_CHECKING:
    from tui.storage.index import Index
    from tui.storage.tinystore import Database
    from tui.storage.years import PastYears


def stamp() -> str:
    """A creation timestamp used only to order entries written on the same day."""
    return datetime.now().astimezone().isoformat(timespec="microseconds")


class PromptsAndAnswers:
    """Prompts shown and answers written; the store provides the index, the database and the past years."""

    _ix: Index
    _db: Database
    _past: PastYears

    def _yearly(self, kind: str, *days: date) -> str:
        raise NotImplementedError

    def new_id(self) -> str:
        raise NotImplementedError

    def prompt_day(self, day: date) -> PromptDay | None:
        self._past.need(day.year)
        return self._ix.prompts.get(day)

    def prompt_days(self) -> list[PromptDay]:
        self._past.need_kind("prompts")
        return sorted(self._ix.prompts.values(), key=lambda p: p.day, reverse=True)

    def show_prompt(self, day: date, prompt_id: str) -> PromptDay:
        current = self.prompt_day(day)
        if current is not None and current.prompt_id == prompt_id:
            return current
        shown = (current.shown if current else ()) + (prompt_id,)
        pd = PromptDay(day=day, prompt_id=prompt_id, shown=tuple(dict.fromkeys(shown)))
        return self.save_prompt_day(pd)

    def save_prompt_day(self, pd: PromptDay) -> PromptDay:
        table = self._yearly("prompts", pd.day)
        self._past.need(pd.day.year)
        ix = self._ix
        old = ix.prompt_ids.get(pd.day)
        ix.prompt_ids[pd.day] = (table, self._db.put(table, PromptDayCodec.doc(pd), old[1] if old else None))
        ix.prompts[pd.day] = pd
        return pd

    def answers(self) -> list[Answer]:
        """Answers, newest first."""
        self._past.need_kind("answers")
        return sorted(self._ix.answers.values(), key=lambda a: (a.day, a.created, a.id), reverse=True)

    def answer(self, answer_id: str) -> Answer:
        self._past.find(self._ix.answers, answer_id, "answers")
        return self._ix.answers[answer_id]

    def save_answer(self, answer: Answer) -> Answer:
        # stays in the table it was first written to, as notes do
        return self._put_answer(answer, self._past.find(self._ix.answer_ids, answer.id, "answers", answer.day.year))

    def _put_answer(self, answer: Answer, old: tuple[str, int] | None) -> Answer:
        table = old[0] if old else self._yearly("answers", answer.day)
        self._past.need(answer.day.year)
        ix = self._ix
        ix.answer_ids[answer.id] = (table, self._db.put(table, AnswerCodec.doc(answer), old[1] if old else None))
        ix.answers[answer.id] = answer
        return answer

    def add_answer(self, prompt_id: str, text: str, day: date) -> Answer:
        answer = Answer(id=self.new_id(), prompt_id=prompt_id, day=day, text=text, created=stamp())
        return self._put_answer(answer, None)

    def delete_answer(self, answer_id: str) -> Answer:
        ix = self._ix
        answer = self.answer(answer_id)
        self._db.drop(*ix.answer_ids.pop(answer_id))
        del ix.answers[answer_id]
        return answer
