"""The everyday subcommands: the day at a glance, quick writes, data in and out.

| command | module | store |
| --- | --- | --- |
| ``today``, ``status`` | :mod:`tui.commands.today` | read-only, no lock |
| ``done``, ``gratitude`` | :mod:`tui.commands.write` | locked |
| ``export`` / ``import`` | :mod:`tui.commands.transfer` | read-only / locked |
| ``doctor`` | :mod:`tui.commands.doctor` | read-only, no lock |

Each module's ``register_*(subparsers)`` adds its parser; :data:`COMMANDS`
lists them for :mod:`tui.cli`. Importing this package touches only the
standard library, so ``--help`` stays fast; nothing here imports Textual.
Read-only commands never create the data folder.
"""

from __future__ import annotations

from tui.commands.doctor import register_doctor
from tui.commands.today import register_status, register_today
from tui.commands.transfer import register_export, register_import
from tui.commands.write import register_done, register_gratitude

COMMANDS = [
    register_today,
    register_status,
    register_done,
    register_gratitude,
    register_export,
    register_import,
    register_doctor,
]
"""Registration functions, in the order ``--help`` lists the commands."""
