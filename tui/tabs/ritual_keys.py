"""The Rituals tab's keys (each with an id, for the user's keymap) and its text on the help screen."""

from __future__ import annotations

from textual.binding import Binding

from tui.domain.rituals import CONSISTENCY_RULE, STREAK_RULE

RITUALS_HELP = (
    "space or enter ticks the ritual under the cursor on the day shown, and unticks it. "
    "[ and ] step back and forward a day (never past today) so yesterday can be filled "
    "in; t comes back to today. Rituals that rest on the day shown are listed last with "
    "a dash; one added in the last seven days can be ticked on earlier days, which moves "
    "its start back.\n"
    "Dots, the last 7 days: ● kept, · missed, ○ still open today, ◌ grace day; blank is "
    "a rest day. The day shown is underlined.\n"
    f"Streak: {STREAK_RULE}\n"
    f"30 days: {CONSISTENCY_RULE}\n"
    "The heatmap below shades each day by the share of all rituals kept.\n"
    "x offers Archive (hidden, every tick kept; A lists archived rituals so you can "
    "restore one with x) or Delete (the ritual and its ticks go; the dialog says how many). "
    "u brings back the last ritual deleted, with its ticks, until you quit. "
    "p offers our suggestions.\n"
    "g marks the day shown, or a range of days, as grace days: travel, illness, a hard "
    "week. Rituals rest and streaks pause instead of breaking, and the Today tab suggests "
    "ideas that work from afar. On a grace day, g offers to remove it."
)
"""Plain text shown under the tab's keys on the help screen."""

RITUALS_BINDINGS = [
    Binding(
        "space,enter",
        "toggle",
        "Tick",
        id="rituals.tick",
        tooltip="Tick or untick the focused ritual on the day shown",
    ),
    Binding("down,j", "cursor(1)", "Next ritual", show=False, id="rituals.down", tooltip="Move to the next ritual"),
    Binding(
        "up,k", "cursor(-1)", "Previous ritual", show=False, id="rituals.up", tooltip="Move to the previous ritual"
    ),
    Binding(
        "left_square_bracket",
        "day(-1)",
        "Earlier",
        key_display="[",
        id="rituals.earlier",
        tooltip="Show the day before, to fill it in",
    ),
    Binding(
        "right_square_bracket",
        "day(1)",
        "Later",
        key_display="]",
        id="rituals.later",
        tooltip="Show the next day (never past today)",
    ),
    Binding("t", "today", "Back to today", show=False, id="rituals.today", tooltip="Show today again"),
    Binding("a", "add", "Add", id="rituals.add", tooltip="Add a ritual"),
    Binding("e", "edit", "Edit", id="rituals.edit", tooltip="Rename the focused ritual or change its days"),
    Binding(
        "K,shift+up", "move(-1)", "Move up", show=False, id="rituals.move_up", tooltip="Move the focused ritual up"
    ),
    Binding(
        "J,shift+down",
        "move(1)",
        "Move down",
        show=False,
        id="rituals.move_down",
        tooltip="Move the focused ritual down",
    ),
    Binding(
        "x",
        "remove",
        "Remove",
        id="rituals.remove",
        tooltip="Archive or delete the focused ritual (archived ones: restore or delete)",
    ),
    Binding(
        "u",
        "undo_delete",
        "Undo delete",
        show=False,
        id="rituals.undo",
        tooltip="Bring back the last ritual deleted, with its ticks",
    ),
    Binding(
        "A",
        "toggle_archived",
        "Show archived",
        show=False,
        id="rituals.archived",
        tooltip="Show or hide archived rituals",
    ),
    Binding("p", "pick", "Suggestions", id="rituals.pick", tooltip="Pick rituals from our suggestions"),
    Binding(
        "g",
        "grace",
        "Grace days",
        id="rituals.grace",
        tooltip="Mark the day shown (or a range) as grace days, or remove them",
    ),
]
