"""A SIGKILL at any instant of a write and its round: the next round completes it.

``micro-romance gratitude --share`` runs in a child process that is killed at a random
moment, again and again. Then one ``sync`` on each side: every note whose command said
"Saved" reaches the partner, and nothing reaches the partner that is not in the author's
own data.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.sync.pairs import shared_code
from tui.cli import main
from tui.storage import Store

ROOT = Path(__file__).resolve().parents[2]


def cli(data: Path, *args: str) -> None:
    assert main(["--data-dir", str(data), *args]) == 0


def test_killed_writes_are_completed_by_the_next_round(tmp_path: Path, capsys) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    alex, sam = tmp_path / "alex", tmp_path / "sam"
    cli(alex, "pair", "start", str(shared), "--name", "Alex")
    cli(sam, "pair", "join", str(shared), "--name", "Sam")
    code = shared_code(alex / "sync", sam / "sync")
    cli(alex, "pair", "confirm", code)
    cli(sam, "pair", "confirm", code)
    rng = random.Random(19)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    acknowledged = []
    for i in range(12):
        text = f"note number {i}"
        child = subprocess.Popen(
            [sys.executable, "-m", "tui", "--data-dir", str(alex), "gratitude", "--share", text],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        time.sleep(rng.uniform(0.05, 1.2))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        if b"Saved" in out:
            acknowledged.append(text)
    cli(alex, "sync")
    cli(sam, "sync")
    with Store(alex, readonly=True) as store:
        mine = {n.text for n in store.notes()}
    with Store(sam, readonly=True) as store:
        theirs = {n.text for n in store.notes()}
    assert set(acknowledged) <= theirs <= mine
