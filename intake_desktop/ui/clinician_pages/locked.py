"""The clinician's steps, read-only for a user without the clinician role (issue 13, item 9).

The front desk may look at what the clinician recorded (the exam, imaging, the four questions
and the decision) but not change it: every field of these pages is disabled and a note at the
top says why and who records it. The services refuse such a change too (audited), so this is
the window telling the user before they try, not the rule itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from ..step_page import StepPage
from ..theme import DARK, LIGHT, is_dark

#: What the user edits with; push buttons outside the fields (e.g. "Next question") stay usable.
EDITORS = (QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QAbstractButton)


def lock_for_non_clinician(page: StepPage) -> QLabel:
    """Disable ``page``'s fields and put the explaining note under its heading; the note."""
    for box in page.findChildren(QGroupBox):
        box.setEnabled(False)  # children stay disabled even when a page re-enables one
    for widget in page.findChildren(QWidget):
        if isinstance(widget, EDITORS) and not _outside_fields(widget, page):
            widget.setEnabled(False)
    note = QLabel(
        QCoreApplication.translate(
            "ClinicianPages",
            "Read only for your role: the examination, imaging, the four questions and the "
            "decision are recorded by a clinician. You can see what was recorded; the intake "
            "steps stay yours to fill in.",
        ),
        page,
    )
    note.setObjectName("readOnlyNote")
    note.setWordWrap(True)
    colours = DARK if is_dark(page.palette()) else LIGHT
    _readable_when_disabled(page, colours["muted"])
    note.setStyleSheet(
        f"#readOnlyNote {{ background: {colours['warnbg']}; color: {colours['warnfg']};"
        " padding: 6px; border-radius: 4px; }"
    )
    note.setAccessibleName(note.text())
    page.layout_.insertWidget(min(2, page.layout_.count()), note)
    page.read_only_note = note  # type: ignore[attr-defined]
    return note


def _readable_when_disabled(page: QWidget, muted: str) -> None:
    """Disabled text in the theme's muted colour (4.5:1 or more), not Qt's faint grey: what
    the clinician recorded must stay easy to read for the front desk (WCAG AA). A rule of
    the page's own sheet, since the window's style sheet decides its widgets' colours."""
    page.setStyleSheet(f"QWidget:disabled {{ color: {muted}; }}")


def _outside_fields(widget: QWidget, page: QWidget) -> bool:
    """A push button that is not part of a field (navigation), left enabled."""
    if not isinstance(widget, QPushButton):
        return False
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QGroupBox):
            return False
        parent = parent.parentWidget()
    return True
