"""Opening the full screen: the store first, then Textual (imported only here)."""

from __future__ import annotations

import argparse
import gc

from tui.cli.options import data_dir, make_clock, refuse_writing_ahead


def run_app(args: argparse.Namespace) -> int:
    """Open the store, then the full screen (on the demo set with ``--demo``)."""
    from tui.storage import open_store

    demo = bool(getattr(args, "demo", False))
    refuse_writing_ahead(args)  # the full screen writes (the day's gesture shown, ticks, notes)
    store = open_store(data_dir(args))
    try:
        from tui.app import MicroRomanceApp

        app = MicroRomanceApp(store=store, clock=make_clock(args), demo=demo)
        app.run()
        return app.return_code or 0
    finally:
        store.close()
        # The process ends with the full screen: what it made is frozen, so the interpreter's last
        # collection on the way out does not scan it all (about 40 ms between quitting and the shell).
        gc.freeze()
