"""``days``, ``nudge`` and ``calendar`` through the real entry point, on a real data folder."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.unit.test_commands import cli, files_bytes
from tui.model import DayThatMatters, GestureDay, Settings
from tui.record import replace
from tui.storage import Store
from tui.together.state import partner_days

DAY = date(2026, 11, 25)  # a Wednesday


@pytest.fixture
def named(data_dir: Path) -> Path:
    with Store(data_dir) as s:
        s.save_settings(Settings(partner_name="Sam", welcomed=True))
    return data_dir


def days_on_disk(data: Path) -> list[DayThatMatters]:
    with Store(data) as s:
        return sorted(s.entries("days"), key=lambda d: d.day)


# --------------------------------------------------------------------------- days


def test_add_list_and_remove(capsys, named: Path) -> None:
    code, out, _ = cli(capsys, named, "days", "add", "big", "2026-11-26", "job", "interview")
    assert code == 0 and out.startswith("Added: tomorrow: Sam's job interview (id ")
    cli(capsys, named, "days", "add", "away", "2026-11-28", "trip", "--to", "2026-12-02", "--mine", "--share")
    cli(capsys, named, "days", "add", "yearly", "2019-06-01", "the day we met", "--both")
    trip = next(d for d in days_on_disk(named) if d.kind == "away")
    assert (trip.kind, trip.end, trip.whose, trip.shared) == ("away", date(2026, 12, 2), "mine", True)
    code, out, _ = cli(capsys, named, "days")
    assert out.splitlines()[0].startswith("tomorrow: Sam's job interview  (big, id ")
    assert out.splitlines()[1].startswith("Saturday (in 3 days): your trip  (away, shared, id ")
    assert out.splitlines()[2].startswith("1 June 2027 (in 188 days): the day we met  (yearly, id ")
    code, out, _ = cli(capsys, named, "days", "--json")
    listed = json.loads(out)["days"]
    assert [(d["countdown"], d["kind"], d["whose"]) for d in listed][:2] == [
        ("tomorrow", "big", "theirs"),
        ("Saturday (in 3 days)", "away", "mine"),
    ]
    code, out, _ = cli(capsys, named, "days", "remove", trip.id)
    assert (code, out) == (0, "Removed: your trip (2026-11-28)\n")
    assert [d.text for d in days_on_disk(named)] == ["the day we met", "job interview"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("birthday", "2026-12-01", "x"), "KIND is one of big, hard, away, news, yearly, not 'birthday'"),
        (("big", "2026-02-30", "exam"), "DATE should be a date like 2026-01-31, not '2026-02-30'"),
        (("big", "1/12/2026", "exam"), "DATE should be a date like 2026-01-31"),
        (("away", "2026-12-05", "trip", "--to", "2026-12-01"), "--to is before DATE"),
        (("big", "2026-12-05", "exam", "--to", "2026-12-06"), "--to ends a trip: use it with away"),
        (("big", "2026-12-05", "  "), "Say in a few words what the day is"),
    ],
)
def test_a_bad_kind_or_date_is_one_line_and_changes_nothing(capsys, named: Path, args, says) -> None:
    before = files_bytes(named)
    code, out, err = cli(capsys, named, "days", "add", *args)
    assert code != 0 and out == "" and says in err and len(err.splitlines()) == 1
    assert files_bytes(named) == before


def test_removing_an_unknown_id_changes_nothing(capsys, named: Path) -> None:
    before = files_bytes(named)
    code, _, err = cli(capsys, named, "days", "remove", "nope")
    assert code == 1 and "no day that matters has the id 'nope'" in err
    assert files_bytes(named) == before


def test_days_are_exported_and_imported(capsys, named: Path, tmp_path: Path) -> None:
    cli(capsys, named, "days", "add", "hard", "2026-12-03", "scan", "--share")
    code, out, _ = cli(capsys, named, "export")
    doc = json.loads(out)
    assert [(d["kind"], d["text"], d["shared"]) for d in doc["days"]] == [("hard", "scan", True)]
    (tmp_path / "export.json").write_text(out)
    other = tmp_path / "other"
    code, _, _ = cli(capsys, other, "import", str(tmp_path / "export.json"))
    assert code == 0 and [d.text for d in days_on_disk(other)] == ["scan"]


def test_today_says_why_and_what_is_coming(capsys, named: Path) -> None:
    cli(capsys, named, "days", "add", "big", "2026-11-26", "interview")
    cli(capsys, named, "days", "add", "yearly", "1990-11-29", "birthday")
    code, out, _ = cli(capsys, named, "today")
    assert "Why today: Sam's interview is tomorrow" in out
    assert "Coming up: tomorrow: Sam's interview · Sunday (in 4 days): Sam's birthday" in out
    data = json.loads(cli(capsys, named, "today", "--json")[1])
    assert data["gesture"]["why"] == "Sam's interview is tomorrow"
    assert [c["line"] for c in data["coming"]] == ["tomorrow: Sam's interview", "Sunday (in 4 days): Sam's birthday"]


# --------------------------------------------------------------------------- nudge


def test_nudge_says_nothing_when_nothing_is_due(capsys, named: Path) -> None:
    assert cli(capsys, named, "nudge")[:2] == (0, "")
    state = named / "nudge"
    assert stat.S_IMODE(state.stat().st_mode) == 0o600


def test_nudge_names_the_day_once_then_keeps_quiet_until_done(capsys, named: Path) -> None:
    cli(capsys, named, "days", "add", "big", "2026-11-26", "interview")
    code, out, _ = cli(capsys, named, "nudge")
    assert code == 0 and out.startswith("Sam's interview is tomorrow. ") and len(out.splitlines()) == 1
    assert cli(capsys, named, "nudge")[1] == ""  # the same thing, within its quiet hours
    assert cli(capsys, named, "nudge", today="2026-11-26")[1].startswith("Sam's interview is today. ")
    with Store(named) as s:  # the day's gesture done: nothing more to say about it
        from tui.daily import todays_occasion

        pick = todays_occasion(s, date(2026, 11, 27))
        s.save_gesture_day(GestureDay(date(2026, 11, 27), pick.occasion.id, (pick.occasion.id,), done=True))
    assert cli(capsys, named, "nudge", today="2026-11-27")[1] == ""


def test_nudge_quick_answer_needs_no_store(capsys, named: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.cli import main

    assert main(["nudge", "--data-dir", str(named)]) == 0
    capsys.readouterr()
    monkeypatch.setattr("tui.storage.store.Store.__init__", lambda *a, **k: pytest.fail("the store was opened"))
    assert main(["nudge", "--data-dir", str(named)]) == 0  # nothing due, nothing changed: from the state file
    assert capsys.readouterr().out == ""
    os.utime(named / "micro-romance.json", ns=(1, 1))  # the data changed: worked out again
    with pytest.raises(pytest.fail.Exception):
        main(["nudge", "--data-dir", str(named)])


def test_the_quick_path_knows_the_same_hours() -> None:
    from tui.cli import nudge
    from tui.domain import nudge as domain

    assert (nudge.EVENING_HOUR, nudge.QUIET_SECONDS) == (domain.EVENING_HOUR, domain.QUIET_HOURS * 3600)


# --------------------------------------------------------------------------- calendar


def test_calendar_file_parses_back(capsys, named: Path, tmp_path: Path) -> None:
    with Store(named) as s:
        s.add_ritual("Evening walk", weekdays=(0, 3), created=date(2026, 11, 2))
        s.add_ritual("Journal", created=date(2026, 11, 2), personal=True)
    cli(capsys, named, "days", "add", "yearly", "1990-03-14", "birthday", "--share")
    cli(capsys, named, "days", "add", "hard", "2026-12-03", "scan")
    target = tmp_path / "us.ics"
    code, out, _ = cli(capsys, named, "calendar", "-o", str(target))
    assert code == 0 and out.splitlines() == [
        f"Wrote {target}: 1 day that matters and 1 ritual.",
        "Left out 2 entries kept from your partner; --include-private adds them.",
    ]
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    assert set(events) == {"Sam's birthday", "Evening walk"}
    assert events["Sam's birthday"]["RRULE"]["FREQ"] == ["YEARLY"]
    assert events["Evening walk"]["RRULE"]["BYDAY"] == ["MO", "TH"]
    cli(capsys, named, "calendar", "-o", str(target), "--include-private", "--force")
    events = {str(e["SUMMARY"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    assert events == {"Sam's birthday", "Sam's scan", "Evening walk", "Journal"}


def test_calendar_never_replaces_a_file_unasked(capsys, named: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text("my backup", encoding="utf-8")
    code, out, err = cli(capsys, named, "calendar", "-o", str(backup))
    assert code == 1 and out == "" and "already exists; nothing was written (add --force" in err
    assert backup.read_text(encoding="utf-8") == "my backup"
    code, out, _ = cli(capsys, named, "calendar", "-o", str(backup), "--force")
    assert code == 0 and "(replaced the file that was there)" in out and backup.read_bytes().startswith(b"BEGIN:")


def test_a_partners_shared_day_counts_down_here(capsys, named: Path) -> None:
    from tui.storage.codecs import DayCodec
    from tui.sync.files import write_json

    theirs = DayThatMatters("p1", "big", date(2026, 11, 26), "presentation", whose="mine", shared=True)
    (named / "sync").mkdir(mode=0o700)
    write_json(named / "sync" / "together.json", {"their_days": {"p1": {"by": "Sam", **DayCodec.doc(theirs)}}})
    out = cli(capsys, named, "days")[1]
    assert out.startswith("tomorrow: Sam's presentation  (big, shared, id p1)")
    assert "Sam's presentation is tomorrow" in cli(capsys, named, "today")[1]
    assert partner_days(named / "sync") == [replace(theirs, whose="theirs")]


def test_status_format_has_the_next_day(capsys, named: Path) -> None:
    assert cli(capsys, named, "status", "--format", "[{coming}]")[1] == "[]\n"
    cli(capsys, named, "days", "add", "hard", "2026-11-29", "dentist")
    assert cli(capsys, named, "status", "--format", "{coming}")[1] == "Sunday (in 4 days): Sam's dentist\n"
    from tui.statusfile import read_status

    assert read_status(named).status.coming == "Sunday (in 4 days): Sam's dentist"  # a prompt reads it too


def test_nudge_notify_sends_the_same_line(capsys, named: Path, tmp_path: Path, monkeypatch) -> None:
    tools = tmp_path / "bin"
    tools.mkdir()
    sent = tmp_path / "sent.txt"
    fake = tools / "notify-send"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {sent}\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tools))
    cli(capsys, named, "days", "add", "news", "2026-11-25", "the new job")
    out = cli(capsys, named, "nudge", "--notify")[1]
    assert out.startswith("Good news for Sam: the new job. ")
    assert sent.read_text().splitlines()[-1] == out.rstrip("\n")
