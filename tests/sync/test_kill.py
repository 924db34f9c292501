"""A SIGKILL at any step of a write and its round: the next round completes it.

``micro-romance gratitude --share`` runs in a child process killed at chosen points: at each
of its first atomic writes (and those of the round it leaves running), once the new bytes
are in their temporary file and once they are renamed into place (``MICRO_ROMANCE_KILL_AT``,
honoured by tui.durable). Then one ``sync`` on each side: every note whose command said
"Saved" is kept, every one it said was "Marked to share" reaches the partner, and nothing
reaches the partner that is not in the author's own data.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.sync.pairs import shared_code, two_devices
from tui.cli import main
from tui.durable import KILL_AT
from tui.storage import Store

ROOT = Path(__file__).resolve().parents[2]


def cli(data: Path, *args: str) -> None:
    assert main(["--data-dir", str(data), *args]) == 0


def test_killed_writes_are_completed_by_the_next_round(tmp_path: Path, capsys) -> None:
    alex, sam, shared = two_devices(tmp_path)
    cli(alex, "pair", "start", str(shared), "--name", "Alex")
    cli(sam, "pair", "join", str(shared), "--name", "Sam")
    code = shared_code(alex / "sync", sam / "sync")
    cli(alex, "pair", "confirm", code)
    cli(sam, "pair", "confirm", code)
    saved, shared, killed = [], [], 0
    for i, point in enumerate(f"{step}:{n}" for n in range(1, 6) for step in ("written", "replaced")):
        text = f"note number {i}"
        child = subprocess.run(
            [sys.executable, "-m", "tui", "--data-dir", str(alex), "gratitude", "--share", text],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT), KILL_AT: point},
            timeout=60,
        )
        killed += child.returncode < 0
        if b"Saved" in child.stdout:
            saved.append(text)
        if b"Marked to share" in child.stdout:
            shared.append(text)
    cli(alex, "sync")
    cli(sam, "sync")
    with Store(alex, readonly=True) as store:
        mine = {n.text for n in store.notes()}
    with Store(sam, readonly=True) as store:
        theirs = {n.text for n in store.notes()}
    assert killed and shared and len(saved) > len(shared)  # cut short at every step, the share's too
    assert set(shared) <= theirs <= mine and set(saved) <= mine
