"""Errors about the data folder that the user must hear about.

Kept apart from the store so that the command line can catch them without
importing TinyDB.
"""

from __future__ import annotations

TYPE_CHECKING = False  # pathlib for the annotations only: --help need not import it
if TYPE_CHECKING:
    from pathlib import Path


class StoreError(Exception):
    """Something about the data directory the user must hear about."""


class DataFileError(StoreError):
    """The data file exists but cannot be used; it has not been touched."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        folder = path.parent.parent if path.parent.name == "history" else path.parent
        super().__init__(
            f"The data file {path} could not be read: {problem}. "
            "It has not been changed. Restore a copy from "
            f"{folder / 'backups'} (see README, 'Your data'), fix it by hand, "
            "or start afresh with --data-dir pointing to another folder."
        )


class MissingDataFile(DataFileError):
    """The main file is gone while history/ still holds past years: damaged, not new."""

    def __init__(self, path: Path, years: list[str], newest_backup: Path | None) -> None:
        self.path = path
        self.problem = f"it is missing, while {path.parent / 'history'} holds your entries of {', '.join(years)}"
        if newest_backup is not None:
            restore = (
                f'Restore it from the newest backup: cp -R "{newest_backup}/." "{path.parent}/" '
                "(see README, 'Your data')"
            )
        else:
            restore = f"There is no backup in {path.parent / 'backups'}; put back your own copy of {path.name}"
        StoreError.__init__(
            self,
            f"The data file {path} is missing, while {path.parent / 'history'} holds your entries of "
            f"{', '.join(years)}. Nothing was written. {restore}.",
        )


class StoreLockedError(StoreError):
    """Another running copy holds the data directory."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"Another copy is already running with the data in {data_dir}. "
            "Close it first (two copies writing at once could lose words)."
        )


class StoreWriteError(StoreError):
    """A write did not reach the disk; nothing on disk changed."""


__all__ = ["DataFileError", "MissingDataFile", "StoreError", "StoreLockedError", "StoreWriteError"]
