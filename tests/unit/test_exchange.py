"""Export, journal and import merging (tui.exchange), without the command line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui import exchange
from tui.exchange import (
    FORMAT_VERSION,
    ImportProblem,
    apply,
    export_data,
    export_json,
    merge_gesture_day,
    parse,
    plan_import,
    to_json,
    to_markdown,
)
from tui.model import Answer, GestureDay, GraceSpan, Note, PromptDay, Settings
from tui.storage import Store

DAY = date(2026, 11, 25)
MARKUP = "[bold]x[/] [@click=app.quit]y[/]"


def fill(store: Store) -> None:
    """A bit of everything, across two years (so history files are involved)."""
    store.save_settings(
        Settings(
            partner_name="Sam",
            love_languages=("words", "time"),
            together="apart",
            welcomed=True,
            own_love_languages=("touch",),
        )
    )
    store.add_ritual("Morning coffee", created=date(2025, 1, 1), ritual_id="coffee")
    store.add_ritual("Evening walk", weekdays=(0, 2, 4), created=date(2025, 1, 1), ritual_id="walk")
    store.add_ritual("Old habit", created=date(2025, 1, 1), ritual_id="old")
    store.update_ritual("old", archived=True)
    store.update_ritual("walk", position=5)  # gaps in positions survive a round trip
    store.update_ritual("old", personal=True)  # kept to this person's devices: an import must keep it so
    store.set_tick("coffee", date(2025, 6, 1), True)
    store.set_tick("coffee", date(2026, 11, 24), True)
    store.set_tick("walk", date(2026, 11, 23), True)
    store.save_gesture_day(
        GestureDay(
            day=date(2026, 11, 24),
            gesture_id="mirror-note",
            shown=("specific-compliment", "mirror-note"),
            done=True,
            note="She laughed",
            feedback="landed",
        )
    )
    store.save_gesture_day(
        GestureDay(day=date(2026, 11, 22), gesture_id="letter-in-the-post", shown=("letter-in-the-post",))
    )
    store.set_favourite("mirror-note", True)
    store.save_note(
        Note(id="n1", day=date(2026, 11, 24), text=f"Thank you for\n\nthe soup {MARKUP}", created="2026-11-24T20:00:00")
    )
    store.save_note(
        Note(id="n2", day=date(2025, 3, 1), text="Old gratitude", said_aloud=True, created="2025-03-01T09:00:00")
    )
    store.save_answer(
        Answer(id="a1", prompt_id="seen-this-week", day=date(2026, 11, 23), text="When you\nwaited", created="x")
    )
    store.save_prompt_day(PromptDay(day=date(2026, 11, 23), prompt_id="seen-this-week", shown=("seen-this-week",)))
    store.save_grace(GraceSpan(id="g1", start=date(2026, 8, 1), end=date(2026, 8, 5), reason="Travel"))


@pytest.fixture
def full(tmp_path: Path):
    s = Store(tmp_path / "full")
    fill(s)
    yield s
    s.close()


def test_export_has_every_entry_and_is_deterministic(full: Store) -> None:
    data = export_data(full)
    assert data["format_version"] == FORMAT_VERSION == 1
    assert data["exported_with"].startswith("micro-romance ")
    assert [r["id"] for r in data["rituals"]] == ["coffee", "old", "walk"]  # by position
    assert data["ticks"] == [
        {"ritual": "coffee", "day": "2025-06-01"},
        {"ritual": "walk", "day": "2026-11-23"},
        {"ritual": "coffee", "day": "2026-11-24"},
    ]
    assert [g["day"] for g in data["gestures"]] == ["2026-11-22", "2026-11-24"]
    assert data["favourites"] == [{"gesture": "mirror-note"}]
    assert [n["id"] for n in data["notes"]] == ["n2", "n1"]
    assert data["settings"]["love_languages"] == ["words", "time"]
    text = export_json(data)
    assert text == export_json(export_data(full))
    assert json.loads(text) == data
    assert "exported_at" not in text  # no timestamp: two exports of the same data are identical


def test_round_trip_into_an_empty_store_is_identical(full: Store, tmp_path: Path) -> None:
    text = export_json(export_data(full))
    with Store(tmp_path / "new") as new:
        apply(plan_import(parse(text.encode()), new), new)
    with Store(tmp_path / "new") as reopened:
        assert export_json(export_data(reopened)) == text
        assert reopened.rituals(include_archived=True) == full.rituals(include_archived=True)
        assert reopened.notes() == full.notes()


def test_second_import_plans_nothing_and_writes_nothing(full: Store, tmp_path: Path) -> None:
    raw = export_json(export_data(full)).encode()
    with Store(tmp_path / "new") as new:
        apply(plan_import(parse(raw), new), new)
        before = [p.read_bytes() for p in new.files()]
        plan = plan_import(parse(raw), new)
        assert plan.empty and plan.already == parse(raw).size()
        apply(plan, new)
        assert [p.read_bytes() for p in new.files()] == before


def test_merge_into_existing_data(full: Store, tmp_path: Path) -> None:
    raw = export_json(export_data(full)).encode()
    with Store(tmp_path / "mine") as mine:
        mine.save_settings(Settings(partner_name="Alex", welcomed=True))
        mine.add_ritual("My own", created=DAY, ritual_id="mine")
        mine.add_ritual("Coffee, my way", created=DAY, ritual_id="coffee")  # same id: mine is kept
        mine.save_gesture_day(
            GestureDay(day=date(2026, 11, 24), gesture_id="mirror-note", shown=("other", "mirror-note"))
        )
        mine.save_note(Note(id="n1", day=DAY, text="My n1", created="a"))
        plan = plan_import(parse(raw), mine)
        assert plan.settings_filled == ("love_languages", "own_love_languages", "together")
        assert [r.id for r in plan.rituals] == ["old", "walk"]
        apply(plan, mine)
        s = mine.settings()
        assert (s.partner_name, s.love_languages, s.together) == ("Alex", ("words", "time"), "apart")
        assert mine.ritual("coffee").name == "Coffee, my way"
        order = [r.id for r in mine.rituals(include_archived=True)]
        assert order == ["mine", "coffee", "old", "walk"]  # imported ones after mine, in their order
        gd = mine.gesture_day(date(2026, 11, 24))
        assert gd is not None and gd.done and gd.note == "She laughed"
        assert gd.shown == ("specific-compliment", "mirror-note", "other")  # the done copy first
        assert mine.note("n1").text == "My n1"
        assert mine.is_ticked("coffee", date(2026, 11, 24))
        assert plan_import(parse(raw), mine).empty


def test_merge_gesture_day_rules() -> None:
    d = date(2026, 1, 1)
    mine = GestureDay(day=d, gesture_id="a", shown=("a",))
    theirs = GestureDay(day=d, gesture_id="b", shown=("a", "b"), done=True, note="lovely", feedback="landed")
    merged = merge_gesture_day(mine, theirs)
    assert (merged.gesture_id, merged.done, merged.note, merged.shown) == ("b", True, "lovely", ("a", "b"))
    # Both done: mine wins, and a note about another gesture is not borrowed.
    mine_done = GestureDay(day=d, gesture_id="a", shown=("a",), done=True)
    assert merge_gesture_day(mine_done, theirs) == GestureDay(day=d, gesture_id="a", shown=("a", "b"), done=True)
    # Same gesture: the other copy's note fills an empty one.
    same = GestureDay(day=d, gesture_id="b", shown=("b",), done=True)
    assert merge_gesture_day(same, theirs).note == "lovely"


_ids = st.sampled_from(["a", "b", "c"])
_days = st.builds(
    GestureDay,
    day=st.just(date(2026, 1, 1)),
    gesture_id=_ids,
    shown=st.lists(_ids, unique=True).map(tuple),
    done=st.booleans(),
    note=st.sampled_from(["", "n1", "n2"]),
    feedback=st.sampled_from(["", "landed"]),
)


@given(_days, _days)
def test_merging_twice_changes_nothing(here: GestureDay, incoming: GestureDay) -> None:
    once = merge_gesture_day(here, incoming)
    assert merge_gesture_day(once, incoming) == once
    assert once.done == (here.done or incoming.done)
    assert set(once.shown) == set(here.shown) | set(incoming.shown)


def test_to_json_escapes_what_a_terminal_would_act_on() -> None:
    value = {"t": "a\x1b[31mb\x9bc\x7f\ud800é"}
    text = to_json(value)
    assert "\x1b" not in text and "\x9b" not in text and "\x7f" not in text and "\ud800" not in text
    assert "é" in text
    assert json.loads(text) == value
    text.encode("utf-8")  # no lone surrogate left


def test_markdown_journal_newest_first_and_literal(full: Store) -> None:
    md = to_markdown(full)
    assert md.startswith("# micro-romance journal\n")
    heads = [line for line in md.splitlines() if line.startswith("## ")]
    assert heads == [
        "## Tuesday 24 November 2026",
        "## Monday 23 November 2026",
        "## Sunday 1 June 2025",
        "## Saturday 1 March 2025",
    ]  # 22 November only had a suggestion shown, nothing done: not a journal day
    assert "Leave a kind sticky note on the bathroom mirror for Sam to find. — She laughed (It landed)" in md
    assert f"- Thank you for\n\n  the soup {MARKUP}" in md
    assert "**Rituals kept:** Evening walk" in md
    assert "> When you\n> waited" in md
    assert "- Old gratitude (said aloud)" in md


def test_markdown_of_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "empty", readonly=True) as empty:
        assert "Nothing here yet" in to_markdown(empty)


# --------------------------------------------------------------------------- bad files


def good() -> dict:
    return {
        "format_version": 1,
        "rituals": [
            {"id": "r1", "name": "Walk", "weekdays": [0], "position": 0, "archived": False, "created": "2026-01-01"}
        ],
        "ticks": [{"ritual": "r1", "day": "2026-01-05"}],
        "notes": [
            {"id": "n1", "day": "2026-01-05", "text": "one", "said_aloud": False, "created": ""},
            {"id": "n2", "day": "2026-01-06", "text": "two"},
        ],
    }


def problem(data: object) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    with pytest.raises(ImportProblem) as info:
        parse(raw)
    return str(info.value)


def with_change(section: str, index: int, **fields: object) -> dict:
    data = good()
    data[section][index].update(fields)
    return data


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "the file is empty"),
        (b"{not json", "not JSON (line 1, column 2"),
        (b"\xff\xfe{}", "not UTF-8"),
        ([1, 2], "not a micro-romance export"),
        ({"notes": []}, "no 'format_version'"),
        ({"format_version": 2}, "newer micro-romance (format 2"),
        ({"format_version": "1"}, "'format_version' should be a whole number"),
        ({"format_version": True}, "'format_version' should be a whole number"),
        ({"format_version": 1, "diary": []}, "section micro-romance does not know: 'diary'"),
        ({"format_version": 1, "notes": {}}, "'notes' should be a list"),
        ({"format_version": 1, "notes": ["hi"]}, "entry 1 of 'notes' should be an object"),
        (
            with_change("notes", 1, day="2026-13-01"),
            "entry 2 of 'notes': field 'day' should be a date like 2026-01-31, not '2026-13-01'",
        ),
        (with_change("notes", 1, day=20260101), "entry 2 of 'notes': field 'day' should be text, not 20260101"),
        (with_change("notes", 0, text=5), "entry 1 of 'notes': field 'text' should be text, not 5"),
        (
            with_change("notes", 0, text="\n \n"),
            "entry 1 of 'notes': field 'text' cannot be used: There is nothing to save",
        ),
        (
            with_change("notes", 0, text="x" * 10_001),
            "entry 1 of 'notes': field 'text' cannot be used: This is 10,001 characters",
        ),
        (with_change("notes", 0, said_aloud="yes"), "entry 1 of 'notes': field 'said_aloud' should be true or false"),
        (with_change("notes", 0, txt="x"), "entry 1 of 'notes' has a field micro-romance does not know: 'txt'"),
        (with_change("notes", 1, id="n1"), "entry 2 of 'notes': the id 'n1' appears twice (also entry 1)"),
        (with_change("notes", 0, id="has space"), "entry 1 of 'notes': field 'id' should be a short id"),
        (with_change("rituals", 0, weekdays=[7]), "entry 1 of 'rituals': field 'weekdays' should list numbers from 0"),
        (with_change("rituals", 0, position=True), "entry 1 of 'rituals': field 'position' should be a whole number"),
        (with_change("rituals", 0, name=""), "entry 1 of 'rituals': field 'name' cannot be used"),
        (
            with_change("rituals", 0, created=None) | {"ticks": [{"ritual": "r1", "day": "2026-01-05"}] * 2},
            "entry 2 of 'ticks': the tick of 'r1' on 2026-01-05 appears twice (also entry 1)",
        ),
        ({"format_version": 1, "ticks": [{"ritual": "r1"}]}, "entry 1 of 'ticks': field 'day' is missing"),
        (
            {
                "format_version": 1,
                "gestures": [{"day": "2026-01-01", "gesture": "a"}, {"day": "2026-01-01", "gesture": "b"}],
            },
            "entry 2 of 'gestures': the day 2026-01-01 appears twice",
        ),
        (
            {"format_version": 1, "gestures": [{"day": "2026-01-01", "gesture": "a", "feedback": "meh"}]},
            "entry 1 of 'gestures': field 'feedback' should be one of 'landed', 'so_so', 'not_really', not 'meh'",
        ),
        (
            {"format_version": 1, "gestures": [{"day": "2026-01-01", "gesture": "a", "shown": [1]}]},
            "entry 1 of 'gestures': field 'shown' should be a list of short ids",
        ),
        (
            {"format_version": 1, "favourites": [{"gesture": "a"}, {"gesture": "a"}]},
            "entry 2 of 'favourites': the gesture 'a' appears twice",
        ),
        (
            {"format_version": 1, "grace": [{"id": "g", "start": "2026-02-02", "end": "2026-02-01"}]},
            "field 'end' is before 'start'",
        ),
        (
            {"format_version": 1, "settings": {"love_languages": ["hugs"]}},
            "'settings': field 'love_languages' should list some of",
        ),
        ({"format_version": 1, "settings": {"together": "sometimes"}}, "'settings': field 'together' should be one of"),
        ({"format_version": 1, "settings": []}, "'settings' should be an object"),
    ],
)
def test_bad_files_say_what_and_where(data: object, expected: str) -> None:
    assert expected in problem(data)


def test_import_text_is_cleaned(tmp_path: Path) -> None:
    data = good()
    data["notes"][0]["text"] = "hi\x1b[2J there\x07\r\nnext"
    data["rituals"][0]["name"] = "  Walk\x1b]0;title\x07  together "
    bundle = parse(json.dumps(data).encode())
    assert bundle.notes[0].text == "hi there\nnext"
    assert bundle.rituals[0].name == "Walk together"


def test_minimal_file_and_bom(tmp_path: Path) -> None:
    bundle = parse(b"\xef\xbb\xbf" + json.dumps({"format_version": 1}).encode())
    assert bundle.size() == 0 and bundle.settings == Settings()
    with Store(tmp_path / "d") as s:
        assert plan_import(bundle, s).empty


def test_sections_are_documented() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "data-format.md").read_text(encoding="utf-8")
    assert "format_version" in doc
    for name, fields in exchange.FIELDS.items():
        assert f"`{name}`" in doc, name
        for f in fields:
            assert f"`{f}`" in doc, (name, f)
