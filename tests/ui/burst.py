"""Keys typed in one burst: queued before any is handled, as a terminal delivers a fast typist's
keys or a paste in one read (the pilot's ``press`` waits for each key instead)."""

from __future__ import annotations

from textual import events

NAMES = {" ": "space", ",": "comma"}


async def burst(app, pilot, keys: str, *, after: str = "") -> None:  # type: ignore[no-untyped-def]
    """Show the tab of the key ``after`` first (if any), then queue ``keys`` at once and let them land."""
    if after:
        await pilot.press(after)
        await pilot.pause()
    for key in keys:
        app.post_message(events.Key(NAMES.get(key, key), key))
    await pilot.pause()
    await pilot.pause()
