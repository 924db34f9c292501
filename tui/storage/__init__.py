"""Persistence: the data folder, its files and the ``Store`` over them.

One job per module:

* :mod:`~tui.storage.files`: names in the folder, private folders, atomic writes, reading JSON
* :mod:`~tui.storage.tinystore`: the year-split TinyDB storage (the only importer of TinyDB)
* :mod:`~tui.storage.journal`: writes that span files, all or nothing
* :mod:`~tui.storage.reader` and :mod:`~tui.storage.codecs`: one codec per kind of entry
* :mod:`~tui.storage.kinds`: the registry of kinds, each declared once (read by the index, the store,
  the export and import, the counts and Together); :mod:`~tui.storage.entries`: reading, putting and
  dropping an entry of any kind
* :mod:`~tui.storage.index`: the in-memory index built from the files
* :mod:`~tui.storage.years`: past years read only when asked for, checked at open when changed
* :mod:`~tui.storage.lifecycle`: schema versions, migrations, backups, leftovers
* :mod:`~tui.storage.lock`: one running copy per data folder
* :mod:`~tui.storage.store`: the :class:`Store` facade (its ticks in :mod:`~tui.storage.ticks`, its prompts
  and answers in :mod:`~tui.storage.answers`)

Names are loaded on first use, so ``tui.storage.files`` or ``tui.storage.lock``
can be imported without TinyDB.
"""

from __future__ import annotations

from importlib import import_module

from tui.errors import DataFileError, StoreError, StoreLockedError, StoreWriteError

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:
    from tui.storage.files import BACKUP_DIR, FILE_NAME, HISTORY_DIR, LOCK_NAME, atomic_write
    from tui.storage.lifecycle import SCHEMA_VERSION
    from tui.storage.store import Store, open_store

__all__ = [
    "BACKUP_DIR",
    "FILE_NAME",
    "HISTORY_DIR",
    "LOCK_NAME",
    "SCHEMA_VERSION",
    "DataFileError",
    "Store",
    "StoreError",
    "StoreLockedError",
    "StoreWriteError",
    "atomic_write",
    "open_store",
]

_LAZY = {
    "Store": "store",
    "open_store": "store",
    "SCHEMA_VERSION": "lifecycle",
    "BACKUP_DIR": "files",
    "FILE_NAME": "files",
    "HISTORY_DIR": "files",
    "LOCK_NAME": "files",
    "atomic_write": "files",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tui.storage' has no attribute {name!r}")
    return getattr(import_module(f"tui.storage.{module}"), name)
