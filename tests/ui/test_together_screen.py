"""Pairing in the full screen: start on one data folder, join on another, compare and confirm
the code, see the pair; a wrong code, a missing folder, and leaving (asked first, nothing lost)."""

from __future__ import annotations

import getpass
import re
import threading
from pathlib import Path

import pytest

from tests.conftest import DAY
from tests.sync.pairs import shared_code
from tests.ui import waiting
from tests.ui.pairing import paired
from tests.ui.screen_text import screen_text
from tui.app import MicroRomanceApp
from tui.clock import ManualClock
from tui.screens.together import TogetherScreen
from tui.storage import Store
from tui.sync import pairing


@pytest.fixture(autouse=True)
def login_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The login name is "sam"; paths are typed relative to the test's folder (as the CLI takes them)."""
    monkeypatch.setattr(getpass, "getuser", lambda: "sam")
    monkeypatch.chdir(tmp_path)


async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await waiting.settle(pilot)


def open_app(data: Path) -> tuple[Store, MicroRomanceApp]:
    from tui.record import replace

    store = Store(data)
    store.save_settings(replace(store.settings(), welcomed=True))
    return store, MicroRomanceApp(store=store, clock=ManualClock(DAY))


async def type_in(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+u", *text)  # clear the field, then type


def shown(app, part: str) -> str:  # type: ignore[no-untyped-def]
    """The text of one part of the Together screen (``message``, ``status``), however it wraps."""
    return str(app.screen.query_one(f"#together-{part}").content)


def code_on(app) -> str:  # type: ignore[no-untyped-def]
    line = next(line.strip() for line in screen_text(app).splitlines() if line.strip().startswith("Pairing code: "))
    return line.removeprefix("Pairing code: ")


async def test_start_join_and_confirm_through_the_screen(tmp_path: Path, data_dir: Path) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    alex = tmp_path / "alex"

    store, app = open_app(alex)  # Alex starts, from the command palette
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Together")
        await waiting.settle(pilot, lambda: "Together…" in screen_text(app))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, TogetherScreen)
        assert app.screen.query_one("#together-name").value == ""  # never the login name
        await type_in(pilot, "Shared")
        await pilot.press("enter")  # on to the name
        await type_in(pilot, "Alex")
        await pilot.press("enter", "enter")  # on to Start, and press it
        await settle(app, pilot)
        text = screen_text(app)
        assert "Your public keys are in the folder." in text
        assert "Confirmed: no device yet" in text and "No other device's key has arrived here yet." in text
        assert app.sub_title == "together: no device confirmed yet"
    store.close()

    store, app = open_app(data_dir)  # Sam joins, from the settings form
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.click("#open-together")
        await settle(app, pilot)
        assert isinstance(app.screen, TogetherScreen)
        await type_in(pilot, "Shared")
        await pilot.press("enter")
        await type_in(pilot, "Sam")
        await pilot.press("enter", "tab", "enter")  # Start, then Join
        await settle(app, pilot)
        text = screen_text(app)
        assert "Waiting: Alex's device" in text and "No pairing code yet" in text  # Alex has not read it yet
        assert not app.screen.query_one("#together-match").display  # nothing to compare
        code = shared_code(tmp_path / "alex" / "sync", data_dir / "sync")
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert "Read this code aloud together" in screen_text(app)
        assert code_on(app) == code
        assert app.sub_title == "together: a device to confirm"
        assert app.screen.focused is app.screen.query_one("#together-match")
        await pilot.press("enter")  # They match
        await pilot.pause()
        assert "The codes match: whose device is it?" in screen_text(app)
        await pilot.press("escape")  # not yet
        await settle(app, pilot)
        assert "Nothing was confirmed." in screen_text(app)
        assert pairing.status(data_dir / "sync").confirmed == []
        app.screen.query_one("#together-match").press()
        await pilot.pause()
        await pilot.press("p")  # Alex's, the partner's
        await settle(app, pilot)
        text = screen_text(app)
        assert "Confirmed Alex's device." in text and "Confirmed: Alex; waiting for Alex to confirm" in text
        assert "Pairing code: " not in text
        assert app.sub_title == "together: waiting for Alex to confirm"  # not "in step" before both have
        await pilot.press("escape", "escape")  # the screen, then the settings form
        await pilot.pause()
    store.close()

    store, app = open_app(alex)  # Alex sees the same code, and confirms it
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_together()
        await settle(app, pilot)
        assert code_on(app) == code
        assert "Waiting: Sam's device" in screen_text(app)
        app.screen.query_one("#together-match").press()
        await pilot.pause()
        await pilot.press("p")
        await settle(app, pilot)
        text = screen_text(app)
        assert "Confirmed: Sam\n" in shown(app, "status") + "\n" and "Last round: none yet" not in text
        assert app.sub_title == "together: in step"
        assert not re.search(r"\d{4}-\d\d-\d\dT", text)  # times in words, never as stamps
        assert pairing.status(alex / "sync").device not in text  # no ids: the names differ
        app.screen.query_one("#together-sync").press()
        await settle(app, pilot)
        assert "Sync now: in step." in screen_text(app)
    store.close()
    assert [d.name for d in pairing.status(data_dir / "sync").confirmed] == ["Alex"]


async def test_not_us_turns_a_waiting_device_away_after_naming_it(tmp_path: Path, data_dir: Path, make_app) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    pairing.join(data_dir / "sync", shared, "Sam")
    pairing.start(tmp_path / "stranger" / "sync", shared, "Robin")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_together()
        await settle(app, pilot)
        app.screen.query_one("#together-not-us").press()
        await pilot.pause()
        assert "Turn away Robin's device?" in screen_text(app)
        await pilot.press("n")
        await settle(app, pilot)
        assert "Nothing changed: Robin's device stays as it was." in screen_text(app)
        app.screen.query_one("#together-not-us").press()
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert "Turned away Robin's device" in screen_text(app)
        assert "Robin" not in shown(app, "status")
    assert pairing.status(data_dir / "sync").waiting == []


@pytest.mark.parametrize("whose", ["mine", "partner"])
async def test_they_match_asks_whose_device_and_remove_names_it(
    tmp_path: Path, data_dir: Path, make_app, whose: str
) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    other = tmp_path / "other" / "sync"
    pairing.join(data_dir / "sync", shared, "Sam")
    pairing.start(other, shared, "Sam")  # the same name: a second device of Sam's, or a partner called Sam
    code = shared_code(data_dir / "sync", other)
    pairing.confirm(other, code)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_together()
        await settle(app, pilot)
        other_id = pairing.status(other).device
        assert f"Waiting: Sam ({other_id})'s device" in screen_text(app)  # two Sams: the id tells them apart
        app.screen.query_one("#together-match").press()
        await pilot.pause()
        assert "It has your name" in screen_text(app)
        await pilot.press("m" if whose == "mine" else "p")
        await settle(app, pilot)
        [confirmed] = pairing.status(data_dir / "sync").confirmed
        assert confirmed.mine is (whose == "mine")
        assert ("one of yours" in shown(app, "status")) is (whose == "mine")
        assert app.sub_title == "together: in step"
        app.screen.query_one("#together-remove").press()
        await pilot.pause()
        assert f"Remove Sam ({other_id})'s device?" in screen_text(app)
        question = str(app.screen.query_one(".dialog-message").content)
        assert question.endswith("What it already read, it keeps.")
        assert ("your private notes" in question) is (whose == "mine")
        await pilot.press("y")
        await settle(app, pilot)
        assert "Removed Sam's device" in screen_text(app)
    assert pairing.status(data_dir / "sync").confirmed == []


@pytest.mark.parametrize("what", ["missing", "file"])
async def test_a_folder_that_cannot_be_used_is_refused_and_nothing_is_written(
    tmp_path: Path, data_dir: Path, make_app, what: str
) -> None:
    target = tmp_path / "Shared"
    if what == "file":
        target.write_text("a file")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_together()
        await settle(app, pilot)
        await type_in(pilot, "Shared")
        await pilot.press("enter", *"Sam", "enter", "enter")
        await settle(app, pilot)
        text = shown(app, "message")
        if what == "missing":
            assert (
                text == f"The shared folder {target} is missing; make it (or let your sync tool make it) first. "
                "Nothing was changed."
            )
        else:
            assert text.startswith(f"{target} is a file, not a folder")
        assert app.screen.query_one("#together-message").display
        assert "together" not in app.sub_title
    assert not (data_dir / "sync" / "pairing.json").exists()


async def test_an_empty_folder_field_is_asked_for(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        app.action_together()
        await settle(app, pilot)
        await pilot.press("tab", "enter")  # the name, then Start
        await pilot.press("enter")
        await settle(app, pilot)
        assert "Type the path of the shared folder first" in screen_text(app)


async def test_leave_asks_first_and_keeps_everything_here(
    tmp_path: Path, data_dir: Path, make_app, capsys: pytest.CaptureFixture[str]
) -> None:
    paired(tmp_path, data_dir, capsys)
    with Store(data_dir) as store:
        store.add_note("The way you [b]laugh[/b]", DAY)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.sub_title == "together: in step"
        app.action_together()
        await settle(app, pilot)
        assert f"Folder: {tmp_path / 'Shared'}\n" in shown(app, "status")
        assert "Confirmed: Alex" in screen_text(app)
        app.screen.query_one("#together-leave").press()
        await pilot.pause()
        question = str(app.screen.query_one(".dialog-message").content)
        assert question.startswith(f"This device stops sharing through {tmp_path / 'Shared'}. Nothing here is deleted")
        await pilot.press("n")
        await settle(app, pilot)
        assert "Nothing changed: this device still shares." in screen_text(app)
        assert pairing.status(data_dir / "sync").paired
        app.screen.query_one("#together-leave").press()
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert (
            shown(app, "message")
            == "This device no longer shares. Nothing here was deleted; the shared folder was left as it is."
        )
        assert "The shared folder" in screen_text(app)
        assert app.screen.query_one("#together-folder").value == str(tmp_path / "Shared")
        assert app.sub_title == ""
        assert not [c for c in app.get_system_commands(app.main_screen) if c.title == "Sync now"]
        assert [n.text for n in app.store.notes()] == ["The way you [b]laugh[/b]"]
    assert not pairing.status(data_dir / "sync").paired
    assert (data_dir / "sync" / "identity.key").exists()
    assert list((tmp_path / "Shared").rglob("key.pub"))


async def test_making_the_key_never_holds_up_a_key(tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    release = threading.Event()
    real_start = pairing.start

    def slow_start(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert release.wait(10)
        return real_start(*args, **kwargs)

    monkeypatch.setattr(pairing, "start", slow_start)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_together()
        await settle(app, pilot)
        await type_in(pilot, "Shared")
        await pilot.press("enter", *"Sam", "enter", "enter")
        putting = "Putting this device's public keys into the folder…"
        await waiting.settle(pilot, lambda: putting in screen_text(app), workers=False)
        await pilot.press("shift+tab")  # keys still answer while the key is being made
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#together-name")
        release.set()
        await settle(app, pilot)
        assert "Your public keys are in the folder." in screen_text(app)


async def test_the_demo_cannot_be_paired(store: Store, clock: ManualClock) -> None:
    app = MicroRomanceApp(store=store, clock=clock, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_together()
        await pilot.pause()
        assert "This is the demo, a throwaway copy: it cannot be paired." in screen_text(app)
        assert not app.screen.query_one("#together-begin").display
    assert not (store.data_dir / "sync").exists()


async def test_a_damaged_file_in_the_folder_is_shown_skipped_with_why(
    tmp_path: Path, data_dir: Path, make_app, capsys: pytest.CaptureFixture[str]
) -> None:
    alex = paired(tmp_path, data_dir, capsys)
    alex_device = pairing.status(alex / "sync").device
    (tmp_path / "Shared" / "micro-romance" / alex_device / "log-2026-11.age").write_bytes(b"half a file")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)  # the round at start skips it
        assert app.sub_title == "together: in step, 1 file(s) skipped (micro-romance pair status)"
        app.action_together()
        await settle(app, pilot)
        [skipped] = [line for line in shown(app, "status").splitlines() if line.startswith("Skipped: ")]
        assert f"micro-romance/{alex_device}/log-2026-11.age: " in skipped
        assert skipped in [f"Skipped: {s}" for s in pairing.status(data_dir / "sync").skipped]


async def test_a_damaged_pairing_file_is_said_not_hidden(data_dir: Path, make_app) -> None:
    (data_dir / "sync").mkdir(parents=True)
    (data_dir / "sync" / "pairing.json").write_text("{not json")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_together()
        await settle(app, pilot)
        assert shown(app, "message").startswith(f"This device's pairing (in {data_dir / 'sync'}) cannot be read: ")
        assert "Reading the shared folder" not in screen_text(app)


async def test_esc_over_a_typed_folder_and_name_asks_before_letting_them_go(make_app) -> None:
    from tui.dialogs.basic import ConfirmDialog

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_together()
        await settle(app, pilot)
        await type_in(pilot, "~/Sync/us")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing: the words are still there
        await settle(app, pilot)
        assert isinstance(app.screen, TogetherScreen)
        assert app.screen.query_one("#together-folder").value == "~/Sync/us"
        await pilot.press("escape", "y")  # leave: only now are they let go
        await settle(app, pilot)
        assert not isinstance(app.screen, (TogetherScreen, ConfirmDialog))


async def test_esc_with_nothing_typed_closes_at_once(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_together()
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, TogetherScreen)
