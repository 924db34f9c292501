"""A full disk, a read-only folder, a file we may not write: a clear error, nothing half-written.

Root ignores permission bits (the suite often runs as root in CI), so the
read-only and no-permission cases are made by failing the store's own calls to
``os.open`` / ``os.replace`` / ``os.fsync`` with the error the system would
give; a real ``chmod`` test runs too, in a child that (as root) first drops
the capability to override permissions. The full disk is real: a
child process lowers its file-size limit (RLIMIT_FSIZE) so the write fails in
the kernel with EFBIG.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.model import GestureDay, Settings
from tui.record import replace
from tui.storage import FILE_NAME, Store, StoreWriteError

DAY = date(2026, 11, 25)


def leftovers(data_dir: Path) -> list[str]:
    """Temporary files anywhere in the data folder (there should be none)."""
    return sorted(p.name for p in data_dir.rglob("*.tmp"))


def disk_bytes(data_dir: Path) -> dict[str, bytes]:
    """Every data file's bytes (backups aside)."""
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for p in sorted(data_dir.rglob("*.json"))
        if "backups" not in p.parts
    }


# --------------------------------------------------------------------------- a really full disk

FULL_DISK_CHILD = textwrap.dedent(
    """
    import json, resource, signal, sys
    from datetime import date
    from pathlib import Path
    from tui.storage import Store, StoreWriteError

    data_dir = Path(sys.argv[1])
    day = date(2026, 11, 25)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    store = Store(data_dir)
    store.add_note("before the disk filled up", day)
    before = store.path.read_bytes()
    limit = len(before) + 4096
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    result = {"limit": limit}
    try:
        store.add_note("a long letter " * 2000, day)
        result["error"] = None
    except StoreWriteError as exc:
        result["error"] = str(exc)
    result["unchanged"] = store.path.read_bytes() == before
    result["in_memory"] = sorted(n.text[:20] for n in store.notes())
    store.add_note("a short one still fits", day)
    result["after"] = sorted(n.text for n in store.notes())
    store.close()
    print(json.dumps(result))
    """
)


def test_disk_full_fails_cleanly_and_the_store_goes_on(data_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", FULL_DISK_CHILD, str(data_dir)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["error"] is not None and "File too large" in result["error"]
    assert "Nothing on disk was changed" in result["error"]
    assert result["unchanged"] is True
    assert result["in_memory"] == ["before the disk fill"]
    assert result["after"] == ["a short one still fits", "before the disk filled up"]
    assert leftovers(data_dir) == []
    with Store(data_dir, readonly=True) as again:
        assert sorted(n.text for n in again.notes()) == result["after"]


# --------------------------------------------------------------------------- refused writes

FAULTS = {
    "read-only folder": OSError(errno.EROFS, "Read-only file system"),
    "no permission": PermissionError(errno.EACCES, "Permission denied"),
    "disk full": OSError(errno.ENOSPC, "No space left on device"),
    "quota": OSError(errno.EDQUOT, "Disk quota exceeded"),
    "io error": OSError(errno.EIO, "Input/output error"),
}


class Faulty:
    """Make one of the store's file calls fail the way the system would."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, where: str, error: OSError, *, only: str = "") -> None:
        self.error, self.only = error, only
        self.real = getattr(os, where)
        self.calls = 0
        monkeypatch.setattr(os, where, getattr(self, where))

    def open(self, path, flags, *args, **kwargs):  # noqa: A003 - mirrors os.open
        if str(path).endswith(".tmp"):  # not the lock, not a folder opened to fsync it
            self.calls += 1
            raise self.error
        return self.real(path, flags, *args, **kwargs)

    def replace(self, src, dst):
        if not self.only or Path(dst).name == self.only:
            self.calls += 1
            raise self.error
        return self.real(src, dst)

    def fsync(self, fd):
        # Only file descriptors of temporary files (folder fsyncs are best effort).
        target = os.readlink(f"/proc/self/fd/{fd}") if os.path.exists(f"/proc/self/fd/{fd}") else ""
        if target.endswith(".tmp"):
            self.calls += 1
            raise self.error
        return self.real(fd)


def filled(store: Store) -> dict[str, object]:
    """Put one of everything in the store; return what it holds."""
    ritual = store.add_ritual("Morning coffee", created=DAY)
    store.set_tick(ritual.id, DAY, True)
    store.set_tick(ritual.id, DAY - timedelta(days=400), True)  # a past year: history/2025.json
    store.add_note("for the soup", DAY)
    store.show_gesture(DAY, "door-hug")
    return {"ritual": ritual}


def every_write(store: Store, ritual_id: str) -> list[tuple[str, object]]:
    """One attempt of each kind of write (each must fail and change nothing)."""
    note = store.notes()[0]
    return [
        ("add note", lambda: store.add_note("a new note", DAY)),
        ("edit note", lambda: store.save_note(replace(note, text="changed"))),
        ("delete note", lambda: store.delete_note(note.id)),
        ("tick", lambda: store.set_tick(ritual_id, DAY - timedelta(days=1), True)),
        ("untick", lambda: store.set_tick(ritual_id, DAY, False)),
        ("past-year tick", lambda: store.set_tick(ritual_id, DAY - timedelta(days=401), True)),
        ("gesture", lambda: store.save_gesture_day(GestureDay(DAY, "door-hug", ("door-hug",), done=True))),
        ("settings", lambda: store.save_settings(Settings(partner_name="Sam"))),
        ("ritual", lambda: store.add_ritual("Walk", created=DAY)),
        ("answer", lambda: store.add_answer("p", "yes", DAY)),
        ("new year", lambda: store.add_note("next year", date(2027, 1, 1))),
    ]


@pytest.mark.parametrize("where", ["open", "fsync", "replace"])
@pytest.mark.parametrize("fault", FAULTS)
def test_refused_write_changes_nothing(data_dir: Path, monkeypatch: pytest.MonkeyPatch, where: str, fault: str) -> None:
    store = Store(data_dir)
    made = filled(store)
    before = disk_bytes(data_dir)
    counts = store.counts()
    faulty = Faulty(monkeypatch, where, FAULTS[fault])
    for name, write in every_write(store, made["ritual"].id):
        with pytest.raises(StoreWriteError) as info:
            write()
        message = str(info.value)
        assert FAULTS[fault].strerror in message, name
        assert "Nothing on disk was changed" in message
        assert disk_bytes(data_dir) == before, name
        assert leftovers(data_dir) == [], name
        assert store.counts() == counts, name
    assert faulty.calls >= len(every_write(store, made["ritual"].id))
    monkeypatch.undo()
    # The store is still usable once the disk is back.
    store.add_note("the disk is back", DAY)
    store.close()
    with Store(data_dir, readonly=True) as again:
        assert again.counts().notes == counts.notes + 1


def test_a_refused_main_file_keeps_the_archive_as_it_was(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Moving into a new year writes history/2026.json first, then the main file.
    When the main file cannot be written, loading still gives the old data."""
    with Store(data_dir) as store:
        store.add_note("this year", DAY)
        Faulty(monkeypatch, "replace", FAULTS["disk full"], only=FILE_NAME)
        with pytest.raises(StoreWriteError):
            store.add_note("next year", date(2027, 1, 2))
        monkeypatch.undo()
        assert [n.text for n in store.notes()] == ["this year"]
    with Store(data_dir, readonly=True) as again:
        assert [n.text for n in again.notes()] == ["this year"]


def test_moving_a_note_to_another_year_never_loses_it(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(data_dir) as store:
        store.add_note("this year", DAY)
        note = store.add_note("keep me", date(2025, 6, 1))
        Faulty(monkeypatch, "replace", FAULTS["disk full"], only=FILE_NAME)
        # The note stays in the file it was first written to, so this write
        # may not even touch the failing main file; either way nothing is lost.
        with contextlib.suppress(StoreWriteError):
            store.save_note(replace(note, day=DAY))
        monkeypatch.undo()
    with Store(data_dir, readonly=True) as again:
        assert sorted(n.text for n in again.notes()) == ["keep me", "this year"]


def test_a_failed_batch_across_years_leaves_nothing(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(data_dir) as store:
        ritual = store.add_ritual("Coffee", created=DAY)
        store.set_tick(ritual.id, DAY, True)
        store.set_tick(ritual.id, date(2025, 3, 1), True)
        Faulty(monkeypatch, "replace", FAULTS["disk full"], only=FILE_NAME)
        with pytest.raises(StoreWriteError):
            with store.batch():
                for n in range(4):
                    store.set_tick(ritual.id, date(2025, 12, 30) + timedelta(days=n), True)
        monkeypatch.undo()
    with Store(data_dir, readonly=True) as again:
        assert again.ticked_days(ritual.id) == {DAY, date(2025, 3, 1)}


READ_ONLY_CHILD = textwrap.dedent(
    """
    import json, os, sys
    from datetime import date
    from pathlib import Path
    from tui.storage import Store, StoreWriteError

    data_dir = Path(sys.argv[1])
    day = date(2026, 11, 25)
    result = {}
    store = Store(data_dir)
    store.add_note("kept", day)
    before = store.path.read_bytes()
    os.chmod(data_dir, 0o500)
    try:
        store.add_note("refused", day)
        result["folder"] = None
    except StoreWriteError as exc:
        result["folder"] = str(exc)
    result["unchanged"] = store.path.read_bytes() == before
    result["memory"] = [n.text for n in store.notes()]
    result["tmp"] = [p.name for p in data_dir.iterdir() if p.name.endswith(".tmp")]
    os.chmod(data_dir, 0o700)
    # A data file without write permission: it is replaced, never written in
    # place, so saving works; what is on disk is whole either way.
    os.chmod(store.path, 0o400)
    try:
        store.add_note("through a read-only file", day)
        result["file"] = None
    except StoreWriteError as exc:
        result["file"] = str(exc)
    store.close()
    result["parses"] = bool(json.loads(store.path.read_bytes()))
    with Store(data_dir, readonly=True) as again:
        result["after"] = sorted(n.text for n in again.notes())
    print(json.dumps(result))
    """
)


def _drop_root_powers() -> None:  # pragma: no cover - runs in the child
    """Drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: root then obeys permission bits."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_real_read_only_folder_and_file(data_dir: Path) -> None:
    """A real chmod; as root, the child first gives up the power to ignore it."""
    root = os.geteuid() == 0
    try:
        proc = subprocess.run(
            [sys.executable, "-c", READ_ONLY_CHILD, str(data_dir)],
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=_drop_root_powers if root else None,
        )
    except subprocess.SubprocessError as exc:
        pytest.skip(f"root cannot give up CAP_DAC_OVERRIDE here: {exc}")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["folder"] is not None and "Permission denied" in result["folder"]
    assert "Nothing on disk was changed" in result["folder"]
    assert result["unchanged"] is True and result["memory"] == ["kept"] and result["tmp"] == []
    assert result["file"] is None
    assert result["parses"] is True
    assert result["after"] == ["kept", "through a read-only file"]


def test_a_failed_backup_is_not_left_among_the_backups(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(data_dir) as store:
        store.add_note("first", DAY)

    def copy_half(src, dst, *args, **kwargs):
        Path(dst).write_bytes(Path(src).read_bytes()[:10])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copy2", copy_half)
    with Store(data_dir) as store:  # the backup fails quietly; the day goes on
        store.add_note("second", DAY)
        monkeypatch.undo()
        for folder in store.backups():
            for path in folder.rglob("*.json"):
                json.loads(path.read_bytes())
