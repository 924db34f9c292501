"""The Host is the door to Together: a tab's redraw reads no file of Together's; a pairing step reads them again."""

from __future__ import annotations

import json

import pytest

from tests.ui.test_rituals import open_tab, seed
from tui.tabs.rituals import RitualsTab
from tui.tabs.today import TodayTab
from tui.together import state


async def test_redrawing_the_rituals_tab_reads_no_file_of_together(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    seed(app.store, "Walk")
    reads: list[str] = []
    real = state._read
    monkeypatch.setattr(state, "_read", lambda path: reads.append(path.name) or real(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        tab = app.query_one(RitualsTab)
        reads.clear()
        for _ in range(3):
            tab.redraw()
            app.query_one(TodayTab).redraw()  # the day's pick leans on the partner's ranking (tui.daily)
        assert reads == []
        sync = app.store.sync_dir
        sync.mkdir(mode=0o700, exist_ok=True)
        (sync / state.PAIRING_FILE).write_text(json.dumps({"folder": "/elsewhere"}))
        app.together_changed()  # a pairing step: what the tabs show follows it
        tab.redraw()
        assert state.PAIRING_FILE in reads and app.together.paired
