"""Pairing two devices in tests, as a couple would: start, join, read the folder on each side
until both show the same code (the commitment's steps), then confirm on each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tui.sync import pairing

STEPS = 4
"""Readings per side at most before both sides know the code (start, join, then two each suffice)."""


def two_devices(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Alex's and Sam's data folders (not made yet) and an empty shared folder."""
    shared = tmp_path / "Shared"
    shared.mkdir()
    return tmp_path / "alex", tmp_path / "sam", shared


def shared_code(first: Path, second: Path) -> str:
    """Read the folder on each side in turn until both show one code for each other; that code."""
    for _ in range(STEPS):
        seen = [{d.device: d.code for d in pairing.status(state).waiting} for state in (first, second)]
        me = [pairing.status(state).device for state in (first, second)]
        code_one, code_two = seen[0].get(me[1], ""), seen[1].get(me[0], "")
        if code_one and code_one == code_two:
            return code_one
    raise AssertionError(f"no shared code after {STEPS} readings: {seen}")


def meet(first: Path, second: Path, shared: Path, names: tuple[str, str] = ("Alex", "Sam")) -> str:
    """Start on ``first``, join on ``second``, read until both show one code (not confirmed yet); the code."""
    pairing.start(first, shared, names[0])
    pairing.join(second, shared, names[1])
    return shared_code(first, second)


def pair_up(
    first: Path, second: Path, shared: Path, names: tuple[str, str] = ("Alex", "Sam"), *, mine: bool = False
) -> str:
    """Start on ``first``, join on ``second``, confirm the shared code on both; the code."""
    code = meet(first, second, shared, names)
    pairing.confirm(first, code, mine=mine)
    pairing.confirm(second, code, mine=mine)
    return code


def code_in(out: str) -> str:
    """The code on a ``Pairing code: `` line of a command's output, or ""."""
    found = [line.removeprefix("Pairing code: ") for line in out.splitlines() if line.startswith("Pairing code: ")]
    return found[0] if len(found) == 1 else ""


def cli_code(status: Callable[[Path], str], first: Path, second: Path) -> str:
    """The code both show, by ``pair status`` (``status(data)`` returns its output) on each side in turn."""
    for _ in range(STEPS):
        one, two = code_in(status(first)), code_in(status(second))
        if one and one == two:
            return one
    raise AssertionError("no shared code by pair status")
