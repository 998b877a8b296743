"""Starting the desktop app: ``intake-desktop`` with no command ends up in :func:`run`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
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
#: Compiled translations of the app's interface (intake_desktop_<lang>.qm); see update.py there.
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
#: Environment override of the interface language, e.g. ``es`` (tests, or a user's choice).
LANGUAGE_VARIABLE = "INTAKE_DESKTOP_LANGUAGE"


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
    if not getattr(app, "_intake_translators", None):
        app._intake_translators = install_translators(app)  # type: ignore[attr-defined]
    apply_theme(app)
    return app


def ui_locale() -> QLocale:
    """The interface language: ``INTAKE_DESKTOP_LANGUAGE`` when set, else the system's."""
    chosen = os.environ.get(LANGUAGE_VARIABLE, "").strip()
    return QLocale(chosen) if chosen else QLocale.system()


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the app's translation and Qt's own (standard buttons) for ``locale``.

    English needs no file. Returns the installed translators (to remove them again, as tests do);
    a language without a translation installs nothing and the interface stays English.
    """
    locale = locale if locale is not None else ui_locale()
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return []
    installed: list[QTranslator] = []
    candidates = (
        ("intake_desktop", str(TRANSLATIONS_DIR)),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_translators`."""
    for translator in translators:
        app.removeTranslator(translator)


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
