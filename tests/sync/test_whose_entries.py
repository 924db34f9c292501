"""Whose entry is whose when a partner's changes arrive: a note written here is changed only by this
person's own devices, "mine" is the device confirmed as mine (never a name), and a private kind is
kept only from this person's own devices (real pairings and rounds, in process)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.sync.pairs import pair_up
from tui.record import replace
from tui.storage import Store
from tui.together import Together, run_round

DAY = date(2026, 11, 25)


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "Shared"
    path.mkdir()
    return path


def round_on(*devices: Path) -> list[str]:
    skipped: list[str] = []
    for data in devices:
        with Store(data) as store:
            report = run_round(store, data / "sync")
            assert report is not None
            skipped += report.skipped
    return skipped


def notes_of(data: Path) -> dict[str, str]:
    with Store(data, readonly=True) as store:
        return {n.id: n.text for n in store.notes()}


def test_deleting_or_editing_a_note_the_partner_shared_leaves_their_note_on_their_device(
    tmp_path: Path, shared: Path
) -> None:
    alex, sam = tmp_path / "alex", tmp_path / "sam"
    pair_up(alex / "sync", sam / "sync", shared)
    with Store(alex) as store:
        note = store.add_note("Alex's own words: thank you for the soup", DAY)
        Together(store, alex / "sync").share_note(note.id)
    round_on(alex, sam)
    assert notes_of(sam) == {note.id: "Alex's own words: thank you for the soup"}
    with Store(sam) as store:  # what an older app (or a changed one) on Sam's side sends back
        store.save_note(replace(store.note(note.id), text="Sam's rewrite"))
    skipped = round_on(sam, alex)
    assert notes_of(alex) == {note.id: "Alex's own words: thank you for the soup"}
    assert any("a note written here" in line for line in skipped)
    with Store(sam) as store:
        store.delete_note(note.id)
    round_on(sam, alex, sam, alex)
    assert notes_of(alex) == {note.id: "Alex's own words: thank you for the soup"}
    assert notes_of(sam) == {}  # hidden on Sam's device only


def test_partners_who_share_a_name_keep_their_days_and_answers_apart(tmp_path: Path, shared: Path) -> None:
    from tui.model import DayThatMatters

    one, two = tmp_path / "sam-one", tmp_path / "sam-two"
    pair_up(one / "sync", two / "sync", shared, ("Sam", "Sam"))  # two people called Sam; neither said "mine"
    with Store(two) as store:
        store.put(
            "days", DayThatMatters("d2", "news", date(2026, 12, 20), "promotion party", whose="mine", shared=True)
        )
        answer = store.add_answer("p1", "the sea at dawn", DAY)
        Together(store, two / "sync").share_answer(answer.id)
    round_on(two, one)
    with Store(one, readonly=True) as store:  # kept as the partner's, not written in as this Sam's own
        assert store.entries("days") == [] and store.answers() == []
        kept = Together(store, one / "sync").state
        assert set(kept["their_days"]) == {"d2"} and set(kept["their_answers"]) == {answer.id}
    with Store(one) as store:  # this Sam's own of the same ids, then a round each way
        store.put("days", DayThatMatters("d2", "big", date(2027, 1, 5), "my own day", whose="mine", shared=True))
    round_on(one, two, one)
    with Store(two, readonly=True) as store:
        assert [d.text for d in store.entries("days")] == ["promotion party"]
        assert [a.text for a in store.answers()] == ["the sea at dawn"]
    with Store(one, readonly=True) as store:
        assert [d.text for d in store.entries("days")] == ["my own day"]


def test_a_partners_device_cannot_rewrite_this_persons_gesture_days(tmp_path: Path, shared: Path) -> None:
    """A changed app on the partner's confirmed device seals a gesture day (a private kind) into its log."""
    from tui.model import GestureDay
    from tui.storage.codecs import GestureCodec
    from tui.sync.change import Change, encode_lines
    from tui.sync.crypto import load_identity, seal
    from tui.sync.engine import month_of
    from tui.sync.hlc import Clock

    alex, sam = tmp_path / "alex", tmp_path / "sam"
    pair_up(alex / "sync", sam / "sync", shared)
    with Store(alex) as store:
        store.save_gesture_day(GestureDay(DAY, "g1", done=True, note="the walk we took"))
    round_on(alex, sam)
    a, b = load_identity(alex / "sync"), load_identity(sam / "sync")
    doc = GestureCodec.doc(GestureDay(DAY, "g1", done=False, note="overwritten by the partner's app"))
    change = Change("gesture", DAY.isoformat(), doc, Clock(b.device).tick(), b.device, private=False)
    name = f"log-{month_of(change)}"
    data = seal(encode_lines([change]), name=name, author=b, recipients={a.device: a.public, b.device: b.public})
    (shared / "micro-romance" / b.device / f"{name}.age").write_bytes(data)
    skipped = round_on(alex)
    with Store(alex, readonly=True) as store:
        assert store.gesture_day(DAY) == GestureDay(DAY, "g1", done=True, note="the walk we took")
    assert any("gesture" in line and "not confirmed as one of this person's own" in line for line in skipped)


def test_a_partners_device_cannot_change_a_ritual_kept_personal_here(tmp_path: Path) -> None:
    from tui.storage.codecs import RitualCodec
    from tui.sync.change import Change
    from tui.sync.hlc import Stamp

    partner = "b" * 20
    with Store(tmp_path / "data") as store:
        ritual = store.add_ritual("Journal", created=DAY)
        store.save_ritual(replace(ritual, personal=True))
        shared = RitualCodec.doc(replace(ritual, name="Shared now"))
        changes = [
            Change("ritual", ritual.id, shared, Stamp(1, 0, partner), partner),
            Change("tick", f"{ritual.id}:{DAY.isoformat()}", {}, Stamp(1, 1, partner), partner),
        ]
        together = Together(store, tmp_path / "data" / "sync", person="Alex")
        assert together.apply_remote(changes, {partner: "Sam"}, own={"a" * 20}) == 0
        assert [(r.name, r.personal) for r in store.rituals()] == [("Journal", True)]
        assert not store.is_ticked(ritual.id, DAY)
    assert len(together.problems) == 2 and all("kept personal here" in p for p in together.problems)


def test_partners_who_share_a_name_receive_each_others_gifts_and_answers_to_them(tmp_path: Path, shared: Path) -> None:
    from tui.model import GestureDay

    one, two = tmp_path / "sam-one", tmp_path / "sam-two"
    pair_up(one / "sync", two / "sync", shared, ("Sam", "Sam"))
    with Store(two) as store:
        store.save_gesture_day(GestureDay(DAY, "g2", done=True))
    round_on(two, one)
    with Store(one) as store:  # what the other Sam did reaches this one, who says it landed
        together = Together(store, one / "sync", person="Sam")
        assert together.state["gifts"] == {f"sam:{DAY}": {"by": "Sam", "day": DAY.isoformat(), "gesture": "g2"}}
        together.answer_gift(f"sam:{DAY}", "landed")
    round_on(one, two)
    with Store(two, readonly=True) as store:
        assert store.gesture_day(DAY).partner_feedback == "landed"
