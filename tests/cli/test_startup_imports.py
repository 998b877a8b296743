"""Start-up stays lean: the app and the command line load ReportLab and FHIR only when used."""

from __future__ import annotations

import subprocess
import sys

from intake_desktop.cli import reports
from intake_desktop.reporting import KINDS


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
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip() == "[]"
