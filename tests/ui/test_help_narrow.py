"""The help screen on a small terminal: a wrapped description keeps its indent."""

from __future__ import annotations

from tests.ui.screen_text import screen_text


async def test_wrapped_help_lines_hang_under_their_description(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.pause()
        lines = [line.split("│")[1] for line in screen_text(app).splitlines() if line.count("│") >= 2]
        start = next(i for i, line in enumerate(lines) if "Switch tabs:" in line)
        column = lines[start].index("Switch tabs:")
        after = lines[start + 1]
        assert after[:column].strip() == "" and after[column:].strip(), (lines[start], after)
