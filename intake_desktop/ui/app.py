"""Starting the desktop app: ``intake-desktop`` with no command ends up in :func:`run`."""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
    Signal,
    Slot,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from intake_desktop import resources
from intake_desktop.services.errors import ServiceError

from .main_window import MainWindow
from .theme import apply_theme

if TYPE_CHECKING:
    from .clinic import Clinic

ORGANIZATION = "intake-desktop"
APPLICATION = "intake-desktop"
#: Compiled translations of the app's interface (intake_desktop_<lang>.qm), shipped in the
#: package; tools/translations/update.py makes them.
TRANSLATIONS_DIR = resources.TRANSLATIONS_DIR
#: Environment override of the interface language, e.g. ``es`` (tests, or a user's choice).
LANGUAGE_VARIABLE = "INTAKE_DESKTOP_LANGUAGE"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, set up once: names for QSettings, translations, theme.

    Fractional scale factors (125 %, 150 %) render crisply: that is Qt 6's default rounding
    policy (PassThrough), so nothing is set for it.
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    from .settings import make_settings_private

    make_settings_private()  # 0600 in 0700 before Qt writes it with the umask's permissions
    app.setApplicationDisplayName("Spine intake")
    app.setWindowIcon(QIcon(str(resources.ICON_FILE.with_suffix(".png"))))
    if not getattr(app, "_intake_translators", None):
        app._intake_translators = install_translators(app)  # type: ignore[attr-defined]
    apply_theme(app)
    return app


def ui_locale() -> QLocale:
    """The language before anyone signs in: ``INTAKE_DESKTOP_LANGUAGE`` when set (tests), else
    the system's. After the sign-in, the user's own choice or the clinic's default language
    (see session_switch.Workstation) replaces it; no variable is needed for daily use."""
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


class ClinicOpener(QObject):
    """Opens the clinic on a worker thread while the window shows: the database layer takes
    longer to import than the whole window takes to appear, so start-up overlaps the two.

    With credentials (``INTAKE_DESKTOP_USER``/``_PASSWORD``) the worker also signs in, so the
    password check runs beside the event loop too. :attr:`opened` is delivered on the thread
    that made the opener; :attr:`clinic`, :attr:`error` (the database could not be opened, or
    an unexpected failure) and :attr:`refusal` (sign-in refused) say how it went.
    """

    opened = Signal()
    _done = Signal()

    def __init__(self, db_url: str | None, credentials: tuple[str, str] | None) -> None:
        super().__init__()
        self.db_url, self.credentials = db_url, credentials
        self.clinic: Clinic | None = None
        self.error: Exception | None = None
        self.refusal: ServiceError | None = None
        #: Whether the database has any user yet (else the first-run dialog is shown).
        self.has_users = True
        self._done.connect(self._deliver)  # queued: the signal comes from the worker
        self._thread = threading.Thread(target=self._work, name="clinic-opener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
        if self._thread.ident is not None:  # started
            self._thread.join()

    def _work(self) -> None:
        from .clinic import Clinic

        try:
            self.clinic = Clinic.open(self.db_url)
            if self.credentials is not None:
                try:
                    self.clinic.sign_in(*self.credentials)
                except ServiceError as exc:
                    self.refusal = exc
            else:
                self.has_users = self.clinic.has_users()
            # What attach() needs next (Qt Charts for the Trends tab) loads here, off the UI.
            from . import patient_trends  # noqa: F401
        except Exception as exc:  # handed to the UI thread, which reports it (see run)
            self.error = exc
        finally:
            self._done.emit()

    @Slot()
    def _deliver(self) -> None:
        self.opened.emit()


def run(db_url: str | None) -> int:
    """Show the main window and the sign-in dialog at once, open the database behind them, run.

    The window holds no record until someone has signed in (see :class:`.startup.Startup`); what
    is typed in the search box meanwhile is searched then. Exit codes: 0 closed (or sign-in
    cancelled), 1 the database cannot be opened, 3 sign-in from the environment refused; an
    unexpected failure while opening is raised again here, for the command line to report like
    any other.
    """
    from .startup import Startup

    app = make_application()
    startup = Startup(app, db_url, _from_environment())
    from intake_desktop.bench_hook import install

    startup.bench_armed = install(app, startup.window)
    # After the first pass of the event loop, so the window's first paint waits on neither the
    # Qt namespace (see qt_values), which the key sequences build, nor the worker (for Python's
    # interpreter lock).
    QTimer.singleShot(0, startup.window.set_shortcuts)
    QTimer.singleShot(0, startup.start)
    try:
        code = app.exec()
    finally:
        startup.close()
    error = startup.opener.error
    if error is not None and not isinstance(error, ServiceError):
        raise error
    return startup.exit_code or code


def sign_in_at_start(clinic: Clinic, parent: MainWindow | None = None) -> bool:
    """Ask who is at the keyboard before any record is shown; False when nobody signed in.

    With ``INTAKE_DESKTOP_USER`` and ``INTAKE_DESKTOP_PASSWORD`` both set (as for the command
    line) the app signs in without asking (see :class:`ClinicOpener`), for benchmarks and kiosk
    scripts. On a database without users, the first-run dialog creates the administrator, and
    the recovery key of the encrypted database is shown once.
    """
    from .sign_in import FirstAdminDialog, SignInDialog

    dialog = (
        SignInDialog(clinic, parent=parent)
        if clinic.has_users()
        else FirstAdminDialog(clinic, parent=parent)
    )
    accepted = dialog.exec() == QDialog.DialogCode.Accepted and clinic.signed_in
    recovery_key = getattr(dialog, "recovery_key", None)
    if accepted and recovery_key:
        from .recovery_key_dialog import RecoveryKeyDialog

        RecoveryKeyDialog(recovery_key, parent).exec()
    return accepted


def _from_environment() -> tuple[str, str] | None:
    user = os.environ.get("INTAKE_DESKTOP_USER")
    password = os.environ.get("INTAKE_DESKTOP_PASSWORD")
    return (user, password) if user and password is not None else None
