"""The rituals the command-line tests tick: a folder as a couple might have it."""

from __future__ import annotations

from datetime import date

from tui.model import Settings
from tui.storage import Store


def seed_rituals(store: Store) -> None:
    """Sam as the partner, and four rituals from 1 January 2026: "Walk" (Wednesdays), "Walk together",
    "Morning coffee" (every day) and "Date night" (Fridays); their ids are walk, walk2, coffee and date."""
    store.save_settings(Settings(partner_name="Sam", welcomed=True))
    store.add_ritual("Walk", weekdays=(2,), created=date(2026, 1, 1), ritual_id="walk")
    store.add_ritual("Walk together", created=date(2026, 1, 1), ritual_id="walk2")
    store.add_ritual("Morning coffee", created=date(2026, 1, 1), ritual_id="coffee")
    store.add_ritual("Date night", weekdays=(4,), created=date(2026, 1, 1), ritual_id="date")
