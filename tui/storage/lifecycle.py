"""The data folder over time: schema versions, migrations, backups, leftovers.

* A file with a newer ``schema_version`` is never overwritten.
* Leftover temporary files of a killed run are removed (never the data).
* At start, a copy of the files is kept in ``backups/STAMP/`` when they changed,
  kept by age: the last few starts and the newest of each of the last seven days.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from tui.errors import DataFileError
from tui.storage.files import BACKUP_DIR, HISTORY_DIR, LOCK_NAME, fsync_dir, make_private_dir, tighten_dir

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any

SCHEMA_VERSION = 1

# Migrations: MIGRATIONS[n] turns a version-n database into version n+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def check_version(data: dict[str, Any], path: Path) -> int | None:
    """The schema version of ``data`` (None for a new folder); refuse a newer one."""
    if not data:
        return None
    meta = data.get("meta")
    version = None
    if isinstance(meta, dict) and isinstance(meta.get("1"), dict):
        version = meta["1"].get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise DataFileError(path, "it has no schema_version, so it was not written by micro-romance")
    if version < 1:
        raise DataFileError(path, f"its schema_version is {version}, which no micro-romance writes")
    if version > SCHEMA_VERSION:
        raise DataFileError(
            path,
            f"it was written by a newer micro-romance (schema {version}; this one knows up to "
            f"{SCHEMA_VERSION}). Upgrade micro-romance to open it",
        )
    return version


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """``data`` brought from ``version`` up to :data:`SCHEMA_VERSION`."""
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data | {"meta": {"1": {"schema_version": version}}}


def clean_leftovers(data_dir: Path, files: list[Path]) -> None:
    """Remove temporary files a killed run left behind (never the data),
    and make sure the data files are private."""
    for path in files:
        try:
            info = path.lstat()  # never through a link: its target may be anyone's
            if stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) != 0o600:
                os.chmod(path, 0o600)
        except OSError:
            pass
    backups = data_dir / BACKUP_DIR
    for folder in (data_dir / HISTORY_DIR, backups, *list_backups(data_dir)):
        try:
            tighten_dir(folder)
            tighten_dir(folder / HISTORY_DIR)
        except OSError:
            pass  # missing, or not ours to change
    old_lock = data_dir / LOCK_NAME  # older versions locked this file; the folder is locked now
    try:
        if os.name != "nt" and stat.S_ISREG(old_lock.lstat().st_mode) and old_lock.lstat().st_size == 0:
            old_lock.unlink()
    except OSError:
        pass
    for folder in (data_dir, data_dir / HISTORY_DIR):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                try:
                    tmp.unlink()
                except OSError:
                    pass
    if backups.is_dir() and not backups.is_symlink():
        for prefix in (_WORK, _GONE):  # a backup cut short by a kill, or an old one half removed
            for work in backups.glob(f"{prefix}*"):
                if BACKUP_NAME.fullmatch(work.name[len(prefix) :]) and work.is_dir() and not work.is_symlink():
                    import shutil  # here, not at import: opening for a read never needs it (2 ms)

                    shutil.rmtree(work, ignore_errors=True)


BACKUP_NAME = re.compile(r"\d{8}-\d{6}-\d{6}")
"""How micro-romance names a backup (its start time); nothing else in backups/ is ours."""
_STAMP = "%Y%m%d-%H%M%S-%f"
_WORK = ".tmp-"
"""A backup being written: renamed to its stamp once whole, removed if left by a kill."""
_GONE = ".old-"
"""An old backup being removed: renamed out of the list first, then deleted."""

KEEP_STARTS = 3
KEEP_DAYS = 7


def make_backup(data_dir: Path, files: list[Path], now: datetime | None = None) -> None:
    """Keep a copy of the last good files, made at start when they changed.

    The copy is written in a temporary folder, fsynced, then renamed into place,
    so a backup that is listed is whole. Old ones go by age (:func:`to_drop`).
    """
    import shutil  # here, not at import: a command that makes no backup never needs it

    if not files:
        return
    root = data_dir / BACKUP_DIR
    now = now or datetime.now()
    try:
        if root.is_symlink():
            return  # never write or delete through a link out of the folder
        make_private_dir(root)
        existing = list_backups(data_dir)
        if existing and _same_files(files, existing[0], data_dir):
            return
        target = root / now.strftime(_STAMP)
        if os.path.lexists(target):
            return
        work = root / f"{_WORK}{target.name}"
        make_private_dir(work / HISTORY_DIR)
        try:
            for src in files:
                dst = work / src.relative_to(data_dir)
                if existing and _unchanged(src, existing[0] / src.relative_to(data_dir)):
                    try:  # the same bytes, already on disk in the last backup: share them
                        os.link(existing[0] / src.relative_to(data_dir), dst)
                        continue
                    except OSError:
                        pass
                shutil.copy2(src, dst)
                os.chmod(dst, 0o600)
                _fsync_file(dst)
            fsync_dir(work / HISTORY_DIR)
            fsync_dir(work)
            os.rename(work, target)
            fsync_dir(root)
        except OSError:
            shutil.rmtree(work, ignore_errors=True)
            raise
        for old in to_drop(list_backups(data_dir), now):
            # Renamed out of the list first, so a kill halfway never leaves a half copy listed.
            gone = root / f"{_GONE}{old.name}"
            try:
                os.rename(old, gone)
            except OSError:
                continue  # kept this time; the next start tries again
            shutil.rmtree(gone, ignore_errors=True)
    except OSError:
        pass  # a backup that cannot be made must not stop the day's use


def to_drop(backups: list[Path], now: datetime) -> list[Path]:
    """The backups to remove: all but the last few starts and the newest of each
    of the last seven days. One made "later" than now (the clock was set back
    since) is kept: it may hold the newest words."""
    dated = [(when, b) for b in backups if (when := _made(b.name)) is not None]
    past = sorted(((when, b) for when, b in dated if when <= now), reverse=True)
    keep = {b for when, b in dated if when > now} | {b for _when, b in past[:KEEP_STARTS]}
    days: set[object] = set()
    for when, b in past:
        if (now.date() - when.date()).days < KEEP_DAYS and when.date() not in days:
            days.add(when.date())
            keep.add(b)
    return [b for _when, b in dated if b not in keep]


def _made(name: str) -> datetime | None:
    try:
        return datetime.strptime(name, _STAMP)
    except ValueError:
        return None


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def list_backups(data_dir: Path) -> list[Path]:
    """Our own backup folders (real folders named as we name them), newest first."""
    root = data_dir / BACKUP_DIR
    if root.is_symlink() or not root.is_dir():
        return []
    found = [p for p in root.iterdir() if BACKUP_NAME.fullmatch(p.name) and not p.is_symlink() and p.is_dir()]
    return sorted(found, reverse=True)


def _same_files(files: list[Path], backup: Path, data_dir: Path) -> bool:
    copies = [p for p in backup.rglob("*.json")]
    if len(copies) != len(files):
        return False
    return all(_unchanged(src, backup / src.relative_to(data_dir)) for src in files)


def _unchanged(src: Path, copy: Path) -> bool:
    """The copy was made from this very file (copies keep the size and time)."""
    try:
        a, b = src.stat(), copy.lstat()
    except OSError:
        return False
    return stat.S_ISREG(b.st_mode) and a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns
