"""Memories: a gratitude note written on this day in an earlier year comes back."""

from __future__ import annotations

from datetime import date

from tui.domain.memories import memories_for, memory_line
from tui.model import Note

TODAY = date(2026, 12, 2)


def note(day: date, text: str = "Thanks for the soup.", nid: str = "", created: str = "") -> Note:
    return Note(id=nid or f"n-{day.isoformat()}-{text[:4]}", day=day, text=text, created=created)


def test_a_note_from_a_year_ago_today() -> None:
    found = memories_for([note(date(2025, 12, 2), "You walked me to the station.")], TODAY)
    assert [m.line for m in found] == ["A year ago today you wrote: You walked me to the station."]


def test_two_years_ago_reads_as_a_number() -> None:
    found = memories_for([note(date(2024, 12, 2), "Pancakes in bed.")], TODAY)
    assert found[0].years == 2
    assert found[0].line == "2 years ago today you wrote: Pancakes in bed."


def test_other_days_and_this_year_do_not_come_back() -> None:
    notes = [
        note(date(2026, 12, 2), "Written today."),
        note(date(2025, 12, 1), "The day before."),
        note(date(2025, 12, 3), "The day after."),
        note(date(2025, 11, 2), "Another month."),
        note(date(2027, 12, 2), "From a future clock."),
        note(date(2025, 12, 2), "   "),
    ]
    assert memories_for(notes, TODAY) == []


def test_newest_year_first_then_order_written() -> None:
    notes = [
        note(date(2023, 12, 2), "Three.", "c"),
        note(date(2025, 12, 2), "One, later.", "b", created="2025-12-02T20:00:00"),
        note(date(2025, 12, 2), "One, earlier.", "a", created="2025-12-02T08:00:00"),
    ]
    assert [m.note.text for m in memories_for(notes, TODAY)] == ["One, earlier.", "One, later.", "Three."]


def test_leap_day_comes_back_on_the_28th() -> None:
    leap = note(date(2024, 2, 29), "Leap day walk.")
    assert memories_for([leap], date(2025, 2, 28))[0].years == 1
    assert memories_for([leap], date(2025, 3, 1)) == []
    assert memories_for([leap], date(2028, 2, 29))[0].years == 4
    assert memories_for([leap], date(2028, 2, 28)) == []


def test_line_keeps_text_literal_on_one_line() -> None:
    assert memory_line(1, "[bold]hi[/]\nthere") == "A year ago today you wrote: [bold]hi[/] there"
