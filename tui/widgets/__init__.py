"""Widgets and dialogs shared by the tabs."""
