"""How the app ends when it is not asked to quit, and the drafts that come of it.

A closed terminal (SIGHUP) or a logout, a shutdown or ``kill`` (SIGTERM) ends the
app the normal way: the words of every open editor are kept as drafts first
(tui/storage/drafts.py), then the app exits through Textual, which leaves the
alternate screen and shows the cursor again. The exit code is 128 + the signal's
number, as a shell expects, and the shell has nothing to print over the screen.

At the next start, a notice says which editors hold a draft; each editor offers its
own words back when it opens (tui/widgets/text_dialog.py).
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tui.format import one_line, short_day

if TYPE_CHECKING:
    from datetime import date

    from textual.app import App

    from tui.storage import Store
    from tui.storage.drafts import Draft, Drafts

    _Base = App[int]
else:
    _Base = object

ENDINGS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
"""The signals that end the app the normal way, keeping drafts."""


class Endings(_Base):
    """Mixed into the App: the signals that end it, and the drafts told at start."""

    if TYPE_CHECKING:
        drafts: Drafts
        store: Store
        today: date

    _catching = False

    def catch_endings(self) -> None:
        """Handle SIGHUP and SIGTERM in the app's loop (not in tests run headless, whose process is pytest's)."""
        if self.is_headless or self._catching:
            return
        loop = asyncio.get_running_loop()
        for signum in ENDINGS:
            loop.add_signal_handler(signum, self.end_on_signal, signum)
        self._catching = True

    def stop_catching_endings(self) -> None:
        if not self._catching:
            return
        self._catching = False
        loop = asyncio.get_running_loop()
        for signum in ENDINGS:
            loop.remove_signal_handler(signum)

    def end_on_signal(self, signum: int) -> None:
        """Keep every open editor's words as a draft, then exit (128 + the signal's number)."""
        from tui.widgets.text_dialog import TextDialog

        for screen in self.screen_stack:
            if isinstance(screen, TextDialog):
                screen.keep_draft()
        self.exit(return_code=128 + signum)

    def tell_drafts(self) -> None:
        """Say which editors hold words that were not saved and how to find them: in their own editor,
        or in a new entry's when the entry they were for is gone; tell of a draft left untouched for
        long before it is let go, and of a drafts file that could not be read."""
        from tui.domain.drafts import KEEP_DAYS, NOTICE_DAYS, Age, day_gone_by, goes_on, home_of, sort_drafts
        from tui.widgets.text_dialog import TextDialog

        drafts, today = self.drafts, self.today
        kept = drafts.all()
        if drafts.problem:
            self.notify(drafts.problem, title="Drafts", severity="warning", timeout=20, markup=False)
        open_now = {screen.draft_id for screen in self.screen_stack if isinstance(screen, TextDialog)}
        ages = {key: Age(draft.touched, draft.warned) for key, draft in kept.items() if key not in open_now}
        fates = sort_drafts(
            ages,
            lambda key: (
                day_gone_by(key, today, lambda: self._todays_prompt())
                # a draft that recorded its entry's year looks in that year's table only: it never moves
                or drafts.gone(key, lambda kind, id, year: self.store.entry(kind, id, year=year, only=True))
            ),
            today,
        )
        told: list[str] = []
        try:
            drafts.let_go(fates.let_go)
            told += _some(
                f"“{_place(kept[k])}” ({_when(kept[k])}) was let go, untouched for {KEEP_DAYS} days and "
                f"{NOTICE_DAYS} more after the notice."
                for k in fates.let_go
            )
            drafts.warn(fates.warn, today)
            told += _some(
                f"“{_place(kept[k])}” ({_when(kept[k])}) has waited {KEEP_DAYS} days: open its editor by "
                f"{short_day(goes_on(today))} to keep it, or it is let go."
                if k not in fates.gone or home_of(k, kept[k].home)
                else f"“{_place(kept[k])}” ({_when(kept[k])}) has waited {KEEP_DAYS} days: it is let go on "
                f"{short_day(goes_on(today))}."
                for k in fates.warn
            )
        except OSError:
            pass  # kept as they were: said again at the next start
        told += _some(_homeless(k, kept[k]) for k in sorted(fates.gone, key=lambda k: kept[k].kept.date()))
        waiting = sorted((kept[k] for k in fates.kept if k not in fates.warn), key=lambda draft: draft.kept.date())
        if waiting:
            places = "; ".join(f"“{_place(draft)}” ({_when(draft)})" for draft in waiting[:SAID])
            if len(waiting) > SAID:
                places += f"; and {len(waiting) - SAID} more"
            told.insert(
                0, f"Words you had not saved are kept as drafts: {places}. Open the same editor again to find them."
            )
        if told:
            self.notify(" ".join(told), title="Drafts kept", timeout=10, markup=False)

    def _todays_prompt(self) -> str:
        """The id of the prompt the Prompts tab shows today (asked only when a new answer's draft waits)."""
        from tui.daily import todays_prompt

        return todays_prompt(self.store, self.today).id


SAID = 4
"""Drafts named in each part of the notice at start; the others are counted."""


def _some(sentences: Iterable[str]) -> list[str]:
    """The first ``SAID`` sentences, then how many more there are."""
    listed = list(sentences)
    if len(listed) <= SAID:
        return listed
    return [*listed[:SAID], f"And {len(listed) - SAID} more like {'that' if len(listed) == SAID + 1 else 'those'}."]


def _place(draft: Draft) -> str:
    """Where a draft was written, on one line and short (the file may have been edited by hand)."""
    place = one_line(draft.place)
    return place if len(place) <= 60 else place[:59] + "…"


def _when(draft: Draft) -> str:
    return f"{short_day(draft.kept.date())} at {draft.kept:%H:%M}"


def _homeless(key: str, draft: Draft) -> str:
    """What became of a draft whose entry is gone, in one sentence."""
    from tui.domain.drafts import home_of, what

    if key.startswith(("done:", "answer.new:")):
        words = " ".join(one_line(text) for text in draft.fields.values() if text.strip())
        words = words if len(words) <= 120 else words[:119] + "…"
        return (
            f"“{_place(draft)}” ({_when(draft)}) was for a day gone by; its words are kept in drafts.json: “{words}”."
        )
    thing = what(key)
    a = "an" if thing[0] in "aeiou" else "a"
    if home_of(key, draft.home):
        return f"“{_place(draft)}” ({_when(draft)}) was for {a} {thing} that is gone: a new {thing} offers its words."
    return f"“{_place(draft)}” ({_when(draft)}) was for {a} {thing} that is gone; its words are kept in drafts.json."
