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


def test_a_personal_ritual_and_its_ticks_are_private_and_old_rituals_are_shared(tmp_path: Path) -> None:
    from tui.storage.codecs import RitualCodec
    from tui.together import read_ritual

    with Store(tmp_path / "data") as store:
        alone = store.add_ritual("Journal", created=DAY, personal=True)
        both = store.add_ritual("Walk", created=DAY)
        store.set_tick(alone.id, DAY, True)
        store.set_tick(both.id, DAY, True)
        docs = Together(store, tmp_path / "data" / "sync").documents()
    assert docs[("ritual", alone.id)][1] is True and docs[("tick", f"{alone.id}:{DAY}")][1] is True
    assert docs[("ritual", both.id)][1] is False and docs[("tick", f"{both.id}:{DAY}")][1] is False
    assert docs[("ritual", alone.id)][0]["personal"] is True
    assert "personal" not in docs[("ritual", both.id)][0]  # a shared ritual's document is as it was
    old = RitualCodec.doc(both)
    assert read_ritual(old).personal is False
    assert read_ritual({**old, "personal": True}).personal is True
    with Store(tmp_path / "data") as store:  # and it is kept on disk
        assert store.ritual(alone.id).personal and not store.ritual(both.id).personal


def test_a_personal_ritual_from_another_own_device_is_not_merged_by_name(tmp_path: Path) -> None:
    from tui.model import Ritual
    from tui.storage.codecs import RitualCodec
    from tui.sync.change import Change
    from tui.sync.hlc import Stamp

    with Store(tmp_path / "data") as store:
        walk = store.add_ritual("Walk", created=DAY)
        mine = Ritual(id="zz", name="walk", created=DAY, personal=True)
        change = Change("ritual", "zz", RitualCodec.doc(mine), Stamp(1, 0, "other"), "other", private=True)
        Together(store, tmp_path / "data" / "sync", person="Alex").apply_remote(
            [change], {"other": "Alex"}, own={"other"}
        )
        kept = {r.id: r.personal for r in store.rituals()}
    assert kept == {walk.id: False, "zz": True}


def test_a_round_with_nothing_new_rewrites_neither_what_was_sent_nor_the_clock(tmp_path: Path) -> None:
    from tui.sync import pairing
    from tui.together import run_round

    shared = tmp_path / "Shared"
    shared.mkdir()
    state = tmp_path / "data" / "sync"
    pairing.start(state, shared, "Alex")
    with Store(tmp_path / "data") as store:
        store.add_note("Thanks for the soup", DAY)
        run_round(store, state)
        run_round(store, state)
        kept = {
            p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in state.glob("*.json") if p.name != "engine.json"
        }
        assert "sent.json" in kept
        run_round(store, state)
    assert {
        p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in state.glob("*.json") if p.name != "engine.json"
    } == kept
