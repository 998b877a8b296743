"""The administrator's Users window: who may sign in, with which roles, names and language.

Every change goes through the :class:`Clinic` to the services, which check the administrator's
role, the password rules and record the audit entry; the window shows their refusals in words.
Users are never deleted (signatures and the audit trail name them): a leaver is deactivated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.services.errors import ServiceError

from .theme import style
from .user_dialogs import ROLE_ORDER, ResetPasswordDialog, UserDialog, role_names

if TYPE_CHECKING:
    from intake_desktop.services.users import UserDetails

    from .clinic import Clinic

__all__ = ["ResetPasswordDialog", "UserDialog", "UsersWindow"]


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
