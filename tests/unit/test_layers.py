"""The layers hold: import-linter's contracts, and no Textual below the full screen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


@pytest.mark.parametrize(
    "module",
    [
        "tui.storage",
        "tui.exchange",
        "tui.domain",
        "tui.content",
        "tui.daily",
        "tui.demo",
        "tui.cli",
        "tui.cli.parser",
        "tui.sync.engine",
        "tui.sync.pairing",
        "tui.together",
    ],
)
def test_module_loads_no_textual(module: str) -> None:
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); "
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"{module} loads {result.stdout.strip()}"


def test_the_command_line_runs_without_textual(tmp_path: Path) -> None:
    code = (
        "import sys; from tui.cli import main; "
        f"main(['--data-dir', {str(tmp_path / 'd')!r}, 'status']); "
        "print('LOADED=' + ','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    loaded = [line for line in result.stdout.splitlines() if line.startswith("LOADED=")]
    assert loaded == ["LOADED="], result.stdout + result.stderr


def test_no_module_over_400_lines() -> None:
    """Each module holds one job; a module that grows past 400 lines (as formatted, which
    tests/unit/test_style.py checks) is split, not stretched."""
    root = Path(__file__).resolve().parents[2] / "tui"
    long = {
        str(p.relative_to(root)): n
        for p in root.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def test_every_module_sits_in_a_layer() -> None:
    """A module outside every layer escapes the contracts: each top-level module and package of tui is named in one."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [c["layers"] for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    named = {name.strip() for layer in layers for name in layer.split("|")}
    tui = ROOT / "tui"
    found = {f"tui.{p.stem}" for p in tui.glob("*.py") if p.stem != "__init__"}
    found |= {f"tui.{p.parent.name}" for p in tui.glob("*/__init__.py")} - {"tui.styles"}
    assert sorted(found - named) == []


def test_no_textual_below_the_screens() -> None:
    """Every layer below the host, keys and themes (the last that draw) is in the "no Textual" contract."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["type"] == "layers"]
    (no_textual,) = [c for c in contracts if c["name"] == "Only the full screen imports Textual"]
    below = layers[layers.index("tui.host | tui.keys | tui.themes") + 1 :]
    assert sorted({n.strip() for layer in below for n in layer.split("|")} - set(no_textual["source_modules"])) == []


def test_no_dynamic_import_goes_up() -> None:
    """import-linter sees only import statements: a module named in a string and loaded at run time
    (importlib) must sit in its loader's layer or below, or it hides a cycle (tui.keys once loaded tui.app)."""
    import re
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [c["layers"] for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    rank = {name.strip(): i for i, layer in enumerate(layers) for name in layer.split("|")}

    def layer_of(module: str) -> int:
        parts = module.split(".")
        return rank[".".join(parts[:2])]

    up = []
    for path in (ROOT / "tui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "import_module(" not in text:
            continue
        source = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for named in re.findall(r"[\"'](tui(?:\.[a-z_]+)+)", text):
            if layer_of(named) < layer_of(source):
                up.append(f"{source} loads {named}")
    assert up == []
