"""Writes that span files, all or nothing: stage every file, commit with one rename.

1. Each new file is written beside its final name as a temporary file, fsynced.
2. The journal (``.micro-romance.journal``, which temporary file becomes which
   data file) is written atomically: this one rename is the commit.
3. Each temporary file is renamed over its data file; the journal is removed.

A crash before the commit leaves only temporary files (removed at the next
open: nothing changed); a crash after it is finished at the next open, so
either every file of a write is new or none is. When a rename fails while
running, the files already renamed are put back the same way (their old bytes
staged, then a journal of the undo committed), so a failed write changes nothing.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path

from tui.durable import temp_beside, write_temp
from tui.errors import DataFileError, StoreError
from tui.storage.files import FILE_NAME, HISTORY_DIR, atomic_write, dumps, fsync_dir, make_private_dir

JOURNAL_NAME = ".micro-romance.journal"


@cache
def _final() -> re.Pattern[str]:  # compiled when first needed: only a journal left by a kill is read
    return re.compile(rf"{re.escape(FILE_NAME)}|{HISTORY_DIR}/\d{{4}}\.json")


class CommitUnfinished(OSError):
    """Not every file is in place yet; the next open finishes. ``kept`` says whether
    that gives the new data (True) or puts the old back (False)."""

    def __init__(self, exc: OSError, *, kept: bool) -> None:
        super().__init__(exc.errno, exc.strerror or str(exc))
        self.kept = kept


def write_all(folder: Path, payloads: list[tuple[Path, bytes | None]], before: dict[Path, bytes | None]) -> None:
    """Replace several files of the data folder at once: all or nothing.

    ``before`` holds each file's current bytes (None: it does not exist), used
    to put it back if a rename fails. A plain OSError means nothing changed;
    :class:`CommitUnfinished` that the next open completes the write or its undo.
    """
    _commit(folder, payloads)
    try:
        finish(folder)
    except OSError as exc:
        done = [path for path, _data in payloads if not _still_staged(folder, path)]
        try:
            _commit(folder, [(path, before.get(path)) for path in done], replacing=True)
        except OSError:
            raise CommitUnfinished(exc, kept=True) from exc
        try:
            finish(folder)
        except OSError:
            raise CommitUnfinished(exc, kept=False) from exc
        raise exc


def _commit(folder: Path, payloads: list[tuple[Path, bytes | None]], *, replacing: bool = False) -> None:
    """Stage every file, then write the journal atomically (the commit)."""
    staged: list[tuple[Path, Path]] = []
    deletes = [str(path.relative_to(folder)) for path, data in payloads if data is None]
    try:
        for path, data in payloads:
            if data is None:
                continue
            make_private_dir(path.parent)
            tmp = temp_beside(path)
            staged.append((tmp, path))
            write_temp(tmp, data)
        for parent in {tmp.parent for tmp, _path in staged}:
            fsync_dir(parent)
        renames = [[str(tmp.relative_to(folder)), str(path.relative_to(folder))] for tmp, path in staged]
        # The commit. An undo replaces the journal of the write it undoes in one
        # rename, so the forward temporary files it leaves are mere leftovers.
        atomic_write(folder / JOURNAL_NAME, dumps({"renames": renames, "deletes": deletes}))
    except BaseException:
        for tmp, _path in staged:
            try:
                tmp.unlink()
            except OSError:
                pass
        raise
    if replacing:
        for parent in (folder, folder / HISTORY_DIR):
            for tmp in parent.glob(".*.tmp") if parent.is_dir() else ():
                if tmp not in {t for t, _p in staged}:
                    try:
                        tmp.unlink()
                    except OSError:
                        pass


def _still_staged(folder: Path, path: Path) -> bool:
    return any(final == path and os.path.lexists(tmp) for tmp, final in _renames(folder, folder / JOURNAL_NAME)[0])


def pending(folder: Path) -> bool:
    return os.path.lexists(folder / JOURNAL_NAME)


def view(folder: Path) -> tuple[dict[Path, Path], set[Path]]:
    """A pending save as a reader sees it: data file -> staged file, and files it removes."""
    renames, deletes = _renames(folder, folder / JOURNAL_NAME)
    return {final: tmp for tmp, final in renames if os.path.lexists(tmp)}, set(deletes)


def finish(folder: Path) -> None:
    """Put every file of a committed write in place and remove the journal."""
    journal = folder / JOURNAL_NAME
    if not os.path.lexists(journal):
        return
    renames, deletes = _renames(folder, journal)
    for tmp, final in renames:
        if os.path.lexists(tmp):  # else renamed already, before a crash
            os.replace(tmp, final)
    for final in deletes:
        if os.path.lexists(final):
            final.unlink()
    for parent in {folder, folder / HISTORY_DIR}:
        fsync_dir(parent)
    journal.unlink()
    fsync_dir(folder)


def _renames(folder: Path, journal: Path) -> tuple[list[tuple[Path, Path]], list[Path]]:
    try:
        if journal.is_symlink() or not journal.is_file():
            raise ValueError
        found = json.loads(journal.read_text(encoding="utf-8"))
        pairs = []
        for tmp, final in found["renames"]:
            if not (
                _final().fullmatch(final)
                and Path(tmp).parent == Path(final).parent
                and Path(tmp).name.startswith(f".{Path(final).name}.")
                and tmp.endswith(".tmp")
            ):
                raise ValueError
            pairs.append((folder / tmp, folder / final))
        deletes = [folder / final for final in found["deletes"] if _final().fullmatch(final) or _bad()]
        return pairs, deletes
    except OSError as exc:
        raise StoreError(
            f"The journal {journal} of an interrupted save cannot be read ({exc.strerror or exc})."
        ) from exc
    except (ValueError, TypeError, KeyError, RecursionError):
        raise DataFileError(
            journal, "it is not a journal micro-romance wrote (move it aside to open your data)"
        ) from None


def _bad() -> bool:
    raise ValueError
