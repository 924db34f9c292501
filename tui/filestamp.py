"""What a few data files are now, without reading them: each one's inode, size and time as a word.

The quick answers keep these words beside what they worked out (``DATA/status``, ``DATA/nudge``) and
trust it again only while the words are the same. :func:`day_files` is the one list of the files a
day's answer is worked out from, for both. Only ``os`` is imported: ``nudge`` and ``status`` answer a
new terminal about as fast as a bare Python starts.
"""

from __future__ import annotations

import os

# Spelt here, not imported: the modules that own these names import pathlib or more (a test keeps them equal).
MAIN = "micro-romance.json"  # tui.storage.files.FILE_NAME: settings, rituals, days, this year's entries
HISTORY = "history"  # tui.storage.files.HISTORY_DIR: one file per past year
TOGETHER = os.path.join("sync", "together.json")  # tui.paths.SYNC_DIR, tui.together.state.STATE_FILE
JOURNAL = ".micro-romance.journal"  # tui.storage.journal.JOURNAL_NAME: a save committed, its files not all in place


def day_files(day: str) -> tuple[str, ...]:
    """The files (under the data folder) a day's answer depends on, for ``day`` as YYYY-MM-DD.

    The main file; that year's and the year before's history files (once an entry dated later is in,
    a year's entries move out of the main file, and a write to an old day goes to its year's file);
    Together's state (the partner's days, ranking and what they shared); and the journal of a save
    committed but not all in place, which a reader already takes as saved.
    """
    year = int(day[:4])
    return (
        MAIN,
        os.path.join(HISTORY, f"{year}.json"),
        os.path.join(HISTORY, f"{year - 1}.json"),
        TOGETHER,
        JOURNAL,
    )


def day_stamp(folder: str, day: str) -> str:
    """The words of :func:`day_files` for ``day`` under ``folder``, as one line."""
    return " ".join(file_stamps(folder, day_files(day)))


def file_stamps(folder: str, names: tuple[str, ...]) -> list[str]:
    """One word per file of ``names`` under ``folder``: "inode:size:mtime_ns", or "-" when it is missing."""
    parts = []
    for name in names:
        try:
            info = os.stat(os.path.join(folder, name))
        except OSError:
            parts.append("-")
            continue
        parts.append(f"{info.st_ino}:{info.st_size}:{info.st_mtime_ns}")
    return parts
