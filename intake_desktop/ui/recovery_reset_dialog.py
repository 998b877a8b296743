"""Every password forgotten: the recovery key from the clinic's safe gives a user a new password.

Offered by the sign-in dialog of an encrypted database ("Forgot your password? Use the recovery
key…"). The dialog only collects the key, the user name and the new password twice; the service
the command line's ``users reset-password NAME --recovery-key`` uses checks the key (it must open
this very database), applies the password rules, re-wraps the database key for the user and
records it in the audit trail under "(recovery key)". A problem names its field; the password
fields are cleared after every attempt, the key only when it was wrong.
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

from intake_desktop.services.errors import InputError, PermissionDenied, ServiceError
from intake_desktop.services.password_rules import WeakPasswordError

from .dialog_footer import add_error_and_buttons
from .password_text import password_problem
from .theme import style

if TYPE_CHECKING:
    from .clinic import Clinic

MAX_TYPED = 1024


class RecoveryResetDialog(QDialog):
    """The recovery key, a user name and their new password twice; :attr:`username` holds the
    name once the password is changed (the sign-in dialog then asks for the new password)."""

    def __init__(self, clinic: Clinic, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style(self)
        self.clinic = clinic
        self.username = ""
        self.setWindowTitle(self.tr("Use the recovery key"))
        self.setModal(True)
        self.setMinimumWidth(480)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "When every password is lost: type the recovery key that was printed at the "
                "first start and kept in the clinic's safe, then the user who needs a new "
                "password. The change is recorded in the audit trail."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        lay.addLayout(form)
        self.key = self._field("recoveryKey", self.tr("Recovery key"), secret=False)
        self.key.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.user = self._field("recoveryUser", self.tr("User name"), secret=False)
        self.user.setMaxLength(100)
        self.user.setText(username)
        self.new = self._field("recoveryNewPassword", self.tr("New password"))
        self.again = self._field("recoveryNewPasswordAgain", self.tr("New password again"))
        form.addRow(self.tr("Recovery &key:"), self.key)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("&New password:"), self.new)
        form.addRow(self.tr("New password &again:"), self.again)
        self.error, self.buttons = add_error_and_buttons(
            self, lay, "recoveryError", self._try, self.tr("Recovery problem")
        )
        self.key.setFocus()

    def _field(self, name: str, accessible: str, *, secret: bool = True) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        field.setMaxLength(MAX_TYPED)
        if secret:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _try(self) -> None:
        problem, where = self._problem()
        self.new.clear()
        self.again.clear()
        if problem:
            self.error.setText(problem)
            where.setFocus()
            return
        self.username = self.user.text().strip()
        self.key.clear()
        self.accept()

    def _problem(self) -> tuple[str, QLineEdit]:
        """What is wrong, naming the field, and where to type again ("" when it was done)."""
        if not self.key.text().strip():
            return self.tr("Recovery key: type the key printed at the first start."), self.key
        if self.new.text() != self.again.text():
            return self.tr("New password again: the two passwords differ."), self.new
        try:
            self.clinic.reset_password_with_recovery_key(
                self.key.text(), self.user.text(), self.new.text()
            )
        except WeakPasswordError as exc:
            return password_problem(exc.reason), self.new
        except PermissionDenied:
            self.key.clear()
            return self.tr(
                "Recovery key: it is not the key of this database; nothing was changed."
            ), self.key
        except InputError as exc:
            if exc.field == "username":
                return self._user_problem(str(exc)), self.user
            return str(exc), self.key
        except ServiceError as exc:
            return str(exc), self.key
        return "", self.key

    def _user_problem(self, message: str) -> str:
        if "no such user" in message:
            return self.tr("User name: there is no such user.")
        if "required" in message:
            return self.tr("User name: type the name of the user who needs a new password.")
        return self.tr("User name: may hold only letters, digits and . _ @ - (at most 100).")
