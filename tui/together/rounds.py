"""A round of Together on a store, in two steps around the engine's round (which touches
only the shared folder, so the full screen runs it in a worker thread).

The first step reads only this device's own files (its pairing and its outbox): nothing
from the shared folder, which anyone with access to it can make slow, is read on the
thread that owns the store. Keys waiting for confirmation are counted in the round.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.together.report import RoundReport

if TYPE_CHECKING:
    from tui.storage import Store
    from tui.sync.change import Change
    from tui.together import Together


@dataclass
class Prepared:
    """A round's first step, on the thread that owns the store: the outbox, ready to send."""

    engine: Any
    together: Together
    names: dict[str, str]
    own: frozenset[str]  # this device and those confirmed as "mine"
    outbox: list[Change]


def prepare(store: Store, state_dir: Path) -> Prepared | None:
    """Build this device's outbox; None when the device is not paired."""
    from tui.sync import pairing

    engine = pairing.engine(state_dir)
    if engine is None:
        return None
    names = {device: trusted.name for device, trusted in engine.trusted.items()}
    names[engine.me.device] = engine.name
    own = frozenset({engine.me.device, *(device for device, trusted in engine.trusted.items() if trusted.mine)})
    from tui.together import Together

    together = Together(store, state_dir, person=engine.name)
    return Prepared(engine, together, names, own, together.outbox(engine.clock))


def finish(prepared: Prepared, result: Any) -> RoundReport:
    """A round's last step, on the store's thread, under the writers' lock: apply, commit, then drop
    what was sent. What Together keeps beside the store is read again first, so an entry marked to
    share since the first step (a command's ``--share``, ``p`` in the full screen) stays marked; the
    outbox worked out before it is sent again, as it is now, at the next round."""
    prepared.together.reload()
    applied = prepared.together.apply_remote(result.incoming, prepared.names, prepared.own)
    prepared.engine.commit(result)
    prepared.together.drop_from_outbox(result.sent)
    return RoundReport(
        received=applied,
        sent=len(result.sent),
        skipped=[str(p) for p in result.skipped + result.keys] + prepared.together.problems,
        waiting=result.waiting,
        confirmed=len(prepared.names) - 1,
    )


def run_round(store: Store, state_dir: Path) -> RoundReport | None:
    """One whole round; None when not paired. Raises FolderMissing (and OSError) as the engine does."""
    prepared = prepare(store, state_dir)
    if prepared is None:
        return None
    return finish(prepared, prepared.engine.round(prepared.outbox))
