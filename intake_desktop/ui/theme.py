"""Light and dark: the palette follows the system; our few own colours follow the palette."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

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


def apply_theme(app: QApplication) -> None:
    """Fusion style with the system's palette, our sheet on top; again when the scheme flips."""
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet(app.palette()))

    def _on_scheme_changed(*_args: object) -> None:
        app.setPalette(QGuiApplication.palette())
        app.setStyleSheet(style_sheet(app.palette()))

    QGuiApplication.styleHints().colorSchemeChanged.connect(_on_scheme_changed)
