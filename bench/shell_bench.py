"""bench.py's "shell" section: each command as a whole process against ``python -c pass`` in the
same run, and what each README prompt snippet adds to an Enter.

    .venv/bin/python bench/bench.py --years 1 30 --only shell     # this section alone, a minute or two

Commands run the way an installed copy runs them: through the console script pip writes
(``import re, sys; from tui.cli import main``), byte-compiled, alternating with a bare Python
start, so a busy machine slows both sides alike; a ratio is the median of the command over the
median of the bare starts measured between its own runs. ``status`` is measured right after a
``done`` (a day something was written).

A prompt snippet's cost per Enter is measured inside its shell: N calls of the prompt function
against N calls of ``true`` in the same kind of process, the difference over N. starship runs
its env_var module reads MR_LINE, which the shell's function exports (no process); tmux runs its
job every status-interval, not per Enter, so its figure is for information.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CONSOLE_SCRIPT = """# -*- coding: utf-8 -*-
import re
import sys
from tui.cli import main
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit(main())
"""
"""What pip writes as bin/micro-romance (the interpreter line aside)."""

TARGETS = {"--version": 2.0, "--help": 3.0, "status": 2.5, "done": 4.0, "gratitude": 4.0, "today": 4.0}
"""Each command's ceiling, as a multiple of a bare Python start (issue 29)."""
SNIPPET_CEILING_MS = 5.0
CALLS = 200


def timed(argv: list[str], env: dict[str, str]) -> float:
    """Wall time (s) of one child process run from the checkout with ``env``, which must succeed."""
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, stdin=subprocess.DEVNULL, cwd=ROOT, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed: {' '.join(argv)}\n{proc.stderr.decode(errors='replace')}")
    return elapsed


def commands(dirs: dict[int, Path], runs: int, env: dict[str, str], tmp: Path, today: str, ritual: str) -> dict:
    """{command: {years: (command medians, bare medians)}} in seconds."""
    script = tmp / "micro-romance-script.py"
    script.write_text(CONSOLE_SCRIPT)
    bare = [sys.executable, "-c", "pass"]
    found: dict[str, dict[int, tuple[list[float], list[float]]]] = {}

    def add(name: str, years: int, argv: list[str]) -> None:
        ours, base = found.setdefault(name, {}).setdefault(years, ([], []))
        base.append(timed(bare, env))
        ours.append(timed(argv, env))

    for run in range(runs):
        for years, folder in dirs.items():
            cli = [sys.executable, str(script), "--data-dir", str(folder), "--today", today]
            add("--version", years, [sys.executable, str(script), "--version"])
            add("--help", years, [sys.executable, str(script), "--help"])
            add("done", years, [*cli, "done", ritual])
            add("status", years, [*cli, "status"])  # a day something was written
            timed([*cli, "done", "--undo", ritual], env)
            add("gratitude", years, [*cli, "gratitude", f"Thank you for the walk, number {run}."])
            add("today", years, [*cli, "today"])
    return found


def _readme_block(language: str, holding: str = "") -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return next(b for b in re.findall(rf"```{language}\n(.+?)\n```", text, flags=re.S) if holding in b)


def _home(tmp: Path, env: dict[str, str]) -> dict[str, str]:
    """A home whose default data folder holds a status for the real today (so each snippet shows its
    line, the dearer path), and a ``micro-romance`` on PATH for the snippets' one ``status --where``."""
    home = tmp / "snippet-home"
    data = home / ".local" / "share" / "micro-romance"
    bin_dir = home / "bin"
    bin_dir.mkdir(parents=True)
    command = bin_dir / "micro-romance"
    command.write_text(f'#!/bin/sh\nexec {sys.executable} -m tui "$@"\n')
    command.chmod(0o755)
    shell_env = {k: v for k, v in env.items() if not k.startswith("XDG_")}
    shell_env.update(HOME=str(home), PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}")
    subprocess.run(
        ["micro-romance", "--data-dir", str(data), "gratitude", "For the bench."],
        env=shell_env,
        check=True,
        capture_output=True,
    )
    subprocess.run(["micro-romance", "status"], env=shell_env, check=True, capture_output=True)
    return shell_env


def _per_call(argv_calls: list[str], argv_empty: list[str], env: dict[str, str], repeats: int) -> float:
    """Milliseconds per call: (process with CALLS calls - process with CALLS no-ops) / CALLS, medians."""
    calls = [timed(argv_calls, env) for _ in range(repeats)]
    empty = [timed(argv_empty, env) for _ in range(repeats)]
    return (statistics.median(calls) - statistics.median(empty)) / CALLS * 1000


def snippets(tmp: Path, env: dict[str, str], repeats: int) -> dict[str, float]:
    """Milliseconds each README snippet adds to an Enter (nan when its shell is missing)."""
    shell_env = _home(tmp, env)
    out: dict[str, float] = {}
    loops = {
        "bash": ("bash", ["--norc", "--noprofile", "-c"], "for ((i=0;i<{n};i++)); do {call}; done"),
        "zsh": ("zsh", ["-f", "-c"], "for ((i=0;i<{n};i++)); do {call}; done"),
        "fish": ("fish", ["--no-config", "-c"], "for i in (seq {n}); {call}; end"),
    }
    calls = {"bash": "__mr_prompt", "zsh": "__mr_prompt", "fish": "emit fish_prompt; fish_right_prompt >/dev/null"}
    for name, (program, flags, loop) in loops.items():
        path = shutil.which(program)
        if path is None:
            out[name] = float("nan")
            continue
        code = _readme_block(name)
        with_calls = code + "\n" + loop.format(n=CALLS, call=calls[name])
        without = code + "\n" + loop.format(n=CALLS, call="true")
        out[name] = _per_call([path, *flags, with_calls], [path, *flags, without], shell_env, repeats)
    # starship's env_var module reads MR_LINE, exported by the shell's own function: no process per Enter
    out["starship (env_var, with the bash function)"] = out["bash"]
    job = re.search(r"#\((.*)\) ", _readme_block("tmux")).group(1).replace("%%", "%")
    out["tmux"] = statistics.median(timed(["sh", "-c", job], shell_env) for _ in range(repeats * 5)) * 1000
    return out


def report(rep, found: dict, snippet_ms: dict[str, float]) -> None:  # noqa: ANN001 (bench.Report)
    """Rows for the shell section."""
    sizes = rep.sizes
    rep.head("At home in the shell (each command as a whole process, against `python -c pass` in the same run)")
    medians = {name: {y: statistics.median(v[1]) for y, v in by.items()} for name, by in found.items()}
    rep.row("`python -c pass` (ms)", {y: medians["status"].get(y, float("nan")) * 1000 for y in sizes}, "{:.1f}")
    for name, ceiling in TARGETS.items():
        by = found.get(name, {})
        ms = {y: statistics.median(v[0]) * 1000 for y, v in by.items()}
        ratio = {y: statistics.median(v[0]) / statistics.median(v[1]) for y, v in by.items()}
        label = f"micro-romance {name}" if name.startswith("-") else f"micro-romance {name} ..."
        rep.row(f"`{label}` (ms)", ms, "{:.1f}")
        rep.row(f"`{label}` ratio", ratio, "{:.2f}", f"≤ {ceiling:g}x", lambda v, c=ceiling: v <= c)
    rep.lines += ["", "Prompt snippets (README, At home in the shell): added per Enter", ""]
    for name, value in snippet_ms.items():
        if name == "tmux":
            rep.single("tmux status line job (per status-interval, not per Enter)", value, "{:.2f} ms", "–", None)
        else:
            rep.single(name, value, "{:.2f} ms", f"≤ {SNIPPET_CEILING_MS:g} ms", value <= SNIPPET_CEILING_MS)
