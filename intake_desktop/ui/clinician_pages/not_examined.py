"""The exam's "not examined" declaration: when the neurological exam could not be done, say why.

Signing needs the neurological items recorded, or this box ticked with a reason
(``domain.signing``). The case file has no place for it, so it is the window's own state, stored
beside the draft under :data:`~intake_desktop.domain.signing.NOT_EXAMINED_KEY`.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from intake_desktop.domain.signing import NOT_EXAMINED_KEY

from ..form_model import FormModel


class NotExaminedBox(QGroupBox):
    """A tick box and the reason; the reason field is enabled only when ticked."""

    def __init__(self, form: FormModel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Neurological exam not done"), parent)
        self.form = form
        layout = QFormLayout(self)
        self.check = QCheckBox(self.tr("The neurological exam &could not be done"), self)
        self.check.setAccessibleName(self.tr("Neurological exam not done"))
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Why the exam was not done"))
        self.reason.setPlaceholderText(self.tr("Required: why it was not done"))
        self.reason.setMaxLength(500)
        layout.addRow(self.check)
        layout.addRow(self.tr("Reason:"), self.reason)
        self.check.toggled.connect(self._on_changed)
        self.reason.textChanged.connect(self._on_changed)
        form.reset.connect(self._on_form_reset)
        self._on_form_reset()

    def _on_changed(self, *_args: object) -> None:
        ticked = self.check.isChecked()
        self.reason.setEnabled(ticked)
        self.form.set_ui(NOT_EXAMINED_KEY, self.reason.text() if ticked else None)

    def _on_form_reset(self) -> None:
        value = self.form.ui(NOT_EXAMINED_KEY)
        with QSignalBlocker(self.check), QSignalBlocker(self.reason):
            self.check.setChecked(value is not None)
            self.reason.setText(value or "")
        self.reason.setEnabled(value is not None)
