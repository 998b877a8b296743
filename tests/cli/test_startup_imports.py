"""Start-up stays lean: the app and the command line load ReportLab and FHIR only when used."""

from __future__ import annotations

from intake_desktop.cli import reports
from intake_desktop.reporting import KINDS
from tests.fresh_python import run_fresh


def test_printing_kinds_match_the_reporting_package() -> None:
    assert reports.KINDS == KINDS


def test_app_start_does_not_import_reportlab_or_fhir() -> None:
    code = (
        "import sys\n"
        "from intake_desktop.cli import build_parser\n"
        "import intake_desktop.ui.app, intake_desktop.ui.main_window\n"
        "build_parser()\n"
        "heavy = [m for m in ('reportlab', 'intake_desktop.reporting', 'intake_desktop.interop')"
        " if m in sys.modules]\n"
        "print(heavy)\n"
    )
    assert run_fresh(code) == "[]"


def test_the_window_shows_before_the_database_layer_loads() -> None:
    """What runs before the main window is shown loads no SQLAlchemy, argon2 or Qt Charts,
    and does not build the Qt namespace's enums.

    They take longer to load than the whole window takes to appear, so the app loads them on a
    worker thread behind the window (ui.clinic_opener.ClinicOpener), or just after it shows
    (qt_values).
    """
    code = (
        "import sys\n"
        "import PySide6.QtCore as core\n"
        "from intake_desktop.cli import _app_arguments\n"
        "assert _app_arguments(['--db', 'sqlite:///x.db']) is not None\n"
        "from intake_desktop.ui.app import make_application\n"
        "from intake_desktop.ui.main_window import MainWindow\n"
        "app = make_application([])\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "window.search.box.setText('garc')\n"
        "app.processEvents()\n"
        "heavy = [m for m in ('sqlalchemy', 'argon2', 'PySide6.QtCharts', 'PySide6.QtPdf',"
        " 'intake_desktop.storage', 'intake_desktop.ui.visit_window') if m in sys.modules]\n"
        "print(heavy, window.search.box.text(), core.__dict__.get('Qt') is None)\n"
    )
    assert run_fresh(code) == "[] garc True"
