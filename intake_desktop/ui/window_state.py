"""Window geometry remembered between sessions (QSettings holds only such UI state), and kept
inside the screen: on a 1366×768 laptop a window taller than the screen hides its own buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtWidgets import QWidget

#: Room for the title bar and borders a window manager adds around a window that has not been
#: shown yet (its frame is unknown until then).
FRAME_ALLOWANCE = (16, 40)


def save_geometry(window: QWidget, settings: QSettings, key: str) -> None:
    settings.setValue(f"geometry/{key}", window.saveGeometry())


def restore_geometry(
    window: QWidget, settings: QSettings, key: str, default: tuple[int, int]
) -> None:
    """Restore the saved geometry, or fit ``default`` into the available screen; either way
    the whole window, frame included, ends up on the screen it opens on."""
    saved = settings.value(f"geometry/{key}")
    if isinstance(saved, QByteArray | bytes) and window.restoreGeometry(QByteArray(saved)):
        fit_to_screen(window, (window.width(), window.height()), centre=False)
        return
    fit_to_screen(window, default)


def available(window: QWidget) -> QRect | None:
    """The screen area free of panels and task bars where ``window`` opens."""
    parent = window.parentWidget()
    screen = (parent.window() if parent is not None else window).screen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(window: QWidget, size: tuple[int, int], *, centre: bool = True) -> None:
    """Resize ``window`` to ``size`` or less, so that it and its frame fit the available
    screen, and move it onto that screen (centred unless asked to keep its place)."""
    avail = available(window)
    if avail is None:
        window.resize(*size)
        return
    fw, fh = FRAME_ALLOWANCE
    w = max(1, min(size[0], avail.width() - fw))
    h = max(1, min(size[1], avail.height() - fh))
    window.resize(w, h)
    if centre:
        x = avail.x() + (avail.width() - w - fw) // 2
        y = avail.y() + (avail.height() - h - fh) // 2
    else:
        x = min(max(window.x(), avail.x()), avail.right() + 1 - w - fw)
        y = min(max(window.y(), avail.y()), avail.bottom() + 1 - h - fh)
    window.move(x, y)
