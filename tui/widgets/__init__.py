"""Widgets shared by tabs and screens: the heatmap and the paged list."""
