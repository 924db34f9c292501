"""Your data in and out: the export document, the journal, reading and merging an import.

Pure steps, no Textual and no terminal:

* :mod:`~tui.exchange.document`: :func:`export_data` (a store as the plain dict
  of the JSON export) and :func:`export_json` (its deterministic text)
* :mod:`~tui.exchange.journal`: :func:`to_markdown`, a readable journal
* :mod:`~tui.exchange.reading`: :func:`parse`, the bytes of an export checked
  into a :class:`Bundle` (or an :class:`ImportProblem` naming entry and field)
* :mod:`~tui.exchange.merge`: :func:`plan_import` and :func:`apply`
"""

from __future__ import annotations

from tui.exchange.document import FIELDS, FORMAT_VERSION, SECTIONS, export_data, export_json
from tui.exchange.journal import to_markdown
from tui.exchange.merge import Plan, apply, merge_gesture_day, plan_import
from tui.exchange.reading import Bundle, ImportProblem, decode, parse
from tui.jsontext import to_json

__all__ = [
    "FIELDS",
    "FORMAT_VERSION",
    "SECTIONS",
    "Bundle",
    "ImportProblem",
    "Plan",
    "apply",
    "decode",
    "export_data",
    "export_json",
    "merge_gesture_day",
    "parse",
    "plan_import",
    "to_json",
    "to_markdown",
]
