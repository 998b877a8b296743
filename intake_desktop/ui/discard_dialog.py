"""Discarding a draft from the visit window: a draft with a red flag needs a reason.

The services refuse to set such a draft aside without one (``services.visits.discard_draft``),
and audit it; this asks for the reason first, in a small dialog whose "Discard" stays disabled
until something is typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.services.errors import InputError, ServiceError

from .clinic import Clinic


def _tr(text: str) -> str:
    return QCoreApplication.translate("DiscardReasonDialog", text)


class DiscardReasonDialog(QDialog):
    """Asks why a draft with a red flag is discarded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Discard a visit with a red flag?"))
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This draft records a red flag. Say why it is discarded (for example: entered "
                "for the wrong patient, or recorded again in another visit). The reason is "
                "kept with the visit and the discard is recorded in the audit trail."
            ),
            self,
        )
        intro.setWordWrap(True)
        caption = QLabel(self.tr("&Reason:"), self)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(self.tr("Reason for discarding"))
        self.reason.setMaximumHeight(100)
        caption.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(self)
        self.discard_button = self.buttons.addButton(
            self.tr("&Discard visit"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.discard_button.setEnabled(False)
        for w in (intro, caption, self.reason, self.buttons):
            lay.addWidget(w)
        self.reason.textChanged.connect(self._on_text_changed)
        self.discard_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.setFocus()

    def _on_text_changed(self) -> None:
        self.discard_button.setEnabled(bool(self.reason.toPlainText().strip()))

    def text(self) -> str:
        return self.reason.toPlainText().strip()


def discard_with_reason(
    parent: QWidget, clinic: Clinic, visit_id: int, version: int, *, flagged: bool
) -> bool:
    """Discard the draft; ask the reason when it has a red flag (or the services say it has).

    True when discarded; False when the user cancelled or the services refused (said why).
    """
    reason = None
    for _ in range(2):
        if flagged:
            dialog = DiscardReasonDialog(parent)
            if not dialog.exec():
                return False
            reason = dialog.text()
        try:
            clinic.discard_draft(visit_id, version, reason)
            return True
        except InputError as exc:
            if exc.field == "reason" and not flagged:
                flagged = True  # a flag the window had not shown yet: ask, then try again
                continue
            QMessageBox.warning(parent, _tr("Not discarded"), str(exc))
            return False
        except ServiceError as exc:
            QMessageBox.warning(parent, _tr("Not discarded"), str(exc))
            return False
    return False
