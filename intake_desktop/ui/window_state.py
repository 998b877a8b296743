"""Window geometry remembered between sessions (QSettings holds only such UI state)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget


def save_geometry(window: QWidget, settings: QSettings, key: str) -> None:
    settings.setValue(f"geometry/{key}", window.saveGeometry())


def restore_geometry(
    window: QWidget, settings: QSettings, key: str, default: tuple[int, int]
) -> None:
    """Restore the saved geometry, or fit ``default`` into the available screen."""
    saved = settings.value(f"geometry/{key}")
    if isinstance(saved, QByteArray | bytes) and window.restoreGeometry(QByteArray(saved)):
        return
    screen = window.screen()
    avail = screen.availableGeometry() if screen is not None else None
    w, h = default
    if avail is not None:
        w, h = min(w, avail.width()), min(h, avail.height())
    window.resize(w, h)
