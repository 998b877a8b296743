"""The administrator's Users window: who may sign in, with which roles, names and language.

Every change goes through the :class:`Clinic` to the services, which check the administrator's
role, the password rules and record the audit entry; the window shows their refusals in words.
Users are never deleted (signatures and the audit trail name them): a leaver is deactivated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.services.errors import ServiceError

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
        self.error = QLabel("", self)
        self.error.setObjectName("userError")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
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
            self.error.setText(str(exc))
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
        self.error = QLabel("", self)
        self.error.setObjectName("resetError")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

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
            self.error.setText(str(exc))
            return
        self.accept()


class UsersWindow(QDialog):
    """Every user with their roles and state; add, change, reset a password, deactivate."""

    COLUMNS = 5

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style(self)
        self.clinic = clinic
        self.users: list[UserDetails] = []
        #: The add, change or reset dialog opened last.
        self.dialog: QDialog | None = None
        self.setWindowTitle(self.tr("Users"))
        self.resize(900, 520)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Everyone who signs in. Users are never deleted, because "
                "signatures and the audit trail name them: deactivate a user "
                "who leaves."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Full name"),
                self.tr("Credentials"),
                self.tr("Roles"),
                self.tr("State"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item: self.edit_user())
        lay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add user…"), self)
        self.edit_button = QPushButton(self.tr("&Change…"), self)
        self.reset_button = QPushButton(self.tr("&Reset password…"), self)
        self.active_button = QPushButton(self.tr("&Deactivate"), self)
        close = QPushButton(self.tr("Close"), self)
        for button, slot in (
            (self.add_button, self.add_user),
            (self.edit_button, self.edit_user),
            (self.reset_button, self.reset_password),
            (self.active_button, self.toggle_active),
            (close, self.accept),
        ):
            button.clicked.connect(lambda _checked=False, s=slot: s())
            buttons.addWidget(button)
        buttons.insertStretch(4, 1)
        lay.addLayout(buttons)
        self.error = QLabel("", self)
        self.error.setObjectName("usersError")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.users = self.clinic.list_users()
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.users = []
        names = role_names()
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            roles = ", ".join(names[r] for r in ROLE_ORDER if r in user.roles)
            state = self.tr("active") if user.active else self.tr("deactivated")
            if user.must_change_password:
                state += self.tr(", new password at next sign-in")
            cells = (user.username, user.full_name or "", user.credentials or "", roles, state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, user.username)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self._update_buttons()

    def selected(self) -> UserDetails | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.users[rows.pop()] if len(rows) == 1 else None

    def select(self, username: str) -> None:
        for row, user in enumerate(self.users):
            if user.username == username:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        user = self.selected()
        for button in (self.edit_button, self.reset_button, self.active_button):
            button.setEnabled(user is not None)
        if user is not None:
            self.active_button.setText(
                self.tr("&Deactivate") if user.active else self.tr("Re&activate")
            )

    def add_user(self) -> UserDialog:
        dialog = UserDialog(self.clinic, parent=self)
        dialog.accepted.connect(self.refresh)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_user(self) -> UserDialog | None:
        user = self.selected()
        if user is None:
            return None
        dialog = UserDialog(self.clinic, user, parent=self)
        dialog.accepted.connect(self.refresh)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def reset_password(self) -> ResetPasswordDialog | None:
        user = self.selected()
        if user is None:
            return None
        dialog = ResetPasswordDialog(self.clinic, user.username, parent=self)
        dialog.accepted.connect(self.refresh)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.active:
            answer = QMessageBox.question(
                self,
                self.tr("Deactivate"),
                self.tr(
                    "%s will no longer be able to sign in. Their signatures and audit "
                    "entries stay. Deactivate?"
                )
                % user.username,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.clinic.set_user_active(user.username, not user.active)
        except ServiceError as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.refresh()
        self.select(user.username)
