"""Together: this device's entries as sync changes, and the partner's changes back in.

The store stays the source of truth; sync sees it only through this adapter, the
store's public methods and its codecs (the documents sent are the codecs' documents, and a
partner's documents are read back through the same codecs, as strictly as an import).
What is sent is found by difference:
``DATA/sync/sent.json``
keeps a digest of every document last sent, so :meth:`Together.outbox` builds a change
(stamped by the persisted clock) for each entry that is new or changed since, and a
delete for each entry that is gone. :meth:`Together.drop_from_outbox` records what a
round wrote; :meth:`Together.apply_remote` writes the partner's entries into the store
(idempotent: applying the same changes twice leaves the same store) and records them
as sent, so they are not echoed back.

What is shared (see the README, "Together"):

* ``ritual`` and ``tick`` (``RITUAL:DAY``): a tick of a shared ritual by either partner counts
  for the pair. A partner's ritual with the name of one of ours becomes that ritual: the
  one with the smaller id is kept on both sides, with the ticks of both. A personal ritual
  (``Ritual.personal``) and its ticks are private, as private notes are.
* ``note``: a gratitude note is private (to this person's own devices) unless shared with
  ``gratitude --share``; a partner's shared note is kept with the name of its author.
* ``answer``: a prompt's answer is private unless shared (``p`` on the Prompts tab); a
  partner's shared answer is kept beside the store (together.json), never among this
  person's answers, and the Prompts tab shows it once this person has shared theirs to
  the same prompt.
* ``gesture`` (the day's suggestion, what was done, the note): private. When a gesture
  is done, a ``gift`` (``PERSON:DAY``) tells the partner what was done for them, and their
  ``reply`` (the same id: whether it landed) comes back into the giver's gesture day as
  ``partner_feedback``.
* ``love_languages`` (``PERSON``): how this person feels loved, their own ranking (the shared
  part of the settings, ``SettingsCodec.shared``); a partner's is kept in together.json by
  person (``their_languages``), never in this person's settings, and the picks lean on it
  over the guess (:mod:`tui.daily`).

The small state of its own (``together.json``: which notes are shared, who wrote a
partner's note, who ticked, gifts received, a partner's own love languages, ritual aliases) lives beside the sync state.
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any

# Names load on first use, so the full screen can ask whether this device is paired
# (tui.together.state) without loading the sync code.
_STATE = {
    "STATE_FILE",
    "gift_lines",
    "gifts_of_day",
    "note_authors",
    "partner_answers",
    "received_gifts",
    "shared_answers",
    "shared_notes",
    "ticked_by",
    "is_paired",
    "partner_rankings",
}
_ROUNDS = {"Prepared", "finish", "prepare", "run_round"}


def __getattr__(name: str) -> Any:
    module = "state" if name in _STATE else "rounds" if name in _ROUNDS else "sharing"
    try:
        return getattr(import_module(f"tui.together.{module}"), name)
    except AttributeError:
        raise AttributeError(f"module 'tui.together' has no attribute {name!r}") from None
