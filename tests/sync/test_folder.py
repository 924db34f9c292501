"""The folder's layout: what is read, what is ignored, what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.sync.crypto import Identity
from tui.sync.folder import FolderMissing, SharedFolder, parse_log_name
from tui.sync.peers import key_document


@pytest.mark.parametrize(
    ("name", "parsed"),
    [
        ("log-2026-03.age", ("log", "2026-03", False)),
        ("own-2026-12.age", ("own", "2026-12", False)),
        ("log-2026-03.sync-conflict-20260301-101010-ABCDEFG.age", ("log", "2026-03", True)),
        ("log-2026-03 (Sam's conflicted copy 2026-03-01).age", ("log", "2026-03", True)),
        ("log-2026-03 (conflicted copy 2026-03-01 101010).age", ("log", "2026-03", True)),
        (".syncthing.log-2026-03.age.tmp", None),
        ("log-2026-03.age~", None),
        ("~log-2026-03.age", None),
        (".mr-tmp-abc", None),
        ("log-2026-13.age", None),
        ("log-2026-03 copy.age", None),
        ("notes.txt", None),
    ],
)
def test_names_sync_tools_make(name: str, parsed: tuple | None) -> None:
    assert parse_log_name(name) == parsed


def test_logs_lists_a_devices_logs_and_conflict_copies_only(tmp_path: Path) -> None:
    folder = SharedFolder(tmp_path)
    ident = Identity.generate()
    folder.write_log(ident.device, "log-2026-03", b"x")
    base = folder.device_dir(ident.device)
    (base / "log-2026-03.sync-conflict-20260301-101010-ABCDEFG.age").write_bytes(b"y")
    (base / ".syncthing.log-2026-04.age.tmp").write_bytes(b"z")
    logs = folder.logs(ident.device)
    assert [(log.name, log.conflict) for log in logs] == [("log-2026-03", False), ("log-2026-03", True)]
    assert not [p for p in base.iterdir() if p.name.startswith(".mr-tmp-")]


def test_keys_are_read_and_a_key_in_the_wrong_folder_is_refused(tmp_path: Path) -> None:
    folder = SharedFolder(tmp_path)
    a, b = Identity.generate(), Identity.generate()
    folder.write_key(a.device, key_document(a, "Alex"))
    folder.write_key(b.device, key_document(b, "Sam"))
    (folder.device_dir(b.device) / "key.pub").replace(folder.device_dir(b.device) / "gone")
    stray = folder.device_dir("0" * 20)
    stray.mkdir()
    (stray / "key.pub").write_bytes((folder.device_dir(a.device) / "key.pub").read_bytes())
    keys, problems = folder.keys()
    assert set(keys) == {a.device}
    assert keys[a.device].name == "Alex"
    assert len(problems) == 1 and "does not match its folder" in problems[0].message


def test_a_missing_folder_is_said_so(tmp_path: Path) -> None:
    folder = SharedFolder(tmp_path / "unmounted")
    with pytest.raises(FolderMissing, match="unmounted"):
        folder.keys()
    with pytest.raises(FolderMissing):
        folder.write_log("a" * 20, "log-2026-01", b"x")
    assert not (tmp_path / "unmounted").exists()
