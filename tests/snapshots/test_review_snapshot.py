"""A picture of the weekly review at 80x24 with fixed data (accept changes with --snapshot-update)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.snapshots.snapshot_app import snapshot_app
from tui import content
from tui.app import MicroRomanceApp
from tui.model import GestureDay
from tui.record import replace

SIZE = (80, 24)
LAST_MONDAY = date(2026, 11, 16)


def review_app(tmp_path: Path) -> MicroRomanceApp:
    """Three rituals kept for ten weeks, last week's gestures and notes."""
    app = snapshot_app(tmp_path)
    store = app.store
    start = date(2026, 9, 14)
    coffee = store.add_ritual("Morning coffee together", created=start)
    walk = store.add_ritual("Evening walk", weekdays=(0, 2, 4), created=start)
    date_night = store.add_ritual("Weekly date", weekdays=(4,), created=start)
    for offset in range((date(2026, 11, 25) - start).days):
        day = start + timedelta(days=offset)
        if offset % 5:
            store.set_tick(coffee.id, day, True)
        if offset % 4 == 0:
            store.set_tick(walk.id, day, True)
        if day.weekday() == 4 and offset % 3:
            store.set_tick(date_night.id, day, True)
    by_language = {}
    for gesture in content.gestures():
        by_language.setdefault(gesture.language, gesture.id)
    for offset, language in [(0, "touch"), (1, "words"), (3, "touch"), (5, "service")]:
        gid = by_language[language]
        store.save_gesture_day(GestureDay(LAST_MONDAY + timedelta(days=offset), gid, (gid,), done=True))
    for offset, text, said in [(1, "Your laugh", True), (4, "The soup", False), (6, "The lift home", True)]:
        note = store.add_note(text, LAST_MONDAY + timedelta(days=offset), created=f"2026-11-{16 + offset}T08:00:00")
        store.save_note(replace(note, said_aloud=said))
    return app


def test_weekly_review_last_week(snap_compare, tmp_path: Path) -> None:
    async def settle(pilot) -> None:
        await pilot.pause()

    assert snap_compare(review_app(tmp_path), press=["w", "left_square_bracket"], terminal_size=SIZE, run_before=settle)
