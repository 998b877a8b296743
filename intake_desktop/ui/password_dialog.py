"""Choosing a new password: after an administrator's reset (forced, at sign-in) or at will.

The dialog only collects the typed passwords; the services check the old one, the new one's
rules, and audit the change. Fields never echo and are cleared after every attempt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.services.errors import ServiceError

from .dialog_footer import add_error_and_buttons
from .password_text import refusal_text
from .theme import style

if TYPE_CHECKING:
    from .clinic import Clinic


class ChangePasswordDialog(QDialog):
    """The current password (unless just typed at sign-in), the new one twice."""

    def __init__(
        self,
        clinic: Clinic,
        *,
        forced: bool = False,
        current: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        style(self)
        self.clinic, self._current = clinic, current
        self.setWindowTitle(self.tr("Choose a new password"))
        self.setModal(True)
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "An administrator reset your password. Choose your own before you go on; "
                "nobody else should know it."
            )
            if forced
            else self.tr("Type your current password, then the new one twice."),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        lay.addLayout(form)
        self.old = self._field("currentPassword", self.tr("Current password"))
        self.new = self._field("newPassword", self.tr("New password"))
        self.again = self._field("newPasswordAgain", self.tr("New password again"))
        if current is None:
            form.addRow(self.tr("&Current password:"), self.old)
        else:
            self.old.hide()
        form.addRow(self.tr("&New password:"), self.new)
        form.addRow(self.tr("New password &again:"), self.again)
        self.error, self.buttons = add_error_and_buttons(self, lay, "passwordError", self._try)
        (self.new if current is not None else self.old).setFocus()

    def _field(self, name: str, accessible: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(1024)
        field.setAccessibleName(accessible)
        return field

    def _try(self) -> None:
        old = self._current if self._current is not None else self.old.text()
        new, again = self.new.text(), self.again.text()
        for field in (self.old, self.new, self.again):
            field.clear()
        if new != again:
            self.error.setText(self.tr("The two new passwords differ; type them again."))
            self.new.setFocus()
            return
        try:
            self.clinic.change_own_password(old, new)
        except ServiceError as exc:
            self.error.setText(refusal_text(exc))
            (self.new if self._current is not None else self.old).setFocus()
            return
        self._current = None
        self.accept()
