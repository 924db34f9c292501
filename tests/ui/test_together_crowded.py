"""The Together screen over a shared folder full of strangers' keys: it lists the device being
paired with and a few others, says how many more there are, and "Not us…" still reaches the
device showing the code."""

from __future__ import annotations

import os
from pathlib import Path

from tests.sync.pairs import meet
from tests.sync.strangers import plant_strangers
from tests.ui import waiting
from tests.ui.screen_text import screen_text
from tui.sync import pairing

SINCE = 1_700_000_000


async def test_many_strangers_are_capped_and_the_device_with_a_code_comes_first(
    tmp_path: Path, data_dir: Path, make_app
) -> None:
    shared = tmp_path / "Shared"
    shared.mkdir()
    alex = tmp_path / "alex" / "sync"
    code = meet(alex, data_dir / "sync", shared)
    plant_strangers(shared, 40, since=SINCE)
    alex_key = shared / "micro-romance" / pairing.status(alex).device / "key.pub"
    os.utime(alex_key, (SINCE - 3600, SINCE - 3600))  # older than every stranger's key
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_together()
        await waiting.settle(pilot)
        status = str(app.screen.query_one("#together-status").content).splitlines()
        listed = [line.removeprefix("Waiting: ") for line in status if line.startswith("Waiting: ")]
        assert listed == [
            "Alex's device",
            "Stranger 39's device",
            "Stranger 38's device",
            "Stranger 37's device",
            "Stranger 36's device",
            "Stranger 35's device",
        ]
        more = "and 35 more devices waiting without a pairing code (micro-romance pair status --json lists them all)"
        assert more in status
        assert f"Pairing code: {code}" in str(app.screen.query_one("#together-compare").content)
        app.screen.query_one("#together-not-us").press()
        await pilot.pause()
        assert "Turn away Alex's device?" in screen_text(app)
        await pilot.press("n")
        await waiting.settle(pilot)
        assert len(pairing.status(data_dir / "sync").waiting) == 41
