"""What a partner did for you today (Together): the lines of the Today tab, and your answer.

l, m and r answer what the partner did first, while it is not answered; then they answer
your own done gesture as before (and, when yours is not done, change your answer to them).
The answer goes back at the next round and counts in the partner's picker.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from tui.model import FEEDBACK
from tui.text import clean, one_line

if TYPE_CHECKING:
    from tui.together.state import TogetherState

ASK_PARTNER = "How did it land for you?  l it landed · m so-so · r not really"
"""Asked under what a partner did for you, until it is answered."""


def partner_text(state: TogetherState, day: date) -> str:
    """What a partner did for you, told to you ("Sam left a kind note on the mirror for you to
    find."), and the question while one is unanswered; "" when none."""
    lines = [clean(line) for line in state.gift_lines(day)]
    if any(not answer for *_, answer in state.gifts_of_day(day)):
        lines.append(ASK_PARTNER)
    return "\n".join(lines)


def answer_partner(tab: Any, answer: str, *, own_done: bool) -> bool:
    """Send ``answer`` about what the partner did today, when l/m/r are for that; True if so."""
    together = tab.host.together
    gifts = together.state.gifts_of_day(tab.host.today)
    waiting = [g for g in gifts if not g[3]]
    if waiting:
        gift_id, by, _, said = waiting[0]
    elif gifts and not own_done:
        gift_id, by, _, said = gifts[-1]
    else:
        return False
    name = one_line(by)
    if said == answer:
        tab.notify(f"Already told {name}: {FEEDBACK[answer].lower()}.", markup=False)
        return True
    try:
        together.share(lambda adapter: adapter.answer_gift(gift_id, answer))
    except (OSError, ValueError) as exc:
        tab.notify(f"Not saved ({exc}).", title="Not saved", severity="error", markup=False)
        return True
    tab.host.sync_soon()
    tab.redraw()
    tab.notify(f"Noted: {FEEDBACK[answer].lower()}. {name} hears it at the next round.", markup=False)
    return True
