"""Together from the shell: two data folders, one shared folder, the fixed command names."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.sync.pairs import cli_code, two_devices
from tui.cli import main
from tui.cli.background import wait_started
from tui.storage import Store

DAY = date(2026, 11, 25)


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(data), "--today", DAY.isoformat(), *args])
    wait_started()  # a write's round runs detached: wait for it, as a person waits for their partner
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(params=[("a0", "b0"), ("b0", "a0")], ids=["alex's-id-kept", "sam's-id-kept"])
def couple(
    request: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, Path, Path]:
    """Alex and Sam, paired; each had a ritual of the same name (either id may be the one kept)."""
    alex, sam, shared = two_devices(tmp_path)
    alex_id, sam_id = request.param
    with Store(alex) as store:
        store.add_ritual("Morning coffee", created=date(2026, 11, 1), ritual_id=alex_id)
    with Store(sam) as store:
        mine = store.add_ritual("morning coffee", created=date(2026, 11, 2), ritual_id=sam_id)
        store.set_tick(mine.id, date(2026, 11, 20), True)
    code, out, _ = cli(capsys, alex, "pair", "start", str(shared), "--name", "Alex")
    assert code == 0 and "pair join" in out
    code, out, _ = cli(capsys, sam, "pair", "join", str(shared), "--name", "Sam")
    assert code == 0 and "run micro-romance sync" in out and "Pairing code: " not in out  # not known yet
    shared_code = cli_code(lambda data: cli(capsys, data, "pair", "status")[1], alex, sam)
    code, out, _ = cli(capsys, alex, "pair", "confirm", shared_code)
    assert code == 0 and "Confirm the same code on that device too" in out
    assert cli(capsys, sam, "pair", "confirm", shared_code)[0] == 0
    return alex, sam, shared


def test_a_wrong_code_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    cli(capsys, tmp_path / "a", "pair", "start", str(shared), "--name", "Alex")
    cli(capsys, tmp_path / "b", "pair", "join", str(shared), "--name", "Sam")
    code, out, err = cli(capsys, tmp_path / "a", "pair", "confirm", "111 222")
    assert code != 0 and "nothing was confirmed" in err and len(err.strip().splitlines()) == 1
    status = json.loads(cli(capsys, tmp_path / "a", "pair", "status", "--json")[1])
    assert status["confirmed"] == [] and [d["name"] for d in status["waiting"]] == ["Sam"]


def test_ticks_and_shared_notes_cross_and_private_notes_do_not(
    couple: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    alex, sam, shared = couple
    code, out, err = cli(capsys, alex, "done", "morning")
    assert code == 0 and err == ""
    assert cli(capsys, alex, "gratitude", "--share", "thank you for the warm soup")[0] == 0
    assert cli(capsys, alex, "gratitude", "a private worry")[0] == 0
    code, out, _ = cli(capsys, sam, "sync")
    assert code == 0 and out.startswith("Synced: ")
    cli(capsys, alex, "sync")
    cli(capsys, sam, "sync")
    with Store(sam, readonly=True) as store:
        [ritual] = store.rituals()
        assert ritual.name.casefold() == "morning coffee"
        assert store.ticked_days(ritual.id) == {DAY, date(2026, 11, 20)}
        assert [n.text for n in store.notes()] == ["thank you for the warm soup"]
    with Store(alex, readonly=True) as store:
        [ritual] = store.rituals()
        assert store.ticked_days(ritual.id) == {DAY, date(2026, 11, 20)}
    for path in shared.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"soup" not in data and b"worry" not in data and b"coffee" not in data.lower()
    status = json.loads(cli(capsys, sam, "pair", "status", "--json")[1])
    assert [d["name"] for d in status["confirmed"]] == ["Alex"] and status["last_round"]
    assert "Alex ticked: " in cli(capsys, sam, "today")[1]
    assert "ticked:" not in cli(capsys, alex, "today")[1]


def test_a_missing_folder_fails_sync_but_never_a_write(
    couple: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    alex, _, shared = couple
    shared.rename(shared.with_name("gone"))
    code, out, err = cli(capsys, alex, "sync")
    assert code != 0 and "missing" in err and len(err.strip().splitlines()) == 1
    code, out, err = cli(capsys, alex, "gratitude", "written on a train")
    assert code == 0 and "Saved" in out and "in the background" in out and err == ""
    assert "Last round after a write" in (status := cli(capsys, alex, "pair", "status")[1]) and "not synced" in status
    with Store(alex, readonly=True) as store:
        assert [n.text for n in store.notes()] == ["written on a train"]


def test_leave_keeps_the_data(couple: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    alex, _, _ = couple
    code, out, _ = cli(capsys, alex, "pair", "leave")
    assert code == 0 and "Nothing here was deleted" in out
    code, _, err = cli(capsys, alex, "sync")
    assert code != 0 and "not paired" in err
    with Store(alex, readonly=True) as store:
        assert [r.name for r in store.rituals()] == ["Morning coffee"]


def test_a_done_gesture_shows_on_the_partners_today(
    couple: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.content import gesture_by_id
    from tui.model import GestureDay

    alex, sam, _ = couple
    gesture = gesture_by_id()["specific-compliment"]
    with Store(alex) as store:
        store.save_gesture_day(
            GestureDay(day=DAY, gesture_id=gesture.id, shown=(gesture.id,), done=True, note="she laughed")
        )
    cli(capsys, alex, "sync")
    cli(capsys, sam, "sync")
    from tui.sync import pairing

    def no_folder(state_dir: Path) -> None:
        raise AssertionError("today read the shared folder")

    monkeypatch.setattr(pairing, "status", no_folder)  # today names the giver without reading the folder
    code, out, _ = cli(capsys, sam, "today")
    assert code == 0 and "Alex paid you a specific compliment about something you did today." in out
    assert "she laughed" not in out
    data = json.loads(cli(capsys, sam, "today", "--json")[1])
    assert [(g["by"], g["gesture"]) for g in data["from_partner"]] == [("Alex", gesture.id)]
    with Store(sam, readonly=True) as store:
        assert store.gesture_day(DAY) is None  # Alex's plan and note stay Alex's


def test_a_tick_that_arrives_before_its_ritual_is_kept(tmp_path: Path) -> None:
    from tui.sync.change import Change
    from tui.sync.hlc import Clock
    from tui.together import Together

    clock = Clock("aa")
    tick = Change("tick", "r1:2026-11-25", {"ritual": "r1", "day": "2026-11-25"}, clock.tick(), "aa")
    ritual = Change(
        "ritual",
        "r1",
        {"id": "r1", "name": "Tea", "weekdays": [], "position": 0, "archived": False, "created": None},
        clock.tick(),
        "aa",
    )
    with Store(tmp_path / "data") as store:
        Together(store, tmp_path / "data" / "sync", person="Sam").apply_remote([tick], {"aa": "Alex"})
        assert store.rituals() == []
    with Store(tmp_path / "data") as store:
        Together(store, tmp_path / "data" / "sync", person="Sam").apply_remote([ritual], {"aa": "Alex"})
        assert store.ticked_days("r1") == {DAY}


def test_sync_state_is_private_and_doctor_still_reads_the_folder(
    couple: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    import stat

    alex, _, _ = couple
    cli(capsys, alex, "gratitude", "--share", "thanks")
    state = alex / "sync"
    for path in [state, *state.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
    code, out, err = cli(capsys, alex, "doctor")
    assert code == 0, out + err


def test_applying_the_same_changes_twice_changes_nothing(tmp_path: Path) -> None:
    from tui.sync.change import Change
    from tui.sync.hlc import Clock
    from tui.together import Together

    clock = Clock("aa")
    ritual = Change(
        "ritual",
        "r1",
        {"id": "r1", "name": "Tea", "weekdays": [], "position": 0, "archived": False, "created": "2026-11-01"},
        clock.tick(),
        "aa",
    )
    tick = Change("tick", "r1:2026-11-25", {"ritual": "r1", "day": "2026-11-25"}, clock.tick(), "aa")
    note = Change(
        "note",
        "n1",
        {"id": "n1", "day": "2026-11-25", "text": "Thanks", "said_aloud": False, "created": ""},
        clock.tick(),
        "aa",
    )
    data = tmp_path / "data"

    def files() -> dict[str, bytes]:
        return {
            str(p.relative_to(data)): p.read_bytes() for p in sorted(data.rglob("*.json")) if "backups" not in p.parts
        }

    with Store(data) as store:
        together = Together(store, data / "sync", person="Sam")
        assert together.apply_remote([ritual, tick, note], {"aa": "Alex"}) == 3
        assert together.outbox(Clock("bb")) == []  # nothing echoed back
        first = files()
        together.apply_remote([ritual, tick, note], {"aa": "Alex"})
        assert files() == first


def test_a_personal_ritual_and_its_ticks_stay_with_their_author(
    couple: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    alex, sam, shared = couple
    with Store(alex) as store:
        store.add_ritual("Journal by myself", created=DAY, personal=True)
    assert cli(capsys, alex, "done", "journal")[0] == 0
    assert cli(capsys, alex, "done", "morning")[0] == 0
    cli(capsys, sam, "sync")
    cli(capsys, alex, "sync")
    cli(capsys, sam, "sync")
    with Store(sam, readonly=True) as store:
        assert [r.name.casefold() for r in store.rituals()] == ["morning coffee"]
        assert store.ticked_days(store.rituals()[0].id) == {DAY, date(2026, 11, 20)}
    with Store(alex, readonly=True) as store:
        assert sorted(r.name.casefold() for r in store.rituals()) == ["journal by myself", "morning coffee"]
    assert "Journal" not in cli(capsys, sam, "today")[1]
    for path in shared.rglob("*"):
        if path.is_file():
            assert b"journal" not in path.read_bytes().lower()


def test_a_personal_ritual_brought_in_by_import_stays_personal(
    couple: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    alex, sam, shared = couple
    moved = tmp_path / "from-the-old-laptop.json"
    moved.write_text(
        json.dumps(
            {
                "format_version": 1,
                "rituals": [{"id": "j1", "name": "Journal by myself", "created": "2026-11-01", "personal": True}],
                "ticks": [{"ritual": "j1", "day": DAY.isoformat()}],
            }
        )
    )
    assert cli(capsys, alex, "import", str(moved))[0] == 0
    cli(capsys, alex, "sync")
    cli(capsys, sam, "sync")
    with Store(alex, readonly=True) as store:
        assert store.ritual("j1").personal
    with Store(sam, readonly=True) as store:
        assert [r.name.casefold() for r in store.rituals()] == ["morning coffee"]
    for path in shared.rglob("*"):
        if path.is_file():
            assert b"journal" not in path.read_bytes().lower()


def test_a_tick_made_again_here_is_no_longer_the_partners(
    couple: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    alex, sam, _ = couple
    assert cli(capsys, alex, "done", "morning")[0] == 0
    cli(capsys, sam, "sync")
    partner_ticks = lambda: json.loads(cli(capsys, sam, "today", "--json")[1])["ticked_by_partner"]  # noqa: E731
    assert [t["by"] for t in partner_ticks()] == ["Alex"]
    with Store(sam) as store:
        [ritual] = store.rituals()
        store.set_tick(ritual.id, DAY, False)  # Sam unticks it, and the round says so
    cli(capsys, sam, "sync")
    with Store(sam) as store:
        store.set_tick(ritual.id, DAY, True)  # then ticks it again, on this machine
    cli(capsys, sam, "sync")
    assert partner_ticks() == []


def test_a_ritual_made_personal_later_stops_sending(
    couple: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    alex, sam, _ = couple
    cli(capsys, sam, "sync")
    cli(capsys, alex, "sync")
    with Store(alex) as store:
        [ritual] = store.rituals()
        store.update_ritual(ritual.id, personal=True, name="Morning coffee alone")
    assert cli(capsys, alex, "done", "morning")[0] == 0
    code, _, err = cli(capsys, sam, "sync")
    assert code == 0 and err == ""
    with Store(sam, readonly=True) as store:
        [kept] = store.rituals()
        assert kept.name.casefold() == "morning coffee" and DAY not in store.ticked_days(kept.id)
    with Store(alex, readonly=True) as store:
        [mine] = store.rituals()
        assert mine.personal and DAY in store.ticked_days(mine.id)


def test_the_receivers_answer_goes_back_to_the_giver(
    couple: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from tui import daily
    from tui.content import gesture_by_id, gestures
    from tui.model import GestureDay
    from tui.together import Together, gifts_of_day

    alex, sam, _ = couple
    gesture = gestures()[0]
    with Store(alex) as store:
        store.save_gesture_day(
            GestureDay(day=DAY, gesture_id=gesture.id, shown=(gesture.id,), done=True, feedback="landed")
        )
    cli(capsys, alex, "sync")
    cli(capsys, sam, "sync")
    [(gift_id, by, gid, said)] = gifts_of_day(sam / "sync", DAY)
    assert (by, gid, said) == ("Alex", gesture.id, "")
    with Store(sam) as store:
        Together(store, sam / "sync").answer_gift(gift_id, "not_really")
    assert "(you said: not really)" in cli(capsys, sam, "today")[1]
    cli(capsys, sam, "sync")
    cli(capsys, alex, "sync")
    with Store(alex, readonly=True) as store:
        assert store.gesture_day(DAY).partner_feedback == "not_really"
        weights = daily.gesture_weights(store, DAY + timedelta(days=1))
    language = gesture_by_id()[gesture.id].language
    assert weights[language] == pytest.approx(0.8)  # the partner's "not really" twice, not Alex's "landed"
    with Store(sam, readonly=True) as store:
        assert store.gesture_day(DAY) is None
    cli(capsys, sam, "sync")  # nothing echoes back and forth
    assert cli(capsys, alex, "sync")[0] == 0


def test_a_shared_answer_reaches_the_partner_beside_their_own_answers(
    couple: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.together import Together, partner_answers

    alex, sam, shared = couple
    with Store(alex) as store:
        mine = store.add_answer("p-001", "Our walk by the river", DAY)
        store.add_answer("p-002", "a private hope", DAY)
        Together(store, alex / "sync").share_answer(mine.id)
    with Store(sam) as store:
        store.add_answer("p-001", "Sam keeps this one", DAY)
    for side in (alex, sam, alex, sam):
        assert cli(capsys, side, "sync")[0] == 0
    assert partner_answers(sam / "sync") == {"p-001": [("Alex", "Our walk by the river")]}
    assert partner_answers(alex / "sync") == {}  # Sam's answer is not shared
    with Store(sam, readonly=True) as store:
        assert [a.text for a in store.answers()] == ["Sam keeps this one"]
    for path in shared.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"river" not in data and b"hope" not in data and b"keeps" not in data
