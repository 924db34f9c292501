"""The occasion gestures (tui/content/occasions.json): shape, counts, wording and tone.

Around a day that matters to a partner (a big day, a hard day, a trip, good news, a
yearly day) the Today tab suggests one of these. ``text`` is read by the giver and may
name the partner (``{partner}``) and the day in the user's own words (``{what}``,
always after "their" or "the": "their interview", "their mum's surgery", "the Lisbon
trip"), and names at least one of them, so the card says whose day it is. ``told`` is
read afterwards by the partner it was for: past tense, with ``{giver}``, never
addressing the giver.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from importlib.resources import files

import pytest

from tests.unit.near_dup import LIMIT, near_duplicates
from tui import content
from tui.model import DAY_TIMINGS

TIMINGS = {
    "big": ("before", "day", "after"),
    "hard": ("before", "day", "after"),
    "away": ("before", "during", "return"),
    "news": ("day", "after"),
    "yearly": ("before", "day"),
}
PAIRS = [(kind, when) for kind, whens in TIMINGS.items() for when in whens]
MIN_PER_PAIR = 15
MIN_APART_PER_PAIR = 3

FIELDS = {"id", "kind", "when", "apart", "text", "told"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PLACEHOLDER_RE = re.compile(r"\{[^{}]*\}")
TEXT_PLACEHOLDERS = {"{partner}", "{what}"}
TOLD_PLACEHOLDERS = {"{giver}"}
TEXT_MAX = 140
TOLD_MAX = 110

# Words that would be out of place on a hard day: cheer at the wrong moment, or advice.
NOT_ON_A_HARD_DAY = (
    "!",
    "celebrat",
    "congrat",
    "party",
    "cheer up",
    "bright side",
    "look on the",
    "at least",
    "everything happens",
    "you should",
    "they should",
    "should have",
    "stay positive",
    "don't worry",
)
# Words that blame or press, for any gesture.
GUILT = ("you never", "you always", "should have", "forgot", "failed", "finally", "for once", "make up for")


@cache
def _entries() -> tuple[dict, ...]:
    text = files("tui.content").joinpath("occasions.json").read_text(encoding="utf-8")
    document = json.loads(text)
    assert set(document) == {"occasions"}
    return tuple(document["occasions"])


def _pair(entry: dict) -> tuple[str, str]:
    return entry["kind"], entry["when"]


def _one_sentence(text: str) -> bool:
    """Starts with a capital, ends with . ! or ?, no sentence break inside, no stray spaces."""
    if not text or text != text.strip() or "\n" in text or "  " in text:
        return False
    if not text[0].isupper() or text[-1] not in ".!?":
        return False
    return re.search(r"[.!?][\"')]?\s+[A-Z]", text[:-1]) is None


def test_the_file_is_package_data_and_every_entry_has_the_schema():
    entries = _entries()
    assert entries
    for entry in entries:
        assert set(entry) == FIELDS, entry.get("id")
        assert isinstance(entry["apart"], bool), entry["id"]
        assert all(isinstance(entry[key], str) for key in FIELDS - {"apart"}), entry["id"]
        assert entry["kind"] in TIMINGS, entry["id"]
        assert entry["when"] in TIMINGS[entry["kind"]], entry["id"]


def test_the_kinds_and_timings_are_the_apps_own():
    assert TIMINGS == DAY_TIMINGS


def test_the_app_loads_every_gesture_as_written():
    loaded = {o.id: o for o in content.occasions()}
    assert list(loaded) == [e["id"] for e in _entries()]
    for entry in _entries():
        o = loaded[entry["id"]]
        assert (o.kind, o.when, o.apart, o.text, o.told) == (
            entry["kind"],
            entry["when"],
            entry["apart"],
            entry["text"],
            entry["told"],
        ), entry["id"]


@pytest.mark.parametrize("kind, when", PAIRS)
def test_every_kind_and_timing_has_enough_gestures(kind, when):
    here = [e for e in _entries() if _pair(e) == (kind, when)]
    assert len(here) >= MIN_PER_PAIR, (kind, when, len(here))
    # Couples apart (long distance, a trip, shifts) find something at every moment.
    apart = sum(1 for e in here if e["apart"])
    assert apart >= MIN_APART_PER_PAIR, (kind, when, apart)


def test_while_away_is_mostly_at_a_distance():
    during = [e for e in _entries() if _pair(e) == ("away", "during")]
    apart = sum(1 for e in during if e["apart"])
    assert apart * 5 >= len(during) * 4, (apart, len(during))


def test_ids_unique_kebab_case_and_prefixed_by_kind_and_timing():
    ids = [e["id"] for e in _entries()]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for entry in _entries():
        assert ID_RE.match(entry["id"]), entry["id"]
        assert entry["id"].startswith(f"{entry['kind']}-{entry['when']}-"), entry["id"]
        assert entry["id"] != f"{entry['kind']}-{entry['when']}-", entry["id"]


def test_texts_are_one_short_sentence_for_the_giver():
    for entry in _entries():
        text = entry["text"]
        assert _one_sentence(text), entry["id"]
        assert len(text) < TEXT_MAX, (entry["id"], len(text))
        assert not text.startswith("{"), entry["id"]


def test_text_placeholders_are_partner_and_what_only():
    for entry in _entries():
        found = set(PLACEHOLDER_RE.findall(entry["text"]))
        assert found <= TEXT_PLACEHOLDERS, (entry["id"], found)
        rest = PLACEHOLDER_RE.sub("", entry["text"])
        assert "{" not in rest and "}" not in rest, entry["id"]


def test_what_reads_as_a_short_noun_phrase():
    # "their interview", "the Lisbon trip": never "an {what}" or "{what}" with nothing before it.
    for entry in _entries():
        for match in re.finditer(r"\{what\}", entry["text"]):
            assert entry["text"][: match.start()].endswith(("their ", "the ")), entry["id"]


def test_every_text_names_the_partner_or_the_day():
    for entry in _entries():
        assert "{partner}" in entry["text"] or "{what}" in entry["text"], entry["id"]


def test_what_is_used_in_some_gestures_but_not_most():
    entries = _entries()
    with_what = sum(1 for e in entries if "{what}" in e["text"])
    assert len(entries) // 12 <= with_what <= len(entries) // 3, with_what


def test_told_is_for_the_receiver_with_the_givers_name():
    # What the partner reads: names the giver, never addresses the giver, never names the partner.
    first_words = {e["text"].split()[0].casefold() for e in _entries()}
    for entry in _entries():
        told = entry["told"]
        assert _one_sentence(told.replace("{giver}", "Alex")), entry["id"]
        assert told.endswith("."), entry["id"]
        assert len(told) < TOLD_MAX, (entry["id"], len(told))
        found = set(PLACEHOLDER_RE.findall(told))
        assert found == TOLD_PLACEHOLDERS, (entry["id"], found)
        rest = PLACEHOLDER_RE.sub("", told)
        assert "{" not in rest and "}" not in rest, entry["id"]
        assert "your partner" not in told.casefold(), entry["id"]
        assert told.split()[0].casefold() not in first_words, entry["id"]


def test_no_duplicate_or_near_duplicate_texts():
    entries = _entries()
    texts = [e["text"].casefold() for e in entries]
    assert len(texts) == len(set(texts))
    found = near_duplicates({e["id"]: e["text"] for e in entries})
    assert not found, f"over {LIMIT}: {found}"


def test_no_duplicate_or_near_duplicate_told_lines_at_the_same_moment():
    # The receiver reads these one at a time; within one kind and timing no two say the same.
    for kind, when in PAIRS:
        told = {e["id"]: e["told"].replace("{giver}", "") for e in _entries() if _pair(e) == (kind, when)}
        assert len(set(told.values())) == len(told), (kind, when)
        found = near_duplicates(told)
        assert not found, f"{kind}/{when} over {LIMIT}: {found}"


def test_not_copied_from_the_everyday_catalog():
    everyday = {g.text.casefold() for g in content.gestures()}
    for entry in _entries():
        assert entry["text"].casefold() not in everyday, entry["id"]


def test_the_partner_reads_each_ones_own_words():
    # An everyday gesture of the same id would be told in its words instead.
    clashes = {e["id"] for e in _entries()} & set(content.gesture_by_id())
    assert not clashes, clashes
    for entry in _entries():
        assert content.told(entry["id"], "Alex") == entry["told"].replace("{giver}", "Alex"), entry["id"]


def test_hard_days_are_gentle():
    for entry in _entries():
        if entry["kind"] == "hard":
            words = (entry["text"] + " " + entry["told"]).casefold()
            assert not any(w in words for w in NOT_ON_A_HARD_DAY), entry["id"]


def test_never_guilt_inducing():
    for entry in _entries():
        words = (entry["text"] + " " + entry["told"]).casefold()
        assert not any(w in words for w in GUILT), entry["id"]
