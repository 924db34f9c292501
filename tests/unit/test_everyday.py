"""done, gratitude and today answer the same without a parser (tui.cli.everyday) as through it (tui.cli.parser)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.unit.cli_rituals import seed_rituals
from tui.cli import main as quick_way
from tui.cli.everyday import read
from tui.cli.parser import main as parser_way
from tui.storage import Store

ISO = "2026-11-25"  # a Wednesday


@pytest.fixture
def twins(tmp_path: Path) -> tuple[Path, Path]:
    first = tmp_path / "quick"
    with Store(first) as s:
        seed_rituals(s)
    second = tmp_path / "parser"
    shutil.copytree(first, second)
    return first, second


def kept(data: Path) -> dict[str, object]:
    """What is on disk, each new note's random id read as its place in the log, its moment of writing
    aside (and the status file's stamp of the data file)."""
    main = (data / "micro-romance.json").read_text(encoding="utf-8")
    places = {found: f"note{n}" for n, found in enumerate(re.findall(r'"id":"([0-9a-f]{12})"', main))}
    found: dict[str, object] = {}
    for path in sorted(p for p in data.rglob("*") if p.is_file() and "backups" not in p.parts):
        name = str(path.relative_to(data))
        if path.suffix == ".json":
            text = re.sub(r'"created":"[^"]*"', '"created":"-"', path.read_text(encoding="utf-8"))
            found[name] = json.loads(re.sub(r"[0-9a-f]{12}", lambda m: places.get(m[0], m[0]), text))
        elif name == "status":
            found[name] = [line for line in path.read_text().splitlines() if not line.startswith("stamp=")]
        else:
            found[name] = path.stat().st_mode & 0o777
    return found


def run(way: Callable[[list[str]], int], argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[object, ...]:
    try:
        code = way(argv)
    except SystemExit as exc:  # the parser's own errors
        code = exc.code
    return (code, *capsys.readouterr())


SIMPLE = [
    [["done", "morning"], ["done", "morning"]],
    [["done", "--undo", "morning"]],
    [["done", "walk", "together"], ["done", "walk", "together", "--undo"]],
    [["done", "wa"]],
    [["done", "date"]],
    [["done", "no", "such"]],
    [["--today", ISO, "done", "morning"]],
    [["done", "coffee", f"--today={ISO}"], ["done", "--today", "2026-11-24", "morning", "coffee"]],
    [["done", "walk", "--today", "2099-01-01"]],
    [["done", "walk", "--today", "1999-02-30"]],
    [["gratitude", "tea in bed", "and", "a <b>long</b> [red]walk[/red]"]],
    [["gratitude", "--share", "the letter"], [f"--today={ISO}", "gratitude", "cake", "--share"]],
    [["gratitude", " "]],
    [["today"], ["done", "morning"], ["today", "--json"], [f"--today={ISO}", "today"]],
    [["today", "--today", "2026-11-24", "--json"], ["today", "--today", "2099-01-01"]],
]


@pytest.mark.parametrize("commands", SIMPLE, ids=lambda c: " / ".join(" ".join(a) for a in c))
def test_the_everyday_commands_answer_the_same_both_ways(capsys, twins: tuple[Path, Path], commands) -> None:
    quick_dir, parser_dir = twins
    for argv in commands:
        if "1999-02-30" not in argv:  # a day that is no date goes to the parser, which says so
            assert read(argv) is not None, argv
        quick = run(quick_way, ["--data-dir", str(quick_dir), *argv], capsys)
        assert quick == run(parser_way, ["--data-dir", str(parser_dir), *argv], capsys)
    assert kept(quick_dir) == kept(parser_dir)


@pytest.mark.parametrize(
    "argv",
    [
        ["done"],
        ["done", "--help"],
        ["done", "-h", "walk"],
        ["done", "walk", "--undo", "together"],
        ["done", "--un", "walk"],
        ["done", "--undo", "--undo", "walk"],
        ["done", "--", "walk"],
        ["done", "-1"],
        ["done", "walk", "--today"],
        ["done", "walk", "--data-dir="],
        ["--data-dir", "a", "done", "--data-dir", "b", "walk"],
        ["--demo", "done", "walk"],
        ["--undo", "done", "walk"],
        ["gratitude", "-"],
        ["gratitude", "--share=yes", "tea"],
        ["gratitude", "tea", "--undo"],
        ["today", "walk"],
        ["today", "--json", "--json"],
        ["today", "--undo"],
        ["--json", "today"],
        ["today", "-h"],
        ["status"],
    ],
)
def test_anything_unusual_goes_to_the_parser(argv: list[str]) -> None:
    assert read(argv) is None
