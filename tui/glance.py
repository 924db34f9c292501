"""The day at a glance: today's gesture and rituals as the Today and Rituals tabs see them,
for ``micro-romance today`` and ``status``, and the status file every write keeps current.

No Textual. :func:`refresh_status` is called by the full screen after each write (and on a new
day) and by every writing command once its write is on disk, so a prompt reading
``DATA/status`` (:mod:`tui.statusfile`) is true without starting Python.
"""

from __future__ import annotations

from datetime import date

from tui import __version__
from tui.domain.status import DayStatus
from tui.format import one_line

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way

if TYPE_CHECKING:
    from tui.domain.memories import Memory
    from tui.model import Ritual
    from tui.storage import Store


class Glance:
    """What today holds, for the shell (a plain class: a writing command imports this module, and
    dataclass machinery at import is time it would wait for)."""

    __slots__ = (
        "day",
        "first_run",
        "partner",
        "gesture_id",
        "gesture",
        "gesture_done",
        "gesture_note",
        "scheduled",
        "open",
        "done",
        "grace",
        "has_rituals",
        "memories",
        "named",
        "in_use",
        "coming",
    )

    def __init__(
        self,
        *,
        day: date,
        first_run: bool,
        partner: str,
        gesture_id: str,
        gesture: str,
        gesture_done: bool,
        gesture_note: str,
        scheduled: tuple[Ritual, ...],
        open: tuple[Ritual, ...],
        done: int,
        grace: bool,
        has_rituals: bool,
        memories: tuple[Memory, ...] = (),
        named: bool = False,
        in_use: tuple[str, ...] = (),
        coming: str = "",
    ) -> None:
        self.day = day
        self.first_run = first_run
        self.partner = partner
        self.gesture_id = gesture_id
        self.gesture = gesture
        """Personalised text of today's gesture."""
        self.gesture_done = gesture_done
        self.gesture_note = gesture_note
        self.scheduled = scheduled
        self.open = open
        self.done = done
        """Scheduled rituals already kept today."""
        self.grace = grace
        self.has_rituals = has_rituals
        self.memories = memories
        """Notes written on this day in earlier years, newest year first."""
        self.named = named
        """True when a partner's name is set (``partner`` is then that name)."""
        self.in_use = in_use
        """The names of the rituals not archived, in order (for completing ``done``)."""
        self.coming = coming
        """The next day that matters with its countdown ("tomorrow: Sam's interview"), or ""."""

    def status(self) -> DayStatus:
        """The day's status line and its fields."""
        return DayStatus(
            self.day.isoformat(),
            open=len(self.open),
            done=self.done,
            total=len(self.scheduled),
            gesture=self.gesture.rstrip(".").rstrip(),
            gesture_done=self.gesture_done,
            grace=self.grace,
            partner=self.partner,
            open_names=tuple(one_line(r.name) for r in self.open),
            rituals=self.in_use,
            coming=self.coming,
        )


def glance(store: Store, day: date, *, memories: bool = True) -> Glance:
    """Today's gesture and rituals, as the Today and Rituals tabs see them (and, unless told
    not to, the day's memories)."""
    from tui.content import FALLBACK_PARTNER, personalise
    from tui.daily import all_days, todays_gesture
    from tui.domain.memories import memories_for
    from tui.domain.occasions import coming_days

    settings = store.settings()
    gesture = todays_gesture(store, day)
    recorded = store.gesture_day(day)
    done = recorded is not None and recorded.done and recorded.gesture_id == gesture.id
    rituals, scheduled, waiting, kept, grace = _rituals_on(store, day)
    soonest = coming_days(all_days(store), day, limit=1)
    return Glance(
        day=day,
        first_run=not store.path.exists(),
        partner=one_line(settings.partner_name) or FALLBACK_PARTNER,
        gesture_id=gesture.id,
        gesture=one_line(personalise(gesture.text, settings.partner_name)),
        gesture_done=done,
        gesture_note=one_line(recorded.note) if done and recorded else "",
        scheduled=scheduled,
        open=waiting,
        done=kept,
        grace=grace,
        has_rituals=bool(rituals),
        memories=tuple(memories_for(store.anniversary_notes(day), day)) if memories else (),
        named=bool(one_line(settings.partner_name)),
        in_use=tuple(one_line(r.name) for r in rituals if not r.archived),
        coming=one_line(soonest[0].line(settings.partner_name)) if soonest else "",
    )


def _rituals_on(store: Store, day: date) -> tuple[list[Ritual], tuple[Ritual, ...], tuple[Ritual, ...], int, bool]:
    """Every ritual, those scheduled on ``day``, those still open, how many are kept, whether it is a grace day."""
    from tui.domain.calendar import due_on
    from tui.domain.rituals import in_grace, open_rituals

    rituals = store.rituals()
    ticks = store.ticks_by_ritual()
    scheduled = tuple(r for r in rituals if due_on(r, day))
    grace = in_grace(day, store.grace())
    waiting = () if grace else tuple(open_rituals(rituals, ticks, day))
    kept = sum(1 for r in scheduled if day in ticks.get(r.id, ()))
    return rituals, scheduled, waiting, kept, grace


def refresh_after_write(store: Store, day: date, prior: DayStatus | None, *, rituals: bool) -> DayStatus | None:
    """The status file again after a command's own write. What that write cannot change is taken
    from ``prior``, the status that was current just before it (a tick leaves the gesture as it was;
    a note leaves everything), so the day's gesture is not picked again; without one, all is computed."""
    from tui.statusfile import data_stamp, write_status

    if prior is None or prior.day != day.isoformat():
        return refresh_status(store, day)
    status = prior
    if rituals:
        every, scheduled, waiting, kept, grace = _rituals_on(store, day)
        status = DayStatus(
            prior.day,
            open=len(waiting),
            done=kept,
            total=len(scheduled),
            gesture=prior.gesture,
            gesture_done=prior.gesture_done,
            grace=grace,
            partner=prior.partner,
            open_names=tuple(one_line(r.name) for r in waiting),
            rituals=tuple(one_line(r.name) for r in every if not r.archived),
            coming=prior.coming,
        )
    stamp = data_stamp(store.data_dir, day.isoformat())
    return status if write_status(store.data_dir, status, version=__version__, stamp=stamp) else None


def refresh_status(store: Store, day: date, stamp: str | None = None) -> DayStatus | None:
    """Compute the day's status from the store and write the status file; None when the data
    folder is not there yet or a newer write got there first (its own status stands).

    ``stamp``: :func:`tui.statusfile.data_stamp` taken before a store opened without the lock
    was read; a writer holding the lock (the full screen, a writing command) leaves it out.
    """
    from tui.statusfile import data_stamp, write_status

    if not store.path.exists():
        return None
    if stamp is None:
        stamp = data_stamp(store.data_dir, day.isoformat())
    status = glance(store, day, memories=False).status()
    return status if write_status(store.data_dir, status, version=__version__, stamp=stamp) else None
