"""``micro-romance doctor``: where your data is, whether it is sound, what to do if not.

Reads without the lock and changes nothing. It also names the keys file,
``config.toml`` (:mod:`tui.config`). Exit status 0 when all is well,
1 when something needs attention (each with what to do about it).
"""

from __future__ import annotations

import argparse
import os
import stat
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui import APP_NAME
from tui.cli.common import add_command, data_dir
from tui.format import plural

if TYPE_CHECKING:
    from tui.config import Config

LABEL = 16


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def row(self, label: str, value: str) -> None:
        self.lines.append(f"{label:<{LABEL}}{value}")

    def more(self, value: str) -> None:
        self.lines.append(" " * LABEL + value)


def register_doctor(sub: argparse._SubParsersAction) -> None:
    add_command(
        sub,
        "doctor",
        run_doctor,
        help="check your data file and say what to do about anything wrong",
        description="Show where your data lives (path, size, permissions, schema version, counts), "
        "check it, list the backups, and say what to do about anything that needs attention. "
        "Changes nothing. Exits with 1 when something needs attention.",
    )


def size(n: int) -> str:
    if n < 1000:
        return f"{n} B"
    if n < 1_000_000:
        return f"{n / 1000:.1f} kB"
    return f"{n / 1_000_000:.1f} MB"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run_doctor(args: argparse.Namespace) -> int:
    """Report on the data folder; 0 when all is well, 1 when something needs attention."""
    from tui.storage import BACKUP_DIR, FILE_NAME, HISTORY_DIR, SCHEMA_VERSION, DataFileError, Store, StoreError
    from tui.storage.kinds import BY_SECTION

    folder = data_dir(args)
    report = Report()
    config = _config(report)
    report.row("Data folder", str(folder))
    if not folder.exists():
        report.more("(not created yet)")
        print("\n".join(report.lines))
        for note in report.notes:
            print(f"\nNote: {note}")
        print(f"\nNo data yet: the folder is created the first time {APP_NAME} saves something.")
        return 0
    if not folder.is_dir():
        print("\n".join(report.lines))
        print(
            f"\nNeeds attention:\n- {folder} is a file, not a folder. "
            "Move it aside, or choose another folder with --data-dir."
        )
        return 1
    _check_mode(report, folder, 0o700, "folder")
    for inner in (folder / HISTORY_DIR, folder / BACKUP_DIR):
        if inner.is_dir() and not inner.is_symlink():
            _check_mode(report, inner, 0o700, "folder")

    main = folder / FILE_NAME
    history = (
        sorted((folder / HISTORY_DIR).glob("[0-9][0-9][0-9][0-9].json")) if (folder / HISTORY_DIR).is_dir() else []
    )
    for number, path in enumerate([main, *history]):
        label = "Data file" if number == 0 else ("History" if number == 1 else "")
        if not path.exists():
            report.row(label, f"{path.name} (not created yet)")
            continue
        report.row(label, f"{path.relative_to(folder)}  {size(path.stat().st_size)}  {mode(path):04o}")
        _check_mode(report, path, 0o600, "file")

    leftovers = [p for d in (folder, folder / HISTORY_DIR) if d.is_dir() for p in sorted(d.glob(".*.tmp"))]
    if leftovers and not (folder / ".micro-romance.journal").exists():  # else they hold a save to finish
        report.attention.append(
            f"{plural(len(leftovers), 'temporary file')} left by an interrupted save "
            f"({', '.join(str(p.relative_to(folder)) for p in leftovers)}). Your data is in the files above, "
            f"not in these; {APP_NAME} removes them the next time it opens, or delete them yourself."
        )

    store: Store | None = None
    try:
        store = Store(folder, readonly=True)
    except DataFileError as exc:
        report.attention.append(f"{exc.path} could not be read: {exc.problem}. It has not been changed.")
    except StoreError as exc:
        report.attention.append(f"The data could not be read. {exc}")
    if store is not None:
        with store:
            version = store.schema_version
            report.row("Schema version", f"{version} (this {APP_NAME} reads up to {SCHEMA_VERSION})")
            if version < SCHEMA_VERSION:
                report.notes.append(f"The file uses an older schema; it is upgraded the next time {APP_NAME} opens.")
            counts = [plural(n, *BY_SECTION[section].label) for section, n in store.counts().by_section.items()]
            half = (len(counts) + 1) // 2
            report.row("Entries", ", ".join(counts[:half]))
            report.more(", ".join(counts[half:]))
            known = {r.id for r in store.rituals(include_archived=True)}
            orphans = sum(len(days) for rid, days in store.ticks_by_ritual().items() if rid not in known)
            if orphans:
                report.notes.append(
                    f"{plural(orphans, 'tick belongs', 'ticks belong')} to a ritual that is no longer "
                    "there; they are kept and do no harm."
                )
            report.row("Check", "every entry reads correctly" if main.exists() else "nothing saved yet")
            saved = store.settings().theme
            if saved and not config.theme:  # an older copy's choice, used when config.toml names none
                report.notes.extend(_theme_notes(saved, in_config=False))

    from tui.storage.lifecycle import list_backups

    backups = list_backups(folder)  # the store's own listing, also when it cannot open
    sound: list[Path] = []
    if backups:
        report.row("Backups", f"{plural(len(backups), 'copy', 'copies')} in {folder / BACKUP_DIR}, newest first:")
        for backup in backups:
            _check_mode(report, backup, 0o700, "folder")
            files = [p for p in backup.rglob("*.json") if p.is_file()]
            made = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            problem = _backup_problem(backup)
            if problem:
                report.attention.append(f"The backup {backup} is damaged ({problem}); do not restore it.")
            else:
                sound.append(backup)
            state = "damaged" if problem else "reads correctly"
            report.more(
                f"{backup.name}  ({plural(len(files), 'file')}, "
                f"{size(sum(p.stat().st_size for p in files))}, made {made}, {state})"
            )
        if sound:
            report.more("To restore one: quit every copy of the app, then copy that backup folder's files")
            report.more(f'over the data folder, e.g.  cp -R "{sound[0]}/." "{folder}/"')
    else:
        report.row("Backups", "none yet (one is made each time the app opens changed data)")

    print("\n".join(report.lines))
    for note in report.notes:
        print(f"\nNote: {note}")
    if report.attention:
        print("\nNeeds attention:")
        for item in report.attention:
            print(f"- {item}")
        if store is None:
            print(
                f"- What to do: restore {_which(sound, backups)} (quit the app first), "
                "or open a fresh folder with --data-dir while you sort it out."
                if sound
                else "- What to do: there is no sound backup yet. Keep a copy of the file, then fix it by hand "
                "or start afresh with --data-dir pointing to another folder."
            )
        return 1
    print("\nAll is well.")
    return 0


def _config(report: Report) -> Config:
    """Where config.toml is looked for, and what it holds (its ids are checked by the full screen)."""
    from tui.config import read_config

    config = read_config()
    more: list[str] = []
    if config.keys:  # checked as the full screen checks them (which loads the screens, and Textual, here only)
        import tui.app  # noqa: F401 (the App's own bindings, app.help and the rest, are loaded with it)
        from tui.keys import checked_config
        from tui.screens.bindings import all_bindings

        config, more = checked_config(all_bindings, config)
    if config.theme:
        more.extend(_theme_notes(config.theme, in_config=True))
    if not config.found and not config.warnings:
        report.row("Config file", f"{config.path}  (not there: the usual keys)")
        return config
    count = len(config.keys)
    report.row("Config file", f"{config.path}  ({count} {'key' if count == 1 else 'keys'} of your own)")
    report.notes.extend([*config.warnings, *more])
    return config


def _theme_notes(name: str, *, in_config: bool) -> list[str]:
    """The full screen's notice of a theme it does not know (tui.themes.choose_theme), or none."""
    from tui.themes import known_theme, unknown_theme

    return [] if known_theme(name) else [unknown_theme(name, in_config=in_config)]


def _which(sound: list[Path], backups: list[Path]) -> str:
    if sound[0] == backups[0]:
        return "the newest backup listed above"
    return f"{sound[0].name}, the newest backup that reads correctly,"


def _backup_problem(backup: Path) -> str:
    """Why a backup could not be restored ("" when every entry in it reads correctly)."""
    from tui.storage import DataFileError, Store, StoreError

    if not (backup / "micro-romance.json").is_file():
        return "it has no micro-romance.json"
    try:
        Store(backup, readonly=True).close()
    except DataFileError as exc:
        return f"{exc.path.relative_to(backup)}: {exc.problem}"
    except StoreError as exc:
        return str(exc)
    return ""


def _check_mode(report: Report, path: Path, want: int, kind: str) -> None:
    try:
        have = mode(path)
    except OSError:
        return
    if have & 0o077:
        report.attention.append(
            f"The data {kind} {path} can be read by others (permissions {have:04o}). "
            f'Run: chmod {want:o} "{path}"  ({APP_NAME} also fixes this the next time it opens.)'
        )
    elif not os.access(path, os.W_OK | (os.X_OK if kind == "folder" else 0)) and _read_only_system(path):
        report.attention.append(
            f"The data {kind} {path} is on a read-only file system, so nothing new could be saved. "
            "Make that file system writable again, or choose another folder with --data-dir."
        )
    elif not os.access(path, os.W_OK | (os.X_OK if kind == "folder" else 0)):
        report.attention.append(
            f"The data {kind} {path} cannot be written (permissions {have:04o}), so nothing new could be saved. "
            f'Run: chmod {want:o} "{path}"'
        )


def _read_only_system(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & getattr(os, "ST_RDONLY", 1))
    except (OSError, AttributeError):
        return False
