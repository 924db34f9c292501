"""``nudge`` as a terminal's start-up file runs it: the system's clock, answered from ``DATA/nudge`` only
while every file the day's answer is worked out from is unchanged (the same files ``status`` watches)."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from tui.cli import main
from tui.clock import DayClock
from tui.daily import todays_occasion
from tui.model import DayThatMatters, GestureDay, Note, Settings
from tui.storage import FILE_NAME, HISTORY_DIR, Store


def nudge(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> str:
    """What a new terminal prints: no --today, so the quick answer may give it."""
    assert main(["nudge", "--data-dir", str(data), *args]) == 0
    return capsys.readouterr().out


def interview_today(data: Path, today: date) -> None:
    with Store(data) as s:
        s.save_settings(Settings(partner_name="Sam", welcomed=True))
        s.put("days", DayThatMatters("i1", "big", today, "interview"))


def mark_gesture(data: Path, today: date, *, done: bool) -> None:
    with Store(data) as s:
        pick = todays_occasion(s, today)
        assert pick is not None
        s.save_gesture_day(GestureDay(today, pick.occasion.id, (pick.occasion.id,), done=done))


def test_a_gesture_unmarked_in_this_years_history_file_is_said(capsys, data_dir: Path) -> None:
    """Once an entry dated next year is in (a partner whose New Year came first), this year's entries
    live in history/YEAR.json and a write to them leaves the main file as it was."""
    today = DayClock().today()
    interview_today(data_dir, today)
    with Store(data_dir) as s:
        s.add_ritual("New Year walk", created=date(today.year + 1, 1, 1), ritual_id="ny")
        s.set_tick("ny", date(today.year + 1, 1, 1), True)
    mark_gesture(data_dir, today, done=True)
    assert nudge(capsys, data_dir) == ""  # the day's gesture is done: nothing to say
    main_file = (data_dir / FILE_NAME).stat()
    mark_gesture(data_dir, today, done=False)  # unmarked after all
    assert (data_dir / FILE_NAME).stat().st_mtime_ns == main_file.st_mtime_ns
    assert (data_dir / HISTORY_DIR / f"{today.year}.json").exists()
    assert nudge(capsys, data_dir).startswith("Sam's interview is today. ")


def test_a_save_a_kill_left_unfinished_is_said(capsys, data_dir: Path, tmp_path: Path) -> None:
    """A save committed (its journal written) but killed before its files were in place: the store reads
    it as saved, so the nudge does too."""
    from tui.storage.journal import _commit

    today = DayClock().today()
    interview_today(data_dir, today)
    mark_gesture(data_dir, today, done=True)
    assert nudge(capsys, data_dir) == ""
    undone = tmp_path / "undone"
    shutil.copytree(data_dir, undone)
    mark_gesture(undone, today, done=False)
    _commit(data_dir, [(data_dir / FILE_NAME, (undone / FILE_NAME).read_bytes())])  # then the kill
    assert nudge(capsys, data_dir).startswith("Sam's interview is today. ")


def test_nudge_and_status_watch_the_same_files(data_dir: Path) -> None:
    from tui import filestamp, statusfile
    from tui.cli import nudge as command
    from tui.paths import SYNC_DIR
    from tui.storage.journal import JOURNAL_NAME
    from tui.together.state import STATE_FILE

    day = "2027-01-01"
    assert filestamp.day_files(day) == (
        FILE_NAME,
        os.path.join(HISTORY_DIR, "2027.json"),
        os.path.join(HISTORY_DIR, "2026.json"),
        os.path.join(SYNC_DIR, STATE_FILE),
        JOURNAL_NAME,
    )
    assert statusfile.data_stamp(data_dir, day) == filestamp.day_stamp(str(data_dir), day)
    assert command.stamp(str(data_dir), day).startswith(filestamp.day_stamp(str(data_dir), day) + " ")


def test_another_gesture_done_on_the_day_is_the_days_gesture_done(capsys, data_dir: Path) -> None:
    """The Today card's "another" swaps the day's occasion gesture for another one; once that one is done,
    the day's gesture is done, as the card and ``today`` say, and the nudge no longer asks for the first."""
    from tests.unit.test_commands import cli
    from tui.daily import another_gesture

    day = date(2026, 11, 25)
    interview_today(data_dir, day)
    with Store(data_dir) as s:
        s.show_gesture(day, todays_occasion(s, day).occasion.id)
        other = another_gesture(s, day)
        s.show_gesture(day, other.id)
        s.save_gesture_day(GestureDay(day, other.id, s.gesture_day(day).shown, done=True))
    assert other.text in cli(capsys, data_dir, "today", today=day.isoformat())[1]
    assert cli(capsys, data_dir, "nudge", today=day.isoformat())[1] == ""


def fake_notify_send(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> Path:
    """A notify-send of our own, alone on PATH: it writes its arguments one a line to sent.txt, then ``script``."""
    tools = tmp_path / "bin"
    tools.mkdir()
    sent = tmp_path / "sent.txt"
    (tools / "notify-send").write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {sent}\n{script}\n')
    (tools / "notify-send").chmod(0o755)
    monkeypatch.setenv("PATH", str(tools))
    return sent


def test_the_notification_shows_the_words_as_typed(capsys, data_dir: Path, tmp_path, monkeypatch) -> None:
    """A notification's body is markup to the notification server: "&" and "<" go as entities, so the
    words show as typed instead of an empty or cut notification."""
    from tests.unit.test_commands import cli

    sent = fake_notify_send(tmp_path, monkeypatch, "")
    with Store(data_dir) as s:
        s.save_settings(Settings(partner_name="Sam", welcomed=True))
    cli(capsys, data_dir, "days", "add", "news", "2026-11-25", "the flat & the job <3")
    code, out, err = cli(capsys, data_dir, "nudge", "--notify")
    assert (code, err) == (0, "") and out.startswith("Good news for Sam: the flat & the job <3. ")
    body = sent.read_text().splitlines()[-1]
    assert body == out.rstrip("\n").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_a_notification_that_could_not_be_sent_says_so(capsys, data_dir: Path, tmp_path, monkeypatch) -> None:
    """From a timer, a notification refused (no desktop session) or no tool to send it: one line on stderr,
    exit 1, and the next run says it again instead of keeping quiet about something no one saw."""
    from tests.unit.test_commands import cli

    fake_notify_send(tmp_path, monkeypatch, 'echo "Cannot autolaunch D-Bus without X11 \\$DISPLAY" >&2\nexit 1')
    interview_today(data_dir, date(2026, 11, 25))
    code, out, err = cli(capsys, data_dir, "nudge", "--notify")
    assert code == 1 and out.startswith("Sam's interview is today. ")
    assert err == (
        "micro-romance: the desktop notification was not sent: "
        "notify-send failed (Cannot autolaunch D-Bus without X11 $DISPLAY).\n"
    )
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    code, again, err = cli(capsys, data_dir, "nudge", "--notify")
    assert (code, again) == (1, out)
    assert err == "micro-romance: the desktop notification was not sent: neither notify-send nor osascript was found.\n"


def test_a_note_shared_on_a_day_that_matters_is_told_too(capsys, data_dir: Path) -> None:
    """The day is named first; the partner's note, shared meanwhile, is told at the next run rather than
    waiting behind the day (or being counted as told when the day's line was said)."""
    from tests.unit.test_commands import cli
    from tui.sync.files import write_json

    day = date(2026, 11, 25)
    with Store(data_dir) as s:
        s.save_settings(Settings(partner_name="Sam", welcomed=True))
    (data_dir / "sync").mkdir(mode=0o700)
    write_json(data_dir / "sync" / "together.json", {"from": {}})
    assert cli(capsys, data_dir, "nudge", today=day.isoformat())[1] == ""
    interview_today(data_dir, day)
    with Store(data_dir) as s:  # a round brought Sam's note
        s.save_note(Note("n1", day, "For the soup."))
    write_json(data_dir / "sync" / "together.json", {"from": {"n1": "Sam"}})
    assert cli(capsys, data_dir, "nudge", today=day.isoformat())[1].startswith("Sam's interview is today. ")
    assert cli(capsys, data_dir, "nudge", today=day.isoformat())[1].startswith("Sam shared a note with you")
    assert cli(capsys, data_dir, "nudge", today=day.isoformat())[1] == ""  # both said: quiet now


def test_a_note_the_partner_deleted_before_it_was_told_is_not_news(capsys, data_dir: Path) -> None:
    from tests.unit.test_commands import cli
    from tui.sync.files import write_json

    with Store(data_dir) as s:
        s.save_settings(Settings(partner_name="Sam", welcomed=True))
    (data_dir / "sync").mkdir(mode=0o700)
    write_json(data_dir / "sync" / "together.json", {"from": {}})
    assert cli(capsys, data_dir, "nudge")[1] == ""
    with Store(data_dir) as s:  # Sam shared two notes, then deleted the first: only the second is here
        s.save_note(Note("n2", date(2026, 11, 25), "For the walk."))
    write_json(data_dir / "sync" / "together.json", {"from": {"n1": "Sam", "n2": "Sam"}})
    assert cli(capsys, data_dir, "nudge")[1].startswith("Sam shared a note with you: ")


def test_the_quick_answer_loads_only_os_and_time(data_dir: Path) -> None:
    """A new terminal's nudge, once nothing changed: the day's files looked at, the store never loaded."""
    import subprocess
    import sys

    with Store(data_dir) as s:
        s.save_settings(Settings(partner_name="Sam", welcomed=True))
    code = (
        "import sys; from tui.cli import main; main(sys.argv[1:]); "
        "print(sorted(m for m in sys.modules if m.startswith('tui') or m in ('datetime', 'pathlib', 'argparse')))"
    )
    run = [sys.executable, "-c", code, "nudge", "--data-dir", str(data_dir)]
    root = Path(__file__).resolve().parents[2]
    subprocess.run(run, cwd=root, capture_output=True, check=True)  # works the day out, keeps DATA/nudge
    second = subprocess.run(run, cwd=root, capture_output=True, text=True, check=True)
    assert second.stdout == "['tui', 'tui.cli', 'tui.cli.nudge', 'tui.filestamp']\n", second.stderr
