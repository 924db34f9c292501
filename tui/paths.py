"""Where things live on disk: the user's data folder and our stylesheets."""

from __future__ import annotations

from pathlib import Path

from tui import APP_NAME

_PACKAGE = Path(__file__).resolve().parent


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


def stylesheets() -> list[Path]:
    """Every stylesheet, app.tcss first (tabs and dialogs after it)."""
    folder = styles_dir()
    rest = sorted(p for p in folder.glob("*.tcss") if p.name != "app.tcss")
    return [folder / "app.tcss", *rest]
