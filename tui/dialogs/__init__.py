"""Modal dialogs: confirm, one line, choices, the note editor, welcome and settings, rituals, grace days."""
