"""What a few data files are now, without reading them: each one's inode, size and time as a word.

The quick answers keep these words beside what they worked out (``DATA/status``, ``DATA/nudge``) and
trust it again only while the words are the same. Only ``os`` is imported: ``nudge`` and ``status``
answer a new terminal about as fast as a bare Python starts.
"""

from __future__ import annotations

import os


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
