"""The store's prompts of the day and answers (part of :class:`~tui.storage.store.Store`).

Both are dated entries kept by year through the store's one way for every kind
(:mod:`tui.storage.entries`); a past year's entries are read when asked for.
"""

from __future__ import annotations

from datetime import date, datetime

from tui.model import Answer, PromptDay
from tui.storage.entries import Entries


def stamp() -> str:
    """A creation timestamp used only to order entries written on the same day."""
    return datetime.now().astimezone().isoformat(timespec="microseconds")


class PromptsAndAnswers(Entries):
    """Prompts shown and answers written, over the store's entries by kind."""

    def prompt_day(self, day: date) -> PromptDay | None:
        return self.entry("prompts", day)

    def prompt_days(self) -> list[PromptDay]:
        return sorted(self.entries("prompts"), key=lambda p: p.day, reverse=True)

    def show_prompt(self, day: date, prompt_id: str) -> PromptDay:
        current = self.prompt_day(day)
        if current is not None and current.prompt_id == prompt_id:
            return current
        shown = (current.shown if current else ()) + (prompt_id,)
        pd = PromptDay(day=day, prompt_id=prompt_id, shown=tuple(dict.fromkeys(shown)))
        return self.save_prompt_day(pd)

    def save_prompt_day(self, pd: PromptDay) -> PromptDay:
        return self.put("prompts", pd)

    def answers(self) -> list[Answer]:
        """Answers, newest first."""
        return sorted(self.entries("answers"), key=lambda a: (a.day, a.created, a.id), reverse=True)

    def answer(self, answer_id: str) -> Answer:
        answer = self.entry("answers", answer_id)
        if answer is None:
            raise KeyError(answer_id)
        return answer

    def save_answer(self, answer: Answer) -> Answer:
        """Insert or replace an answer (it stays in the year it was first written to, as notes do)."""
        return self.put("answers", answer)

    def add_answer(self, prompt_id: str, text: str, day: date) -> Answer:
        answer = Answer(id=self.new_id(), prompt_id=prompt_id, day=day, text=text, created=stamp())
        return self.put("answers", answer, new=True)

    def delete_answer(self, answer_id: str) -> Answer:
        return self.drop("answers", answer_id)
