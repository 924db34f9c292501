"""Pairing needs both people: the same code on both machines, confirmed on each."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.sync import pairing
from tui.sync.change import Change
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
    [seen_by_alex] = pairing.status(alex).waiting
    assert seen_by_alex.code == waiting.code and seen_by_alex.name == "Sam"
    assert pairing.confirm(sam, waiting.code).name == "Alex"
    assert pairing.confirm(alex, waiting.code.replace(" ", "")).name == "Sam"
    assert [d.name for d in pairing.status(alex).confirmed] == ["Sam"]
    assert pairing.status(alex).waiting == []


def test_a_wrong_code_is_refused_and_changes_nothing(tmp_path: Path, shared: Path) -> None:
    alex, sam = tmp_path / "alex" / "sync", tmp_path / "sam" / "sync"
    pairing.start(alex, shared, "Alex")
    pairing.join(sam, shared, "Sam")
    before = (alex / "pairing.json").read_bytes()
    with pytest.raises(pairing.PairingError, match="nothing was confirmed"):
        pairing.confirm(alex, "1234 5678 9012 3456 7890 1234")
    with pytest.raises(pairing.PairingError, match="24 digits"):
        pairing.confirm(alex, "12")
    assert (alex / "pairing.json").read_bytes() == before
    assert len(pairing.status(alex).waiting) == 1


def test_an_unconfirmed_key_is_never_encrypted_to(tmp_path: Path, shared: Path) -> None:
    alex, sam = tmp_path / "alex" / "sync", tmp_path / "sam" / "sync"
    pairing.start(alex, shared, "Alex")
    pairing.join(sam, shared, "Sam")
    [code] = [d.code for d in pairing.status(sam).waiting]
    pairing.confirm(sam, code)  # Sam confirmed; Alex has not yet
    alex_engine = pairing.engine(alex)
    assert alex_engine is not None
    change = Change("note", "n1", {"text": "hi"}, alex_engine.clock.tick(), alex_engine.me.device)
    alex_engine.commit(alex_engine.round([change]))
    sam_engine = pairing.engine(sam)
    assert sam_engine is not None
    result = sam_engine.round([])
    assert result.incoming == []
    assert result.skipped and "decrypted" in result.skipped[0].message


def test_my_second_device_is_mine(tmp_path: Path, shared: Path) -> None:
    laptop, desktop = tmp_path / "laptop" / "sync", tmp_path / "desktop" / "sync"
    pairing.start(laptop, shared, "Alex")
    [waiting] = pairing.join(desktop, shared, "alex").waiting
    assert pairing.confirm(desktop, waiting.code).mine


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
    assert pairing.defaults(state) == ("", "sam")
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
