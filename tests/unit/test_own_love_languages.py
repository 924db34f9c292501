"""How the user feels loved (their own ranking): the choice over the guess, the codec, the export."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui import content, daily
from tui.domain.gestures import language_probabilities, pick_gesture
from tui.domain.languages import effective_ranking, loved_through_line, partner_ranking
from tui.domain.ledger import ledger
from tui.exchange import ImportProblem, apply, export_data, export_json, parse, plan_import
from tui.model import Settings
from tui.record import replace
from tui.storage import Store
from tui.storage.files import FILE_NAME

DAY = date(2026, 11, 25)


# --------------------------------------------------------------------------- the domain


def test_the_partners_own_ranking_counts_over_the_guess() -> None:
    assert effective_ranking(("gifts", "time"), ("touch", "words")) == ("touch", "words")
    assert effective_ranking(("gifts", "time"), ()) == ("gifts", "time")
    assert effective_ranking(("gifts",), ("hugs",)) == ("gifts",)  # nothing known in theirs: the guess
    assert effective_ranking((), ("touch", "touch", "words")) == ("touch", "words")


def test_which_partners_ranking_when_several_shared() -> None:
    shared = [("Alex", ("touch",)), ("Robin", ("words", "time")), ("Sam", ())]
    assert partner_ranking(shared, "robin") == ("Robin", ("words", "time"))
    assert partner_ranking(shared, "") == ("Alex", ("touch",))
    assert partner_ranking(shared, "Sam") == ("Alex", ("touch",))  # Sam shared nothing usable
    assert partner_ranking([], "Alex") is None


def test_the_line_is_plain_and_literal() -> None:
    assert loved_through_line("Alex", ("touch", "words")) == "Alex feels loved through: touch, words"
    assert loved_through_line("[bold]Al  ex[/]", ("time",)) == "[bold]Al ex[/] feels loved through: time"


def test_the_pick_and_the_ledger_lean_on_the_ranking_they_are_given() -> None:
    guess = Settings(love_languages=("gifts", "time"))
    theirs = replace(guess, love_languages=effective_ranking(guess.love_languages, ("touch", "words")))
    languages = list(dict.fromkeys(g.language for g in content.gestures()))
    assert language_probabilities(theirs, languages)["touch"] == pytest.approx(0.65)
    assert language_probabilities(guess, languages)["gifts"] == pytest.approx(0.65)
    picks = [pick_gesture(DAY + timedelta(days=n), content.gestures(), theirs, []) for n in range(40)]
    assert sum(g.language == "touch" for g in picks) > sum(g.language == "gifts" for g in picks)
    marked = [e.language for e in ledger([], content.gesture_by_id(), theirs, DAY) if e.partners]
    assert marked == ["touch", "words"]


def test_daily_uses_the_guess_until_a_ranking_is_shared(tmp_path: Path) -> None:
    with Store(tmp_path / "data") as store:
        store.save_settings(Settings(partner_name="Alex", love_languages=("gifts",), welcomed=True))
        assert daily.partners_own(store) is None
        assert daily.lean_settings(store) == store.settings()
        state = tmp_path / "data" / "sync"
        state.mkdir(mode=0o700)
        (state / "together.json").write_text(
            json.dumps({"their_languages": {"alex": {"by": "Alex", "languages": ["touch", "hugs", "words"]}}})
        )
        assert daily.partners_own(store) == ("Alex", ("touch", "words"))
        assert daily.lean_settings(store).love_languages == ("touch", "words")
        assert daily.settings_for(store, DAY).love_languages == ("touch", "words")
        assert store.settings().love_languages == ("gifts",)  # the guess itself is kept
        odd = {
            "their_languages": {
                "alex": {"by": "\x1b[31mAl\nex", "languages": ["time"]},
                "x": {"by": 3, "languages": ["words"]},
            }
        }
        (state / "together.json").write_text(json.dumps(odd))
        assert daily.partners_own(store) == ("Al ex", ("time",))  # no escape reaches the terminal
        (state / "together.json").write_text("{not json")
        assert daily.partners_own(store) is None


# --------------------------------------------------------------------------- the codec and the export


def test_own_ranking_is_kept_and_an_old_file_without_it_still_reads(tmp_path: Path) -> None:
    with Store(tmp_path / "data") as store:
        store.save_settings(
            Settings(partner_name="Sam", love_languages=("time",), own_love_languages=("touch", "words"))
        )
    doc = json.loads((tmp_path / "data" / FILE_NAME).read_text())["settings"]["1"]
    assert doc["own_love_languages"] == ["touch", "words"] and doc["love_languages"] == ["time"]
    with Store(tmp_path / "data") as store:
        assert store.settings().own_love_languages == ("touch", "words")
        del doc["own_love_languages"]  # a file written before this field existed
    data = json.loads((tmp_path / "data" / FILE_NAME).read_text())
    data["settings"]["1"] = doc
    (tmp_path / "data" / FILE_NAME).write_text(json.dumps(data))
    with Store(tmp_path / "data") as store:
        assert store.settings() == Settings(partner_name="Sam", love_languages=("time",))


def test_export_and_import_carry_the_own_ranking(tmp_path: Path) -> None:
    with Store(tmp_path / "a") as store:
        store.save_settings(Settings(love_languages=("time",), own_love_languages=("service", "gifts"), welcomed=True))
        raw = export_json(export_data(store))
    assert json.loads(raw)["settings"]["own_love_languages"] == ["service", "gifts"]
    with Store(tmp_path / "b") as new:
        plan = plan_import(parse(raw.encode()), new)
        assert "own_love_languages" in plan.settings_filled
        apply(plan, new)
        assert new.settings().own_love_languages == ("service", "gifts")
    with Store(tmp_path / "c") as mine:  # one already set here is kept
        mine.save_settings(Settings(own_love_languages=("words",)))
        apply(plan_import(parse(raw.encode()), mine), mine)
        assert mine.settings().own_love_languages == ("words",)
    old = json.loads(raw)
    del old["settings"]["own_love_languages"]
    assert parse(json.dumps(old).encode()).settings.own_love_languages == ()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (["hugs"], "should list some of"),
        (["touch", "touch"], "names a love language twice"),
        ("touch", "should be a list"),
    ],
)
def test_an_import_checks_the_own_ranking(value: object, expected: str) -> None:
    raw = json.dumps({"format_version": 1, "settings": {"own_love_languages": value}}).encode()
    with pytest.raises(ImportProblem, match=expected) as info:
        parse(raw)
    assert "'own_love_languages'" in str(info.value)
