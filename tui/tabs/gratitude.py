"""The Gratitude tab: short notes of thanks about the person you love.

Notes are listed newest first, grouped by day, with the week's count of notes
written and said aloud at the top. The selected note is shown in full below
the list. Note text is user data: it always reaches the screen as literal
``Content`` (after :func:`tui.text.clean`), never as markup (the rows:
``tui/tabs/gratitude_rows.py``). Drawing reads only the past years that hold
the first page of notes, the week and the day's memories, so the tab is built
early, hidden, like the others; a filter or "more" reads further.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.content import personalise
from tui.dialogs.basic import ConfirmDialog
from tui.domain.calendar import week_bounds
from tui.domain.memories import memories_for
from tui.domain.share import share_message
from tui.format import short_day
from tui.model import Note
from tui.record import replace
from tui.tabs.base import TabBase
from tui.tabs.gratitude_rows import DAY_PREFIX, SAID_MARK, NewestNotes, day_label, matches, note_row, week_summary
from tui.text import clean
from tui.widgets.paged import PagedOptionList

__all__ = ["DAY_PREFIX", "SAID_MARK", "GratitudeTab", "day_label", "matches", "note_row", "week_summary"]


class GratitudeTab(TabBase):
    """Notes of thanks: write, edit, delete (with undo), filter, mark as said aloud."""

    TAB_ID = "gratitude"
    TAB_TITLE = "Gratitude"
    HELP = (
        "Write down small things you appreciate about your partner, then tell them: "
        "o marks a note as said out loud, c copies it as a message ready to send, "
        "and p shares it with your partner when you are together (micro-romance pair). "
        "Deleting asks first, and u brings the "
        "last deleted note back while the app is open."
    )

    COMPONENT_CLASSES = {"gratitude--said"}
    """The said-aloud mark's style (styles/gratitude.tcss)."""

    BINDINGS = [
        Binding("a", "new_note", "New note", id="gratitude.new", tooltip="Write a new note of thanks"),
        Binding("e", "edit_note", "Edit", id="gratitude.edit", tooltip="Edit the selected note"),
        Binding(
            "o",
            "said_aloud",
            "Said aloud",
            id="gratitude.said",
            tooltip="Mark the note as said out loud (again to unmark)",
        ),
        Binding(
            "c",
            "share_note",
            "Copy",
            id="gratitude.share",
            tooltip="Copy the note as a message ready to send to your partner",
        ),
        Binding(
            "p",
            "send_note",
            "Send to partner",
            show=False,
            id="gratitude.send",
            tooltip="Share the selected note with your partner (Together): it shows in their Gratitude tab",
        ),
        Binding("x", "delete_note", "Delete", id="gratitude.delete", tooltip="Delete the selected note (asks first)"),
        Binding("u", "undo_delete", "Undo", id="gratitude.undo", tooltip="Bring back the last deleted note"),
        Binding(
            "slash",
            "filter",
            "Filter",
            key_display="/",
            id="gratitude.filter",
            tooltip="Show only notes containing some words",
        ),
        Binding("escape", "clear_filter", "Clear filter", id="gratitude.clear_filter", tooltip="Show every note again"),
    ]

    filter_text: reactive[str] = reactive("", init=False, bindings=True)
    """Only notes holding this are listed (key /); empty lists them all."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._deleted: list[Note] = []
        """Notes deleted in this session, most recent last (u restores them)."""

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="gratitude-week")
        yield Static(Content(""), id="gratitude-memory")
        filter_field = Input(placeholder="Filter notes (esc clears)", id="gratitude-filter", compact=True)
        filter_field.cursor_blink = False
        yield filter_field
        yield Static(Content(""), id="gratitude-empty", classes="empty-state")
        yield PagedOptionList(id="gratitude-list")
        with VerticalScroll(id="gratitude-detail"):
            yield Static(Content(""), id="gratitude-detail-text")

    def on_mount(self) -> None:
        # Nothing here may look for a child: a quit while the tab is built hidden removes them first.
        super().on_mount()
        self.redraw()

    def on_day_changed(self, day: date) -> None:
        self.redraw()

    def focus_first(self) -> None:
        self.take_focus(self.notes_list)

    def footer_shows(self, binding: Binding) -> bool:
        """p (share with your partner) is in the footer once paired."""
        return binding.id == "gratitude.send" and self.host.together.paired

    # ------------------------------------------------------------ reading

    @property
    def notes_list(self) -> PagedOptionList:
        return self.query_one("#gratitude-list", PagedOptionList)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#gratitude-filter", Input)

    def visible_notes(self) -> Sequence[Note]:
        """The notes the list shows, newest first, after the filter (which reads every year)."""
        if self.filter_text:
            return [n for n in self.host.store.notes() if matches(n, self.filter_text)]
        return NewestNotes(self.host.store, self.notes_list.page)

    def selected_note(self) -> Note | None:
        option = self.notes_list.highlighted_option
        if option is None or option.id is None or option.id.startswith(DAY_PREFIX):
            return None
        try:
            return self.host.store.note(option.id, search=False)  # listed, so read (a deleted one: gone)
        except KeyError:
            return None

    # ------------------------------------------------------------ showing

    def draw(self, select: str | None = None) -> None:
        """Rebuild the list from the store, keeping (or moving to) a selection."""
        store = self.host.store
        today = self.host.today
        together = self.host.together.state
        authors, shared = together.note_authors(), together.shared_notes()
        week = store.notes_since(week_bounds(today)[0])
        received = [n for n in week if n.id in authors]
        partner = " ".join(authors[received[0].id].split()) if received else ""
        summary = week_summary([n for n in week if n.id not in authors], today, received, partner)
        self.query_one("#gratitude-week", Static).update(Content(summary))
        self._show_memories(today)

        notes = self.visible_notes()
        current = self.selected_note()
        keep = select or (current.id if current else None)

        def rows(page: list[Note]) -> list[Option | None]:
            options: list[Option | None] = []
            shown_day: date | None = None
            for note in page:
                if note.day != shown_day:
                    shown_day = note.day
                    options.append(
                        Option(Content(day_label(note.day, today)), id=f"{DAY_PREFIX}{note.day}", disabled=True)
                    )
                options.append(Option(note_row(note, authors.get(note.id, ""), shared=note.id in shared), id=note.id))
            return options

        listing = self.notes_list
        old_index = listing.highlighted
        listing.show(notes, rows, keep=keep)
        listing.expect_size(self.view_size)  # built hidden: its first showing in one frame
        if (keep is None or not listing.has_option(keep)) and notes and listing.option_count:
            # Stay near where the cursor was (after a delete), else the newest note.
            index = min(old_index or 0, listing.option_count - 1)
            note_indices = [i for i, o in enumerate(listing.options) if not o.disabled]
            after = [i for i in note_indices if i >= index]
            listing.highlighted = after[0] if after else note_indices[-1]

        empty = self.query_one("#gratitude-empty", Static)
        if not store.note_count():
            partner = personalise("{partner}", store.settings().partner_name)
            empty.update(Content(f"No notes yet. Press a to write one thing you appreciate about {partner}."))
        elif not notes:
            empty.update(Content(f"No note contains “{self.filter_text}”. Press esc to see them all."))
        empty.display = not notes
        listing.set_class(not notes, "-empty")
        self._show_detail()

    def _show_memories(self, today: date) -> None:
        """Notes written on this day in earlier years, one line each, newest year first."""
        found = memories_for(self.host.store.anniversary_notes(today), today)
        memory = self.query_one("#gratitude-memory", Static)
        memory.update(Content("\n".join(clean(m.line) for m in found)))
        memory.display = bool(found)

    def _show_detail(self) -> None:
        note = self.selected_note()
        detail = self.query_one("#gratitude-detail", VerticalScroll)
        detail.display = note is not None
        if note is None:
            return
        said = f"{SAID_MARK} said aloud" if note.said_aloud else "not said aloud yet (o marks it)"
        detail.border_title = Content(f"{short_day(note.day)} · {said}")
        self.query_one("#gratitude-detail-text", Static).update(Content(clean(note.text)))
        detail.scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#gratitude-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected, "#gratitude-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_edit_note()

    # ------------------------------------------------------------ writing

    def action_new_note(self) -> None:
        """Write a new note of thanks, dated today."""
        today = self.host.today

        self.open_editor(
            f"A note of thanks · {short_day(today)}",
            "",
            lambda text: self.host.store.add_note(text, today).id,
            draft_key="note.new",
        )

    def action_edit_note(self) -> None:
        """Edit the selected note."""
        note = self.selected_note()
        if note is None:
            self.app.notify("There is no note to edit yet. Press a to write one.", markup=False)
            return
        if author := self._received_from(note):
            self.app.notify(f"These are {author}'s words, so only {author} can change them.", markup=False)
            return

        def save(text: str) -> str:
            return self.host.store.save_note(replace(note, text=text)).id

        self.open_editor(
            f"Editing a note · {short_day(note.day)}",
            note.text,
            save,
            draft_key=f"note:{note.id}",
            draft_year=self.host.store.entry_year("notes", note.id),
        )

    def action_said_aloud(self) -> None:
        """Mark the selected note as said out loud to your partner (or unmark it)."""
        note = self.selected_note()
        if note is None:
            return
        if author := self._received_from(note):
            self.app.notify(f"This note is {author}'s; {author} marks when it was said aloud.", markup=False)
            return
        if self.host.save(lambda: self.host.store.save_note(replace(note, said_aloud=not note.said_aloud))) is None:
            return
        self.redraw(note.id)

    def action_share_note(self) -> None:
        """Copy the selected note as a message ready to send to your partner."""
        note = self.selected_note()
        if note is None:
            self.app.notify("There is no note to copy yet. Press a to write one.", markup=False)
            return
        self.app.copy_to_clipboard(share_message(note.text, self.host.store.settings().partner_name))
        self.app.notify("Copied — ready to send or say out loud", markup=False)

    def action_send_note(self) -> None:
        """Share the selected note with your partner: it goes at the next round of Together."""
        note = self.selected_note()
        if note is None:
            self.app.notify("There is no note to send yet. Press a to write one.", markup=False)
            return
        together = self.host.together.state
        author = together.note_authors().get(note.id)
        if author:
            self.app.notify(f"This note came from {' '.join(author.split())}; it is shared already.", markup=False)
            return
        if note.id in together.shared_notes():
            self.app.notify("This note is shared with your partner already.", markup=False)
            return
        self.mark_shared(note.id, lambda together: together.share_note(note.id))

    def _received_from(self, note: Note) -> str:
        """The partner's name when ``note`` is one they shared with this person ("" for a note written here)."""
        return " ".join(self.host.together.state.note_authors().get(note.id, "").split())

    def action_delete_note(self) -> None:
        """Delete the selected note, after asking (a note the partner shared is only hidden here)."""
        note = self.selected_note()
        if note is None:
            return
        preview = clean(note.text)
        if len(preview) > 160:
            preview = preview[:160] + "…"
        author = self._received_from(note)

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(note, author)
            self.focus_first()

        if author:
            dialog = ConfirmDialog(
                "Hide this note on this device?", f"{author} keeps it.\n\n{preview}", yes="Hide", no="Keep it"
            )
        else:
            dialog = ConfirmDialog("Delete this note?", preview, yes="Delete", no="Keep it")
        self.app.push_screen(dialog, answered)

    def _delete(self, note: Note, author: str) -> None:
        if self.host.save(lambda: self.host.store.delete_note(note.id), title="Not deleted") is None:
            return
        self._deleted.append(note)
        self.redraw()
        done = f"Note hidden here; {author} still has it." if author else "Note deleted."
        self.app.notify(f"{done} Press u to bring it back.", markup=False)

    def action_undo_delete(self) -> None:
        """Bring back the last deleted note (while the app stays open)."""
        if not self._deleted:
            self.app.notify("There is no deleted note to bring back.", markup=False)
            return
        note = self._deleted[-1]
        if self.host.save(lambda: self.host.store.save_note(note), title="Not restored") is None:
            return
        self._deleted.pop()
        if self.filter_text and not matches(note, self.filter_text):
            self._clear_filter()
        self.redraw(note.id)
        self.app.notify("Note brought back.", markup=False)

    # ------------------------------------------------------------ filter

    def action_filter(self) -> None:
        """Show only the notes holding what you type."""
        box = self.filter_input
        box.add_class("-shown")
        box.focus()

    def action_clear_filter(self) -> None:
        """Clear the filter and show every note again."""
        self._clear_filter()
        self.focus_first()

    def watch_filter_text(self) -> None:
        self.redraw()

    def _clear_filter(self) -> None:
        self.filter_text = ""  # redraws when it changes
        box = self.filter_input
        with box.prevent(Input.Changed):
            box.value = ""
        box.remove_class("-shown")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return bool(self.filter_text) or self.filter_input.has_class("-shown")
        return True

    @on(Input.Changed, "#gratitude-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value  # redraws

    @on(Input.Submitted, "#gratitude-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        if not event.value:
            self.filter_input.remove_class("-shown")
        self.focus_first()
