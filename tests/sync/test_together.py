"""The Together adapter on its own: what a device shares, keeps to itself, and reads back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui.storage import Store
from tui.together import Together, shared_notes

DAY = date(2026, 11, 25)


def test_shared_notes_are_this_persons_shared_ones_only(tmp_path: Path) -> None:
    state = tmp_path / "data" / "sync"
    with Store(tmp_path / "data") as store:
        mine = store.add_note("Thanks for the soup", DAY)
        store.add_note("Private", DAY)
        theirs = store.add_note("From Sam", DAY)
        together = Together(store, state)
        assert shared_notes(state) == set()
        together.share_note(mine.id)
        together.state["shared_notes"][theirs.id] = True
        together.state["from"][theirs.id] = "Sam"
        together._save_state()
    assert shared_notes(state) == {mine.id}
    (state / "together.json").write_text("{not json")
    assert shared_notes(state) == set()
