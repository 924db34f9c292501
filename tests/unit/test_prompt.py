"""The README's prompt snippets, each run in its own shell over a real status file: the day's line
when the file is for today, nothing when it is for yesterday.

A shell that is not installed is skipped here, but not in CI (CI=true) for bash, zsh and fish.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.cli import main
from tui.model import Settings
from tui.storage import Store

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def snippet(language: str, holding: str = "") -> str:
    (found,) = [b for b in re.findall(rf"```{language}\n(.+?)\n```", README, flags=re.S) if holding in b]
    return found


def shell(name: str, required: bool = True) -> str:
    found = shutil.which(name)
    if found is None:
        if required and os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed (.ci/run installs it)")
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture(params=["today", "yesterday"])
def home(
    request: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[dict[str, str], str]:
    """A home whose data folder is the default one, a real ``micro-romance`` on PATH, and the status
    written for today or for yesterday; the environment and the line a prompt should show."""
    data = tmp_path / ".local" / "share" / "micro-romance"
    with Store(data) as s:
        s.save_settings(Settings(partner_name="Sam", welcomed=True))
        s.add_ritual("100% walk", created=date(2026, 1, 1))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    command = bin_dir / "micro-romance"
    command.write_text(f'#!/bin/sh\nexec {sys.executable} -m tui "$@"\n')
    command.chmod(command.stat().st_mode | stat.S_IEXEC)
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(tmp_path), PATH=f"{bin_dir}{os.pathsep}{env['PATH']}", PYTHONPATH=str(ROOT))
    day = date.today() - timedelta(days=request.param == "yesterday")  # the shells' own clock
    assert main(["--data-dir", str(data), "--today", day.isoformat(), "status"]) == 0
    return env, capsys.readouterr().out.strip() if request.param == "today" else ""


def run(argv: list[str], env: dict[str, str], *, check: bool = True) -> str:
    """What ``argv`` prints (a prompt function may end false when it shows nothing: ``check=False``)."""
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
    assert proc.stderr == "" and (proc.returncode == 0 or not check), proc.stderr
    return proc.stdout


def expected(line: str, before: str, after: str) -> str:
    return f"{before} ♥ {line}{after}" if line else f"{before}{after}"


def test_bash(home: tuple[dict[str, str], str]) -> None:
    env, line = home
    code = snippet("bash") + '\neval "$PROMPT_COMMAND"; cd /; printf "%s\\n" "${PS1@P}"; printenv MR_LINE'
    sign = " # " if os.getuid() == 0 else " $ "
    out = run([shell("bash"), "--norc", "--noprofile", "-c", code], env, check=False)
    assert out == expected(line, "/", sign) + "\n" + (line + "\n" if line else "")  # exported, for starship


def test_zsh(home: tuple[dict[str, str], str]) -> None:
    env, line = home
    code = snippet("zsh") + '\nfor f in $precmd_functions; do $f; done; cd /; print -rP -- "$PROMPT"; printenv MR_LINE'
    sign = " # " if os.getuid() == 0 else " % "
    out = run([shell("zsh"), "-f", "-c", code], env, check=False)
    assert out == expected(line, "/", sign) + "\n" + (line + "\n" if line else "")


def test_fish(home: tuple[dict[str, str], str]) -> None:
    env, line = home
    code = snippet("fish") + "\nemit fish_prompt; fish_right_prompt; echo; printenv MR_LINE"
    out = run([shell("fish"), "--no-config", "-c", code], env, check=False)
    assert out == expected(line, "", "").lstrip() + "\n" + (line + "\n" if line else "")


def test_starship_module_reads_the_variable_the_shells_export() -> None:
    """starship's env_var module shows MR_LINE, which each shell's function above exports (and unsets)."""
    module = tomllib.loads(snippet("toml", "[env_var.MR_LINE]"))["env_var"]["MR_LINE"]
    assert module["format"].startswith("[♥ $env_value]") and "variable" not in module
    assert all("export MR_LINE" in snippet(s) and "unset MR_LINE" in snippet(s) for s in ("bash", "zsh"))
    assert "set -gx MR_LINE" in snippet("fish") and "set -e MR_LINE" in snippet("fish")


def test_tmux_status_line(home: tuple[dict[str, str], str], tmp_path: Path) -> None:
    """tmux reads the line as written (checked with tmux when installed); its job is run as tmux
    runs it: after strftime has turned each %% into %, by sh."""
    env, line = home
    config = snippet("tmux")
    if shutil.which("tmux"):
        conf = tmp_path / "tmux.conf"
        conf.write_text(config + "\n")
        socket = f"mr-test-{os.getpid()}"
        try:
            shown = run(
                ["tmux", "-L", socket, "-f", str(conf), "start-server", ";", "show", "-gv", "status-right"], env
            )
        finally:
            subprocess.run(["tmux", "-L", socket, "kill-server"], env=env, capture_output=True)
        assert shown.strip() == config.split("'")[1]
    job = re.search(r"#\((.*)\) ", config).group(1).replace("%%", "%")
    assert run(["sh", "-c", job], env, check=False) == (f"♥ {line}" if line else "")
