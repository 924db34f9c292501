"""Where things live on disk: the user's data folder and our stylesheets."""

from __future__ import annotations

from pathlib import Path

from tui import APP_NAME

_PACKAGE = Path(__file__).resolve().parent

SYNC_DIR = "sync"
"""Together's own files in the data folder (pairing, keys, what was sent, together.json): named only here."""
PAIRING_FILE = "pairing.json"
"""In ``DATA/sync``: the shared folder and this device's pairing (written by tui.sync.pairing). A device
without it was never paired, which a writing command learns without loading Together."""


def sync_dir(data_dir: Path) -> Path:
    """Together's folder in the data folder ``data_dir`` (``DATA/sync``)."""
    return Path(data_dir) / SYNC_DIR


def default_data_dir() -> Path:
    """platformdirs' user data folder for the app (honours XDG_DATA_HOME)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def styles_dir() -> Path:
    """The folder of .tcss files, in an installed wheel or in a checkout.

    The wheel carries ``styles/`` as ``tui/styles``; a checkout (or an editable
    install) keeps it beside the package.
    """
    for candidate in (_PACKAGE / "styles", _PACKAGE.parent / "styles"):
        if (candidate / "app.tcss").is_file():
            return candidate
    raise FileNotFoundError("micro-romance's stylesheets are missing; reinstall the package.")


FIRST_FRAME_STYLES = ("app.tcss", "today.tcss")
"""What the first frame shows needs only these: the frame (its focused list without colour too) and the Today tab."""


def stylesheets() -> list[Path]:
    """Every stylesheet, app.tcss first (tabs and dialogs after it)."""
    folder = styles_dir()
    rest = sorted(p for p in folder.glob("*.tcss") if p.name != "app.tcss")
    return [folder / "app.tcss", *rest]


def first_frame_stylesheets() -> list[Path]:
    """The stylesheets parsed before the first frame."""
    return [p for p in stylesheets() if p.name in FIRST_FRAME_STYLES]


def later_stylesheets() -> list[Path]:
    """The stylesheets of the other tabs and the dialogs, parsed once the first frame is up."""
    return [p for p in stylesheets() if p.name not in FIRST_FRAME_STYLES]
