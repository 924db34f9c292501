"""The everyday subcommands, through the real entry point (tui.cli.main) and a real process."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.unit.cli_rituals import seed_rituals
from tests.unit.test_exchange import MARKUP, fill
from tui import content
from tui.cli import main
from tui.daily import todays_gesture
from tui.model import GestureDay, GraceSpan, Settings
from tui.storage import FILE_NAME, Store

DAY = date(2026, 11, 25)  # a Wednesday
ISO = DAY.isoformat()


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str, today: str = ISO) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--today", today, *args])
    out, err = capsys.readouterr()
    return code, out, err


def stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def run(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, input=input, timeout=60)


def files_bytes(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes() for p in sorted(data.rglob("*.json")) if "backups" not in p.parts}


@pytest.fixture
def rituals(data_dir: Path) -> Path:
    with Store(data_dir) as s:
        seed_rituals(s)
        s.add_ritual("Hidden", created=date(2026, 1, 1), ritual_id="old")
        s.update_ritual("old", archived=True)
    return data_dir


# --------------------------------------------------------------------------- today / status


def test_today_with_no_data_is_friendly_and_creates_nothing(capsys, data_dir: Path) -> None:
    code, out, err = cli(capsys, data_dir, "today")
    assert code == 0 and err == ""
    expected = content.personalise(todays_gesture(Store(data_dir, readonly=True), DAY).text, "")
    assert out.splitlines() == [
        f"Today's gesture: {expected}",
        "Run micro-romance to choose your rituals and tell it about your partner.",
    ]
    assert not data_dir.exists()
    code, out, _ = cli(capsys, data_dir, "today", "--json")
    assert json.loads(out)["first_run"] is True and not data_dir.exists()
    for command in ("status", "export", "doctor"):
        assert cli(capsys, data_dir, command)[0] == 0
    assert not data_dir.exists()


def test_today_shows_the_gesture_of_the_today_tab(capsys, rituals: Path) -> None:
    with Store(rituals) as s:
        g = todays_gesture(s, DAY)
        expected = content.personalise(g.text, "Sam")
    code, out, _ = cli(capsys, rituals, "today")
    assert code == 0
    assert out.splitlines() == [
        f"Today's gesture: {expected}",
        "Still open today: Walk, Walk together, Morning coffee",
    ]
    data = json.loads(cli(capsys, rituals, "today", "--json")[1])
    assert data["gesture"] == {
        "id": g.id,
        "text": expected,
        "done": False,
        "note": "",
        "why": None,
        "partner_said": None,
    }
    assert data["rituals"] == {
        "open": [
            {"id": "walk", "name": "Walk"},
            {"id": "walk2", "name": "Walk together"},
            {"id": "coffee", "name": "Morning coffee"},
        ],
        "done": 0,
        "total": 3,
    }
    assert data["day"] == ISO and data["partner"] == "Sam"


def test_today_follows_what_was_recorded(capsys, rituals: Path) -> None:
    with Store(rituals) as s:
        s.save_gesture_day(
            GestureDay(day=DAY, gesture_id="mirror-note", shown=("mirror-note",), done=True, note="Found it")
        )
        for rid in ("walk", "walk2", "coffee"):
            s.set_tick(rid, DAY, True)
    _, out, _ = cli(capsys, rituals, "today")
    assert out.splitlines() == [
        "Today's gesture (done ✓): Leave a kind sticky note on the bathroom mirror for Sam to find.",
        "  How it went: Found it",
        "Every ritual for today is kept ✓",
    ]
    assert cli(capsys, rituals, "status")[1] == "all rituals kept ✓ · gesture done ✓\n"


def test_today_on_a_grace_day_and_user_text_is_literal(capsys, data_dir: Path) -> None:
    with Store(data_dir) as s:
        s.save_settings(Settings(partner_name=MARKUP, welcomed=True))
        s.add_ritual("Tea \x1b[31mred", created=date(2026, 1, 1), ritual_id="tea")  # as if edited by hand
        s.save_grace(GraceSpan(id="g", start=DAY, end=DAY))
    _, out, _ = cli(capsys, data_dir, "today")
    assert "A grace day: your rituals are resting." in out
    _, out, _ = cli(capsys, data_dir, "today", today="2026-11-26")
    assert "Still open today: Tea red" in out and "\x1b" not in out
    assert json.loads(cli(capsys, data_dir, "today", "--json")[1])["partner"] == MARKUP
    assert cli(capsys, data_dir, "status", "--format", "{partner}")[1] == f"{MARKUP}\n"


def test_status_line_and_template(capsys, rituals: Path) -> None:
    with Store(rituals) as s:
        gesture = content.personalise(todays_gesture(s, DAY).text, "Sam").rstrip(".")
        s.set_tick("coffee", DAY, True)
    assert cli(capsys, rituals, "status")[1] == f"2 rituals open · gesture: {gesture}\n"
    code, out, _ = cli(capsys, rituals, "status", "--format", "{open}/{total} done={done} {{x}} {partner}: {gesture}")
    assert code == 0 and out == f"2/3 done=1 {{x}} Sam: {gesture}\n"
    code, out, err = cli(capsys, rituals, "status", "--format", "{streak}")
    assert code == 1 and out == "" and "unknown field {streak}" in err and "{open}" in err
    code, _, err = cli(capsys, rituals, "status", "--format", "{open")
    assert code == 1 and "lone '{'" in err


def test_today_and_status_do_not_import_textual_and_are_quick(rituals: Path) -> None:
    code = (
        "import sys, time\nfrom tui.cli import main\n"
        f"t = time.perf_counter(); main(['--data-dir', {str(rituals)!r}, 'today']); "
        f"main(['--data-dir', {str(rituals)!r}, 'status']); d = time.perf_counter() - t\n"
        "print('textual' in sys.modules, d < 1.0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.splitlines()[-1] == "False True", proc.stdout + proc.stderr


# --------------------------------------------------------------------------- done


@pytest.mark.parametrize(
    ("name", "ticked"),
    [("walk", "walk"), ("WALK TOGETHER", "walk2"), ("morn", "coffee"), ("walk to", "walk2"), ("morning", "coffee")],
)
def test_done_by_name_or_prefix(capsys, rituals: Path, name: str, ticked: str) -> None:
    code, out, err = cli(capsys, rituals, "done", *name.split())
    assert code == 0 and err == "" and out.startswith("Ticked: ")
    with Store(rituals, readonly=True) as s:
        assert {rid for rid, days in s.ticks_by_ritual().items() if DAY in days} == {ticked}


def test_done_messages(capsys, rituals: Path) -> None:
    code, out, _ = cli(capsys, rituals, "done", "morning")
    assert out == "Ticked: Morning coffee ✓  2 rituals still open.\n"
    assert cli(capsys, rituals, "done", "morning")[1] == "Morning coffee is already ticked ✓\n"
    code, _, err = cli(capsys, rituals, "done", "wa")
    assert code == 1 and "'wa' fits 2 rituals, so nothing was ticked:\n  Walk\n  Walk together\n" in err
    code, _, err = cli(capsys, rituals, "done", "hid")  # archived rituals are not offered
    assert (
        code == 1
        and "no ritual's name holds 'hid'. Your rituals: Walk, Walk together, Morning coffee, Date night" in err
    )
    code, _, err = cli(capsys, rituals, "done", "date")
    assert code == 1 and "'Date night' is for Fridays" in err
    assert cli(capsys, rituals, "done", "--undo", "morning")[1] == "Unticked: Morning coffee.\n"
    with Store(rituals, readonly=True) as s:
        assert not any(s.ticks_by_ritual().values())
    cli(capsys, rituals, "done", "walk")
    cli(capsys, rituals, "done", "walk", "together")
    assert cli(capsys, rituals, "done", "m")[1] == "Ticked: Morning coffee ✓  That's every ritual for the day.\n"


def test_done_undo_of_a_ritual_not_ticked_says_so(capsys, rituals: Path) -> None:
    before = files_bytes(rituals)
    for words in (["morning"], ["date"]):  # an every-day ritual, and one for Fridays (today is a Wednesday)
        code, out, err = cli(capsys, rituals, "done", "--undo", *words)
        name = "Morning coffee" if words == ["morning"] else "Date night"
        assert (code, err) == (0, "")
        assert out == f"{name} was not ticked on {DAY.isoformat()}; nothing to undo.\n"
    assert files_bytes(rituals) == before


def test_done_matches_words_anywhere_in_the_name(capsys, data_dir: Path) -> None:
    with Store(data_dir) as s:
        s.save_settings(Settings(welcomed=True))
        s.add_ritual("A 'thinking of you' message", created=date(2026, 1, 1), ritual_id="think")
        s.add_ritual("Morning check-in", created=date(2026, 1, 1), ritual_id="check")
        s.add_ritual("Evening check-in", created=date(2026, 1, 1), ritual_id="evening")
    code, out, err = cli(capsys, data_dir, "done", "THINKING")
    assert (code, err) == (0, "") and out.startswith("Ticked: A 'thinking of you' message ✓")
    code, out, err = cli(capsys, data_dir, "done", "morning", "check")  # the words are one search
    assert (code, err) == (0, "") and out.startswith("Ticked: Morning check-in ✓")
    before = files_bytes(data_dir)
    code, out, err = cli(capsys, data_dir, "done", "check-in")
    assert code == 1 and out == ""
    assert "fits 2 rituals, so nothing was ticked:\n  Morning check-in\n  Evening check-in\n" in err
    assert files_bytes(data_dir) == before


def test_done_usage_promises_one_search(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["done", "--help"])
    out = capsys.readouterr().out
    assert "[--undo] WORDS\n" in out and "[RITUAL ...]" not in out and "[WORDS ...]" not in out


def test_today_json_has_no_partner_without_a_name(capsys, data_dir: Path) -> None:
    with Store(data_dir) as s:
        s.save_settings(Settings(welcomed=True))
    assert json.loads(cli(capsys, data_dir, "today", "--json")[1])["partner"] is None
    assert cli(capsys, data_dir, "status", "--format", "{partner}")[1] == "your partner\n"


def test_readme_says_writing_commands_refuse_while_the_app_runs() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    assert "wait for you to close it" not in readme and "refuse at once" in readme


def test_done_backfills_with_today_option(capsys, rituals: Path) -> None:
    assert main(["--data-dir", str(rituals), "done", "date", "--today", "2026-11-20"]) == 0
    with Store(rituals, readonly=True) as s:
        assert s.is_ticked("date", date(2026, 11, 20))


def test_write_commands_refuse_while_the_app_runs(capsys, rituals: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text('{"format_version": 1, "notes": [{"id": "n", "day": "2026-11-25", "text": "hi"}]}')
    before = files_bytes(rituals)
    with Store(rituals):  # the full screen holds the lock
        for args in (("done", "morning"), ("gratitude", "hello"), ("import", str(export))):
            code, out, err = cli(capsys, rituals, *args)
            assert code == 2 and "already running" in err and out == "", args
        assert cli(capsys, rituals, "today")[0] == 0  # reading is fine
        assert cli(capsys, rituals, "export")[0] == 0
    assert files_bytes(rituals) == before


# --------------------------------------------------------------------------- gratitude


def test_gratitude_from_arguments_and_stdin(capsys, monkeypatch, data_dir: Path) -> None:
    code, out, _ = cli(capsys, data_dir, "gratitude", "You made soup", MARKUP)
    assert code == 0 and out == "Saved to your gratitude log for Wednesday 25 November 2026.\n"
    stdin(monkeypatch, b"\n\nThe way you\n  laugh \x1b[2J\n\n")
    assert cli(capsys, data_dir, "gratitude", "-", today="2026-11-24")[0] == 0
    with Store(data_dir, readonly=True) as s:
        assert [(n.day, n.text) for n in s.notes()] == [
            (DAY, f"You made soup {MARKUP}"),
            (date(2026, 11, 24), "The way you\n  laugh "),
        ]


@pytest.mark.parametrize(("text", "message"), [("   ", "nothing to save yet"), ("x" * 10_001, "10,001 characters")])
def test_gratitude_refuses_like_the_editor(capsys, data_dir: Path, text: str, message: str) -> None:
    code, out, err = cli(capsys, data_dir, "gratitude", text)
    assert code == 1 and out == "" and message in err and "Nothing was saved" in err
    assert len(err.splitlines()) == 1


def test_gratitude_stdin_not_utf8(capsys, monkeypatch, data_dir: Path) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"caf\xe9")))
    code, _, err = cli(capsys, data_dir, "gratitude", "-")
    assert code == 1 and "not UTF-8" in err


# --------------------------------------------------------------------------- export / import


@pytest.fixture
def full(tmp_path: Path) -> Path:
    folder = tmp_path / "full"
    with Store(folder) as s:
        fill(s)
    return folder


def test_export_then_import_into_an_empty_folder_is_identical(capsys, monkeypatch, full: Path, tmp_path: Path) -> None:
    code, exported, _ = cli(capsys, full, "export")
    assert code == 0
    new = tmp_path / "new"
    stdin(monkeypatch, exported.encode())
    code, out, _ = cli(capsys, new, "import", "-")
    assert code == 0
    assert out == (
        "Imported 3 rituals, 3 ticks, 2 gesture days, 1 favourite, 2 notes, 1 answer, 1 prompt day, 1 grace span, "
        "settings you had not set (partner name, love languages, own love languages, together, welcomed).\n"
    )
    assert cli(capsys, new, "export")[1] == exported
    assert (
        cli(capsys, new, "export", "--format", "markdown")[1] == cli(capsys, full, "export", "--format", "markdown")[1]
    )

    before = files_bytes(new)
    stdin(monkeypatch, exported.encode())
    code, out, _ = cli(capsys, new, "import", "-")
    assert code == 0 and out == "Nothing new to import: all 14 entries are already here.\n"
    assert files_bytes(new) == before


def test_export_to_a_private_file(capsys, full: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "export.json"
    target.parent.mkdir()
    code, out, _ = cli(capsys, full, "export", "-o", str(target))
    assert code == 0 and out == f"Exported 14 entries to {target}.\n"
    assert (target.stat().st_mode & 0o777) == 0o600
    assert json.loads(target.read_text(encoding="utf-8"))["format_version"] == 1
    code, _, _ = cli(capsys, tmp_path / "new", "import", str(target))
    assert code == 0
    md = tmp_path / "journal.md"
    assert cli(capsys, full, "export", "--format", "markdown", "-o", str(md))[0] == 0
    assert md.read_text(encoding="utf-8").startswith("# micro-romance journal")
    code, _, err = cli(capsys, full, "export", "-o", str(tmp_path / "missing" / "x.json"))
    assert code == 1 and "could not write" in err and len(err.splitlines()) == 1
    code, _, err = cli(capsys, full, "export", "-o", str(tmp_path))
    assert code == 1 and "is a folder" in err


def test_export_never_overwrites_a_file_unless_forced(capsys, full: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes.json"
    target.write_text("my own words", encoding="utf-8")
    code, out, err = cli(capsys, full, "export", "-o", str(target))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "my own words"
    code, out, _ = cli(capsys, full, "export", "--force", "-o", str(target))
    assert code == 0 and out == f"Exported 14 entries to {target} (replaced the file that was there).\n"
    assert json.loads(target.read_text(encoding="utf-8"))["format_version"] == 1


def _export(full: Path) -> dict:
    with Store(full, readonly=True) as s:
        from tui.exchange import export_data

        return export_data(s)


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda d: b"this is not JSON", "not JSON (line 1, column 1"),
        (lambda d: d | {"format_version": 99}, "newer micro-romance (format 99"),
        (
            lambda d: d | {"notes": [d["notes"][0], d["notes"][0]]},
            "entry 2 of 'notes': the id 'n2' appears twice (also entry 1)",
        ),
        (
            lambda d: d | {"ticks": d["ticks"] + [{"ritual": "coffee", "day": 5}]},
            "entry 4 of 'ticks': field 'day' should be text, not 5",
        ),
        (
            lambda d: d | {"rituals": d["rituals"] + [{"id": "x", "name": "X", "archived": "no"}]},
            "entry 4 of 'rituals': field 'archived' should be true or false",
        ),
        (lambda d: d | {"grace": {"id": "g"}}, "'grace' should be a list of entries"),
    ],
)
def test_bad_import_changes_nothing(capsys, monkeypatch, full: Path, tmp_path: Path, mangle, message: str) -> None:
    mine = tmp_path / "mine"
    with Store(mine) as s:
        s.add_note("Mine", DAY)
    before = files_bytes(mine)
    bad = mangle(_export(full))
    (tmp_path / "bad.json").write_bytes(bad if isinstance(bad, bytes) else json.dumps(bad).encode())
    code, out, err = cli(capsys, mine, "import", str(tmp_path / "bad.json"))
    assert code == 1 and out == ""
    assert message in err and "Nothing was changed" in err and len(err.splitlines()) == 1
    assert files_bytes(mine) == before


def test_import_of_a_missing_file(capsys, data_dir: Path, tmp_path: Path) -> None:
    code, _, err = cli(capsys, data_dir, "import", str(tmp_path / "nope.json"))
    assert code == 1 and "could not read" in err and "nope.json" in err
    assert not data_dir.exists()


def test_export_of_a_bad_data_file_is_one_line(capsys, data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / FILE_NAME).write_bytes(b"{broken")
    for command in ("today", "status", "export", "done"):
        code, out, err = cli(capsys, data_dir, command, *(["x"] if command == "done" else []))
        assert code == 2 and out == "" and "not valid JSON" in err and len(err.splitlines()) == 1
    assert (data_dir / FILE_NAME).read_bytes() == b"{broken"


# --------------------------------------------------------------------------- doctor


def test_doctor_all_well(capsys, full: Path) -> None:
    code, out, _ = cli(capsys, full, "doctor")
    assert code == 0
    assert f"Data folder     {full}" in out
    assert "Data file       micro-romance.json" in out and "0600" in out
    assert "History         history/2025.json" in out
    assert "Schema version  1" in out
    assert "3 rituals, 3 ticks, 2 gesture days, 1 favourite, 2 notes" in out
    assert "1 answer, 1 prompt day, 1 grace span, 0 days that matter" in out
    assert "Backups" in out and out.rstrip().endswith("All is well.")


def test_doctor_bad_file_points_to_backups(capsys, full: Path) -> None:
    with Store(full):  # a second start makes a backup of the filled data
        pass
    (full / FILE_NAME).write_bytes(b'{"meta": 3')
    before = files_bytes(full)
    code, out, _ = cli(capsys, full, "doctor")
    assert code == 1
    assert "Needs attention:" in out and "not valid JSON" in out
    assert "To restore one: quit every copy of the app" in out and 'cp -R "' in out
    assert "restore the newest backup listed above" in out
    assert files_bytes(full) == before


def test_doctor_permissions_and_leftovers(capsys, full: Path) -> None:
    os.chmod(full / FILE_NAME, 0o644)
    os.chmod(full, 0o755)
    (full / ".micro-romance.json.1234abcd.tmp").write_bytes(b"{}")
    code, out, _ = cli(capsys, full, "doctor")
    assert code == 1
    assert f'chmod 600 "{full / FILE_NAME}"' in out and f'chmod 700 "{full}"' in out
    assert "1 temporary file left by an interrupted save" in out
    assert (full / ".micro-romance.json.1234abcd.tmp").exists()  # doctor changes nothing


# --------------------------------------------------------------------------- real processes


def test_real_process_today_and_the_export_import_pipeline(rituals: Path, tmp_path: Path) -> None:
    today = run("--data-dir", str(rituals), "--today", ISO, "today")
    assert today.returncode == 0 and today.stderr == b""
    with Store(rituals, readonly=True) as s:
        expected = content.personalise(todays_gesture(s, DAY).text, "Sam")
    assert today.stdout.decode().splitlines()[0] == f"Today's gesture: {expected}"

    new = tmp_path / "new"
    exporter = subprocess.Popen(
        [sys.executable, "-m", "tui", "--data-dir", str(rituals), "export"], stdout=subprocess.PIPE
    )
    importer = subprocess.run(
        [sys.executable, "-m", "tui", "--data-dir", str(new), "import", "-"],
        stdin=exporter.stdout,
        capture_output=True,
        timeout=60,
    )
    assert exporter.stdout is not None
    exporter.stdout.close()
    assert exporter.wait(timeout=60) == 0
    assert importer.returncode == 0, importer.stderr
    assert run("--data-dir", str(new), "export").stdout == run("--data-dir", str(rituals), "export").stdout


def test_real_process_errors_are_one_line(tmp_path: Path) -> None:
    proc = run("--data-dir", str(tmp_path / "d"), "import", "-", input=b'{"format_version": 1, "notes": [{"id": "a"}]}')
    assert proc.returncode == 1
    assert proc.stderr.decode() == (
        "micro-romance: cannot import standard input: entry 1 of 'notes': field 'day' is missing. "
        "Nothing was changed.\n"
    )


def test_done_on_a_grace_day_says_nothing_is_open(capsys, rituals: Path) -> None:
    with Store(rituals) as s:
        s.save_grace(GraceSpan(id="g", start=DAY, end=DAY, reason="Flu"))
    assert cli(capsys, rituals, "done", "morning")[1] == "Ticked: Morning coffee ✓\n"
    assert cli(capsys, rituals, "status")[1].startswith("grace day · gesture: ")


def test_today_brings_back_notes_written_on_this_day_in_earlier_years(capsys, rituals: Path) -> None:
    with Store(rituals) as s:
        s.add_note("Sam made soup when I was ill", day=date(2025, 11, 25))
        s.add_note("Two years back: the \x1b[2Jlake", day=date(2024, 11, 25))
        s.add_note("Not today's date", day=date(2025, 11, 24))
    _, out, _ = cli(capsys, rituals, "today")
    lines = out.splitlines()
    assert lines[-2:] == [
        "A year ago today you wrote: Sam made soup when I was ill",
        "2 years ago today you wrote: Two years back: the lake",
    ]
    assert "Not today's date" not in out
    memories = json.loads(cli(capsys, rituals, "today", "--json")[1])["memories"]
    assert memories == [
        {"years": 1, "day": "2025-11-25", "text": "Sam made soup when I was ill"},
        {"years": 2, "day": "2024-11-25", "text": "Two years back: the lake"},
    ]
    _, out, _ = cli(capsys, rituals, "today", today="2026-11-26")
    assert "ago today" not in out


def test_today_keeps_memories_short_for_a_shell_prompt(capsys, rituals: Path) -> None:
    with Store(rituals) as s:
        s.add_note("word " * 3000, day=date(2025, 11, 25))
        for year in (2024, 2023, 2022, 2021):
            s.add_note(f"Back in {year}", day=date(year, 11, 25))
    _, out, _ = cli(capsys, rituals, "today")
    memories = [line for line in out.splitlines() if "ago today you wrote" in line]
    assert len(memories) == 3
    assert memories[0].endswith("word…") and len(memories[0]) <= 100
    assert "  and 2 more notes from this day: see the Gratitude tab" in out.splitlines()
    data = json.loads(cli(capsys, rituals, "today", "--json")[1])["memories"]
    assert len(data) == 5 and data[0]["text"] == ("word " * 3000).strip()


def test_export_names_a_folder_with_escapes_literally(capsys, data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "odd\x1b]2;title\x07name.json"
    code, out, _ = cli(capsys, data_dir, "export", "-o", str(target))
    assert code == 0 and target.exists()
    assert "\x1b" not in out and "\x07" not in out and "Exported" in out
