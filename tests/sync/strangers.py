"""Strangers' keys planted in a shared folder: signed ``key.pub`` files of devices nobody here
is pairing with, as a folder shared too widely (or someone hostile) fills it."""

from __future__ import annotations

import os
from pathlib import Path

from tui.sync.crypto import Identity
from tui.sync.files import canonical_json
from tui.sync.peers import key_document


def plant_strangers(shared: Path, count: int, *, name: str = "Stranger", since: int = 1_700_000_000) -> list[str]:
    """``count`` strangers' devices with real signed keys, each key.pub one minute newer than the
    last (from ``since``, in seconds); their device ids, oldest first."""
    base = shared / "micro-romance"
    planted = []
    for i in range(count):
        someone = Identity.generate()
        folder = base / someone.device
        folder.mkdir(parents=True)
        key = folder / "key.pub"
        key.write_bytes(canonical_json(key_document(someone, f"{name} {i}")))
        os.utime(key, (since + 60 * i, since + 60 * i))
        planted.append(someone.device)
    return planted
