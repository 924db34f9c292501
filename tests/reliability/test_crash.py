"""SIGKILL at random moments: every acknowledged write survives, the files load.

The writer child and the bookkeeping live in ``bench/crash_harness.py``; the long
version (500 kills) is ``bench/soak.py``.
"""

from __future__ import annotations

from pathlib import Path

from bench.crash_harness import Model, replay, run_trials


def test_twenty_kills_lose_nothing(tmp_path: Path) -> None:
    tally = run_trials(tmp_path, 20, seed=20261125, per_folder=20, min_writes=5)
    assert tally.failures == []
    assert tally.kills == 20
    assert (tally.lost, tally.unreadable, tally.unexpected) == (0, 0, 0)
    # Most kills landed while writing, not only before the first write.
    assert tally.while_writing >= 15
    assert tally.acknowledged >= 5 * tally.while_writing
    # Later runs wrote into years after the first, so past years were archived.
    assert len(list((tmp_path / "data-000" / "history").glob("*.json"))) >= 5


def test_a_cut_acknowledgement_is_not_counted() -> None:
    """The bookkeeping itself: only a complete ``ok`` line acknowledges a write."""
    model = Model()
    acked, pending = replay(["ready", "do note 2026-12-30 s1-1 thank you", "ok abc", "do tick r 2026-12-30 1"], model)
    assert acked == 1 and pending == ["tick", "r", "2026-12-30", "1"]
    assert model.notes == {"s1-1 thank you": ("abc", "2026-12-30")} and model.ticks == set()
