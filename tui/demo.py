"""A demo data set: a few weeks of plausible use, made by code.

Used by ``micro-romance --demo`` (on a throwaway folder), by the screenshots
and by the snapshot tests. Deterministic for a given day.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from tui import content
from tui.daily import another_gesture, todays_gesture, todays_prompt
from tui.model import GestureDay, Settings
from tui.record import replace
from tui.storage import Store

PARTNER = "Alex"
WEEKS = 5

NOTES = (
    "Thank you for warming the car before I left this morning.",
    "You listened to the whole story about my sister without once checking your phone.",
    "The soup. The soup was perfect, and you made it without being asked.",
    "You laughed at my terrible joke at dinner, twice.",
    "Thank you for saying you were proud of me after the interview.",
    "You left the last biscuit for me. I noticed.",
    "You held my hand on the walk home even though it was freezing.",
    "Thanks for taking the bins out when it was my turn.",
    "You remembered the name of my colleague and asked how her move went.",
    "That six-second hug at the door. I felt it all afternoon.",
    "Thank you for letting me sleep in on Saturday.",
    "You sent me that photo of the dog at exactly the right moment.",
)

ANSWERS = (
    ("small-gestures-seen", "When you bring me tea without asking, and when you ask a second question about my day."),
    ("what-keeps-me", "Honestly, being tired, and thinking it has to be something big to count."),
    ("ritual-to-start-today", "Coffee together before work, phones in the other room."),
)

GESTURE_NOTES = ("", "", "They smiled all evening.", "", "Got a hug back.", "", "Said it made their day.")


def build_demo(store: Store, today: date, *, seed: int = 7) -> None:
    """Fill an empty store with about five weeks of use ending ``today``."""
    rnd = random.Random(seed)
    start = today - timedelta(weeks=WEEKS)
    with store.batch():
        store.save_settings(
            Settings(
                partner_name=PARTNER, love_languages=("touch", "words", "time"), together="together", welcomed=True
            )
        )
        rituals = [
            store.add_ritual(r["name"], weekdays=r["weekdays"], created=start, ritual_id=r["id"])
            for r in content.default_rituals()[:6]
        ]
        keep_rate = {r.id: rate for r, rate in zip(rituals, (0.9, 0.8, 0.85, 0.6, 0.75, 0.5), strict=False)}
        day = start
        while day < today:
            for ritual in rituals:
                if ritual.scheduled_on(day) and rnd.random() < keep_rate[ritual.id]:
                    store.set_tick(ritual.id, day, True)
            gesture = todays_gesture(store, day)
            store.show_gesture(day, gesture.id)
            if rnd.random() < 0.15:
                gesture = another_gesture(store, day)
                store.show_gesture(day, gesture.id)
            if rnd.random() < 0.7:
                gd = store.gesture_day(day)
                assert gd is not None
                store.save_gesture_day(
                    GestureDay(
                        day,
                        gd.gesture_id,
                        gd.shown,
                        done=True,
                        note=rnd.choice(GESTURE_NOTES),
                        feedback=rnd.choice(("landed", "landed", "so_so", "")),
                    )
                )
            store.show_prompt(day, todays_prompt(store, day).id)
            day += timedelta(days=1)
        for n, text in enumerate(NOTES):
            note_day = today - timedelta(days=(n * 3) // 2)
            note = store.add_note(text, note_day, created=f"{note_day.isoformat()}T20:{n:02d}:00")
            if n % 3 == 0:
                store.save_note(replace(note, said_aloud=True))
        for n, (prompt_id, text) in enumerate(ANSWERS):
            answer_day = today - timedelta(days=3 + n * 6)
            store.show_prompt(answer_day, prompt_id)
            store.add_answer(prompt_id, text, answer_day)
        for gd in store.gesture_days()[:12:4]:
            store.set_favourite(gd.gesture_id, True)
        # Today: the rituals of the morning are done, the evening ones still open.
        for ritual in rituals[:2]:
            store.set_tick(ritual.id, today, True)
