"""Starting the desktop app: ``intake-desktop`` with no command ends up in :func:`run`."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from intake_desktop.services.errors import ServiceError

from .clinic import Clinic
from .idle_lock import IdleLock
from .main_window import MainWindow, start_later
from .settings import IDLE_LOCK_MINUTES
from .sign_in import FirstAdminDialog, SignInDialog
from .theme import apply_theme

ORGANIZATION = "intake-desktop"
APPLICATION = "intake-desktop"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, set up once: names for QSettings, high-DPI rounding, theme."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Fractional scale factors (125 %, 150 %) render crisply instead of being rounded.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app.setApplicationDisplayName("Spine intake")
    apply_theme(app)
    return app


def run(db_url: str | None) -> int:
    """Open the database at ``db_url`` (None: the default file), show the main window, run."""
    app = make_application()
    try:
        clinic = Clinic.open(db_url)
    except ServiceError as exc:
        QMessageBox.critical(None, "Spine intake", f"The database cannot be opened.\n\n{exc}")
        return 1
    try:
        if not sign_in_at_start(clinic):
            return 3 if _from_environment() else 0  # refused, or the dialog was cancelled
        window = MainWindow(clinic)
        window.show()
        minutes = IDLE_LOCK_MINUTES.read(QSettings())
        idle = IdleLock(app, clinic, minutes * 60_000)
        from .bench_hook import install

        if not install(app, window):
            start_later(window)
        code = app.exec()
        idle.stop()
        clinic.sign_out()
        return code
    finally:
        clinic.close()


def sign_in_at_start(clinic: Clinic) -> bool:
    """Sign in before any window shows a record; False when nobody did.

    With ``INTAKE_DESKTOP_USER`` and ``INTAKE_DESKTOP_PASSWORD`` both set (as for the command
    line) the app signs in without asking, for benchmarks and kiosk scripts. On a database
    without users, the first-run dialog creates the administrator.
    """
    credentials = _from_environment()
    if credentials is not None:
        try:
            clinic.sign_in(*credentials)
        except ServiceError as exc:
            print(f"intake-desktop: {exc}", file=sys.stderr)
            return False
        return True
    dialog = SignInDialog(clinic) if clinic.has_users() else FirstAdminDialog(clinic)
    return dialog.exec() == QDialog.DialogCode.Accepted and clinic.signed_in


def _from_environment() -> tuple[str, str] | None:
    user = os.environ.get("INTAKE_DESKTOP_USER")
    password = os.environ.get("INTAKE_DESKTOP_PASSWORD")
    return (user, password) if user and password is not None else None
