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
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from intake_desktop import resources
from intake_desktop.services.errors import ServiceError

from .main_window import MainWindow, start_later
from .theme import apply_theme

if TYPE_CHECKING:
    from .clinic import Clinic
    from .idle_lock import IdleLock

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
        self._done.connect(self._deliver)  # queued: the signal comes from the worker
        self._thread = threading.Thread(target=self._work, name="clinic-opener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
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
    """Show the main window at once, open the database at ``db_url`` behind it, sign in, run.

    The window holds no record until :meth:`MainWindow.attach`; what is typed in the search box
    meanwhile is searched then. Exit codes: 0 closed (or sign-in cancelled), 1 the database
    cannot be opened, 3 sign-in from the environment refused; an unexpected failure while
    opening is raised again here, for the command line to report like any other.
    """
    app = make_application()
    credentials = _from_environment()
    window = MainWindow()
    window.show()
    opener = ClinicOpener(db_url, credentials)
    exit_code = 0
    idle: IdleLock | None = None

    def on_opened() -> None:
        nonlocal exit_code, idle
        if opener.error is not None or opener.clinic is None:
            reason = (
                str(opener.error)
                if isinstance(opener.error, ServiceError)
                else f"Unexpected error ({type(opener.error).__name__}). Start the program from "
                "a terminal with INTAKE_DESKTOP_DEBUG=1 set to see the details."
            )
            QMessageBox.critical(
                window, "Spine intake", f"The database cannot be opened.\n\n{reason}"
            )
            exit_code = 1
            app.exit(1)
            return
        clinic = opener.clinic
        if opener.refusal is not None:
            print(f"intake-desktop: {opener.refusal}", file=sys.stderr)
            exit_code = 3
            app.exit(3)
            return
        if not clinic.signed_in:
            window.await_sign_in()
            if not sign_in_at_start(clinic, window):
                app.exit(0)  # the dialog was cancelled
                return
        window.attach(clinic)
        from .idle_lock import IdleLock
        from .settings import IDLE_LOCK_MINUTES

        idle = IdleLock(app, clinic, IDLE_LOCK_MINUTES.read(QSettings()) * 60_000)
        if not bench_armed:
            start_later(window)

    opener.opened.connect(on_opened)
    from intake_desktop.bench_hook import install

    bench_armed = install(app, window)
    # After the first pass of the event loop, so the window's first paint waits on neither the
    # Qt namespace (see qt_values), which the key sequences build, nor the worker (for Python's
    # interpreter lock).
    QTimer.singleShot(0, window.set_shortcuts)  # builds the Qt namespace, after the paint
    QTimer.singleShot(0, opener.start)
    try:
        code = app.exec()
    finally:
        opener.wait()
        if idle is not None:
            idle.stop()
        if opener.clinic is not None:
            if opener.clinic.signed_in:
                opener.clinic.sign_out()
            opener.clinic.close()
    if opener.error is not None and not isinstance(opener.error, ServiceError):
        raise opener.error
    return exit_code or code


def sign_in_at_start(clinic: Clinic, parent: MainWindow | None = None) -> bool:
    """Ask who is at the keyboard before any record is shown; False when nobody signed in.

    With ``INTAKE_DESKTOP_USER`` and ``INTAKE_DESKTOP_PASSWORD`` both set (as for the command
    line) the app signs in without asking (see :class:`ClinicOpener`), for benchmarks and kiosk
    scripts. On a database without users, the first-run dialog creates the administrator.
    """
    from .sign_in import FirstAdminDialog, SignInDialog

    dialog = (
        SignInDialog(clinic, parent=parent)
        if clinic.has_users()
        else FirstAdminDialog(clinic, parent=parent)
    )
    return dialog.exec() == QDialog.DialogCode.Accepted and clinic.signed_in


def _from_environment() -> tuple[str, str] | None:
    user = os.environ.get("INTAKE_DESKTOP_USER")
    password = os.environ.get("INTAKE_DESKTOP_PASSWORD")
    return (user, password) if user and password is not None else None
