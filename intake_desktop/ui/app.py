"""Starting the desktop app: ``intake-desktop`` with no command ends up in :func:`run`."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from intake_desktop.services.errors import ServiceError

from .clinic import Clinic
from .main_window import MainWindow, start_later
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
    window = MainWindow(clinic)
    window.show()
    from .bench_hook import install

    if not install(app, window):
        start_later(window)
    try:
        return app.exec()
    finally:
        clinic.close()
