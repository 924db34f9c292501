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
from typing import TYPE_CHECKING

from tui.format import short_day

if TYPE_CHECKING:
    from textual.app import App

    from tui.storage.drafts import Drafts

    _Base = App[int]
else:
    _Base = object

ENDINGS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
"""The signals that end the app the normal way, keeping drafts."""


class Endings(_Base):
    """Mixed into the App: the signals that end it, and the drafts told at start."""

    if TYPE_CHECKING:
        drafts: Drafts

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
        """Say which editors hold words that were not saved, and how to find them."""
        from tui.widgets.text_dialog import TextDialog

        open_now = {screen.draft_id for screen in self.screen_stack if isinstance(screen, TextDialog)}
        kept = sorted(
            (draft for key, draft in self.drafts.all().items() if key not in open_now), key=lambda draft: draft.kept
        )
        if not kept:
            return
        places = "; ".join(f"“{draft.place}” ({short_day(draft.kept.date())} at {draft.kept:%H:%M})" for draft in kept)
        self.notify(
            f"Words you had not saved are kept as drafts: {places}. Open the same editor again to find them.",
            title="Drafts kept",
            timeout=10,
            markup=False,
        )
