"""The data folder over time: schema versions, migrations, backups, leftovers.

* A file with a newer ``schema_version`` is never overwritten.
* Leftover temporary files of a killed run are removed (never the data).
* At start, a copy of the files is kept in ``backups/STAMP/`` when they changed.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.errors import DataFileError
from tui.storage.files import BACKUP_DIR, HISTORY_DIR

SCHEMA_VERSION = 1
BACKUPS_KEPT = 5

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
            if stat.S_IMODE(path.stat().st_mode) != 0o600:
                os.chmod(path, 0o600)
        except OSError:
            pass
    for folder in (data_dir, data_dir / HISTORY_DIR):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                try:
                    tmp.unlink()
                except OSError:
                    pass


def make_backup(data_dir: Path, files: list[Path]) -> None:
    """Keep a copy of the last good files, made at start (newest five kept)."""
    if not files:
        return
    root = data_dir / BACKUP_DIR
    try:
        root.mkdir(mode=0o700, exist_ok=True)
        existing = sorted(p for p in root.iterdir() if p.is_dir())
        if existing and _same_files(files, existing[-1], data_dir):
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = root / stamp
        (target / HISTORY_DIR).mkdir(mode=0o700, parents=True)
        try:
            for src in files:
                dst = target / src.relative_to(data_dir)
                shutil.copy2(src, dst)
                os.chmod(dst, 0o600)
        except OSError:
            shutil.rmtree(target, ignore_errors=True)
            raise
        for old in existing[: max(0, len(existing) + 1 - BACKUPS_KEPT)]:
            shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass  # a backup that cannot be made must not stop the day's use


def list_backups(data_dir: Path) -> list[Path]:
    """Backup folders, newest first."""
    root = data_dir / BACKUP_DIR
    if not root.is_dir():
        return []
    return sorted((p for p in root.iterdir() if p.is_dir()), reverse=True)


def _same_files(files: list[Path], backup: Path, data_dir: Path) -> bool:
    copies = [p for p in backup.rglob("*.json")]
    if len(copies) != len(files):
        return False
    for src in files:
        dst = backup / src.relative_to(data_dir)
        try:
            a, b = src.stat(), dst.stat()
        except OSError:
            return False
        if a.st_size != b.st_size or a.st_mtime_ns != b.st_mtime_ns:
            return False
    return True
