"""Keys your way: config.toml's [keys] remaps bindings by id; mistakes warn, never crash."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import DAY
from tests.ui.screen_text import checklist_row, screen_text
from tui.app import MicroRomanceApp  # noqa: F401 - its bindings are among all_bindings()
from tui.cli import main
from tui.config import config_path, key_problem, read_config
from tui.screens.bindings import all_bindings
from tui.screens.help import HelpScreen

README = Path(__file__).parents[2] / "README.md"


def write_config(folder: Path, text: str) -> Path:
    path = folder / "micro-romance" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def toasts(app) -> list[str]:
    """The warnings on screen, one string each (their message, after the "Keys" title)."""
    return [str(toast.render()).removeprefix("Keys\n") for toast in app.screen.query("Toast")]


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


async def show_rituals(app, pilot) -> None:
    await pilot.pause()
    app.action_show_tab("rituals")
    await pilot.pause()
    await pilot.pause()


def test_the_file_is_looked_for_in_the_user_config_folder(own_config_folder: Path) -> None:
    assert config_path() == own_config_folder / "micro-romance" / "config.toml"


@pytest.mark.parametrize(
    ("keys", "ok"),
    [
        ("y", True),
        ("?", True),
        ("ctrl+d", True),
        ("d,ctrl+d", True),
        ("f5", True),
        ("question_mark", True),
        ("shift+up", True),
        ("", False),
        ("ctrl+", False),
        ("hyper+x", False),
        ("notakey", False),
        ("d,,e", False),
        ("\x1b", False),
    ],
)
def test_keys_are_checked(keys: str, ok: bool) -> None:
    assert (key_problem(keys) is None) == ok, key_problem(keys)


def test_reading_keeps_what_is_right_and_says_one_line_for_each_mistake(tmp_path: Path) -> None:
    path = write_config(
        tmp_path,
        '[keys]\n"rituals.tick" = "y"\n"no.such" = "z"\n"today.done" = "ctrl+"\n"app.help" = 1\n[colours]\n',
    )
    config = read_config(path, known_ids={"rituals.tick", "today.done", "app.help"})
    assert config.keys == {"rituals.tick": "y"}
    assert len(config.warnings) == 4 and all("\n" not in w for w in config.warnings)
    assert any("'no.such'" in w for w in config.warnings)
    broken = read_config(write_config(tmp_path, "[keys\n"), known_ids=set())
    assert broken.keys == {} and len(broken.warnings) == 1 and "not valid TOML" in broken.warnings[0]
    assert read_config(tmp_path / "nothing.toml").warnings == ()


def test_reading_the_config_never_loads_textual() -> None:
    code = "import sys; import tui.config as c; c.read_config(); print('textual' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "False", proc.stderr


async def test_a_remapped_key_acts_and_the_footer_and_help_show_it(make_app, own_config_folder: Path) -> None:
    write_config(own_config_folder, '[keys]\n"rituals.tick" = "y"\n"app.help" = "f1"\n')
    app = make_app()
    app.store.add_ritual("Tea", created=DAY - timedelta(days=3))
    async with app.run_test(size=(100, 30)) as pilot:
        await show_rituals(app, pilot)
        assert " y Tick" in footer(app) and "space Tick" not in footer(app)
        await pilot.press("space")  # no longer the tick key
        await pilot.pause()
        assert checklist_row(app, "Tea").startswith("[ ]")
        await pilot.press("y")
        await pilot.pause()
        assert checklist_row(app, "Tea").startswith("[x]")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_lines = [
            line.strip() for block in app.screen.query(".help-keys") for line in str(block.render()).splitlines()
        ]
        assert any(line.startswith("f1") and line.endswith("Help") for line in help_lines)
        assert any(line.startswith("y ") and line.endswith("Tick") for line in help_lines), help_lines
        assert not any(line.startswith("space") and line.endswith("Tick") for line in help_lines)


async def test_mistakes_in_the_file_warn_in_one_line_and_the_app_runs(make_app, own_config_folder: Path) -> None:
    write_config(own_config_folder, '[keys]\n"rituals.tick" = "y"\n"rituals.nope" = "z"\n"today.done" = "hyper+d"\n')
    app = make_app()
    app.store.add_ritual("Tea", created=DAY - timedelta(days=3))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await show_rituals(app, pilot)
        said = toasts(app)
        assert len(said) == 2 and all("\n" not in m for m in said)
        assert any("rituals.nope" in m for m in said) and any("hyper+d" in m for m in said)
        await pilot.press("y")  # what was right still applies
        await pilot.pause()
        assert checklist_row(app, "Tea").startswith("[x]")


async def test_a_broken_file_warns_and_the_usual_keys_apply(make_app, own_config_folder: Path) -> None:
    write_config(own_config_folder, '[keys]\n"rituals.tick = \n')
    app = make_app()
    app.store.add_ritual("Tea", created=DAY - timedelta(days=3))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await show_rituals(app, pilot)
        said = toasts(app)
        assert len(said) == 1 and "not valid TOML" in said[0]
        await pilot.press("space")
        await pilot.pause()
        assert checklist_row(app, "Tea").startswith("[x]")


async def test_a_key_another_binding_uses_is_said(make_app, own_config_folder: Path) -> None:
    write_config(own_config_folder, '[keys]\n"rituals.tick" = "a"\n"gratitude.new" = "n"\n')
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await show_rituals(app, pilot)
        said = toasts(app)
    assert said == [
        "config.toml: 'rituals.tick' and 'rituals.add' (Add) both use a now; give one of them another key."
    ]  # n is free on the Gratitude tab (Today's n is another tab's)


def test_doctor_names_the_config_file(capsys, data_dir: Path, own_config_folder: Path) -> None:
    assert main(["--data-dir", str(data_dir), "doctor"]) == 0
    out = capsys.readouterr().out
    assert f"Config file     {own_config_folder / 'micro-romance' / 'config.toml'}  (not there: the usual keys)" in out
    write_config(own_config_folder, '[keys]\n"rituals.tick" = "y"\n')
    main(["--data-dir", str(data_dir), "doctor"])
    assert "(1 key of your own)" in capsys.readouterr().out


def test_doctor_knows_the_apps_own_ids(data_dir: Path, own_config_folder: Path) -> None:
    write_config(own_config_folder, '[keys]\n"app.help" = "f1"\n"rituals.tick" = "y"\n')
    command = [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "doctor"]  # a fresh start, as a user's
    proc = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=Path(__file__).parents[2])
    assert "(2 keys of your own)" in proc.stdout and "no binding has the id" not in proc.stdout, proc


def test_readme_documents_the_file_and_every_id() -> None:
    readme = README.read_text(encoding="utf-8")
    assert "config.toml" in readme and "[keys]" in readme and "XDG_CONFIG_HOME" in readme
    missing = sorted(i for i in all_bindings() if f"`{i}`" not in readme)
    assert not missing, missing


async def test_doctor_shows_every_warning_the_app_shows_uncut(
    capsys, make_app, data_dir: Path, own_config_folder: Path
) -> None:
    """Three mistakes: the app warns of three, each whole (not cut at 60 characters), and doctor of the same."""
    write_config(own_config_folder, '[keys]\n"rituals.nope" = "z"\n"today.done" = "hyper+d"\n"rituals.tick" = "a"\n')
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
    assert len(said) == 3
    (bad_key,) = [m for m in said if "hyper+d" in m]
    assert bad_key.endswith(f"was left out: {key_problem('hyper+d')}.")
    app.store.close()
    main(["--data-dir", str(data_dir), "doctor"])
    out = " ".join(capsys.readouterr().out.split())
    for message in said:
        assert " ".join(message.split()) in out


def test_doctor_says_a_theme_the_app_does_not_know(capsys, data_dir: Path, own_config_folder: Path) -> None:
    write_config(own_config_folder, 'theme = "moonbeam"\n')
    main(["--data-dir", str(data_dir), "doctor"])
    out = " ".join(capsys.readouterr().out.split())
    assert "The theme 'moonbeam' in config.toml is not one this micro-romance knows" in out


def count_reads(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[Path]:
    """Every reading of ``path`` from now on."""
    reads: list[Path] = []
    real = Path.read_bytes

    def counted(self: Path) -> bytes:
        if self == path:
            reads.append(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    return reads


async def test_the_theme_and_the_keys_come_from_one_reading(
    make_app, own_config_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is read once as the full screen starts: edited meanwhile, the theme and the keys still agree."""
    path = write_config(own_config_folder, 'theme = "nord"\n[keys]\n"app.help" = "f1"\n')
    reads = count_reads(monkeypatch, path)
    app = make_app()
    write_config(own_config_folder, 'theme = "gruvbox"\n[keys]\n"app.help" = "f2"\n')  # saved as the app starts
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "nord" and app.user_keys == {"app.help": "f1"}
    assert len(reads) == 1


def test_doctor_reads_the_file_once(
    capsys, data_dir: Path, own_config_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_config(own_config_folder, 'theme = "moonbeam"\n[keys]\n"app.help" = "f1"\n"rituals.nope" = "z"\n')
    reads = count_reads(monkeypatch, path)
    main(["--data-dir", str(data_dir), "doctor"])
    out = " ".join(capsys.readouterr().out.split())
    assert "(1 key of your own)" in out and "'rituals.nope'" in out and "'moonbeam'" in out
    assert len(reads) == 1
