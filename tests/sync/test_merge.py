"""Merging: per field the later stamp wins, deletes stay deleted, order does not matter."""

from __future__ import annotations

from tui.sync.change import Change
from tui.sync.hlc import Stamp
from tui.sync.merge import Replica


def st(wall: int, device: str = "aa", counter: int = 0) -> Stamp:
    return Stamp(wall, counter, device)


def ch(wall: int, doc: dict, device: str = "aa", *, deleted: bool = False, private: bool = False) -> Change:
    return Change("note", "n1", doc, st(wall, device), device, deleted, private)


def test_the_later_stamp_wins_per_field() -> None:
    replica = Replica()
    replica.merge([ch(2, {"text": "later"}, "bb"), ch(1, {"text": "first", "day": "2026-01-01"})])
    seen = replica.get("note", "n1")
    assert seen is not None
    assert dict(seen.doc) == {"text": "later", "day": "2026-01-01"}
    assert seen.author == "bb"


def test_a_delete_does_not_come_back_from_an_older_log() -> None:
    replica = Replica()
    replica.merge([ch(1, {"text": "hi"}), ch(3, {}, "bb", deleted=True)])
    replica.merge([ch(2, {"text": "edited on a slow machine"})])
    seen = replica.get("note", "n1")
    assert seen is not None and seen.deleted and not seen.doc
    replica.merge([ch(4, {"text": "written again"})])
    back = replica.get("note", "n1")
    assert back is not None and not back.deleted and dict(back.doc) == {"text": "written again"}


def test_merging_is_idempotent_and_order_free() -> None:
    changes = [
        ch(1, {"text": "a", "day": "d"}),
        ch(2, {"text": "b"}, "bb"),
        ch(3, {}, "cc", deleted=True),
        ch(4, {"day": "e"}),
    ]
    exports = set()
    for order in (changes, changes[::-1], changes[1:] + changes[:1] + changes):
        replica = Replica()
        replica.merge(order)
        exports.add(replica.export())
    assert len(exports) == 1
    assert b'"day":"e"' in exports.pop()


def test_merge_reports_only_what_changed() -> None:
    replica = Replica()
    first = replica.merge([ch(2, {"text": "b"})])
    assert [dict(c.doc) for c in first] == [{"text": "b"}]
    assert replica.merge([ch(2, {"text": "b"})]) == []  # the same change again
    assert replica.merge([ch(1, {"text": "old"}, "bb")]) == []  # loses to what is there


def test_private_changes_stay_out_of_the_shared_export() -> None:
    mine, theirs = Replica(), Replica()
    shared = ch(1, {"text": "for both"})
    secret = Change("note", "n2", {"text": "just me"}, st(2), "aa", private=True)
    mine.merge([shared, secret])
    theirs.merge([shared])
    assert mine.export() == theirs.export()
    assert b"just me" not in mine.export()
    assert mine.get("note", "n2") is not None


def test_a_replica_reads_back_from_its_json() -> None:
    replica = Replica()
    replica.merge(
        [ch(1, {"text": "a", "n": [1, {"x": None}]}), ch(2, {}, "bb", deleted=True), ch(3, {"text": "c"}, private=True)]
    )
    again = Replica.from_json(replica.to_json())
    assert again.export() == replica.export()
    assert again.entries() == replica.entries()
    assert again.merge([ch(1, {"text": "a", "n": [1, {"x": None}]})]) == []
