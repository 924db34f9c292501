"""A round's reading side: the confirmed devices' logs, each looked at through the guarded door.

For each log (the newest logs first, then conflict copies, at most :data:`~tui.sync.guard.MAX_FILES`
per device), in this order:

* ``lstat``: a link, a pipe, a file under 64 bytes or over the cap is one problem, never opened;
* what is known of it: a file that failed before, with the same identity (inode, size, time)
  and read with the same keys, is not read again; that is kept in memory for the full screen's
  rounds and in the engine's state (``failed``) for the next command. A file read before with
  the same digest brings nothing new;
* otherwise it is read, within the round's budget of :data:`READ_BUDGET` bytes (what is over it
  waits for the next rounds, so a folder full of large junk cannot make one round long),
  checked (signature, sequence), and decoded change by change: a change that is not one, by
  another device, of the wrong kind, or stamped more than a day ahead of this device's clock
  is one problem; the others are merged.

Whatever one file holds, the round goes on: every exception is one short problem for that file.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tui.sync import guard
from tui.sync.change import Change, decode_lines
from tui.sync.crypto import Rollback, open_sealed
from tui.sync.folder import LogFile, Problem, last_month_read
from tui.sync.guard import LOG_CAP, MIN_LOG, FileCache, FileId, Refused
from tui.sync.hlc import MAX_COUNTER

if TYPE_CHECKING:
    from tui.sync.engine import Engine, Round, Trusted

READ_BUDGET = 64 * 1024 * 1024
"""Bytes of logs read in one round at most (a year of a couple's changes is well under 1 MiB)."""

_FILES = FileCache()
"""Log files looked at in this process, by identity: (digest, problems) of one read, or ("", [why])
for one that failed, which is not read again until it changes."""


def _failed_before(state: dict, rel: str, ident: FileId, keys: str) -> str | None:
    held = state["failed"].get(rel)
    if isinstance(held, list) and len(held) == 5 and held[:4] == [*ident, keys] and isinstance(held[4], str):
        return held[4]
    return None


class Reading:
    """One round's reading of every confirmed device's logs (see the module's docstring)."""

    def __init__(self, engine: Engine, state: dict, out: Round) -> None:
        self.engine = engine
        self.state = state
        self.out = out
        self.budget = READ_BUDGET

    def incoming(self) -> list[Change]:
        remote: list[Change] = []
        until = last_month_read(self.engine.clock.now())
        for device, trusted in sorted(self.engine.trusted.items()):
            context = f"{self.engine.me.device} {trusted.key} {trusted.sign}"  # read again if these change
            keys = hashlib.sha256(context.encode()).hexdigest()[:16]
            waiting = 0
            for log in self.engine.folder.logs(device, self.out.skipped, until=until):
                if log.kind == "own" and not trusted.mine:
                    continue  # the partner's private entries: not for this device
                found = self._look(log, trusted, context, keys)
                if found is None:
                    waiting += 1
                else:
                    remote.extend(found)
            if waiting:
                rel = self.engine.folder.relative(self.engine.folder.device_dir(device))
                self.out.skipped.append(
                    Problem(
                        rel,
                        f"{waiting} more files wait for the next round (this round read as much as one round reads)",
                    )
                )
        return remote

    def _fail(self, log: LogFile, rel: str, context: str, keys: str, ident: FileId, message: str) -> list[Change]:
        _FILES.put(log.path, context, ident, ("", [message]))
        self.out.failed[rel] = [*ident, keys, message]
        self.out.skipped.append(Problem(rel, message))
        return []

    def _look(self, log: LogFile, trusted: Trusted, context: str, keys: str) -> list[Change] | None:
        """The changes a log brings; None when it waits for the next round (over the budget)."""
        out, state = self.out, self.state
        rel = self.engine.folder.relative(log.path)
        try:
            st = guard.check_file(log.path, LOG_CAP, MIN_LOG)
        except FileNotFoundError:
            return []  # gone between the listing and the look
        except Refused as exc:
            out.skipped.append(Problem(rel, str(exc)))
            return []
        except OSError as exc:
            out.skipped.append(Problem(rel, f"cannot be read ({guard.reason(exc)}); skipped"))
            return []
        ident = guard.file_id(st)
        before = _failed_before(state, rel, ident, keys)
        if before is not None:
            out.failed[rel] = [*ident, keys, before]
            out.skipped.append(Problem(rel, before))
            return []
        held = _FILES.get(log.path, context, ident)
        if held is not None and (not held[0] or state["read"].get(rel) == held[0]):
            if not held[0]:
                out.failed[rel] = [*ident, keys, held[1][0]]
            out.skipped += [Problem(rel, p) for p in held[1]]
            return []  # failed, or read already: not read again until it changes
        if st.st_size > self.budget:  # never the first file: the cap of one is under the budget
            return None
        digest = ""
        try:
            data, ident = guard.read_file(log.path, LOG_CAP, MIN_LOG)
            self.budget -= len(data)
            digest = hashlib.sha256(data).hexdigest()
            if state["read"].get(rel) == digest:
                _FILES.put(log.path, context, ident, (digest, []))
                return []
            changes, problems = self._read(log, trusted, data)
        except FileNotFoundError:
            return []
        except Rollback as exc:
            if log.conflict:  # a sync tool's older copy: it holds nothing the file lacks
                _FILES.put(log.path, context, ident, (digest, []))
                out.read[rel] = digest
                return []
            return self._fail(log, rel, context, keys, ident, f"{exc}: a rollback; skipped until it changes")
        except Refused as exc:
            out.skipped.append(Problem(rel, str(exc)))
            return []
        except Exception as exc:  # noqa: BLE001 (whatever one file holds, the round goes on)
            return self._fail(log, rel, context, keys, ident, f"{guard.reason(exc)}; skipped until it changes")
        _FILES.put(log.path, context, ident, (digest, problems))
        out.skipped += [Problem(rel, p) for p in problems]
        out.read[rel] = digest
        return changes

    def _read(self, log: LogFile, trusted: Trusted, data: bytes) -> tuple[list[Change], list[str]]:
        """The changes of a log that passed the sender check, and a problem for each change refused;
        :class:`Rollback` for an older copy than one read before."""
        out, engine = self.out, self.engine
        seen = f"{log.device}/{log.name}"
        last = max(self.state["sequences"].get(seen, 0), out.sequences.get(seen, 0))
        opened = open_sealed(
            data, name=log.name, me=engine.me, author=log.device, author_key=trusted.sign, last_seq=last
        )
        out.sequences[seen] = max(last, opened.sequence)
        problems: list[str] = []
        changes = []
        for change in decode_lines(opened.body, problems):
            if change.author != log.device:
                problems.append("a change by another device; skipped")
            elif change.private != (log.kind == "own"):
                problems.append("a change of the wrong kind for the file's name; skipped")
            elif change.stamp.counter > MAX_COUNTER:
                problems.append(
                    f"a change stamped with a counter of {change.stamp.counter:,}, past what a clock reaches; skipped"
                )
            elif engine.clock.too_far_ahead(change.stamp):
                day = datetime.fromtimestamp(min(change.stamp.wall / 1000, 253402300799), UTC).date()
                problems.append(f"a change stamped {day}, more than a day ahead of this device's clock; skipped")
            else:
                changes.append(change)
        return changes, problems


def forget() -> None:
    """Forget what this process read (as a new process would); for the bench."""
    _FILES.clear()
