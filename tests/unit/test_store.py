"""The store: what is written is what comes back, and a bad file is never touched."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.model import GestureDay, Note, Settings
from tui.storage import (
    FILE_NAME,
    SCHEMA_VERSION,
    DataFileError,
    Store,
    StoreLockedError,
    StoreWriteError,
)

DAY = date(2026, 11, 25)


def test_round_trip_every_kind(data_dir: Path) -> None:
    with Store(data_dir) as s:
        s.save_settings(
            Settings(partner_name="Sam", love_languages=("touch", "words"), together="apart", welcomed=True)
        )
        coffee = s.add_ritual("Morning coffee", created=DAY)
        walk = s.add_ritual("Sunday walk", weekdays=[6], created=DAY)
        s.set_tick(coffee.id, DAY, True)
        s.set_tick(coffee.id, DAY - timedelta(days=400), True)
        s.show_gesture(DAY, "door-hug")
        s.save_gesture_day(GestureDay(DAY, "door-hug", ("door-hug",), done=True, note="She laughed"))
        s.set_favourite("door-hug", True)
        note = s.add_note("For the [bold]soup[/] you made", DAY)
        answer = s.add_answer("small-gestures-seen", "When you ask how I slept", DAY)
        s.show_prompt(DAY, "small-gestures-seen")
    with Store(data_dir) as s:
        assert s.settings() == Settings("Sam", ("touch", "words"), "apart", True, "")
        assert [r.name for r in s.rituals()] == ["Morning coffee", "Sunday walk"]
        assert s.ritual(walk.id).weekdays == (6,)
        assert s.ticked_days(coffee.id) == {DAY, DAY - timedelta(days=400)}
        assert s.gesture_day(DAY) == GestureDay(DAY, "door-hug", ("door-hug",), done=True, note="She laughed")
        assert s.favourites() == {"door-hug"}
        assert s.notes() == [note]
        assert s.answers() == [answer]
        assert s.prompt_day(DAY).prompt_id == "small-gestures-seen"


def test_file_records_schema_version_and_is_json(data_dir: Path) -> None:
    Store(data_dir).close()
    data = json.loads((data_dir / FILE_NAME).read_text())
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_untick_and_delete(store: Store) -> None:
    r = store.add_ritual("Goodnight", created=DAY)
    store.set_tick(r.id, DAY, True)
    store.set_tick(r.id, DAY, False)
    assert not store.is_ticked(r.id, DAY)
    note = store.add_note("thanks", DAY)
    gone = store.delete_note(note.id)
    assert store.notes() == []
    store.save_note(gone)
    assert store.notes() == [note]


def test_delete_ritual_takes_its_ticks(data_dir: Path) -> None:
    with Store(data_dir) as s:
        r = s.add_ritual("Walk", created=DAY)
        keep = s.add_ritual("Coffee", created=DAY)
        for n in range(10):
            s.set_tick(r.id, DAY - timedelta(days=n * 50), True)
        s.set_tick(keep.id, DAY, True)
        assert s.delete_ritual(r.id) == 10
    with Store(data_dir) as s:
        assert [x.name for x in s.rituals()] == ["Coffee"]
        assert s.counts().ticks == 1


def test_many_ticks_at_once_read_back_as_ticked_one_by_one(tmp_path: Path) -> None:
    """An import ticks thousands of days in one go; the files must hold what single ticks give."""
    days = [DAY - timedelta(days=n) for n in range(0, 900, 3)]  # three years and a bit
    folders = {}
    for way in ("one by one", "at once"):
        folder = folders[way] = tmp_path / way.replace(" ", "-")
        with Store(folder) as s:
            r = s.add_ritual("Walk", created=days[-1], ritual_id="walk")
            with s.batch():
                if way == "at once":
                    s.add_ticks([(r.id, day) for day in days] + [(r.id, days[0])])
                else:
                    for day in days:
                        s.set_tick(r.id, day, True)
            s.set_tick(r.id, days[1], False)
    on_disk = {
        way: sorted(
            p.relative_to(f).as_posix() for p in f.rglob("*.json") if not {"backups", ".memories"} & set(p.parts)
        )  # the memories index names each file by its inode: the same notes, other numbers
        for way, f in folders.items()
    }
    assert on_disk["at once"] == on_disk["one by one"]
    for name in on_disk["at once"]:
        a, b = (json.loads((folders[w] / name).read_text()) for w in ("at once", "one by one"))
        assert a == b, name
    with Store(folders["at once"]) as s:
        assert s.ticked_days("walk") == frozenset(days) - {days[1]}
        assert s.counts().ticks == len(days) - 1
        assert s.is_ticked("walk", days[0]) and not s.is_ticked("walk", days[1])


def test_reorder(store: Store) -> None:
    a, b, c = (store.add_ritual(n, created=DAY) for n in "abc")
    store.move_ritual(c.id, -2)
    assert [r.name for r in store.rituals()] == ["c", "a", "b"]
    store.move_ritual(c.id, 5)
    assert [r.name for r in store.rituals()] == ["a", "b", "c"]


def test_past_years_live_in_their_own_file(data_dir: Path) -> None:
    with Store(data_dir) as s:
        r = s.add_ritual("Coffee", created=DAY)
        s.set_tick(r.id, date(2024, 5, 1), True)
        s.set_tick(r.id, DAY, True)
    main = json.loads((data_dir / FILE_NAME).read_text())
    assert "ticks/2026" in main and "ticks/2024" not in main
    old = json.loads((data_dir / "history" / "2024.json").read_text())
    assert list(old) == ["ticks/2024"]
    before = (data_dir / "history" / "2024.json").stat().st_mtime_ns
    with Store(data_dir) as s:
        s.set_tick(r.id, DAY - timedelta(days=1), True)
        assert s.ticked_days(r.id) == {date(2024, 5, 1), DAY, DAY - timedelta(days=1)}
    assert (data_dir / "history" / "2024.json").stat().st_mtime_ns == before


def test_permissions_are_private(data_dir: Path) -> None:
    with Store(data_dir) as s:
        s.add_note("x", DAY)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / FILE_NAME).stat().st_mode) == 0o600


def test_loose_permissions_are_tightened(data_dir: Path) -> None:
    Store(data_dir).close()
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / FILE_NAME, 0o644)
    Store(data_dir).close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / FILE_NAME).stat().st_mode) == 0o600


def test_crash_before_replace_keeps_old_file(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_note("first", DAY)
    path = store.path
    before = path.read_bytes()

    def crash(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(StoreWriteError, match="No space left"):
        store.add_note("second", DAY)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
    # Memory agrees with disk: the failed note is not shown as saved.
    assert [n.text for n in store.notes()] == ["first"]
    store.add_note("third", DAY)
    assert sorted(n.text for n in store.notes()) == ["first", "third"]


BAD_FILES = {
    "truncated": b'{"meta": {"1": {"schema_version": 1}}, "notes/2026": {"1": {"id": "a", "da',
    "random bytes": bytes(range(256)) * 4,
    "empty": b"",
    "wrong shape": b"[1, 2, 3]",
    "no version": b'{"notes/2026": {}}',
    "future": b'{"meta": {"1": {"schema_version": 999}}}',
    "wrong type": b'{"meta": {"1": {"schema_version": 1}}, '
    b'"notes/2026": {"1": {"id": "a", "day": "2026-11-25", "text": 5}}}',
    "bad date": b'{"meta": {"1": {"schema_version": 1}}, "ticks/2026": {"1": {"ritual": "a", "days": ["yesterday"]}}}',
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_is_refused_and_untouched(data_dir: Path, name: str) -> None:
    data_dir.mkdir(mode=0o700)
    path = data_dir / FILE_NAME
    path.write_bytes(BAD_FILES[name])
    with pytest.raises(DataFileError) as info:
        Store(data_dir)
    assert str(path) in str(info.value)
    assert path.read_bytes() == BAD_FILES[name]


def test_bad_file_message_names_the_entry(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / FILE_NAME).write_bytes(BAD_FILES["wrong type"])
    with pytest.raises(DataFileError, match="notes/2026.*entry 1.*'text' should be text"):
        Store(data_dir)


def test_second_copy_is_refused_then_allowed(data_dir: Path) -> None:
    first = Store(data_dir)
    with pytest.raises(StoreLockedError, match="already running"):
        Store(data_dir)
    first.close()
    Store(data_dir).close()


def test_lock_of_a_killed_process_does_not_block(data_dir: Path) -> None:
    code = (
        "import os, sys; from tui.storage import Store; Store(sys.argv[1]); "
        "print('ready', flush=True); os.kill(os.getpid(), 9)"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True, text=True)
    assert "ready" in proc.stdout and proc.returncode == -9
    Store(data_dir).close()


def test_unwritable_dir_gives_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        blocked = tmp_path / "file-not-dir"
        blocked.write_text("x")
        target = blocked / "data"
    else:
        tmp_path.chmod(0o500)
        target = tmp_path / "data"
    from tui.storage import StoreError

    with pytest.raises(StoreError, match="cannot be created"):
        Store(target)


def test_readonly_open_reads_without_lock(data_dir: Path) -> None:
    with Store(data_dir) as s:
        s.add_note("hello", DAY)
        reader = Store(data_dir, readonly=True)
        assert [n.text for n in reader.notes()] == ["hello"]
        with pytest.raises(StoreWriteError):
            reader.add_note("no", DAY)


def test_backups_rotate(data_dir: Path) -> None:
    for n in range(8):
        with Store(data_dir) as s:
            s.add_note(f"note {n}", DAY)
    with Store(data_dir) as s:
        backups = s.backups()
    assert 1 <= len(backups) <= 5
    newest = json.loads((backups[0] / FILE_NAME).read_text())
    assert any(doc["text"] == "note 7" for doc in newest["notes/2026"].values())


def test_note_keeps_hostile_text(store: Store) -> None:
    text = "[bold]x[/] [@click=app.quit]y[/] 💛 你好 שלום\tend"
    note = store.save_note(Note(id="n1", day=DAY, text=text))
    store.close()
    with Store(store.data_dir) as again:
        assert again.note("n1").text == text == note.text


def test_batch_writes_once_and_is_all_or_nothing(store: Store) -> None:
    r = store.add_ritual("Coffee", created=DAY)
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError):
        with store.batch():
            store.set_tick(r.id, DAY, True)
            store.add_note("half", DAY)
            assert store.path.read_bytes() == before  # held in memory
            raise RuntimeError("bad entry")
    assert store.path.read_bytes() == before
    assert store.notes() == [] and not store.is_ticked(r.id, DAY)
    with store.batch():
        for n in range(50):
            store.set_tick(r.id, DAY - timedelta(days=n), True)
    store.close()
    with Store(store.data_dir) as again:
        assert len(again.ticked_days(r.id)) == 50


def test_settings_remember_the_last_review(data_dir: Path) -> None:
    with Store(data_dir) as s:
        s.save_settings(Settings(last_review="2026-11-23"))
    with Store(data_dir) as s:
        assert s.settings().last_review == "2026-11-23"


def test_opening_reads_without_tinydb_and_the_first_write_brings_it(tmp_path) -> None:
    """Start-up (issue 17): TinyDB is imported by the first write, not by opening the store."""
    folder = tmp_path / "data"
    Store(folder).close()  # made, with its first write
    code = (
        "import sys\nfrom tui.storage import open_store\n"
        f"store = open_store({str(folder)!r})\nprint('tinydb' in sys.modules)\n"
        "import datetime\nstore.add_ritual('Evening walk', created=datetime.date(2026, 11, 25))\n"
        "print('tinydb' in sys.modules, [r.name for r in store.rituals()])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[:2] == ["False", "True ['Evening walk']"], proc.stdout
