"""Sizes for fingers: every answer is a target at least :data:`MIN_TARGET_MM` across.

A pixel is not a length: the screen's logical DPI says how many pixels make a millimetre, so
the minimum is worked out per screen (a 10-inch 1280x800 tablet and a 24-inch monitor differ by
half). Touch guidance (WCAG 2.5.5, the platform guidelines) asks for 7–10 mm; we ask 9 mm and
make the answer buttons larger still, with big type, because many patients are older and in pain.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QWidget

MIN_TARGET_MM = 9.0
#: The answer buttons aim higher than the minimum: 16 mm, comfortable for a shaky finger.
ANSWER_MM = 16.0
MM_PER_INCH = 25.4
#: Type sizes in points: the question, the answers, the small print (progress, staff).
QUESTION_PT, ANSWER_PT, SMALL_PT = 24.0, 19.0, 15.0


def mm_to_px(widget: QWidget, mm: float) -> int:
    """``mm`` in pixels on the screen ``widget`` shows on (its logical DPI), rounded up."""
    dpi = max(widget.logicalDpiX(), widget.logicalDpiY())
    return math.ceil(mm * dpi / MM_PER_INCH)


def min_target_px(widget: QWidget) -> int:
    """The smallest a touch target may be on ``widget``'s screen, in pixels."""
    return mm_to_px(widget, MIN_TARGET_MM)


def make_touchable(
    button: QAbstractButton, mm: float = ANSWER_MM, points: float = ANSWER_PT
) -> None:
    """At least ``mm`` high and wide, with big type, reachable by keyboard too."""
    side = mm_to_px(button, max(mm, MIN_TARGET_MM))
    button.setMinimumSize(side, side)
    set_points(button, points)


def set_points(widget: QWidget, points: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    widget.setFont(font)
