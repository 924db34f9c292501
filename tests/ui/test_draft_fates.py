"""What becomes of a draft: its entry gone, left untouched for months, its file damaged or huge, a second copy."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tests.ui.screen_text import screen_text, shown
from tests.ui.test_drafts import drafts_on_disk, end_as_a_closed_terminal_does, kept
from tests.ui.waiting import settle
from tests.unit.test_commands import cli, run
from tui.dialogs.editor import EditorScreen
from tui.dialogs.ritual import RitualDialog
from tui.domain.drafts import KEEP_DAYS, NOTICE_DAYS
from tui.storage import Store
from tui.tabs.gratitude import GratitudeTab
from tui.widgets import text_dialog
from tui.widgets.paged import PAGE


@pytest.fixture(autouse=True)
def no_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_dialog, "DRAFT_DELAY", 0.001)


def told(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_words_for_a_note_deleted_on_the_gratitude_tab_come_back_once_as_a_new_note(make_app, data_dir) -> None:
    app = make_app()
    note = app.store.add_note("tea in bed", app.today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "e", *" and croissants")
        await kept(pilot, data_dir, f"note:{note.id}", "editor-text", "tea in bed and croissants")
        assert drafts_on_disk(data_dir)[f"note:{note.id}"]["year"] == 2026  # where to look for the note first
        await end_as_a_closed_terminal_does(app, pilot)
    app.store.close()

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "x", "y")  # the note goes; its draft must not
        await pilot.pause()
        assert app.store.notes() == []
        assert list(drafts_on_disk(data_dir)) == [f"note:{note.id}"]
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen) and editor.text == "tea in bed and croissants"
        note_line = shown(app.screen, ".draft-note")
        assert "written for a note that is gone since: ctrl+s saves them as a new note" in note_line
        assert list(drafts_on_disk(data_dir)) == ["note.new"]  # offered once, as a new note's words
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [n.text for n in app.store.notes()] == ["tea in bed and croissants"]
        assert drafts_on_disk(data_dir) == {}


async def test_an_editor_opened_late_on_a_gone_note_hands_its_draft_on_and_keeps_its_own_words(
    make_app, data_dir
) -> None:
    words = {"fields": {"editor-text": "our walk by the sea"}, "place": "Editing a note", "kept": "2026-11-25T09:00:00"}
    write_drafts(data_dir, json.dumps({"drafts": {"note:0123456789ab": words}}).encode())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        tab = app.query_one(GratitudeTab)  # as a list drawn before the note went would open it
        tab.open_editor("Editing a note · Wed 25 Nov", "our walk", lambda text: "", draft_key="note:0123456789ab")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen) and editor.text == "our walk" and not editor.query(".draft-note")
        assert drafts_on_disk(data_dir)["note.new"]["fields"] == words["fields"]  # handed to a new note's editor
        await pilot.press(*" home")
        editor.keep_draft()  # what a pause in the typing does: the words typed here are kept too
        assert drafts_on_disk(data_dir)["note:0123456789ab"]["fields"] == {"editor-text": "our walk home"}
        await pilot.press("escape", "d")
        await pilot.pause()
        assert list(drafts_on_disk(data_dir)) == ["note.new"]
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.text == "our walk by the sea"


async def test_a_draft_for_a_note_of_a_past_year_reads_that_year_only(make_app, data_dir) -> None:
    with Store(data_dir) as store, store.batch():
        notes = {year: store.add_note(f"thanks in {year}", date(year, 3, 1)) for year in range(2019, 2026)}
        for n in range(PAGE):  # this year's notes fill the Gratitude tab's first page: no past year is read for it
            store.add_note(f"thanks {n}", date(2026, 11, 1 + n % 24))
    Store(data_dir).close()  # the open after the writes checks the past years once
    old = notes[2021]
    draft = {"fields": {"editor-text": "thanks in 2021, again"}, "place": "Editing a note · Mon 1 Mar 2021"}
    write_drafts(
        data_dir,
        json.dumps({"drafts": {f"note:{old.id}": {**draft, "kept": "2026-11-24T22:00:00", "year": 2021}}}).encode(),
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Open the same editor again" in told(app)  # the note is there
        assert set(app.store.unread_years()) == set(range(2019, 2026)) - {2021}
    app.store.close()
    with Store(data_dir) as store:
        store.delete_note(old.id)  # gone, from elsewhere
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "was for a note that is gone: a new note offers its words." in told(app)
        assert set(app.store.unread_years()) == set(range(2019, 2026)) - {2021}  # no other year read to be sure


async def test_a_ritual_removed_elsewhere_is_told_at_start_and_its_words_wait_in_a_new_ritual(
    make_app, data_dir
) -> None:
    app = make_app()
    ritual = app.store.add_ritual("Morning coffee", weekdays=range(7), created=app.today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "e", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press(*"walk", "tab", "space")  # Monday off
        await kept(pilot, data_dir, f"ritual:{ritual.id}", "ritual-name", "Morning walk")
        await end_as_a_closed_terminal_does(app, pilot)
    app.store.close()
    with Store(data_dir) as store:  # as the partner's removal or another device would
        store.drop("rituals", ritual.id)

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert (
            "“Edit ritual: Morning coffee” (Wed 25 Nov at 12:00) was for a ritual that is gone: a new ritual"
            in told(app)
        )
        assert "Open the same editor" not in told(app)  # there is no such editor any more
        await pilot.press("2", "a")
        await pilot.pause()
        assert isinstance(app.screen, RitualDialog)
        assert "Morning walk" in screen_text(app) and "[ ]Mon [x]Tue" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        [walk] = app.store.rituals()
        assert (walk.name, walk.weekdays) == ("Morning walk", (1, 2, 3, 4, 5, 6))
        assert walk.id != ritual.id  # a new ritual, not the gone one brought back
        assert drafts_on_disk(data_dir) == {}


async def test_a_day_removed_from_the_command_line_leaves_its_words_to_a_new_day(make_app, data_dir, capsys) -> None:
    code, out, _ = cli(capsys, data_dir, "days", "add", "big", "2026-11-30", "job", "interview")
    day_id = out.rsplit("id ", 1)[1].strip(" )\n")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "enter", "tab", "tab", "end", *" at ten")
        await kept(pilot, data_dir, f"day:{day_id}", "day-words", "job interview at ten")
        await end_as_a_closed_terminal_does(app, pilot)
    app.store.close()
    assert cli(capsys, data_dir, "days", "remove", day_id)[0] == 0

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "a")
        await pilot.pause()
        assert "job interview at ten" in screen_text(app)
        assert "for a day that matters that is gone since" in shown(app.screen, ".draft-note")
        await pilot.press("escape", "d")  # let go on purpose: now they go
        await pilot.pause()
        assert drafts_on_disk(data_dir) == {} and app.store.entries("days") == []


async def test_an_answers_draft_names_the_prompt_a_new_answer_takes_its_words_for(make_app, data_dir) -> None:
    app = make_app()
    answer = app.store.add_answer("p-picnic", "a picnic", app.today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "e", *" by the river")
        await kept(pilot, data_dir, f"answer:{answer.id}", "editor-text", "a picnic by the river")
        assert drafts_on_disk(data_dir)[f"answer:{answer.id}"]["home"] == "answer.new:p-picnic"


async def test_a_done_note_left_on_a_day_gone_by_is_told_with_its_words_not_offered_for_today(
    make_app, data_dir, clock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d", *"she laughed")
        await settle(pilot, lambda: "done:2026-11-25" in drafts_on_disk(data_dir))
        await end_as_a_closed_terminal_does(app, pilot)
    app.store.close()

    app = make_app(today=clock.advance(1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "was for a day gone by; its words are kept in drafts.json: “she laughed”." in told(app)
        assert "Open the same editor again" not in told(app)  # the Today tab writes today's note only
        await pilot.press("d")
        await pilot.pause()
        assert "she laughed" not in screen_text(app)


RAIN = {"fields": {"editor-text": "the rain on the roof"}, "place": "A note of thanks · Wed 25 Nov"}


async def test_a_draft_untouched_for_months_is_told_of_then_let_go(make_app, data_dir, clock) -> None:
    write_drafts(data_dir, json.dumps({"drafts": {"note.new": {**RAIN, "kept": "2026-11-25T12:00:00"}}}).encode())
    warned_on = clock.advance(KEEP_DAYS)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert f"has waited {KEEP_DAYS} days: open its editor by " in told(app)
        assert drafts_on_disk(data_dir)["note.new"]["warned"] == warned_on.isoformat()
    app.store.close()

    app = make_app(today=warned_on + timedelta(days=NOTICE_DAYS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "“A note of thanks · Wed 25 Nov” (Wed 25 Nov at 12:00) was let go" in told(app)
        assert drafts_on_disk(data_dir) == {}


async def test_opening_an_old_draft_keeps_it(make_app, data_dir, clock) -> None:
    write_drafts(data_dir, json.dumps({"drafts": {"note.new": {**RAIN, "kept": "2026-11-25T12:00:00"}}}).encode())
    app = make_app(today=clock.today() + timedelta(days=KEEP_DAYS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a")  # told it is old: looked at, left open when the terminal closed
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen) and app.screen.text == "the rain on the roof"
        await end_as_a_closed_terminal_does(app, pilot)
    app.store.close()
    assert "warned" not in drafts_on_disk(data_dir)["note.new"]

    app = make_app(today=clock.today() + timedelta(days=NOTICE_DAYS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Open the same editor again" in told(app) and "let go" not in told(app)
        assert drafts_on_disk(data_dir)["note.new"]["fields"] == {"editor-text": "the rain on the roof"}


def write_drafts(data_dir, raw: bytes) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "drafts.json").write_bytes(raw)
    (data_dir / "drafts.json").chmod(0o600)


GOOD = {"fields": {"ritual-name": "Slow Sunday"}, "place": "A new ritual", "kept": "2026-11-25T09:00:00"}


async def test_a_draft_that_does_not_read_is_set_aside_with_one_line_and_the_others_stay(make_app, data_dir) -> None:
    bad = {"fields": ["not", "a", "mapping"], "kept": "yesterday"}
    raw = json.dumps({"version": 1, "drafts": {"RitualDialog:A new ritual": GOOD, "note.new": bad}}).encode()
    write_drafts(data_dir, raw)
    app = make_app()
    note = app.store.add_note("your laugh", app.today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        [problem] = [str(n.message) for n in app._notifications if n.title == "Drafts"]
        assert problem == (
            "One draft could not be read; the others are kept; the file as it was is kept as drafts.json.damaged."
        )
        assert (data_dir / "drafts.json.damaged").read_bytes() == raw
        assert list(drafts_on_disk(data_dir)) == ["RitualDialog:A new ritual"]
        await pilot.press("2", "a")
        await pilot.pause()
        assert "Slow Sunday" in screen_text(app)
        assert app.store.notes() == [note]


async def test_a_huge_drafts_file_is_set_aside_and_the_app_opens_with_everything_else(
    make_app, data_dir, monkeypatch
) -> None:
    from tui.storage import drafts

    monkeypatch.setattr(drafts, "MAX_BYTES", 64 * 1024)  # the same path as the real 4 MB, without writing 4 MB
    raw = json.dumps({"version": 1, "drafts": {"note.new": {**GOOD, "fields": {"editor-text": "x" * 70_000}}}})
    write_drafts(data_dir, raw.encode())
    app = make_app()
    note = app.store.add_note("your laugh", app.today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        [problem] = [str(n.message) for n in app._notifications if n.title == "Drafts"]
        assert problem.startswith("Your drafts file could not be read (too big, over 64 KB);")
        assert problem.endswith("the file as it was is kept as drafts.json.damaged.")
        assert (data_dir / "drafts.json.damaged").read_bytes() == raw.encode()
        await pilot.press("3")
        await pilot.pause()
        assert "your laugh" in screen_text(app) and app.store.notes() == [note]


async def test_thousands_of_drafts_load_whole_and_the_notice_names_a_few(make_app, data_dir) -> None:
    many = {f"note:{n:012x}": {**GOOD, "fields": {"editor-text": f"note {n}"}} for n in range(1500)}
    many |= {f"LineDialog:A list {n}": {**GOOD, "fields": {"line": f"list {n}"}} for n in range(1500)}
    raw = json.dumps({"version": 1, "drafts": many}).encode()
    write_drafts(data_dir, raw)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notice = told(app)
        assert "; and 1496 more. Open the same editor again" in notice
        assert notice.endswith("was for a note that is gone: a new note offers its words. And 1496 more like those.")
        assert len(notice) < 1200 and not any(n.title == "Drafts" for n in app._notifications)
        await pilot.press("3", "a")
        await pilot.pause()
        assert app.screen.text == "note 0"  # the oldest first, one at a time
    assert len(drafts_on_disk(data_dir)) == 3000


async def test_a_drafts_file_that_cannot_be_opened_is_never_written_over(make_app, data_dir) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    elsewhere = data_dir.parent / "kept-by-hand.json"
    elsewhere.write_bytes(json.dumps({"drafts": {"note.new": GOOD}}).encode())
    (data_dir / "drafts.json").symlink_to(elsewhere)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        [problem] = [str(n.message) for n in app._notifications if n.title == "Drafts"]
        assert problem.startswith("Your drafts could not be read (") and problem.endswith("the file is left as it is.")
        await pilot.press("3", "a", *"tea")
        await settle(pilot, lambda: any(n.title == "No draft" for n in app._notifications))
        await pilot.press("ctrl+s")  # the note itself saves as ever
        await pilot.pause()
        assert [n.text for n in app.store.notes()] == ["tea"]
    assert (data_dir / "drafts.json").is_symlink()
    assert json.loads(elsewhere.read_bytes()) == {"drafts": {"note.new": GOOD}}


def test_a_copy_refused_by_the_lock_leaves_drafts_json_as_it_is(data_dir) -> None:
    damaged = b'{"drafts": {"note.new": {"fields": {"editor-text": "half'
    with Store(data_dir):  # the copy already running
        write_drafts(data_dir, damaged)
        done = run("--data-dir", str(data_dir))
        assert done.returncode != 0 and b"already running" in done.stderr
    assert (data_dir / "drafts.json").read_bytes() == damaged
    assert sorted(p.name for p in data_dir.glob("drafts*")) == ["drafts.json"]


def test_a_closed_store_writes_no_draft(data_dir) -> None:
    from datetime import datetime

    from tui.storage.drafts import Drafts

    store = Store(data_dir)
    drafts = Drafts(data_dir, datetime.now, writable=lambda: store.holds_lock)
    drafts.keep("note.new", {"editor-text": "first"}, "A note of thanks")
    store.close()
    with pytest.raises(OSError):
        drafts.keep("note.new", {"editor-text": "after the store closed"}, "A note of thanks")
    assert drafts_on_disk(data_dir)["note.new"]["fields"] == {"editor-text": "first"}


def test_a_damaged_file_that_cannot_be_set_aside_is_not_written_over(tmp_path) -> None:
    from datetime import datetime

    from tui.storage.drafts import Drafts

    half = b'{"drafts": {"note.new": {"fields": {"editor-text": "half'
    (tmp_path / "drafts.json").write_bytes(half)
    for n in range(100):  # every name a damaged file is set aside under is taken
        (tmp_path / ("drafts.json.damaged" + (f".{n}" if n else ""))).write_bytes(b"earlier")
    drafts = Drafts(tmp_path, datetime.now)
    assert drafts.get("note.new") is None
    assert drafts.problem.endswith("the file is left as it is.")
    with pytest.raises(OSError):
        drafts.keep("note.new", {"editor-text": "new words"}, "A note of thanks")
    assert (tmp_path / "drafts.json").read_bytes() == half


async def test_a_new_answer_left_when_its_prompt_has_passed_is_told_with_its_words(make_app, data_dir, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "a", *"the way you hum")
        prompt = app.screen.draft_id.partition(":")[2]
        await settle(pilot, lambda: f"answer.new:{prompt}" in drafts_on_disk(data_dir))
        await end_as_a_closed_terminal_does(app, pilot)
    app.store.close()

    app = make_app(today=clock.advance(1))  # another day, another prompt: that editor is not opened again
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "was for a day gone by; its words are kept in drafts.json: “the way you hum”." in told(app)
        assert "Open the same editor again" not in told(app)


async def test_a_notice_day_edited_past_the_calendar_is_set_aside_and_the_app_starts(make_app, data_dir) -> None:
    far = {**RAIN, "kept": "2026-11-25T09:00:00", "warned": "9999-12-31"}
    write_drafts(data_dir, json.dumps({"version": 1, "drafts": {"note.new": far, "LineDialog:A list": GOOD}}).encode())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.is_running
        assert any(n.title == "Drafts" and "One draft could not be read" in str(n.message) for n in app._notifications)
        assert list(drafts_on_disk(data_dir)) == ["LineDialog:A list"]
