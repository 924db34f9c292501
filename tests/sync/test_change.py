"""One change record for every kind of entry, with one encoding and one id."""

from __future__ import annotations

import json

import pytest

from tui.sync.change import BadChange, Change, decode_lines, encode_lines
from tui.sync.hlc import Stamp

S = Stamp(1_700_000_000_000, 0, "aa")


def test_the_same_change_has_the_same_bytes_and_id_whatever_the_key_order() -> None:
    one = Change("note", "n1", {"text": "hé", "day": "2026-01-01", "tags": ["a"]}, S, "aa")
    two = Change("note", "n1", {"tags": ["a"], "day": "2026-01-01", "text": "hé"}, S, "aa")
    assert one.encode() == two.encode()
    assert one.id == two.id
    assert "hé" in one.encode().decode("utf-8")
    other = Change("note", "n1", {"text": "he", "day": "2026-01-01", "tags": ["a"]}, S, "aa")
    assert other.id != one.id


def test_a_change_reads_back_from_its_json() -> None:
    change = Change("tick", "r1:2026-01-01", {"done": True}, S, "aa", private=True)
    assert Change.from_json(json.loads(change.encode())) == change
    assert decode_lines(encode_lines([change, change])) == [change, change]


def test_the_document_cannot_be_changed_after_the_id_is_made() -> None:
    doc = {"text": "a"}
    change = Change("note", "n1", doc, S, "aa")
    doc["text"] = "b"
    assert change.doc["text"] == "a"
    with pytest.raises(TypeError):
        change.doc["text"] = "c"  # type: ignore[index]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({"kind": "Note"}, "kind"),
        ({"id": ""}, "'id'"),
        ({"stamp": "yesterday"}, "stamp"),
        ({"author": "bb"}, "author"),
        ({"deleted": True}, "delete carries no fields"),
        ({"private": "yes"}, "private"),
        ({"extra": 1}, "fields"),
    ],
)
def test_a_bad_change_says_what_is_wrong(value: dict, problem: str) -> None:
    good = Change("note", "n1", {"text": "a"}, S, "aa").to_json()
    with pytest.raises(BadChange, match=problem):
        Change.from_json({**good, **value})


def test_a_bad_line_in_a_log_names_the_line() -> None:
    good = Change("note", "n1", {"text": "a"}, S, "aa").encode()
    with pytest.raises(BadChange, match="line 2"):
        decode_lines(good + b"\n{not json\n")
