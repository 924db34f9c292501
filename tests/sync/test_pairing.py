"""Pairing needs both people: the same code on both machines, confirmed on each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.sync.pairs import shared_code
from tui.sync import pairing
from tui.sync.change import Change
from tui.sync.crypto import Identity, sign_document
from tui.sync.files import canonical_json
from tui.sync.folder import FolderMissing
from tui.together.state import is_paired


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "Shared"
    path.mkdir()
    return path


def test_start_join_and_confirm_on_both_sides(tmp_path: Path, shared: Path) -> None:
    alex, sam = tmp_path / "alex" / "sync", tmp_path / "sam" / "sync"
    started = pairing.start(alex, shared, "Alex")
    assert started.paired and started.waiting == [] and started.confirmed == []
    joined = pairing.join(sam, shared, "Sam")
    [waiting] = joined.waiting
    assert waiting.name == "Alex" and waiting.device == started.device
    assert waiting.code == ""  # no code before both sides have taken their steps
    code = shared_code(alex, sam)
    assert len(code) == 7 and code[3] == " " and code.replace(" ", "").isdigit()
    assert pairing.confirm(sam, code).name == "Alex"
    assert not pairing.status(sam).in_step  # Alex has not confirmed yet
    assert pairing.confirm(alex, code.replace(" ", "")).name == "Sam"
    assert [d.name for d in pairing.status(alex).confirmed] == ["Sam"]
    assert pairing.status(alex).waiting == []
    assert pairing.status(alex).in_step and pairing.status(sam).in_step
    for state in (alex, sam, alex):  # both confirmed: the pairing's steps are no longer kept or published
        pairing.status(state)
    for state in (alex, sam):
        assert json.loads((state / "pairing.json").read_text())["sessions"] == {}


def test_a_wrong_code_is_refused_and_changes_nothing(tmp_path: Path, shared: Path) -> None:
    alex, sam = tmp_path / "alex" / "sync", tmp_path / "sam" / "sync"
    pairing.start(alex, shared, "Alex")
    pairing.join(sam, shared, "Sam")
    code = shared_code(alex, sam)
    before = (alex / "pairing.json").read_bytes()
    wrong = "000 000" if code != "000 000" else "000 001"
    with pytest.raises(pairing.PairingError, match="nothing was confirmed"):
        pairing.confirm(alex, wrong)
    with pytest.raises(pairing.PairingError, match="6 digits"):
        pairing.confirm(alex, "12")
    assert (alex / "pairing.json").read_bytes() == before
    assert len(pairing.status(alex).waiting) == 1


def test_a_pairing_step_changed_after_it_was_read_gives_no_code(tmp_path: Path, shared: Path) -> None:
    """Whoever writes into the folder cannot try a second commitment or nonce once one was read."""
    import json

    alex, sam = tmp_path / "alex" / "sync", tmp_path / "sam" / "sync"
    pairing.start(alex, shared, "Alex")
    pairing.join(sam, shared, "Sam")
    shared_code(alex, sam)
    devices = {pairing.status(state).device: state for state in (alex, sam)}
    first, second = sorted(devices)  # the lower id committed; the other recorded its commitment
    record = json.loads((devices[first] / "pairing.json").read_text())
    record["sessions"][second]["nonce"] = "ab" * 32  # a second try: another nonce, another commitment
    (devices[first] / "pairing.json").write_text(json.dumps(record))
    pairing.status(devices[first])  # publishes the new commitment and nonce
    [seen] = pairing.status(devices[second]).waiting
    assert seen.code == "" and "changed" in seen.note


def test_a_new_signing_key_beside_the_partners_key_is_said_as_changed_and_gives_no_code(
    tmp_path: Path, shared: Path
) -> None:
    """A device's id names only its age key: someone who writes into the folder can sign a key.pub
    holding the partner's age key and a signing key of their own. That is never a fresh pairing."""
    alex, sam = tmp_path / "alex" / "sync", tmp_path / "sam" / "sync"
    pairing.start(alex, shared, "Alex")
    pairing.join(sam, shared, "Sam")
    code = shared_code(alex, sam)
    sam_key = shared / "micro-romance" / pairing.status(sam).device / "key.pub"
    honest = json.loads(sam_key.read_bytes())
    other = Identity.generate()
    swapped = {**honest, "sign": other.keys.sign, "pairing": {}}
    for _ in range(2):  # each reading of a swapped key would otherwise be a fresh try at the code
        sam_key.write_bytes(canonical_json(sign_document(other, swapped)))
        [seen] = pairing.status(alex).waiting
        assert (seen.name, seen.code) == ("Sam", "") and "keys changed" in seen.note
        with pytest.raises(pairing.PairingError, match="nothing was confirmed"):
            pairing.confirm(alex, code)
    pairing.status(sam)  # Sam's own key.pub is written again: the pairing goes on where it was
    assert shared_code(alex, sam) == code


def test_an_unconfirmed_key_is_never_encrypted_to(tmp_path: Path, shared: Path) -> None:
    alex, sam = tmp_path / "alex" / "sync", tmp_path / "sam" / "sync"
    pairing.start(alex, shared, "Alex")
    pairing.join(sam, shared, "Sam")
    pairing.confirm(sam, shared_code(alex, sam))  # Sam confirmed; Alex has not yet
    alex_engine = pairing.engine(alex)
    assert alex_engine is not None
    change = Change("note", "n1", {"text": "hi"}, alex_engine.clock.tick(), alex_engine.me.device)
    alex_engine.commit(alex_engine.round([change]))
    sam_engine = pairing.engine(sam)
    assert sam_engine is not None
    result = sam_engine.round([])
    assert result.incoming == []
    assert result.skipped and "decrypted" in result.skipped[0].message


def test_a_device_is_mine_only_when_i_say_so(tmp_path: Path, shared: Path) -> None:
    laptop, desktop = tmp_path / "laptop" / "sync", tmp_path / "desktop" / "sync"
    pairing.start(laptop, shared, "Alex")
    pairing.join(desktop, shared, "alex")
    code = shared_code(laptop, desktop)
    assert any("has your name" in line for line in pairing.status(desktop).waiting_lines())
    assert not pairing.confirm(desktop, code).mine  # the same name alone does not make it mine
    assert pairing.confirm(laptop, code, mine=True).mine


def test_a_key_of_low_order_is_refused_when_listed(tmp_path: Path, shared: Path) -> None:
    import bech32

    from tui.sync.crypto import Identity, device_id
    from tui.sync.peers import key_document

    alex = tmp_path / "alex" / "sync"
    pairing.start(alex, shared, "Alex")
    bad = bech32.bech32_encode("age", bech32.convertbits(bytes(32), 8, 5))
    doc = {**key_document(Identity.generate(), "Mallory"), "key": bad}
    folder = shared / "micro-romance" / device_id(bad)
    folder.mkdir()
    (folder / "key.pub").write_text(__import__("json").dumps(doc))
    status = pairing.status(alex)
    assert status.waiting == []
    assert len(status.problems) == 1 and "cannot be used" in status.problems[0]


def test_a_device_confirmed_with_the_earlier_version_is_asked_again(tmp_path: Path, shared: Path) -> None:
    import json

    alex, sam = tmp_path / "alex" / "sync", tmp_path / "sam" / "sync"
    pairing.start(alex, shared, "Alex")
    pairing.join(sam, shared, "Sam")
    sam_id = pairing.status(sam).device
    record = json.loads((alex / "pairing.json").read_text())
    record["trusted"] = {sam_id: {"key": "age1...", "name": "Sam", "mine": False}}  # as the earlier version kept it
    (alex / "pairing.json").write_text(json.dumps(record))
    assert pairing.engine(alex).trusted == {}  # type: ignore[union-attr]  (nothing read from or sent to it)
    code = shared_code(alex, sam)
    [again] = pairing.status(alex).waiting
    assert again.code == code and "earlier version" in again.note
    assert "That device was confirmed with an earlier version of micro-romance: compare the new code" in "\n".join(
        pairing.status(alex).waiting_lines()
    )
    pairing.confirm(alex, code)
    assert [d.name for d in pairing.status(alex).confirmed] == ["Sam"]


def test_start_on_a_paired_device_refuses_and_changes_nothing(tmp_path: Path, shared: Path) -> None:
    alex = tmp_path / "alex" / "sync"
    pairing.start(alex, shared, "Alex")
    before = (alex / "pairing.json").read_bytes()
    other = tmp_path / "Other"
    other.mkdir()
    for step in (pairing.start, pairing.join):
        with pytest.raises(pairing.PairingError, match="already paired.*--force"):
            step(alex, other, "Alex")
    assert (alex / "pairing.json").read_bytes() == before and not list(other.iterdir())
    assert pairing.start(alex, other, "Alex", force=True).folder == str(other)


def test_no_name_is_refused_and_the_login_name_never_used(tmp_path: Path, shared: Path) -> None:
    alex = tmp_path / "alex" / "sync"
    with pytest.raises(pairing.PairingError, match="--name"):
        pairing.start(alex, shared)
    assert not (alex / "pairing.json").exists()


def test_start_needs_the_folder(tmp_path: Path) -> None:
    with pytest.raises(FolderMissing):
        pairing.start(tmp_path / "sync", tmp_path / "nowhere", "Alex")
    assert not (tmp_path / "nowhere").exists()


def test_leave_keeps_everything_local(tmp_path: Path, shared: Path) -> None:
    alex = tmp_path / "alex" / "sync"
    pairing.start(alex, shared, "Alex")
    assert pairing.leave(alex)
    assert not pairing.status(alex).paired
    assert (alex / "identity.key").exists()
    assert pairing.engine(alex) is None
    assert not is_paired(alex)  # the screens stop offering to share
    assert not pairing.leave(alex)
    assert list(shared.rglob("key.pub"))  # the folder is left as it was


def test_start_makes_a_new_data_folder_private(tmp_path: Path, shared: Path) -> None:
    import os
    import stat

    data = tmp_path / "new" / "data"
    pairing.start(data / "sync", shared, "Alex")
    assert stat.S_IMODE(os.stat(data).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(data / "sync").st_mode) == 0o700


def test_the_screens_read_a_changed_state_file_and_survive_a_pipe(tmp_path: Path, shared: Path) -> None:
    import os

    from tui.together.state import STATE_FILE, note_authors

    alex = tmp_path / "alex" / "sync"
    pairing.start(alex, shared, "Alex")
    state = alex / STATE_FILE
    state.write_text('{"from": {"n1": "Sam"}}')
    assert note_authors(alex) == {"n1": "Sam"}
    state.write_text('{"from": {"n1": "Sam", "n2": "Sam"}}')  # rewritten (as a round does)
    assert note_authors(alex) == {"n1": "Sam", "n2": "Sam"}
    state.write_text('{"gifts": [1, 2]}')  # edited by hand: read as nothing, never a crash
    from datetime import date

    from tui.together.state import received_gifts

    assert received_gifts(alex, date(2026, 1, 1)) == []
    state.unlink()
    os.mkfifo(state)
    assert note_authors(alex) == {}  # returns at once, never blocks on the pipe


def test_a_file_a_link_to_nothing_and_a_link_to_a_folder(tmp_path: Path, shared: Path) -> None:
    state = tmp_path / "sam" / "sync"
    (tmp_path / "notes.txt").write_text("not a folder")
    with pytest.raises(pairing.PairingError, match="is a file, not a folder"):
        pairing.start(state, tmp_path / "notes.txt", "Sam")
    (tmp_path / "dangling").symlink_to(tmp_path / "gone")
    with pytest.raises(FolderMissing):
        pairing.start(state, tmp_path / "dangling", "Sam")
    assert not (state / "pairing.json").exists()
    (tmp_path / "link").symlink_to(shared)
    started = pairing.start(state, tmp_path / "link", "Sam")
    assert started.folder == str(tmp_path / "link")  # kept as typed, followed to the folder
    assert list(shared.rglob("key.pub"))


def test_a_folder_this_user_cannot_write_in_changes_nothing(
    tmp_path: Path, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    state = tmp_path / "sam" / "sync"
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(pairing.PairingError, match="cannot be read and written"):
        pairing.start(state, shared, "Sam")
    assert not state.exists() and not list(shared.iterdir())


def test_the_defaults_are_the_folder_and_name_last_used_here(
    tmp_path: Path, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "sam")
    state = tmp_path / "sam" / "sync"
    assert pairing.defaults(state) == ("", "")  # never the login name
    pairing.start(state, shared, "Sam Lee")
    pairing.leave(state)
    assert pairing.defaults(state) == (str(shared), "Sam Lee")


def test_after_leaving_the_device_is_not_paired(tmp_path: Path, shared: Path) -> None:
    from tui.together.state import is_paired

    alex = tmp_path / "alex" / "sync"
    assert not is_paired(alex)
    pairing.start(alex, shared, "Alex")
    assert is_paired(alex)
    pairing.leave(alex)
    assert not is_paired(alex)


def test_times_are_said_in_words() -> None:
    from datetime import UTC, datetime

    from tui.format import when

    now = datetime(2026, 3, 2, 15, 50, tzinfo=UTC)
    assert when("2026-03-02T15:49:30Z", now) == "just now"
    assert when("2026-03-02T15:47:00Z", now) == "3 minutes ago"
    assert when("2026-03-02T09:05:00Z", now) == "today at 09:05"
    assert when("2026-03-01T09:05:00Z", now) == "yesterday at 09:05"
    assert when("2026-02-20T09:05:00Z", now).endswith(" at 09:05") and "2026" not in when("2026-02-20T09:05:00Z", now)
    assert when("not a time", now) == ""


def test_sync_takes_the_pairing_steps(tmp_path: Path, shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from tui.cli import main

    alex, sam = tmp_path / "alex", tmp_path / "sam"
    pairing.start(alex / "sync", shared, "Alex")
    pairing.join(sam / "sync", shared, "Sam")
    for data in (alex, sam, alex):
        assert main(["--data-dir", str(data), "sync"]) == 0
        assert "1 device waiting for confirmation" in capsys.readouterr().out
    for data in (alex, sam):  # each has recorded the other's step (read without taking another)
        [record] = json.loads((data / "sync" / "pairing.json").read_text())["sessions"].values()
        assert record["theirs"]


def test_two_readings_at_once_take_one_step_at_a_time(
    tmp_path: Path, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen's reading and a round's run in threads side by side: the second waits for the first,
    so this device never publishes one random number and keeps another."""
    import threading

    from tui.sync import handshake

    alex, sam = tmp_path / "alex" / "sync", tmp_path / "sam" / "sync"
    pairing.start(alex, shared, "Alex")
    pairing.join(sam, shared, "Sam")
    entered, release = threading.Event(), threading.Event()
    real_fresh = handshake.fresh

    def slow_first_fresh(keys):  # type: ignore[no-untyped-def]
        if not entered.is_set():
            entered.set()
            assert release.wait(10)
        return real_fresh(keys)

    monkeypatch.setattr(handshake, "fresh", slow_first_fresh)
    first = threading.Thread(target=pairing.status, args=(alex,))
    second = threading.Thread(target=pairing.status, args=(alex,))
    first.start()
    assert entered.wait(10)
    second.start()
    second.join(timeout=1)
    assert second.is_alive()  # it waits for the step under way
    release.set()
    first.join(10)
    second.join(10)
    assert shared_code(alex, sam)  # both sides agree: what was published is what was kept


def test_a_round_begun_before_a_confirmation_publishes_it_all_the_same(tmp_path: Path, shared: Path) -> None:
    """A round in the screen's worker may have begun before a code was confirmed: the key.pub it writes
    is the pairing as it is when written, so the other side still learns it was confirmed."""
    alex, sam = tmp_path / "alex" / "sync", tmp_path / "sam" / "sync"
    pairing.start(alex, shared, "Alex")
    pairing.join(sam, shared, "Sam")
    code = shared_code(alex, sam)
    pairing.confirm(sam, code)
    running = pairing.engine(alex)  # begun before Alex confirms
    assert running is not None
    pairing.confirm(alex, code)
    running.commit(running.round([]))
    [alex_seen] = pairing.status(sam).confirmed
    assert alex_seen.both  # Sam reads that Alex confirmed it: in step
