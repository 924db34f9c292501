"""Errors about the data folder that the user must hear about.

Kept apart from the store so that the command line can catch them without
importing TinyDB.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Something about the data directory the user must hear about."""


class DataFileError(StoreError):
    """The data file exists but cannot be used; it has not been touched."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(
            f"The data file {path} could not be read: {problem}. "
            "It has not been changed. Restore a copy from "
            f"{path.parent / 'backups'} (see README, 'Your data'), fix it by hand, "
            "or start afresh with --data-dir pointing to another folder."
        )


class StoreLockedError(StoreError):
    """Another running copy holds the data directory."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"micro-romance is already running with the data in {data_dir}. "
            "Close the other copy first (two copies writing at once could lose words)."
        )


class StoreWriteError(StoreError):
    """A write did not reach the disk; nothing on disk changed."""

__all__ = ["DataFileError", "StoreError", "StoreLockedError", "StoreWriteError"]
