"""Pure domain logic for micro-romance: gesture picking, streaks, consistency,
the prompt of the day and the weekly summary.

Nothing here imports Textual or TinyDB or reads the clock: every function takes
the day it is about as an argument, so the same inputs always give the same
answer.
"""
