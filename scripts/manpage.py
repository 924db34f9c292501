"""Write the manual page micro-romance(1), man/micro-romance.1, from the command line's own parser.

    .venv/bin/python scripts/manpage.py          # after changing a command, an option or a help text

The page is made by argparse-manpage (a test extra) and committed; the wheel carries it as
share/man/man1/micro-romance.1, so ``man micro-romance`` finds it after ``pipx install``.
tests/unit/test_manpage.py checks it matches the parser and renders with every command in it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "man" / "micro-romance.1"


def render() -> str:
    """The page's troff source (the parser's help wrapped at 80 columns, whatever the terminal)."""
    sys.path.insert(0, str(ROOT))
    os.environ["COLUMNS"] = "80"
    from argparse_manpage.manpage import Manpage

    from tui import APP_NAME, __version__
    from tui.cli.parser import build_parser

    page = Manpage(build_parser(hidden=False))
    page.source = f"{APP_NAME} {__version__}"
    page.manual = f"{APP_NAME} manual"
    page.description = "a calm terminal companion for small daily acts of care"
    return str(page)


def main() -> int:
    PAGE.parent.mkdir(exist_ok=True)
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
