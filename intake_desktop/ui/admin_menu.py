"""The main window's Account and Administration menus.

Installed by the :class:`~.session_switch.Workstation` once someone has signed in, so the main
window itself stays a view of the records. Account (everyone): sign out or switch user, change
one's password, the interface language. Administration (administrators only): users, the
clinic's settings, the audit trail; hidden for everyone else, and refused by the services anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from .clinic import Clinic
    from .main_window import MainWindow

#: The one shortcut for signing out or switching user.
SIGN_OUT_KEYS = "Ctrl+Shift+Q"
LANGUAGES = (("en", "English"), ("es", "Español"))


class Workstation(Protocol):
    """What the menus act on: the :class:`~.session_switch.Workstation`, which installs them (so
    this module does not import it)."""

    clinic: Clinic
    window: MainWindow

    def sign_out(self) -> bool: ...

    def change_language(self, code: str | None) -> bool: ...

    def apply_idle_minutes(self) -> None: ...


def install_menus(window: MainWindow, workstation: Workstation) -> None:
    """Add (once) and update the menus for the user now signed in."""
    menus = getattr(window, "account_actions", None)
    if menus is None:
        menus = _build(window, workstation)
    clinic = workstation.clinic
    window.admin_menu.menuAction().setVisible(clinic.may("user.list"))
    own = clinic.own_language() if clinic.signed_in else None
    for action in window.language_actions.actions():
        action.setChecked(action.data() == (own or ""))
    for action in window.account_actions.values():
        action.setEnabled(True)


def hide_admin_menu(window: MainWindow) -> None:
    """While nobody is signed in: no administration, no account actions."""
    if getattr(window, "admin_menu", None) is not None:
        window.admin_menu.menuAction().setVisible(False)
    for action in getattr(window, "account_actions", {}).values():
        action.setEnabled(False)


def _build(window: MainWindow, workstation: Workstation) -> dict[str, QAction]:
    bar = window.menuBar()
    help_action = bar.actions()[-1] if bar.actions() else None
    account = QMenu(QCoreApplication.translate("AccountMenu", "&Account"), window)
    admin = QMenu(QCoreApplication.translate("AccountMenu", "&Administration"), window)
    for menu in (account, admin):  # before Help, if there is one
        if help_action is None:
            bar.addMenu(menu)
        else:
            bar.insertMenu(help_action, menu)

    sign_out = QAction(QCoreApplication.translate("AccountMenu", "&Sign out / switch user"), window)
    sign_out.setObjectName("signOut")
    sign_out.setShortcut(QKeySequence(SIGN_OUT_KEYS))
    sign_out.triggered.connect(lambda _checked=False: workstation.sign_out())
    password = QAction(QCoreApplication.translate("AccountMenu", "&Change my password…"), window)
    password.setObjectName("changePassword")
    password.triggered.connect(lambda _checked=False: open_change_password(workstation))
    account.addAction(sign_out)
    account.addAction(password)
    languages = account.addMenu(QCoreApplication.translate("AccountMenu", "&Language"))
    group = QActionGroup(window)
    group.setExclusive(True)
    for code, name in (
        (None, QCoreApplication.translate("AccountMenu", "The clinic's default")),
        *LANGUAGES,
    ):
        action = QAction(name, window)
        action.setCheckable(True)
        action.setData(code or "")
        action.setObjectName(f"language_{code or 'default'}")
        action.triggered.connect(lambda _checked=False, c=code: workstation.change_language(c))
        group.addAction(action)
        languages.addAction(action)

    users = QAction(QCoreApplication.translate("AccountMenu", "&Users…"), window)
    users.setObjectName("usersWindow")
    users.triggered.connect(lambda _checked=False: open_users(workstation))
    settings = QAction(QCoreApplication.translate("AccountMenu", "Clinic &settings…"), window)
    settings.setObjectName("settingsWindow")
    settings.triggered.connect(lambda _checked=False: open_settings(workstation))
    audit = QAction(QCoreApplication.translate("AccountMenu", "&Audit trail…"), window)
    audit.setObjectName("auditWindow")
    audit.triggered.connect(lambda _checked=False: open_audit(workstation))
    for action in (users, settings, audit):
        admin.addAction(action)

    window.account_menu, window.admin_menu = account, admin
    window.language_actions = group
    window.admin_actions = {"users": users, "settings": settings, "audit": audit}
    window.account_actions = {"sign_out": sign_out, "password": password}
    return window.account_actions


def _keep(workstation: Workstation, dialog: object) -> None:
    workstation.window.open_dialog = dialog  # type: ignore[attr-defined]


def open_users(workstation: Workstation):
    from .users_window import UsersWindow

    dialog = UsersWindow(workstation.clinic, parent=workstation.window)
    _keep(workstation, dialog)
    dialog.open()
    return dialog


def open_settings(workstation: Workstation):
    from .settings_window import SettingsWindow

    dialog = SettingsWindow(workstation.clinic, parent=workstation.window)
    dialog.saved.connect(workstation.apply_idle_minutes)
    _keep(workstation, dialog)
    dialog.open()
    return dialog


def open_audit(workstation: Workstation):
    from .audit_window import AuditWindow

    dialog = AuditWindow(workstation.clinic, parent=workstation.window)
    _keep(workstation, dialog)
    dialog.open()
    return dialog


def open_change_password(workstation: Workstation):
    from .password_dialog import ChangePasswordDialog

    dialog = ChangePasswordDialog(workstation.clinic, parent=workstation.window)
    _keep(workstation, dialog)
    dialog.open()
    return dialog
