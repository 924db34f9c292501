"""The weekly review: what was kept, given and written in one ISO week."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import date, timedelta

from tui.domain.calendar import week_bounds
from tui.domain.rituals import DONE, MISSED, day_state
from tui.model import LOVE_LANGUAGES, Gesture, GestureDay, GraceSpan, Note, Ritual


@dataclass(frozen=True)
class WeekSummary:
    """Numbers for the weekly review of one Monday..Sunday week."""

    start: date
    end: date
    rituals_kept: int = 0
    rituals_scheduled: int = 0
    per_ritual: list[tuple[str, int, int]] = field(default_factory=list)
    """(ritual name, kept, scheduled), in ritual position order."""
    gestures_by_language: dict[str, int] = field(default_factory=dict)
    """Done gestures per language; every language of LOVE_LANGUAGES is present."""
    notes_written: int = 0
    notes_said_aloud: int = 0
    slipped: list[str] = field(default_factory=list)
    """Names of rituals kept on fewer than half of their scheduled days."""


def _ritual_counts(
    ritual: Ritual,
    ticked: Set[date],
    start: date,
    today: date,
    grace: Collection[GraceSpan],
) -> tuple[int, int]:
    kept = scheduled = 0
    for offset in range(7):
        state = day_state(ritual, start + timedelta(days=offset), ticked, today, grace)
        if state == DONE:
            kept += 1
            scheduled += 1
        elif state == MISSED:
            scheduled += 1
    return kept, scheduled


def summarise_week(
    day: date,
    rituals: Sequence[Ritual],
    ticked_by_ritual: Mapping[str, Set[date]],
    gesture_history: Sequence[GestureDay],
    catalog_by_id: Mapping[str, Gesture],
    notes: Sequence[Note],
    grace: Collection[GraceSpan] = (),
    *,
    today: date | None = None,
) -> WeekSummary:
    """Summarise the ISO week containing ``day``, as seen on ``today``.

    ``today`` defaults to ``day``. Ritual days follow
    :func:`tui.domain.rituals.day_state`: a scheduled day counts when it is done
    or missed, so days after ``today``, an unticked ``today``, rest and grace
    days are left out (as in consistency). To review a finished week pass any
    day of it and the real today. Archived rituals and rituals created after
    the week are left out. Gestures and notes count up to ``today``.
    """
    as_of = today or day
    start, end = week_bounds(day)
    last = min(end, as_of)
    per_ritual: list[tuple[str, int, int]] = []
    slipped: list[str] = []
    for ritual in sorted(rituals, key=lambda r: r.position):
        if ritual.archived or (ritual.created is not None and ritual.created > end):
            continue
        ticked = ticked_by_ritual.get(ritual.id, frozenset())
        kept, scheduled = _ritual_counts(ritual, ticked, start, as_of, grace)
        per_ritual.append((ritual.name, kept, scheduled))
        if scheduled and kept * 2 < scheduled:
            slipped.append(ritual.name)
    by_language = {lang: 0 for lang in LOVE_LANGUAGES}
    for entry in gesture_history:
        gesture = catalog_by_id.get(entry.gesture_id)
        if entry.done and gesture is not None and start <= entry.day <= last:
            by_language[gesture.language] = by_language.get(gesture.language, 0) + 1
    week_notes = [note for note in notes if start <= note.day <= last]
    return WeekSummary(
        start=start,
        end=end,
        rituals_kept=sum(kept for _, kept, _ in per_ritual),
        rituals_scheduled=sum(scheduled for _, _, scheduled in per_ritual),
        per_ritual=per_ritual,
        gestures_by_language=by_language,
        notes_written=len(week_notes),
        notes_said_aloud=sum(1 for note in week_notes if note.said_aloud),
        slipped=slipped,
    )
