"""The enum values spelled out for the first window match the binding (that the first window
needs no more is checked in tests/cli/test_startup_imports.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from intake_desktop.ui import qt_values


def test_the_spelled_out_values_are_qts() -> None:
    assert Qt.ItemDataRole.DisplayRole.value == qt_values.DISPLAY_ROLE
    assert Qt.ItemDataRole.AccessibleTextRole.value == qt_values.ACCESSIBLE_TEXT_ROLE
    assert Qt.ItemDataRole.UserRole.value == qt_values.USER_ROLE
    assert Qt.ItemDataRole.ToolTipRole.value == qt_values.TOOLTIP_ROLE
    assert Qt.ItemDataRole.ForegroundRole.value == qt_values.FOREGROUND_ROLE
    assert Qt.Key.Key_Return.value == qt_values.KEY_RETURN
    assert Qt.Key.Key_Enter.value == qt_values.KEY_ENTER
    assert Qt.Key.Key_Down.value == qt_values.KEY_DOWN
    assert Qt.Orientation.Horizontal.value == qt_values.HORIZONTAL
