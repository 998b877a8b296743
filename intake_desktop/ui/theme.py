"""Light and dark: the palette follows the system; our few own colours follow the palette.

The style sheet is set on the windows that use its rules (:func:`style`), not on the whole
application: a sheet makes Qt style every widget under it through its slower style-sheet
engine, and the main window, shown first and repainted at every keystroke of a search, needs
none of it (its two looks are set in code).
"""

from __future__ import annotations

from weakref import WeakSet

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from intake_desktop import resources

STYLE_FILE = resources.STYLE_FILE

# Colours with at least 4.5:1 contrast against the window background of each scheme.
# "readfg" is the text of a read-only (signed) record; "onbg"/"onfg" its chosen answers.
LIGHT = {"error": "#b3261e", "warn": "#8a4b00", "muted": "#4a4a4a",
         "warnbg": "#fff4ce", "warnfg": "#3d2c00",
         "readfg": "#1a1a1a", "onbg": "#1f4e79", "onfg": "#ffffff"}  # fmt: skip
DARK = {"error": "#ff8a80", "warn": "#ffcc80", "muted": "#c8c8c8",
        "warnbg": "#4a3b00", "warnfg": "#fff4ce",
        "readfg": "#f2f2f2", "onbg": "#9cc3e6", "onfg": "#000000"}  # fmt: skip


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


#: Text of a read-only (signed) visit keeps at least this contrast (WCAG 2.x AA, normal text).
MIN_CONTRAST = 4.5
_TEXT_ROLES = (
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
)


def relative_luminance(color: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour (0 black … 1 white)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours, 1 … 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def show_read_only(widget: QWidget, read_only: bool) -> None:
    """Disable ``widget`` (and what it holds) for editing while keeping its text readable.

    A signed visit is shown with its fields disabled (nothing can be typed) but it is a record
    to read: Fusion's faded disabled text (#BEBEBE on #ECECEC, about 1.6:1) failed WCAG AA. The
    style sheet's ``[readOnly="true"]`` rules give it the "readfg" colour instead; the property
    is set here and every widget under ``widget`` re-polished to pick it up.
    """
    widget.setEnabled(not read_only)
    if bool(widget.property("readOnly")) == read_only:
        return
    widget.setProperty("readOnly", read_only)
    style_ = widget.style()
    for w in (widget, *widget.findChildren(QWidget)):
        style_.unpolish(w)
        style_.polish(w)
