"""``python -m tui`` runs the same entry point as ``micro-romance``."""

import sys

from tui.cli import main

sys.exit(main())
