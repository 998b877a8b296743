"""Starting the desktop app: ``intake-desktop`` with no command ends up in :func:`run`."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from intake_desktop import resources, start_collector
from intake_desktop.services.errors import ServiceError

from .clinic_opener import ClinicOpener as ClinicOpener
from .pyside_imports import quicken_feature_check
from .theme import apply_theme
from .translators import LANGUAGE_VARIABLE as LANGUAGE_VARIABLE
from .translators import TRANSLATIONS_DIR as TRANSLATIONS_DIR
from .translators import install_translators
from .translators import remove_translators as remove_translators
from .translators import ui_locale as ui_locale

# Before the window's modules and the services load (see pyside_imports: PySide6 checks each one).
quicken_feature_check()

ORGANIZATION = "intake-desktop"
APPLICATION = "intake-desktop"


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
        start_collector.resume()  # a start that ended before the records were worked on
        startup.close()
    error = startup.opener.error
    if error is not None and not isinstance(error, ServiceError):
        raise error
    return startup.exit_code or code


def _from_environment() -> tuple[str, str] | None:
    user = os.environ.get("INTAKE_DESKTOP_USER")
    password = os.environ.get("INTAKE_DESKTOP_PASSWORD")
    return (user, password) if user and password is not None else None
