"""``micro-romance done`` and ``micro-romance gratitude``: quick writes from the shell.

Both open the data with the lock, so while the full screen runs they stop
with the store's "already running" message and change nothing.
"""

from __future__ import annotations

import sys

from tui.cli.common import CommandError, add_command, read_input, share_words, today, write_store
from tui.format import DAY_PLURALS, one_line, plural

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way

if TYPE_CHECKING:
    import argparse

    from tui.model import Ritual


# --------------------------------------------------------------------------- done

RITUAL_NAMES = {
    "bash": "_micro_romance_rituals",
    "zsh": "_micro_romance_rituals",
    "fish": "(__micro_romance_rituals)",
}
"""How a completion script completes ``done``'s words: its function reading the status file (tui.cli.shell)."""


def register_done(sub: argparse._SubParsersAction) -> None:
    parser = add_command(
        sub,
        "done",
        run_done,
        help="tick a ritual for today",
        description="Tick one of your rituals for today (or the day given with --today). "
        "Give a few words from its name, in any case: together they are one search, matched "
        "anywhere in the name. When they fit several rituals, those are listed and nothing is ticked.",
    )
    parser.usage = f"{parser.prog} [-h] [--undo] WORDS"
    words = parser.add_argument(
        "words", nargs="+", metavar="WORDS", help="words from the ritual's name, e.g. morning coffee"
    )
    words.complete = RITUAL_NAMES  # type: ignore[attr-defined]  # shtab: tui.cli.shell
    parser.add_argument("--undo", action="store_true", help="untick it instead")


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_ritual(rituals: list[Ritual], wanted: str) -> Ritual:
    """The one ritual whose name holds ``wanted`` (case-insensitive, anywhere in the name).

    A name equal to ``wanted`` wins over names that only contain it; when the
    words fit two or more rituals, they are listed and none is chosen.
    """
    key = _folded(wanted)
    if not key:
        raise CommandError("say which ritual to tick, for example: done evening walk")
    if not rituals:
        raise CommandError("there are no rituals yet; add some in the full screen first")
    exact = [r for r in rituals if _folded(r.name) == key]
    if len(exact) == 1:
        return exact[0]
    found = exact or [r for r in rituals if key in _folded(r.name)]
    if not found:
        names = ", ".join(one_line(r.name) for r in rituals)
        raise CommandError(f"no ritual's name holds '{one_line(wanted)}'. Your rituals: {names}")
    if len(found) > 1:
        several = "".join(f"\n  {one_line(r.name)}" for r in found)
        raise CommandError(
            f"'{one_line(wanted)}' fits {len(found)} rituals, so nothing was ticked:{several}\n"
            "Give a few more words of the one you mean."
        )
    return found[0]


def run_done(args: argparse.Namespace) -> int:
    """Tick (or untick) a ritual for the day."""
    from tui.cli.background import after_write, status_before
    from tui.domain.rituals import FILL_IN_RULE, TICK_FILL_IN, TICK_TOO_EARLY, in_grace, open_rituals, tick_kind

    day = today(args)
    with write_store(args, backups=False) as store:
        prior = status_before(args, store)  # the gesture is the same after a tick: not picked again
        ritual = find_ritual(store.rituals(), " ".join(args.words))
        name = one_line(ritual.name)
        if args.undo and not store.is_ticked(ritual.id, day):  # whatever its days: there is no tick to take back
            print(f"{name} was not ticked on {day.isoformat()}; nothing to undo.")
            return 0
        kind = tick_kind(ritual, day, day)
        if kind == TICK_FILL_IN and not args.undo:
            store.tick_before_start(ritual.id, day)
            said = after_write(args, store, prior)
            print(f"Ticked: {name} ✓  Its start moved back to {day.isoformat()}, so that day counts.")
            _say(said)
            return 0
        if kind == TICK_TOO_EARLY or (ritual.created is not None and day < ritual.created):
            added = ritual.created.isoformat() if ritual.created else ""
            rule = f". {FILL_IN_RULE}".rstrip(".") if kind == TICK_TOO_EARLY else ""
            raise CommandError(f"'{name}' was added on {added}, after {day.isoformat()}; nothing was ticked{rule}")
        if not ritual.scheduled_on(day):
            days = ", ".join(DAY_PLURALS[d] for d in ritual.weekdays)
            raise CommandError(f"'{name}' is for {days}, so there is nothing to tick on {day.isoformat()}")
        if args.undo:
            store.set_tick(ritual.id, day, False)
            print(f"Unticked: {name}.")
            _say(after_write(args, store, prior))
            return 0
        if store.is_ticked(ritual.id, day):
            print(f"{name} is already ticked ✓")
            return 0
        store.set_tick(ritual.id, day, True)
        left = open_rituals(store.rituals(), store.ticks_by_ritual(), day)
        resting = in_grace(day, store.grace())
        said = after_write(args, store, prior)
    if resting:
        after = ""  # a grace day: nothing is "open", so say nothing more
    elif left:
        after = f"  {plural(len(left), 'ritual')} still open."
    else:
        after = "  That's every ritual for the day."
    print(f"Ticked: {name} ✓{after}")
    _say(said)
    return 0


def _say(line: str) -> None:
    if line:
        print(line)


# --------------------------------------------------------------------------- gratitude


def register_gratitude(sub: argparse._SubParsersAction) -> None:
    parser = add_command(
        sub,
        "gratitude",
        run_gratitude,
        help="add a gratitude note",
        description="Add a note to your gratitude log for today (or the day given with --today). "
        "Give '-' to read the note from standard input.",
    )
    parser.add_argument("text", nargs="+", metavar="TEXT", help="the note (quote it), or - to read standard input")
    parser.add_argument("--share", action="store_true", help="send it to your partner too (see micro-romance pair)")


def run_gratitude(args: argparse.Namespace) -> int:
    """Save one gratitude note."""
    from tui.format import long_day
    from tui.text import TextError, check_note

    if args.text == ["-"]:
        if sys.stdin.isatty():
            print("Write your note, then press Ctrl-D on a new line.", file=sys.stderr)
        raw = read_input("-", "the note")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"the note on standard input is not UTF-8 text (byte {exc.start}); nothing was saved"
            ) from None
    else:
        text = " ".join(args.text)
    try:
        text = check_note(text)
    except TextError as exc:
        raise CommandError(f"{exc} Nothing was saved.") from None
    from tui.cli.background import after_write, state_dir, status_before

    day = today(args)
    with write_store(args, backups=False) as store:
        prior = status_before(args, store)  # a note changes nothing the status says
        note = store.add_note(text, day)
        print(f"Saved to your gratitude log for {long_day(day)}.")
        if args.share:
            from tui.together import Together

            try:
                Together(store, state_dir(args)).share_note(note.id)
            except (OSError, ValueError) as exc:
                raise CommandError(f"the note is saved but not marked to share: {exc}") from None
            print(share_words(args, store))
        _say(after_write(args, store, prior, rituals=False))
    return 0
