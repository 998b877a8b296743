"""Start-up stays lean: the app and the command line load ReportLab, FHIR, the plan engine and
Qt Charts only when used, up to a signed-in window whose lists are filled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from intake_desktop.cli import reports
from intake_desktop.reporting import KINDS
from tests.actors import TEST_PASSWORD, copy_database
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


def test_reporting_loads_reportlab_with_the_first_pdf_only() -> None:
    code = (
        "import sys\n"
        "from intake_desktop.reporting import KINDS, clinic_overrides, templates\n"
        "before = 'reportlab' in sys.modules\n"
        "from intake_desktop.reporting import render_pdf\n"
        "import intake_desktop.reporting as r\n"
        "try:\n"
        "    r.no_such_name\n"
        "except AttributeError:\n"
        "    missing = True\n"
        "print(before, 'reportlab' in sys.modules, callable(render_pdf), missing)\n"
    )
    assert run_fresh(code) == "False True True True"


def test_a_signed_in_window_loads_only_what_it_shows(sqlite_template: Path, tmp_path: Path) -> None:
    """Signed in, lists filled, search answering: neither ReportLab, FHIR, the plan engine, the
    case's parser, Qt Charts, Alembic nor (on SQLite) the PostgreSQL dialect has been loaded
    (each loads when first used)."""
    path = tmp_path / "records.sqlite3"
    copy_database(sqlite_template, path)
    code = (
        "import sys\n"
        "from intake_desktop.ui.app import make_application\n"
        "from intake_desktop.ui.clinic import Clinic\n"
        "from intake_desktop.ui.main_window import MainWindow\n"
        "from intake_desktop.ui.session_switch import Workstation\n"
        "app = make_application([])\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "clinic = Clinic.open(sys.argv[1])\n"
        "clinic.sign_in('clin.user', sys.argv[2])\n"
        "session = Workstation(app, clinic, window)\n"
        "session.begin()\n"
        "app.processEvents()\n"
        "heavy = [m for m in ('reportlab', 'intake_desktop.reporting', 'intake_desktop.interop',"
        " 'intake_desktop.domain.engine', 'intake_desktop.domain.validation', 'PySide6.QtCharts',"
        " 'alembic', 'sqlalchemy.dialects.postgresql') if m in sys.modules]\n"
        "print(heavy, window.attached, window.trends_tab is not None)\n"
        "session.stop(); clinic.sign_out(); clinic.close()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, f"sqlite:///{path}", TEST_PASSWORD],
        capture_output=True, text=True, check=True, timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    assert out.stdout.strip().splitlines()[-1] == "[] True True"


def test_pyside6s_module_check_gives_its_own_answers_sooner() -> None:
    """ui.app replaces PySide6's look at each imported module (``inspect.getsource``) by a read
    of the file's bytes: the same answer for Qt modules, others, and modules with no source."""
    code = (
        "import inspect, sys, _sqlite3, json\n"
        "import intake_desktop.ui.app\n"
        "import intake_desktop.ui.main_window as qt_user, sqlalchemy.sql.compiler as plain\n"
        "check = sys.modules['shibokensupport.feature']._mod_uses_pyside\n"
        "def theirs(m):\n"
        "    try:\n"
        "        return 'PySide6' in inspect.getsource(m)\n"
        "    except (TypeError, OSError):\n"
        "        return False\n"
        "mods = [qt_user, plain, json, sys, _sqlite3]\n"
        "print([check(m) for m in mods] == [theirs(m) for m in mods], check(qt_user),"
        " check._intake_quick_check)\n"
    )
    assert run_fresh(code) == "True True True"


def test_the_sign_in_dialog_shows_with_the_window_before_the_database_layer_loads() -> None:
    """Without credentials from the environment the start shows the window and the sign-in
    dialog at once; neither may load SQLAlchemy or argon2 on the way (the dialog's recovery-key
    button once did, through ui.clinic, and held both back by half a second)."""
    code = (
        "import sys\n"
        "from intake_desktop.ui.app import make_application\n"
        "from intake_desktop.ui.startup import Startup\n"
        "app = make_application([])\n"
        "startup = Startup(app, 'sqlite:///never-opened.db', None)\n"
        "app.processEvents()\n"
        "heavy = [m for m in ('sqlalchemy', 'argon2', 'intake_desktop.storage',"
        " 'intake_desktop.ui.clinic') if m in sys.modules]\n"
        "print(heavy, startup.window.isVisible(), startup.dialog.isVisible())\n"
    )
    assert run_fresh(code) == "[] True True"
