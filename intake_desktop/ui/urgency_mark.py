"""The red mark and the word that every list shows for an emergency or urgent visit.

Never colour alone: the cell says "Emergency" or "Urgent" (translated) after a filled circle,
in the theme's error red (4.5:1 or more on the list's background in light and dark schemes),
in bold, with a tooltip that says what it means.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QTableWidgetItem

from .theme import DARK, LIGHT, is_dark

MARK = "●"


def urgency_word(urgency: str | None) -> str:
    """'Emergency' or 'Urgent' in the user's language; empty for anything else."""
    if urgency == "emergency":
        return QCoreApplication.translate("Urgency", "Emergency")
    if urgency == "urgent":
        return QCoreApplication.translate("Urgency", "Urgent")
    return ""


def urgency_text(urgency: str | None) -> str:
    """The cell's text: the mark and the word, or empty."""
    word = urgency_word(urgency)
    return f"{MARK} {word}" if word else ""


def urgency_tip(urgency: str | None) -> str:
    if urgency == "emergency":
        return QCoreApplication.translate(
            "Urgency", "Emergency: a red flag calls for the emergency department now"
        )
    if urgency == "urgent":
        return QCoreApplication.translate(
            "Urgency", "Urgent: the patient must be seen by a clinician today"
        )
    return ""


def urgency_colour(palette: QPalette) -> QColor:
    return QColor((DARK if is_dark(palette) else LIGHT)["error"])


def urgency_item(urgency: str | None, palette: QPalette) -> QTableWidgetItem:
    """A table cell with the mark, the word, the colour and the tooltip."""
    item = QTableWidgetItem(urgency_text(urgency))
    if urgency_word(urgency):
        item.setForeground(urgency_colour(palette))
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setToolTip(urgency_tip(urgency))
    return item
