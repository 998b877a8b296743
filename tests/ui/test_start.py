"""Start-up: the main window shows first, the clinic opens behind it, nothing typed is lost.

The subprocess tests run ``python -m intake_desktop`` as a user would start it (offscreen), on a
real SQLite file, signing in from the environment; the others drive the window with qtbot.
"""

from __future__ import annotations

import subprocess
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from intake_desktop.services.records import PatientDetails
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.main_window import MainWindow
from tests.actors import TEST_PASSWORD
from tests.ui.helpers import launch_app


def _start(db_url: str, mode: str, password: str) -> subprocess.CompletedProcess[str]:
    return launch_app(db_url, mode, INTAKE_DESKTOP_USER="tester", INTAKE_DESKTOP_PASSWORD=password)


def test_the_app_opens_the_records_and_signs_in_behind_the_window(db_url: str) -> None:
    shown = _start(db_url, "start", TEST_PASSWORD)
    assert (shown.returncode, shown.stdout.strip()) == (0, "ready")
    opened = _start(db_url, "records", TEST_PASSWORD)
    assert (opened.returncode, opened.stdout.strip()) == (0, "ready")


def _at_the_dialog(db_url: str, password: str) -> subprocess.CompletedProcess[str]:
    return launch_app(db_url, "dialog", INTAKE_DESKTOP_BENCH_USER="tester",
                      INTAKE_DESKTOP_BENCH_PASSWORD=password)  # fmt: skip


def test_signing_in_at_the_dialog_reaches_the_records(db_url: str) -> None:
    """The benchmark's ``dialog`` hook: no credentials from the environment, so the sign-in
    dialog shows with the window; once the records are open it is filled in and OK pressed."""
    done = _at_the_dialog(db_url, TEST_PASSWORD)
    said = done.stdout.split()
    assert done.returncode == 0 and said[0] == "ready", done.stderr
    assert 0 < float(said[1]) < 60_000  # milliseconds from OK to the lists filled


def test_a_refusal_at_the_dialog_ends_the_benchmark_run_instead_of_waiting(db_url: str) -> None:
    done = _at_the_dialog(db_url, "not the password")
    assert done.returncode == 1 and done.stdout.strip() == ""
    assert "not ready" in done.stderr


def test_a_refused_sign_in_ends_the_app_before_any_record_is_shown(db_url: str) -> None:
    refused = _start(db_url, "records", "not the password")
    assert refused.returncode == 3
    assert refused.stdout.strip() == ""  # never reached the records
    assert "sign-in refused" in refused.stderr


def test_typing_before_the_records_open_is_searched_once_they_do(
    qtbot, clinic: Clinic, settings
) -> None:
    clinic.register_patient(PatientDetails(name="Garcia Lopez", date_of_birth=date(1950, 1, 2)))
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.show()
    assert not window.attached
    assert not window.actions_by_name["New patient"].isEnabled()
    qtbot.keyClicks(window.search.box, "garc")
    assert window.search.box.text() == "garc"
    assert window.search.model.rowCount() == 0  # no clinic yet: nothing read
    window.attach(clinic)
    assert window.actions_by_name["New patient"].isEnabled()
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1)
    assert window.search.model.data(window.search.model.index(0, 0)) == "Garcia Lopez"
    # the board (first), today's visits, drafts, history, trends
    assert window.trends is not None and window.tabs.count() == 5
    assert window.tabs.widget(0) is window.board
    qtbot.keyClick(window.search.box, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: window.search.model.query == "gar")


def test_finding_and_quitting_work_before_the_records_open(qtbot, settings) -> None:
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    enabled = {name for name, action in window.actions_by_name.items() if action.isEnabled()}
    assert enabled == {"Find patient", "Quit"}
    window.set_shortcuts()  # what the app does once the window has shown
    assert window.actions_by_name["Quit"].shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert window.actions_by_name["New patient"].shortcut() == QKeySequence("Ctrl+N")


def test_a_reset_password_from_the_environment_is_refused_with_what_to_do(db_url: str) -> None:
    """Its session could do nothing at all: the app says so and ends (exit 3) instead of
    opening a window where everything is refused without a word."""
    from intake_desktop.services import users

    admin = Clinic.open(db_url)
    admin.sign_in("admin.user", TEST_PASSWORD)
    users.reset_password(admin.db, admin.actor, "tester", "Temporary-pass-42")
    admin.sign_out()
    admin.close()
    refused = _start(db_url, "records", "Temporary-pass-42")
    assert refused.returncode == 3 and refused.stdout.strip() == ""
    assert "an administrator reset this password" in refused.stderr
    assert "INTAKE_DESKTOP_USER" in refused.stderr
