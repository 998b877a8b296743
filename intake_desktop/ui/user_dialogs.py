"""The dialogs of the Users window: adding or changing a user, and resetting a password.

They collect what is typed and hand it to the :class:`Clinic`; the services check the password
rules and the administrator's role, and the dialog shows a refusal in its error line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
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
    from intake_desktop.services.users import UserDetails

    from .clinic import Clinic

ROLE_ORDER = ("front_desk", "clinician", "admin")


def role_names() -> dict[str, str]:
    """Each role's name as the window shows it."""
    return {
        "front_desk": QCoreApplication.translate("UsersWindow", "Front desk"),
        "clinician": QCoreApplication.translate("UsersWindow", "Clinician"),
        "admin": QCoreApplication.translate("UsersWindow", "Administrator"),
    }


def role_help() -> dict[str, str]:
    """What each role may do, in plain words (the services' permission table, summarised)."""
    return {
        "front_desk": QCoreApplication.translate(
            "UsersWindow",
            "registers patients, records the intake and prints the patient's summary; sees "
            "the clinician's steps read-only",
        ),
        "clinician": QCoreApplication.translate(
            "UsersWindow",
            "also records the exam, imaging and the four questions, decides the level of "
            "care, signs and amends visits, exports and prints the clinician's summary",
        ),
        "admin": QCoreApplication.translate(
            "UsersWindow",
            "adds and changes users, resets passwords, changes the clinic's settings and "
            "reads the audit trail; sees no patient record without another role",
        ),
    }


class UserDialog(QDialog):
    """Add a user (name, password twice, roles, full name, credentials, language) or change one
    (everything but the user name and password)."""

    def __init__(
        self, clinic: Clinic, user: UserDetails | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        style(self)
        self.clinic, self.user = clinic, user
        self.setWindowTitle(self.tr("Add a user") if user is None else self.tr("Change a user"))
        self.setMinimumWidth(600)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        self.username = QLineEdit(self)
        self.username.setObjectName("newUsername")
        self.username.setMaxLength(100)
        form.addRow(self.tr("&User name:"), self.username)
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("fullName")
        self.full_name.setMaxLength(200)
        self.full_name.setPlaceholderText(self.tr("as printed with a signature, e.g. Ana Ruiz"))
        form.addRow(self.tr("&Full name:"), self.full_name)
        self.credentials = QLineEdit(self)
        self.credentials.setObjectName("credentials")
        self.credentials.setMaxLength(200)
        self.credentials.setPlaceholderText(self.tr("e.g. MD, pain medicine"))
        form.addRow(self.tr("&Credentials:"), self.credentials)
        self.password = self._password("newUserPassword")
        self.again = self._password("newUserPasswordAgain")
        if user is None:
            form.addRow(self.tr("&Password:"), self.password)
            form.addRow(self.tr("Password &again:"), self.again)
        self.roles: dict[str, QCheckBox] = {}
        names, helps = role_names(), role_help()
        group = QGroupBox(self.tr("Roles"), self)
        roles_lay = QVBoxLayout(group)
        for role in ROLE_ORDER:
            box = QCheckBox(names[role], group)
            box.setObjectName(f"role_{role}")
            text = QLabel(helps[role], group)
            text.setWordWrap(True)
            text.setObjectName("roleHelp")
            text.setContentsMargins(24, 0, 0, 4)
            roles_lay.addWidget(box)
            roles_lay.addWidget(text)
            self.roles[role] = box
        lay.addWidget(group)
        form2 = QFormLayout()
        lay.addLayout(form2)
        self.language = QComboBox(self)
        self.language.setObjectName("userLanguage")
        for code, label in (
            (None, self.tr("The clinic's default")),
            ("en", "English"),
            ("es", "Español"),
        ):
            self.language.addItem(label, code)
        form2.addRow(self.tr("&Language:"), self.language)
        self.error, self.buttons = add_error_and_buttons(self, lay, "userError", self._try)
        if user is not None:
            self.username.setText(user.username)
            self.username.setReadOnly(True)
            self.full_name.setText(user.full_name or "")
            self.credentials.setText(user.credentials or "")
            for role, box in self.roles.items():
                box.setChecked(role in user.roles)
            self.language.setCurrentIndex(max(0, self.language.findData(user.language)))

    def _password(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(1024)
        return field

    def chosen_roles(self) -> set[str]:
        return {role for role, box in self.roles.items() if box.isChecked()}

    def _try(self) -> None:
        details = {"full_name": self.full_name.text(), "credentials": self.credentials.text()}
        try:
            if self.user is None:
                if self.password.text() != self.again.text():
                    self.again.clear()
                    self.error.setText(self.tr("password: the two passwords differ"))
                    return
                self.clinic.add_user(
                    self.username.text(),
                    self.password.text(),
                    self.chosen_roles(),
                    language=self.language.currentData(),
                    **details,
                )
            else:
                if self.chosen_roles() != set(self.user.roles):
                    self.clinic.set_roles(self.user.username, self.chosen_roles())
                self.clinic.update_user(
                    self.user.username, language=self.language.currentData(), **details
                )
        except ServiceError as exc:
            self.error.setText(refusal_text(exc))
            return
        finally:
            self.password.clear()
            self.again.clear()
        self.accept()


class ResetPasswordDialog(QDialog):
    """A temporary password, typed twice; the user chooses their own at the next sign-in."""

    def __init__(self, clinic: Clinic, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style(self)
        self.clinic, self.username = clinic, username
        self.setWindowTitle(self.tr("Reset a password"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A temporary password for %s. Tell it to them in person; they "
                "choose their own when they next sign in."
            )
            % username,
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        lay.addLayout(form)
        self.password = QLineEdit(self)
        self.password.setObjectName("temporaryPassword")
        self.again = QLineEdit(self)
        self.again.setObjectName("temporaryPasswordAgain")
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(1024)
        form.addRow(self.tr("&Temporary password:"), self.password)
        form.addRow(self.tr("Password &again:"), self.again)
        self.error, self.buttons = add_error_and_buttons(self, lay, "resetError", self._try)

    def _try(self) -> None:
        password, again = self.password.text(), self.again.text()
        self.password.clear()
        self.again.clear()
        if password != again:
            self.error.setText(self.tr("password: the two passwords differ"))
            return
        try:
            self.clinic.reset_password(self.username, password)
        except ServiceError as exc:
            self.error.setText(refusal_text(exc))
            return
        self.accept()
