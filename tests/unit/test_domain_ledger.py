"""The love-language ledger and its lines (tui.domain.ledger): pure, no store."""

from __future__ import annotations

from datetime import date, timedelta

from tui.domain.ledger import (
    answers_line,
    grace_line,
    ledger,
    ledger_line,
    ledger_lines,
    waiting_line,
)
from tui.model import Gesture, GestureDay, Settings

DAY = date(2026, 11, 25)

CATALOG = {
    g.id: g
    for g in (
        Gesture("hug", "Hug.", "touch", "minute"),
        Gesture("hand", "Hold hands.", "touch", "minute"),
        Gesture("note", "Leave a note.", "words", "minute"),
        Gesture("tea", "Make tea.", "service", "ten_minutes"),
        Gesture("walk", "Walk together.", "time", "evening"),
        Gesture("flower", "One flower.", "gifts", "ten_minutes"),
    )
}


def done(days_ago: int, gesture_id: str, feedback: str = "") -> GestureDay:
    return GestureDay(DAY - timedelta(days=days_ago), gesture_id, (gesture_id,), done=True, feedback=feedback)


def test_ledger_counts_done_gestures_of_the_last_30_days_by_language() -> None:
    history = [
        done(0, "hug"),
        done(3, "hand", "landed"),
        done(29, "hug", "landed"),  # the window's first day
        done(30, "hug", "landed"),  # one day too old
        done(2, "flower", "not_really"),
        done(5, "flower", "so_so"),
        GestureDay(DAY - timedelta(days=1), "note", ("note",), done=False),  # shown, not done
        done(4, "gone-from-catalog"),
    ]
    entries = {e.language: e for e in ledger(history, CATALOG, Settings(), DAY)}
    assert entries["touch"].done == 3 and entries["touch"].landed == 2 and entries["touch"].answered == 2
    assert entries["gifts"].done == 2 and entries["gifts"].landed == 0 and entries["gifts"].answered == 2
    assert entries["words"].done == 0 and entries["time"].done == 0 and entries["service"].done == 0
    assert not any(e.partners for e in entries.values())


def test_partners_languages_come_first_in_their_order_and_are_marked() -> None:
    settings = Settings(love_languages=("time", "touch"))
    entries = ledger([done(1, "hug"), done(2, "walk")], CATALOG, settings, DAY)
    assert [e.language for e in entries] == ["time", "touch", "words", "service", "gifts"]
    assert [e.partners for e in entries] == [True, True, False, False, False]
    assert ledger_line(entries) == "Last 30 days: ♥ time 1 · ♥ touch 1 · words 0 · service 0 · gifts 0"


def test_without_a_ranking_the_ledger_keeps_the_usual_order() -> None:
    entries = ledger([done(1, "note")], CATALOG, Settings(), DAY)
    assert ledger_line(entries) == "Last 30 days: words 1 · touch 0 · service 0 · time 0 · gifts 0"


def test_answers_line_shows_how_answered_gestures_landed() -> None:
    history = [
        done(1, "hug", "landed"),
        done(2, "hand", "landed"),
        done(3, "hug", "so_so"),
        done(4, "flower", "not_really"),
        done(5, "note"),  # not answered: not in the answers line
    ]
    entries = ledger(history, CATALOG, Settings(love_languages=("touch",)), DAY)
    assert answers_line(entries) == "Landed: touch 2 of 3 · gifts 0 of 1"
    assert answers_line(ledger([done(1, "note")], CATALOG, Settings(), DAY)) == ""


def test_ledger_lines_are_empty_when_nothing_was_done_lately() -> None:
    assert ledger_lines([], CATALOG, Settings(), DAY) == []
    assert ledger_lines([done(40, "hug", "landed")], CATALOG, Settings(), DAY) == []
    assert ledger_lines([done(1, "hug")], CATALOG, Settings(), DAY) == [
        "Last 30 days: words 0 · touch 1 · service 0 · time 0 · gifts 0"
    ]
    assert ledger_lines([done(1, "hug", "landed")], CATALOG, Settings(), DAY)[1] == "Landed: touch 1 of 1"


def test_a_shorter_window() -> None:
    lines = ledger_lines([done(1, "hug"), done(8, "hug")], CATALOG, Settings(), DAY, window=7)
    assert lines == ["Last 7 days: words 0 · touch 1 · service 0 · time 0 · gifts 0"]


def test_gentle_lines() -> None:
    assert waiting_line("touch", 9) == "It's been 9 days since a touch gesture — today leans that way."
    assert waiting_line("service", 7).startswith("It's been 7 days since an act of service")
    assert (
        waiting_line("time", 8, done_today=True)
        == "It's been 8 days since some quality time — tomorrow leans that way."
    )
    assert grace_line("travel") == "Grace day (travel): rituals rest; today's ideas work from afar."
    assert grace_line("") == "Grace day: rituals rest; today's ideas work from afar."
    assert (
        grace_line("illness", apart=False) == "Grace day (illness): rituals rest; n finds an idea that works from afar."
    )


def test_waiting_line_does_not_claim_a_gesture_of_another_language() -> None:
    line = waiting_line("time", 28, shown="touch")
    assert "today leans that way" not in line
    assert line == "It's been 28 days since some quality time; the picks lean that way (n offers another)."
    assert waiting_line("time", 28, shown="time").endswith("today leans that way.")
