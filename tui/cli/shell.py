"""``micro-romance completion SHELL``: tab completion for bash, zsh and fish, made by ``shtab``
from the parser itself, so it always knows every command and option.

Ritual names after ``done`` come from the status file (``DATA/status``, its ``ritual=`` lines):
a small shell function reads it, so pressing Tab never starts Python. The file's path is written
into the script when it is made (so ``--data-dir`` given here is followed).
"""

from __future__ import annotations

import argparse

from tui.cli.common import add_command

SHELLS = ("bash", "zsh", "fish")


def _quoted(text: str) -> str:
    """``text`` in single quotes for bash, zsh and fish alike (a path with no single quote in it)."""
    return "'" + text.replace("'", "") + "'"


def preamble(shell: str, status_file: str) -> str:
    path = _quoted(status_file)
    if shell == "bash":
        return f"""# Ritual names for `done`, from micro-romance's status file (no Python started).
_micro_romance_rituals() {{
  local file={path} line name word=${{1,,}}
  word=${{word//\\/}}
  [[ -r $file ]] || return 0
  while IFS= read -r line; do
    [[ $line == ritual=* ]] || continue
    name=${{line#ritual=}}
    [[ ${{name,,}} == "$word"* ]] && printf '%q\n' "$name"
  done < "$file"
}}
"""
    if shell == "zsh":
        return f"""# Ritual names for `done`, from micro-romance's status file (no Python started).
_micro_romance_rituals() {{
  local file={path}
  local -a names
  [[ -r $file ]] || return 1
  names=(${{(f)"$(<$file)"}})
  names=(${{${{(M)names:#ritual=*}}#ritual=}})
  compadd -M 'm:{{a-zA-Z}}={{A-Za-z}}' -a names
}}
"""
    return f"""# Ritual names for `done`, from micro-romance's status file (no Python started).
function __micro_romance_rituals
    set -l file {path}
    test -r $file; or return
    string match -r '^ritual=.*' < $file | string replace -r '^ritual=' ''
end
"""


def register_completion(sub: argparse._SubParsersAction) -> None:
    parser = add_command(
        sub,
        "completion",
        run_completion,
        help="print the tab completion script for bash, zsh or fish",
        description="Print the tab completion script for SHELL (commands, options, and ritual names "
        "after done). Put it where your shell looks: see the README, At home in the shell.",
    )
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh or fish")


def run_completion(args: argparse.Namespace) -> int:
    """Print a completion script."""
    import shtab

    from tui.cli.options import data_dir
    from tui.cli.parser import build_parser
    from tui.statusfile import status_path

    script = shtab.complete(build_parser(), args.shell, preamble=preamble(args.shell, status_path(data_dir(args))))
    print(script)
    return 0
