"""The Rituals tab's dialogs (add, edit, archive or delete, grace days, suggestions) and ticks off schedule.

Mixed into :class:`tui.tabs.rituals.RitualsTab`; each action opens a dialog
and writes through the host's ``save`` (or the dialog's own save, which keeps
it open with the reason when a write fails).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol

from tui import daily
from tui.dialogs.basic import Choice, ChoiceDialog
from tui.dialogs.ritual import RitualDialog, RitualDraft
from tui.domain.rituals import FILL_IN_RULE, TICK_FILL_IN, TICK_TOO_EARLY, end_position, same_name, tick_kind
from tui.format import schedule_label, short_day
from tui.model import GraceSpan, Ritual
from tui.record import replace

if TYPE_CHECKING:
    from textual.app import App

    from tui.host import Host


class RitualsView(Protocol):
    """What the dialogs need of the Rituals tab (RitualsTab is one): its host, its days, its list,
    the rituals deleted while the app is open, redrawing and notices. Nothing private of the tab."""

    app: App[object]
    host: Host
    today: date
    viewed: date
    show_archived: bool
    deleted_rituals: list[tuple[Ritual, frozenset[date]]]
    """Rituals deleted while the app is open, with their ticked days, most recent last (u)."""

    def redraw(self, select: str | None = None) -> None: ...
    def focused_ritual(self) -> Ritual | None: ...
    def live_rituals(self) -> list[Ritual]: ...
    def notify(self, message: str, *, markup: bool = ...) -> None: ...


class RitualDialogs(RitualsView if TYPE_CHECKING else object):  # type: ignore[misc]
    """The actions of the Rituals tab that open a dialog, over the tab's typed face (:class:`RitualsView`)."""

    def _name_taken(self, keep_id: str | None = None) -> Callable[[str], str | None]:
        """Why a name cannot be used (another ritual has it), or None."""

        def taken(name: str) -> str | None:
            clash = same_name(name, self.host.store.rituals(include_archived=True), keep_id=keep_id)
            if clash is None:
                return None
            if clash.archived:
                return "An archived ritual has this name; press A on the list to bring it back."
            return "You already have a ritual with this name."

        return taken

    def action_add(self) -> None:
        """Add a ritual: its name and the days it happens on."""
        added: list[Ritual] = []

        def save(draft: RitualDraft) -> None:
            added.append(
                self.host.store.add_ritual(
                    draft.name, weekdays=draft.weekdays, created=self.today, personal=draft.personal
                )
            )

        def closed(draft: RitualDraft | None) -> None:
            if draft is None or not added:
                return
            ritual = added[-1]
            if self.viewed < self.today:
                self.notify("Added from today on; press t to see today.", markup=False)
            elif not ritual.scheduled_on(self.today):
                self.notify(f"Added; it shows on {schedule_label(ritual.weekdays)}.", markup=False)
            self.redraw(ritual.id)

        self.app.push_screen(RitualDialog("A new ritual", taken=self._name_taken(), save=save), closed)

    def action_edit(self) -> None:
        """Rename the focused ritual or change its days."""
        ritual = self.focused_ritual()
        if ritual is None:
            return

        def save(draft: RitualDraft) -> None:
            self.host.store.update_ritual(ritual.id, name=draft.name, weekdays=draft.weekdays, personal=draft.personal)

        def closed(draft: RitualDraft | None) -> None:
            self.redraw(ritual.id)

        dialog = RitualDialog(
            "Edit ritual",
            name=ritual.name,
            weekdays=ritual.weekdays,
            personal=ritual.personal,
            taken=self._name_taken(ritual.id),
            save=save,
        )
        dialog.draft_key, dialog.draft_place = f"ritual:{ritual.id}", f"Edit ritual: {ritual.name}"
        self.app.push_screen(dialog, closed)

    def action_remove(self) -> None:
        """Archive or delete the focused ritual (an archived one: restore or delete)."""
        ritual = self.focused_ritual()
        if ritual is None:
            return
        count = len(self.host.store.ticked_days(ritual.id))
        ticks = "no ticks yet" if count == 0 else ("1 tick" if count == 1 else f"{count} ticks")
        if ritual.archived:
            first = Choice("restore", "Restore", "r", "primary")
            title = f"Restore or delete “{ritual.name}”?"
            message = (
                f"Restore puts it back on your list with its {ticks}. Delete removes it and its {ticks} "
                "(u brings them back until you quit)."
                if count
                else "Restore puts it back on your list. Delete removes it; it has no ticks "
                "(u brings it back until you quit)."
            )
        else:
            title = f"Archive or delete “{ritual.name}”?"
            first = Choice("archive", "Archive", "a", "primary")
            message = (
                f"Archive hides it and keeps its {ticks}; A shows archived rituals, "
                f"so you can bring it back. Delete removes it and its {ticks} (u brings them back until you quit)."
                if count
                else "Archive hides it (A shows archived rituals). Delete removes it; it has no ticks yet."
            )
        choices = [first, Choice("delete", "Delete", "d", "error"), Choice("cancel", "Cancel", "escape")]

        def chosen(answer: str | None) -> None:
            store = self.host.store
            if answer == "archive":
                if self.host.save(lambda: store.update_ritual(ritual.id, archived=True)) is None:
                    return
                where = (
                    "It stays listed at the end while archived rituals are shown."
                    if self.show_archived
                    else ("Press A to see archived rituals.")
                )
                self.notify(f"Archived; every tick is kept. {where}", markup=False)
            elif answer == "restore":
                position = end_position(self.live_rituals())  # back at the end of the list
                if self.host.save(lambda: store.update_ritual(ritual.id, archived=False, position=position)) is None:
                    return
                self.notify("Restored to your list.", markup=False)
            elif answer == "delete":
                days = store.ticked_days(ritual.id)
                removed = self.host.save(lambda: store.delete_ritual(ritual.id))
                if removed is None:
                    return
                self.deleted_rituals.append((ritual, days))
                gone = "" if not removed else (" and its tick" if removed == 1 else f" and its {removed} ticks")
                self.notify(f"Deleted the ritual{gone}. Press u to bring it back.", markup=False)
            else:
                return
            self.redraw(ritual.id if answer == "restore" else None)

        self.app.push_screen(ChoiceDialog(title, message, choices), chosen)

    def action_undo_delete(self) -> None:
        """Bring back the last ritual deleted, with its ticks (while the app stays open)."""
        if not self.deleted_rituals:
            self.notify("There is no deleted ritual to bring back.", markup=False)
            return
        ritual, days = self.deleted_rituals[-1]
        store = self.host.store
        clash = same_name(ritual.name, store.rituals(include_archived=True))
        if clash is not None:
            self.notify(f"“{ritual.name}” is on your list again already; rename that one first.", markup=False)
            return
        back = ritual if ritual.archived else replace(ritual, position=end_position(self.live_rituals()))

        def restore() -> Ritual:
            with store.batch():
                store.add_ticks((ritual.id, day) for day in sorted(days))
                return store.save_ritual(back)

        if self.host.save(restore, title="Not restored") is None:
            return
        self.deleted_rituals.pop()
        if ritual.archived and not self.show_archived:
            self.show_archived = True
        ticks = "" if not days else (" with its tick" if len(days) == 1 else f" with its {len(days)} ticks")
        self.notify(f"“{ritual.name}” is back{ticks}.", markup=False)
        self.redraw(ritual.id)

    def action_grace(self) -> None:
        """Mark the day shown (or a range) as grace days, or remove the grace span it is in."""
        from tui.dialogs.grace import GraceDialog, GraceDraft, span_label

        store, day = self.host.store, self.viewed
        span = daily.grace_span(store, day)
        if span is not None:
            self._offer_removal(span, span_label)
            return

        def save(draft: GraceDraft) -> None:
            store.save_grace(GraceSpan(id=store.new_id(), start=draft.start, end=draft.end, reason=draft.reason))

        def closed(draft: GraceDraft | None) -> None:
            if draft is None:
                return
            days = (draft.end - draft.start).days + 1
            what = "A grace day" if days == 1 else f"{days} grace days"
            self.notify(
                f"{what} ({draft.reason}): rituals rest, streaks wait. Be gentle with yourselves.", markup=False
            )
            self.redraw()

        self.app.push_screen(GraceDialog(day, save=save), closed)

    def _offer_removal(self, span: GraceSpan, span_label: Callable[[date, date], str]) -> None:
        when = span_label(span.start, span.end)
        if span.reason:
            when = f"{span.reason[0].upper()}{span.reason[1:]}: {when}"
        message = (
            f"{when}.\nRemoving them counts these days again for rituals and streaks; every tick is kept either way."
        )
        choices = [Choice("remove", "Remove", "r", "error"), Choice("cancel", "Keep it", "escape")]

        def chosen(answer: str | None) -> None:
            if answer != "remove":
                return

            def remove() -> bool:
                self.host.store.delete_grace(span.id)
                return True

            if self.host.save(remove) is None:
                return
            self.notify("Grace days removed.", markup=False)
            self.redraw()

        self.app.push_screen(ChoiceDialog("Remove these grace days?", message, choices, focus="cancel"), chosen)

    def action_pick(self) -> None:
        """Pick rituals from our suggestions."""
        from tui.dialogs.ritual_picker import RitualPickerScreen

        def picked(added: int | None) -> None:
            if added:
                self.notify(f"Added {added} ritual{'s' if added != 1 else ''}.", markup=False)
            self.redraw()

        self.app.push_screen(RitualPickerScreen(), picked)

    def _tick_resting(self, ritual: Ritual, day: date) -> None:
        """A ritual not due on ``day``: move its start back to count it, or say why not."""
        store = self.host.store
        kind = tick_kind(ritual, day, self.today)
        if kind == TICK_TOO_EARLY:
            self.notify(FILL_IN_RULE, markup=False)
            return
        if kind == TICK_FILL_IN:
            if self.host.save(lambda: store.tick_before_start(ritual.id, day) or True) is None:
                return
            self.notify(f"Its start moved back to {short_day(day)}, so that day counts.", markup=False)
            self.redraw(ritual.id)
            return
        when = "today" if day == self.today else "that day"
        self.notify(f"It happens {schedule_label(ritual.weekdays)}, so there is nothing to tick {when}.", markup=False)
