"""The enum values spelled out for the first window match the binding, and it needs no more."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt

from intake_desktop.ui import qt_values


def test_the_spelled_out_values_are_qts() -> None:
    assert Qt.ItemDataRole.DisplayRole.value == qt_values.DISPLAY_ROLE
    assert Qt.ItemDataRole.AccessibleTextRole.value == qt_values.ACCESSIBLE_TEXT_ROLE
    assert Qt.ItemDataRole.UserRole.value == qt_values.USER_ROLE
    assert Qt.Key.Key_Return.value == qt_values.KEY_RETURN
    assert Qt.Key.Key_Enter.value == qt_values.KEY_ENTER
    assert Qt.Key.Key_Down.value == qt_values.KEY_DOWN
    assert Qt.Orientation.Horizontal.value == qt_values.HORIZONTAL


def test_the_first_window_shows_without_building_the_qt_namespace() -> None:
    """PySide builds ``Qt``'s enums on its first use; the first window must not need them."""
    code = (
        "import PySide6.QtCore as core\n"
        "from intake_desktop.ui.app import make_application\n"
        "from intake_desktop.ui.main_window import MainWindow\n"
        "app = make_application([])\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print(core.__dict__.get('Qt') is None)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip() == "True"
