"""micro-romance: a terminal companion for small daily acts of care."""

__version__ = "0.1.0"
APP_NAME = "micro-romance"
