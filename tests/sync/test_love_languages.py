"""How each partner feels loved, shared through Together: the other's picks lean on it over their guess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DAY
from tests.ui.pairing import cli, paired
from tui import content, daily
from tui.domain.gestures import language_probabilities
from tui.domain.ledger import ledger
from tui.model import Settings
from tui.record import replace
from tui.storage import Store
from tui.storage.codecs import SettingsCodec
from tui.sync.change import Change
from tui.sync.hlc import Stamp
from tui.together import Together

LANGUAGES = list(dict.fromkeys(g.language for g in content.gestures()))


def settle(alex: Path, sam: Path) -> None:
    for data in (alex, sam, alex, sam):
        cli(data, "sync")


def test_a_partners_own_ranking_reaches_the_other_picker_and_nothing_else_changes(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sam = data_dir
    alex = paired(tmp_path, sam, capsys)
    with Store(sam) as store:
        store.save_settings(
            Settings(partner_name="Alex", love_languages=("gifts", "time"), together="together", welcomed=True)
        )
        before = store.settings()
        guessed = language_probabilities(daily.settings_for(store, DAY), LANGUAGES)
    with Store(alex) as store:
        store.save_settings(
            Settings(
                partner_name="Sam", love_languages=("words",), own_love_languages=("touch", "words"), welcomed=True
            )
        )
    settle(alex, sam)
    with Store(sam, readonly=True) as store:
        assert store.settings() == before  # kept beside the store, never in Sam's settings
        assert daily.partners_own(store) == ("Alex", ("touch", "words"))
        odds = language_probabilities(daily.settings_for(store, DAY), LANGUAGES)
        assert odds["touch"] == pytest.approx(0.65) and guessed["gifts"] == pytest.approx(0.65)
        assert odds["touch"] > odds["words"] > odds["gifts"]
        marked = [
            e.language
            for e in ledger(store.gesture_days(), content.gesture_by_id(), daily.lean_settings(store), DAY)
            if e.partners
        ]
        assert marked == ["touch", "words"]
        gesture = daily.todays_gesture(store, DAY)
    state = json.loads((sam / "sync" / "together.json").read_text())
    assert state["their_languages"] == {"alex": {"by": "Alex", "languages": ["touch", "words"]}}
    with Store(alex, readonly=True) as store:  # Sam shared none: Alex's picks keep Alex's guess
        assert daily.partners_own(store) is None
        assert daily.lean_settings(store).love_languages == ("words",)
    for path in (tmp_path / "Shared").rglob("*"):
        if path.is_file():
            assert b"own_love_languages" not in path.read_bytes() and b"touch" not in path.read_bytes()
    capsys.readouterr()  # `micro-romance today` shows the gesture the full screen picks, on the same ranking
    cli(sam, "today", "--json")
    shown = json.loads(capsys.readouterr().out)
    assert shown["gesture"]["id"] == gesture.id
    assert shown["partner_feels_loved_through"] == {"by": "Alex", "languages": ["touch", "words"]}
    cli(sam, "today")
    assert "Alex feels loved through: touch, words\n" in capsys.readouterr().out
    cli(alex, "today", "--json")
    assert json.loads(capsys.readouterr().out)["partner_feels_loved_through"] is None


def test_clearing_ones_own_ranking_brings_the_guess_back(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sam = data_dir
    alex = paired(tmp_path, sam, capsys)
    with Store(sam) as store:
        store.save_settings(Settings(partner_name="Alex", love_languages=("gifts",), welcomed=True))
    with Store(alex) as store:
        store.save_settings(Settings(own_love_languages=("time",), welcomed=True))
    settle(alex, sam)
    with Store(sam, readonly=True) as store:
        assert daily.lean_settings(store).love_languages == ("time",)
    with Store(alex) as store:
        store.save_settings(replace(store.settings(), own_love_languages=()))
    settle(alex, sam)
    with Store(sam, readonly=True) as store:
        assert daily.partners_own(store) is None
        assert daily.lean_settings(store).love_languages == ("gifts",)


def _change(doc: dict, entry_id: str = "alex", author: str = "a" * 20) -> Change:
    return Change("love_languages", entry_id, doc, Stamp(1, 0, author), author)


def test_a_partners_ranking_is_read_as_strictly_as_an_import(tmp_path: Path) -> None:
    with Store(tmp_path / "data") as store:
        store.save_settings(Settings(partner_name="Alex", love_languages=("gifts",)))
        together = Together(store, tmp_path / "data" / "sync", person="Sam")
        names = {"a" * 20: "Alex", "b" * 20: "Sam"}
        bad = [
            _change({"own_love_languages": ["hugs"]}),
            _change({"own_love_languages": ["touch"], "partner_name": "Mallory"}),  # only the shared part
            _change({"own_love_languages": ["touch"]}, entry_id="robin"),  # someone else's
        ]
        together.apply_remote(bad, names)
        assert len(together.problems) == 3 and "'own_love_languages'" in together.problems[0]
        assert "'partner_name'" in together.problems[1]
        assert together.state["their_languages"] == {}
        mine = _change({"own_love_languages": ["words"]}, entry_id="sam", author="b" * 20)
        together.apply_remote([mine], names, own={"b" * 20})  # this person's own, from another of their devices
        assert together.state["their_languages"] == {} and store.settings().own_love_languages == ()
        together.apply_remote([_change({"own_love_languages": ["touch", "words"]})], names)
        assert together.state["their_languages"] == {"alex": {"by": "Alex", "languages": ["touch", "words"]}}
        assert store.settings() == Settings(partner_name="Alex", love_languages=("gifts",))


def test_only_the_shared_part_of_the_settings_is_sent(tmp_path: Path) -> None:
    with Store(tmp_path / "data") as store:
        together = Together(store, tmp_path / "data" / "sync", person="Sam")
        assert not [k for k in together.documents() if k[0] == "love_languages"]
        store.save_settings(Settings(partner_name="Alex", love_languages=("gifts",), own_love_languages=("touch",)))
        docs = together.documents()
    assert docs[("love_languages", "sam")] == ({"own_love_languages": ["touch"]}, False)
    assert SettingsCodec.shared == ("own_love_languages",)
