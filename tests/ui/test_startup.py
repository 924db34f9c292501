"""Start-up (issue 17): the garbage collector, off while the full screen starts, is on again
once its first frame is painted."""

from __future__ import annotations

import gc


async def test_the_collector_is_on_again_after_the_first_frame(make_app) -> None:
    app = make_app()
    gc.disable()  # as tui.cli.main leaves it for the full screen
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
