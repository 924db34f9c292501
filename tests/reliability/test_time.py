"""Time: midnight while the app is open, a clock moved back, daylight-saving changes.

Entries are dated by the app's ``today`` (from its clock), which follows the
clock every 20 seconds (``app.check_day``). Here the clock is a ManualClock
moved by hand and ``check_day`` is called directly. The daylight-saving checks
run the real ``DayClock`` in a child process with ``TZ`` set, so the suite's own
time zone is never touched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date

from tui.clock import ManualClock
from tui.storage import Store

NEW_YEARS_EVE = date(2026, 12, 31)


async def test_the_app_follows_midnight(make_app, clock: ManualClock) -> None:
    app = make_app(today=NEW_YEARS_EVE)
    seen: list[date] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.watch(app, "today", lambda day: seen.append(day), init=False)
        app.check_day()  # nothing changed yet
        await pilot.pause()
        assert app.today == NEW_YEARS_EVE and seen == []
        clock.advance()
        app.check_day()
        await pilot.pause()
        assert app.today == date(2027, 1, 1)
        assert seen == [date(2027, 1, 1)]
        app.check_day()  # a second check the same day changes nothing
        await pilot.pause()
        assert seen == [date(2027, 1, 1)]


async def test_a_clock_moved_back_is_followed(make_app, clock: ManualClock) -> None:
    app = make_app(today=date(2026, 11, 25))
    async with app.run_test(size=(80, 24)) as pilot:
        clock.set(date(2026, 11, 24))
        app.check_day()
        await pilot.pause()
        assert app.today == date(2026, 11, 24)


def test_writes_across_midnight_and_a_clock_moved_back(data_dir) -> None:
    """Store level: entries carry the day they were written on, once each, in the right file."""
    clock = ManualClock(NEW_YEARS_EVE)
    with Store(data_dir) as store:
        ritual = store.add_ritual("Goodnight", created=clock.today())
        store.set_tick(ritual.id, clock.today(), True)
        store.add_note("before midnight", clock.today())
        store.show_gesture(clock.today(), "door-hug")
        clock.advance()
        store.set_tick(ritual.id, clock.today(), True)
        store.add_note("after midnight", clock.today())
        store.show_gesture(clock.today(), "tea-made")
        # The clock goes back a day (a wrong setting corrected, a time zone trip).
        clock.advance(-1)
        store.set_tick(ritual.id, clock.today(), True)  # ticked already: no second tick
        store.show_gesture(clock.today(), "door-hug")  # shown already: one entry for the day
        store.add_note("back in the old year", clock.today())
    with Store(data_dir, readonly=True) as again:
        assert again.ticked_days(ritual.id) == {NEW_YEARS_EVE, date(2027, 1, 1)}
        assert again.counts().ticks == 2
        assert {(n.text, n.day) for n in again.notes()} == {
            ("before midnight", NEW_YEARS_EVE),
            ("after midnight", date(2027, 1, 1)),
            ("back in the old year", NEW_YEARS_EVE),
        }
        assert [(g.day, g.gesture_id, g.shown) for g in again.gesture_days()] == [
            (date(2027, 1, 1), "tea-made", ("tea-made",)),
            (NEW_YEARS_EVE, "door-hug", ("door-hug",)),
        ]
    # 2026 moved out to its own file when 2027 began; it holds the old year only.
    history = json.loads((data_dir / "history" / "2026.json").read_text())
    assert all(name.endswith("/2026") for name in history)


# --------------------------------------------------------------------------- daylight saving

DST_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo
    from tui.clock import DayClock

    time.tzset()
    zone = ZoneInfo(sys.argv[1])

    class At(DayClock):
        # The real DayClock, at a chosen instant: DayClock.now() is datetime.now().astimezone().
        def __init__(self, instant):
            self.instant = instant

        def now(self):
            return self.instant.astimezone()

    out = []
    for text in sys.argv[2:]:
        local = datetime.fromisoformat(text).replace(tzinfo=zone)
        instant = local.astimezone(timezone.utc)
        clock = At(instant)
        out.append({"local": text, "today": clock.today().isoformat()})
    print(json.dumps(out))
    """
)

# US clocks go forward on 8 March 2026 (02:00 -> 03:00) and back on 1 November 2026 (02:00 -> 01:00).
DST_MOMENTS = [
    "2026-03-07T23:59:00",
    "2026-03-08T00:30:00",
    "2026-03-08T01:59:00",
    "2026-03-08T03:00:00",
    "2026-03-08T23:59:00",
    "2026-10-31T23:59:00",
    "2026-11-01T00:30:00",
    "2026-11-01T01:30:00",
    "2026-11-01T23:59:00",
]


def dst_results() -> list[dict[str, object]]:
    env = dict(os.environ, TZ="America/New_York")
    proc = subprocess.run(
        [sys.executable, "-c", DST_CHILD, "America/New_York", *DST_MOMENTS],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_today_is_the_local_date_across_daylight_saving() -> None:
    for result in dst_results():
        assert result["today"] == result["local"][:10], result
