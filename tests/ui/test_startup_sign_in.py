"""Start-up with the sign-in dialog: it shows with the window while the records open behind it,
and no record is shown before someone has signed in (issue 20)."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from intake_desktop import start_collector
from intake_desktop.services.records import PatientDetails
from intake_desktop.ui.app import make_application
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.sign_in import FirstAdminDialog, SignInDialog
from intake_desktop.ui.startup import Startup
from tests.actors import TEST_PASSWORD


def _start(qtbot, db_url: str) -> Startup:
    startup = Startup(make_application([]), db_url, None)
    qtbot.addWidget(startup.window)
    return startup


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_dialog_shows_with_the_window_and_nothing_is_shown_before_sign_in(
    qtbot, clinic: Clinic, db_url: str
) -> None:
    clinic.register_patient(PatientDetails(name="Garcia Lopez", date_of_birth=date(1950, 1, 2)))
    startup = _start(qtbot, db_url)
    window, dialog = startup.window, startup.dialog
    try:
        # At once, before the records are even being opened: the window and the dialog.
        assert isinstance(dialog, SignInDialog)
        assert window.isVisible() and dialog.isVisible()
        assert startup.opener.clinic is None
        startup.start()
        qtbot.waitUntil(lambda: window.user_label.text() == "Waiting for sign-in", timeout=30_000)
        assert not window.attached
        assert window.search.model.rowCount() == 0
        assert not window.actions_by_name["New patient"].isEnabled()
        # A wrong password: refused in the dialog, which stays; still nothing shown.
        qtbot.keyClicks(dialog.username, "tester")
        qtbot.keyClicks(dialog.password, "not the password")
        _ok(dialog)
        assert dialog.isVisible() and dialog.error.text()
        assert not window.attached
        qtbot.keyClicks(dialog.password, TEST_PASSWORD)
        _ok(dialog)
        qtbot.waitUntil(lambda: window.attached)
        assert not dialog.isVisible()
        assert "tester" in window.user_label.text()
        window.search.box.setText("garc")
        qtbot.waitUntil(lambda: window.search.model.rowCount() == 1)
    finally:
        startup.close()


def test_ok_pressed_while_the_records_still_open_waits_for_them(qtbot, db_url: str) -> None:
    startup = _start(qtbot, db_url)
    dialog = startup.dialog
    try:
        dialog.username.setText("tester")
        dialog.password.setText(TEST_PASSWORD)
        startup.start()
        _ok(dialog)  # before the opener has said the records are open
        qtbot.waitUntil(lambda: startup.window.attached, timeout=30_000)
        assert startup.opener.clinic is not None and startup.opener.clinic.signed_in
    finally:
        startup.close()


def test_a_database_without_users_asks_for_the_administrator_instead(qtbot, tmp_path: Path) -> None:
    startup = _start(qtbot, f"sqlite:///{tmp_path / 'first.sqlite3'}")
    try:
        assert isinstance(startup.dialog, SignInDialog)
        startup.start()
        qtbot.waitUntil(lambda: isinstance(startup.dialog, FirstAdminDialog), timeout=30_000)
        dialog = startup.dialog
        assert dialog.isVisible() and not startup.window.attached
        dialog.username.setText("first.admin")
        for field in (dialog.password, dialog.confirm):
            field.setText("a long first password 1")
        _ok(dialog)
        # The records are encrypted: the recovery key comes first, once, and holds the window.
        qtbot.waitUntil(lambda: startup.recovery_dialog is not None)
        shown = startup.recovery_dialog
        assert shown.isVisible() and not startup.window.attached
        assert not shown.ok.isEnabled()
        shown.confirmed.click()
        shown.ok.click()
        qtbot.waitUntil(lambda: startup.window.attached)
    finally:
        startup.close()


def test_the_collector_held_off_for_the_start_is_back_once_the_user_types(
    qtbot, db_url: str
) -> None:
    """``start_collector``: off for the imports, on again (and the start's objects set aside)
    as soon as the records are open and the dialog waits for the user."""
    assert gc.isenabled()
    start_collector.pause()
    startup = _start(qtbot, db_url)
    try:
        assert not gc.isenabled()
        frozen = gc.get_freeze_count()
        startup.start()
        qtbot.waitUntil(lambda: startup.window.user_label.text() == "Waiting for sign-in")
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen
    finally:
        start_collector.resume()
        gc.enable()
        gc.unfreeze()  # the rest of the suite's objects stay collectable
        startup.close()


def test_a_caller_that_runs_without_the_collector_keeps_it_off() -> None:
    gc.disable()
    try:
        start_collector.pause()
        start_collector.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()
