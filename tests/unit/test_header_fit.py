"""The header's sub-title shortens by whole clauses and words, counting terminal cells."""

from __future__ import annotations

from rich.cells import cell_len

from tui.widgets.header import fitting


def test_clauses_go_first_then_words_and_never_mid_word() -> None:
    sub = "Wednesday 25 November, 3 of 5 rituals kept"
    assert fitting("micro-romance", sub, 60) == sub
    assert fitting("micro-romance", sub, 40) == "Wednesday 25 November"
    assert fitting("micro-romance", sub, 30) == "Wednesday 25"
    assert fitting("micro-romance", sub, 16) == ""


def test_wide_characters_count_as_two_cells() -> None:
    sub = "花子さんへの感謝, 三つ"  # 8 wide characters, then a clause
    fitted = fitting("micro-romance", sub, 13 + 3 + 17)
    assert fitted == "花子さんへの感謝"
    assert cell_len("micro-romance") + 3 + cell_len(fitted) <= 33
    assert fitting("micro-romance", "花子さんへの感謝", 13 + 3 + 15) == ""


def test_a_label_goes_before_the_words_that_carry_the_meaning() -> None:
    sub = "together: shared folder missing, 2 file(s) skipped"
    assert fitting("micro-romance", sub, 60) == "together: shared folder missing"
    assert fitting("micro-romance", sub, 13 + 3 + 21) == "shared folder missing"  # not "together: shared folder"
