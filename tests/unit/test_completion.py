"""Tab completion in bash, zsh and fish: each shell is run and asked what Tab offers.

A shell that is not installed is skipped here, but not in CI (CI=true), where .ci/run installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tui.cli import main
from tui.model import Settings
from tui.storage import Store

DAY = date(2026, 11, 25)


def shell(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed (.ci/run installs it)")
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture
def script(tmp_path: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest) -> Path:
    """The completion script for the shell in the test's name, over data with two rituals."""
    data = tmp_path / "data"
    with Store(data) as s:
        s.save_settings(Settings(partner_name="Sam", welcomed=True))
        s.add_ritual("Morning coffee", created=date(2026, 1, 1))
        s.add_ritual("Evening walk", created=date(2026, 1, 1))
    assert main(["--data-dir", str(data), "--today", DAY.isoformat(), "status"]) == 0  # the status file
    name = request.node.name.split("_")[-1]
    capsys.readouterr()
    assert main(["--data-dir", str(data), "completion", name]) == 0
    path = tmp_path / name / ("_micro-romance" if name == "zsh" else "micro-romance")
    path.parent.mkdir()
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    return path


def run(argv: list[str], cwd: Path, text: str = "") -> str:
    proc = subprocess.run(argv, cwd=cwd, input=text, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


BASH = r"""
source "$1"
offer() {
  COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< "$COMP_LINE"
  [[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
  $(complete -p micro-romance | sed 's/.*-F \([^ ]*\) .*/\1/')
  printf '%s\n' "${COMPREPLY[@]}"; echo ---
}
offer "micro-romance do"; offer "micro-romance done "; offer "micro-romance done eve"
offer "micro-romance status --f"; offer "micro-romance completion "
"""


def test_bash(script: Path) -> None:
    out = run([shell("bash"), "--norc", "-c", BASH, "bash", str(script)], script.parent).split("---\n")
    assert sorted(out[0].split()) == ["doctor", "done"]
    assert out[1].split("\n")[:2] == [r"Morning\ coffee", r"Evening\ walk"]
    assert out[2] == "Evening\\ walk\n" and out[3] == "--format\n" and out[4].split() == ["bash", "zsh", "fish"]


def test_fish(script: Path) -> None:
    lines = [
        "micro-romance do",
        "micro-romance done ",
        "micro-romance done Eve",
        "micro-romance status --f",
        "micro-romance --data",
    ]
    code = f"source {script}; " + "; ".join(f"complete -C '{line}'; echo ---" for line in lines)
    out = [
        [row.split("\t")[0] for row in block.splitlines()]
        for block in run([shell("fish"), "-c", code], script.parent).split("---\n")
    ]
    assert sorted(out[0]) == ["doctor", "done"] and out[1] == ["Morning coffee", "Evening walk"]
    assert out[2] == ["Evening walk"] and out[3] == ["--format"] and out[4] == ["--data-dir"]


ZSH = r"""
zmodload zsh/zpty
zpty z 'TERM=dumb zsh -f -i'
zpty -w z "PROMPT='%% '; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "bindkey '^I' complete-word; zstyle ':completion:*' list-prompt ''; LISTMAX=0; echo READY"
zpty -r z out '*READY*READY*'
for line in "micro-romance do" "micro-romance done " "micro-romance status --f"; do
  # Tab, then the completed line echoed (ctrl-a, "echo LINE:"), so the test reads both the list and the line
  zpty -w -n z "$line"$'\t'$'\x01'"echo LINE:"$'\n'
  zpty -r z out '*LINE:*LINE:*'$'\n'
  print -r -- "$out" | tr -d '\r' | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g'; print -r -- ---
done
zpty -d z
"""


def test_zsh(script: Path) -> None:
    out = run([shell("zsh"), "-f", "-c", ZSH, "zsh", str(script.parent)], script.parent).split("---\n")
    assert "doctor  -- " in out[0] and "done    -- Tick one of your rituals" in out[0]
    assert r"Morning\ coffee" in out[1] and r"Evening\ walk" in out[1]
    assert "LINE:micro-romance status --format" in out[2]
