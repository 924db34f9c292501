"""Bad files beyond the main one: a broken history/YEAR.json, and bad files met by subcommands.

The main file's bad kinds are covered in tests/unit/test_store.py and
tests/unit/test_cli.py. Here: every bad kind in a past year's archive, through
the store and through ``python -m tui``; every time a clear message naming the
file, exit status 2, and every data file byte-identical afterwards.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tui.storage import FILE_NAME, DataFileError, Store

DAY = date(2026, 11, 25)

BROKEN_ARCHIVES = {
    "truncated": b'{"notes/2025": {"1": {"id": "a", "day": "2025-0',
    "random bytes": bytes(range(255, -1, -1)) * 3,
    "empty": b"",
    "wrong shape": b'["notes/2025"]',
}
"""The archive as a whole cannot be read."""
BAD_ENTRIES = {
    "table not an object": b'{"notes/2025": [1, 2]}',
    "wrong type": b'{"notes/2025": {"1": {"id": "a", "day": "2025-03-01", "text": ["not", "text"]}}}',
    "bad date": b'{"ticks/2025": {"1": {"ritual": "r", "day": "2025-02-30"}}}',
    "unknown kind": b'{"letters/2025": {"1": {"text": "hi"}}}',
}
"""The archive reads, but one table or entry in it is not what micro-romance writes."""
BAD_ARCHIVES = BROKEN_ARCHIVES | BAD_ENTRIES


def make_data(data_dir: Path) -> None:
    """A data folder with this year in the main file and 2025 in history/2025.json."""
    with Store(data_dir) as store:
        store.add_note("this year", DAY)
        store.add_note("last year", date(2025, 3, 1))
    assert (data_dir / "history" / "2025.json").exists()


def data_bytes(data_dir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for p in sorted(data_dir.rglob("*.json"))
        if "backups" not in p.parts
    }


@pytest.mark.parametrize("kind", BAD_ARCHIVES)
def test_a_bad_archive_is_refused_and_untouched(data_dir: Path, kind: str) -> None:
    make_data(data_dir)
    archive = data_dir / "history" / "2025.json"
    archive.write_bytes(BAD_ARCHIVES[kind])
    before = data_bytes(data_dir)
    for readonly in (False, True):
        with pytest.raises(DataFileError) as info:
            Store(data_dir, readonly=readonly)
        message = str(info.value)
        if kind in BROKEN_ARCHIVES:
            assert str(archive) in message, kind
        else:  # the message says which table holds the problem
            assert "/2025" in message, kind
        assert "has not been changed" in message
        assert data_bytes(data_dir) == before
    # The refusal released the lock: a good archive opens again.
    archive.write_bytes(b'{"notes/2025": {}}')
    Store(data_dir).close()


@pytest.mark.parametrize("kind", ["wrong type"])
def test_a_bad_entry_in_an_archive_names_the_archive(data_dir: Path, kind: str) -> None:
    make_data(data_dir)
    archive = data_dir / "history" / "2025.json"
    archive.write_bytes(BAD_ENTRIES[kind])
    with pytest.raises(DataFileError) as info:
        Store(data_dir)
    assert info.value.path == archive
    assert str(archive) in str(info.value)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


@pytest.mark.parametrize("kind", ["truncated", "random bytes"])
def test_the_full_screen_refuses_a_bad_archive(data_dir: Path, kind: str) -> None:
    make_data(data_dir)
    archive = data_dir / "history" / "2025.json"
    archive.write_bytes(BAD_ARCHIVES[kind])
    before = data_bytes(data_dir)
    proc = run("--data-dir", str(data_dir))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert str(archive) in proc.stderr and "backups" in proc.stderr
    assert data_bytes(data_dir) == before


def test_the_backup_holds_the_last_good_files(data_dir: Path) -> None:
    """What the error message points to: a backup folder with a loadable copy."""
    make_data(data_dir)
    Store(data_dir).close()  # a start after the writes makes the backup
    (data_dir / FILE_NAME).write_bytes(b"{oops")
    with pytest.raises(DataFileError):
        Store(data_dir)
    newest = sorted((data_dir / "backups").iterdir())[-1]
    restored = data_dir.parent / "restored"
    restored.mkdir()
    for path in newest.rglob("*.json"):
        target = restored / path.relative_to(newest)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    with Store(restored, readonly=True) as again:
        assert sorted(n.text for n in again.notes()) == ["last year", "this year"]
