"""The Prompts tab: a reflective prompt for the day, and the answers written so far.

The prompt of the day comes from :mod:`tui.daily` (the same pick on every
screen) and is recorded with ``store.show_prompt`` once it is seen, so it is
not offered again within NO_REPEAT_DAYS (180) days. Answers are user data: shown as literal
``Content`` (after :func:`tui.text.clean`), never as markup.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui import content, daily
from tui.domain.prompts import NO_REPEAT_DAYS
from tui.format import short_day
from tui.model import Answer, Prompt
from tui.record import replace
from tui.tabs.base import TabBase
from tui.text import clean, one_line
from tui.widgets.paged import PagedOptionList

PREVIEW_LINES = 3
"""How many lines of an answer the list shows (the editor shows it all)."""

PREVIEW_CHARS = 240


def preview(text: str) -> str:
    """The start of an answer for the list, with "…" when there is more."""
    lines = clean(text).split("\n")
    shown = "\n".join(lines[:PREVIEW_LINES])
    cut = len(lines) > PREVIEW_LINES
    if len(shown) > PREVIEW_CHARS:
        shown, cut = shown[:PREVIEW_CHARS].rstrip(), True
    return shown + (" …" if cut else "")


def answer_row(
    answer: Answer, prompts: dict[str, Prompt], *, shared: bool = False, theirs: list[tuple[str, str]] | None = None
) -> Content:
    """One answer in the list: its date and prompt, then the answer itself; with Together,
    whether it is shared and the partner's answers to the same prompt (shown once yours is shared)."""
    prompt = prompts.get(answer.prompt_id)
    asked = prompt.text if prompt else "A prompt that is no longer in the deck"
    meta = f"{short_day(answer.day)} · {asked}" + ("  (shared)" if shared else "")
    row = Content.assemble((meta, ".prompts--meta"), "\n", preview(answer.text))
    for by, text in theirs or []:
        name = one_line(by)
        if shared:
            row = Content.assemble(row, "\n", (f"{name} answered:", ".prompts--meta"), "\n", preview(text))
        else:
            row = Content.assemble(
                row, "\n", (f"{name} answered this too: p shares yours and shows theirs.", ".prompts--hint")
            )
    return row


class PromptCard(Static, can_focus=True):
    """The prompt of the day; focused so enter answers it."""

    BINDINGS = [Binding("down", "app.focus_next", "Answers", show=False, id="prompts.to_answers")]


class PromptsTab(TabBase):
    """A prompt a day to reflect on, another on request, and every answer kept."""

    TAB_ID = "prompts"
    TAB_TITLE = "Prompts"
    HELP = (
        f"One reflective prompt a day, none from the last {NO_REPEAT_DAYS} days. Answer it in your "
        "own words, or ask for another. Your answers stay here, newest first; enter on an "
        "answer opens it to read or edit. When you are together (micro-romance pair), p shares "
        "an answer with your partner; their answer to the same prompt shows once yours is shared."
    )

    COMPONENT_CLASSES = {"prompts--question", "prompts--hint", "prompts--meta"}
    """Styles for parts of a line (styles/prompts.tcss): the prompt, the hint, an answer's date."""

    BINDINGS = [
        Binding("a", "answer", "Answer", id="prompts.answer", tooltip="Answer the prompt shown"),
        Binding("enter", "answer", "Answer", show=False, id="prompts.answer_enter", tooltip="Answer the prompt shown"),
        Binding("n", "another", "Another prompt", id="prompts.another", tooltip="Show a different prompt today"),
        Binding("e", "edit_answer", "Edit answer", id="prompts.edit", tooltip="Edit the selected answer"),
        Binding(
            "p",
            "share_answer",
            "Share with partner",
            show=False,
            id="prompts.share",
            tooltip="Share the selected answer with your partner (Together) and read theirs to the same prompt",
        ),
        Binding("t", "topic", "Topic", id="prompts.theme", tooltip="Show one topic at a time (All, then each topic)"),
    ]

    topic: reactive[str | None] = reactive(None, init=False)
    """The topic filter (key t; its binding id keeps its first name, prompts.theme, for keymaps);
    None shows every topic."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._prompt: Prompt | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="prompts-topic")
        yield PromptCard(Content(""), id="prompts-card")
        yield Static(Content(""), id="prompts-heading")
        yield Static(Content(""), id="prompts-empty", classes="empty-state")
        yield PagedOptionList(id="prompts-answers")

    def footer_shows(self, binding: Binding) -> bool:
        """p (share with your partner) is in the footer once paired."""
        return binding.id == "prompts.share" and self.host.together.paired

    def on_mount(self) -> None:
        super().on_mount()
        self._prompt = daily.todays_prompt(self.host.store, self.host.today)
        self.redraw()

    def on_show(self) -> None:
        self._record(self.prompt)

    def on_day_changed(self, day: date) -> None:
        self._prompt = daily.todays_prompt(self.host.store, day)
        if self.is_on_screen:
            self._record(self._prompt)
        self.redraw()

    def focus_first(self) -> None:
        self.take_focus(self.query_one("#prompts-card", PromptCard))

    # ------------------------------------------------------------ reading

    @property
    def prompt(self) -> Prompt:
        """The prompt shown now."""
        if self._prompt is None:
            self._prompt = daily.todays_prompt(self.host.store, self.host.today)
        return self._prompt

    @property
    def answers_list(self) -> PagedOptionList:
        return self.query_one("#prompts-answers", PagedOptionList)

    def visible_answers(self) -> list[Answer]:
        answers = self.host.store.answers()
        if self.topic:
            by_id = content.prompt_by_id()
            answers = [a for a in answers if (p := by_id.get(a.prompt_id)) and p.topic == self.topic]
        return answers

    def selected_answer(self) -> Answer | None:
        option = self.answers_list.highlighted_option
        if option is None or option.id is None:
            return None
        try:
            return self.host.store.answer(option.id)
        except KeyError:
            return None

    def todays_answer(self) -> Answer | None:
        """An answer written today to the prompt shown, if any."""
        today = self.host.today
        for answer in self.host.store.answers():
            if answer.day == today and answer.prompt_id == self.prompt.id:
                return answer
        return None

    # ------------------------------------------------------------ showing

    def draw(self, select: str | None = None) -> None:
        """Redraw the prompt and the answers from the store."""
        topics = content.topics()
        prompt = self.prompt
        topic_name = topics[self.topic] if self.topic else "All topics"
        self.query_one("#prompts-topic", Static).update(Content(f"Topic: {topic_name}  (t changes it)"))

        card = self.query_one("#prompts-card", PromptCard)
        shown = self.host.store.prompt_day(self.host.today)
        first = shown is None or not shown.shown or shown.shown[0] == prompt.id
        card.border_title = Content("Prompt of the day" if first else "Another prompt for today")
        card.border_subtitle = Content(topics.get(prompt.topic, ""))
        if self.todays_answer() is not None:
            status = "✓ Answered today · enter opens your answer · n another"
        else:
            status = "enter or a answers · n shows another"
        status += self._partner_hint(prompt)
        card.update(Content.assemble((prompt.text, ".prompts--question"), "\n", (status, ".prompts--hint")))

        answers = self.visible_answers()
        total = len(self.host.store.answers())
        heading = (
            f"Your answers ({len(answers)})"
            if not self.topic
            else f"Your answers on this topic ({len(answers)} of {total})"
        )
        self.query_one("#prompts-heading", Static).update(Content(heading))

        by_id = content.prompt_by_id()
        together = self.host.together.state
        theirs, shared = together.partner_answers(), together.shared_answers()
        listing = self.answers_list
        current = self.selected_answer()
        keep = select or (current.id if current else None)

        def rows(page: list[Answer]) -> list[Option | None]:
            options: list[Option | None] = []
            for answer in page:
                if options:
                    options.append(None)
                row = answer_row(answer, by_id, shared=answer.id in shared, theirs=theirs.get(answer.prompt_id))
                options.append(Option(row, id=answer.id))
            return options

        listing.show(answers, rows, keep=keep)

        empty = self.query_one("#prompts-empty", Static)
        if not total:
            empty.update(Content("Your answers will gather here, newest first."))
        elif not answers:
            empty.update(Content("No answers on this topic yet. t shows the next topic."))
        empty.display = not answers
        listing.set_class(not answers, "-empty")
        listing.can_focus = bool(answers)

    def _partner_hint(self, prompt: Prompt) -> str:
        """ " · Sam answered this one too", and what this person can do about it, while they have not
        shared an answer to it: answer first (nothing to share yet), or p on their answer."""
        together = self.host.together.state
        theirs = together.partner_answers().get(prompt.id)
        if not theirs:
            return ""
        shared = together.shared_answers()
        mine = [a for a in self.host.store.answers() if a.prompt_id == prompt.id]
        if any(a.id in shared for a in mine):
            return ""
        name = one_line(theirs[-1][0])
        if self.todays_answer() is not None:
            then = "p shares yours and shows theirs"
        elif mine:
            then = "p on your answer below shares it and shows theirs"
        else:
            then = "answer it, then p shares yours and shows theirs"
        return f" · {name} answered this one too: {then}"

    # ------------------------------------------------------------ writing

    def action_share_answer(self) -> None:
        """Share the selected answer (else today's) with your partner, at the next round."""
        answer = self.selected_answer() if self.answers_list.has_focus else None
        answer = answer or self.todays_answer() or self.selected_answer()
        if answer is None:
            self.app.notify("There is no answer to share yet: press a to answer the prompt.", markup=False)
            return
        if answer.id in self.host.together.state.shared_answers():
            self.app.notify("This answer is shared with your partner already.", markup=False)
            return
        self.mark_shared(answer.id, lambda together: together.share_answer(answer.id))

    def _record(self, prompt: Prompt) -> bool:
        """Note that ``prompt`` was shown today (so it rests for NO_REPEAT_DAYS days)."""
        store, today = self.host.store, self.host.today
        return self.host.save(lambda: store.show_prompt(today, prompt.id)) is not None

    def action_answer(self) -> None:
        """Answer the prompt shown (or reopen today's answer to it)."""
        prompt = self.prompt
        existing = self.todays_answer()
        if existing is not None:
            self._edit(existing)
            return
        today = self.host.today

        def save(text: str) -> str:
            saved = self.host.store.add_answer(prompt.id, text, today).id
            self._record(prompt)
            return saved

        self.open_editor(prompt.text, "", save, draft_key=f"answer.new:{prompt.id}")

    def action_edit_answer(self) -> None:
        """Edit the selected answer."""
        answer = self.selected_answer()
        if answer is None:
            self.app.notify("There is no answer to edit yet: press a to answer the prompt.", markup=False)
            return
        self._edit(answer)

    def _edit(self, answer: Answer) -> None:
        prompt = content.prompt_by_id().get(answer.prompt_id)
        title = prompt.text if prompt else "Your answer"

        def save(text: str) -> str:
            return self.host.store.save_answer(replace(answer, text=text)).id

        self.open_editor(
            f"{title} · {short_day(answer.day)}",
            answer.text,
            save,
            draft_key=f"answer:{answer.id}",
            draft_home=f"answer.new:{answer.prompt_id}",  # gone, its words go to a new answer to the same prompt
            draft_year=self.host.store.entry_year("answers", answer.id),
        )

    @on(OptionList.OptionSelected, "#prompts-answers")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_answer()

    def action_another(self) -> None:
        """Show a different prompt (of the chosen topic, if one is chosen)."""
        store, today = self.host.store, self.host.today
        self._record(self.prompt)
        self._prompt = daily.another_prompt(store, today, topic=self.topic)
        self._record(self._prompt)
        self.redraw()

    def action_topic(self) -> None:
        """Cycle the topic filter: all, then each topic in turn."""
        order: list[str | None] = [None, *content.topics()]
        self.topic = order[(order.index(self.topic) + 1) % len(order)]  # redraws

    def watch_topic(self, topic: str | None) -> None:
        """A topic chosen shows one of its prompts at once; All keeps the prompt shown."""
        if topic is not None and self.prompt.topic != topic:
            self._prompt = daily.another_prompt(self.host.store, self.host.today, topic=topic)
            self._record(self._prompt)
        self.redraw()
