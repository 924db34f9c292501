"""Full screens above the tabs: help and the weekly review."""
