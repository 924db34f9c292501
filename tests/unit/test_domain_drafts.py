"""What becomes of a draft, decided without a screen: its entry gone, its age, the notice before it goes."""

from __future__ import annotations

from datetime import date, timedelta

from tui.domain.drafts import KEEP_DAYS, NOTICE_DAYS, Age, entry_of, home_of, sort_drafts

DAY = date(2026, 11, 25)


def test_only_an_entrys_editor_can_lose_its_entry() -> None:
    assert entry_of("note:n1") == ("notes", "n1")
    assert entry_of("day:d1") == ("days", "d1")
    assert [entry_of(k) for k in ("note.new", "answer.new:p1", "done:2026-11-25", "grace:2026-11-25")] == [None] * 4
    assert entry_of("RitualDialog:A new ritual") is None and entry_of("note:") is None


def test_a_drafts_home_is_its_own_record_first_then_its_kind() -> None:
    assert home_of("answer:a1", "answer.new:p1") == "answer.new:p1"
    assert home_of("note:n1", "") == "note.new"
    assert home_of("ritual:r1", "") == "RitualDialog:A new ritual"
    assert home_of("answer:a1", "") == ""  # its prompt unknown: kept, offered nowhere else
    assert home_of("note.new", "") == ""


def test_a_draft_is_told_of_on_its_ninetieth_day_and_let_go_after_the_notice() -> None:
    gone = {"note:n2"}
    ages = {
        "note.new": Age(DAY - timedelta(days=KEEP_DAYS - 1)),
        "note:n1": Age(DAY - timedelta(days=KEEP_DAYS)),
        "note:n2": Age(DAY),
        "day.new": Age(DAY - timedelta(days=400), warned=DAY - timedelta(days=NOTICE_DAYS - 1)),
        "done:2026-01-01": Age(DAY - timedelta(days=400), warned=DAY - timedelta(days=NOTICE_DAYS)),
    }
    fates = sort_drafts(ages, gone.__contains__, DAY)
    assert fates.warn == ["note:n1"]
    assert fates.let_go == ["done:2026-01-01"]
    assert fates.gone == ["note:n2"]
    assert fates.kept == ["note.new", "note:n1", "day.new"]


def test_a_done_note_is_for_its_own_day_only() -> None:
    from tui.domain.drafts import day_gone_by

    assert day_gone_by("done:2026-11-24", DAY) and not day_gone_by("done:2026-11-25", DAY)
    assert not day_gone_by("done:someday", DAY) and not day_gone_by("grace:2026-11-01", DAY)
    assert day_gone_by("answer.new:p-picnic", DAY, lambda: "p-tea") and not day_gone_by(
        "answer.new:p-tea", DAY, lambda: "p-tea"
    )
