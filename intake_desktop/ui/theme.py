"""Light and dark: the palette follows the system; our few own colours follow the palette.

The style sheet is set on the windows that use its rules (:func:`style`), not on the whole
application: a sheet makes Qt style every widget under it through its slower style-sheet
engine, and the main window, shown first and repainted at every keystroke of a search, needs
none of it (its two looks are set in code).
"""

from __future__ import annotations

from pathlib import Path
from weakref import WeakSet

from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

STYLE_FILE = Path(__file__).resolve().parents[2] / "resources" / "styles" / "app.qss"

# Colours with at least 4.5:1 contrast against the window background of each scheme.
LIGHT = {"error": "#b3261e", "warn": "#8a4b00", "muted": "#4a4a4a",
         "warnbg": "#fff4ce", "warnfg": "#3d2c00"}  # fmt: skip
DARK = {"error": "#ff8a80", "warn": "#ffcc80", "muted": "#c8c8c8",
        "warnbg": "#4a3b00", "warnfg": "#fff4ce"}  # fmt: skip


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def style_sheet(palette: QPalette) -> str:
    try:
        text = STYLE_FILE.read_text(encoding="utf-8")
    except OSError:
        return ""
    for key, value in (DARK if is_dark(palette) else LIGHT).items():
        text = text.replace(f"@{key}@", value)
    return text


#: The widgets given the sheet, to give them its other colours when the scheme flips.
_STYLED: WeakSet[QWidget] = WeakSet()


def style(widget: QWidget) -> None:
    """Give ``widget`` and everything in it (dialogs it parents too) the app's style sheet."""
    widget.setStyleSheet(style_sheet(QApplication.palette()))
    _STYLED.add(widget)


def apply_theme(app: QApplication) -> None:
    """Fusion style with the system's palette; the styled windows follow a flip of scheme."""
    app.setStyle("Fusion")

    def _on_scheme_changed(*_args: object) -> None:
        app.setPalette(QGuiApplication.palette())
        sheet = style_sheet(app.palette())
        for widget in list(_STYLED):
            widget.setStyleSheet(sheet)

    QGuiApplication.styleHints().colorSchemeChanged.connect(_on_scheme_changed)
