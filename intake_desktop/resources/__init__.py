"""Where every file the package ships lives: fonts, style sheet, translations, icons, templates.

They sit in this package (``intake_desktop/resources/``) and are found beside this module, so
they are there however the program was installed: editable from a checkout, from a wheel into
any environment, or frozen into the desktop bundle. The package must be installed as plain files
(every installer does that; a zipped install is not supported, because ReportLab and Qt open
these files by path), which is also why the path is taken from ``__file__`` rather than through
:mod:`importlib.resources`: the same answer for plain files, and that module (with the
``tempfile``, ``zipfile`` and readers it loads) cost the window's cold start about 5 %.

The clinic's own report templates are not here: they live in the configuration folder
(:func:`config_dir`, ``~/.config/intake-desktop`` on Linux), which a clinic may fill with a copy
of :data:`TEMPLATES_DIR` and edit (``intake_desktop.reporting.paths.templates_folder``).
"""

from __future__ import annotations

import os
from pathlib import Path

#: Environment override of the configuration folder (tests, or a clinic's shared folder).
CONFIG_VARIABLE = "INTAKE_DESKTOP_CONFIG"
APP_NAME = "intake-desktop"
_HERE = Path(__file__).resolve().parent


def packaged(*parts: str) -> Path:
    """The path of a shipped file or folder, e.g. ``packaged("fonts", "DejaVuSans.ttf")``."""
    return _HERE.joinpath(*parts)


#: The free Unicode fonts embedded in every PDF (DejaVu, licence text beside them).
FONTS_DIR = packaged("fonts")
#: The style sheet of the windows that use one (``ui/theme.py``).
STYLE_FILE = packaged("styles", "app.qss")
#: Compiled translations of the interface, ``intake_desktop_<lang>.qm``.
TRANSLATIONS_DIR = packaged("translations")
#: The application icon (SVG; PNG beside it for the desktop entry).
ICON_FILE = packaged("icons", "intake-desktop.svg")
#: The default report templates: ``clinic.toml`` and one folder per language.
TEMPLATES_DIR = packaged("templates")


def config_dir() -> Path:
    """The clinic's configuration folder: ``INTAKE_DESKTOP_CONFIG``, else the user's.

    On Linux ``~/.config/intake-desktop`` (``$XDG_CONFIG_HOME`` respected), on Windows
    ``%LOCALAPPDATA%\\intake-desktop``, on macOS ``~/Library/Application Support/intake-desktop``.
    Nothing is created here; the folder is only read.
    """
    chosen = os.environ.get(CONFIG_VARIABLE, "").strip()
    if chosen:
        return Path(chosen)
    import platformdirs  # only when asked: the app's start-up does not need it

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
