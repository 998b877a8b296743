"""The Qt binding in use keeps Python's reference counts straight.

PySide6 6.12.0 drops one reference to ``None`` on every call of a Qt method that returns nothing;
on Python 3.11, where ``None`` is an ordinary object, a few thousand such calls free it and the
interpreter aborts ("none_dealloc"). The app makes that many calls in minutes, so a binding with
this fault must never be installed (pyproject.toml pins around it); this test catches it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget


def test_calls_that_return_nothing_leave_none_alone(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(500):
        widget.update()
        timer.start(10_000)
        timer.stop()
    # Other objects may take or drop a few references meanwhile; the fault drops 1,500.
    assert abs(sys.getrefcount(None) - before) < 100
