"""Who is at the keyboard: the sign-in dialog, the first-run administrator, the unlock prompt.

Each dialog only collects what is typed and hands it to the :class:`Clinic` (the services decide,
audit and refuse); a refusal is shown in the dialog, which stays open for another try. Password
fields never echo, and are cleared after every attempt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.services.errors import ServiceError

from .theme import style

if TYPE_CHECKING:
    from .clinic import Clinic


MAX_TYPED = 1024


class _CredentialsDialog(QDialog):
    """A user name (or a fixed one) and a password, with an error line and OK/Cancel."""

    def __init__(
        self, clinic: Clinic, title: str, intro: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        style(self)
        self.clinic = clinic
        self.setWindowTitle(title)
        self.setModal(True)
        lay = QVBoxLayout(self)
        intro_label = QLabel(intro, self)
        intro_label.setWordWrap(True)
        lay.addWidget(intro_label)
        self.form = QFormLayout()
        lay.addLayout(self.form)
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.username.setMaxLength(100)
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(MAX_TYPED)
        self.password.setAccessibleName(self.tr("Password"))
        self.form.addRow(self.tr("&User name:"), self.username)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.error = QLabel("", self)
        self.error.setObjectName("signInError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Sign-in problem"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

    def _try(self) -> None:
        try:
            self._submit()
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.password.clear()
        self.accept()

    def _submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class SignInDialog(_CredentialsDialog):
    """Sign in with a user name and password; ``clinic.actor`` is set when it is accepted."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(
            clinic,
            self.tr("Sign in"),
            self.tr("Sign in to open the clinic's records."),
            parent,
        )
        self.username.setFocus()

    def _submit(self) -> None:
        self.clinic.sign_in(self.username.text(), self.password.text())


class FirstAdminDialog(_CredentialsDialog):
    """First run: there is no user yet, so the first account made is an administrator."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(
            clinic,
            self.tr("Create the administrator"),
            self.tr(
                "This is the first start on this database. Create the administrator account; "
                "the administrator then adds the front desk's and the clinicians' accounts."
            ),
            parent,
        )
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setMaxLength(MAX_TYPED)
        self.confirm.setAccessibleName(self.tr("Password again"))
        self.form.addRow(self.tr("Password &again:"), self.confirm)

    def _submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.confirm.clear()
            raise _Mismatch(self.tr("The two passwords differ; type them again."))
        self.confirm.clear()
        self.clinic.create_first_admin(self.username.text(), self.password.text())


class UnlockDialog(_CredentialsDialog):
    """The session is locked: the same user types their password to resume."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(
            clinic,
            self.tr("Session locked"),
            self.tr("The session was locked. Type your password to continue where you were."),
            parent,
        )
        self.username.setText(clinic.actor.username)
        self.username.setReadOnly(True)
        self.password.setFocus()

    def _submit(self) -> None:
        self.clinic.unlock(self.password.text())


class _Mismatch(ServiceError):
    exit_code = 2
