"""Start-up with the sign-in dialog: it shows with the window while the records open behind it,
and no record is shown before someone has signed in (issue 20)."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

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


@pytest.mark.parametrize("chooses", [True, False])
def test_ok_before_the_records_open_with_a_reset_password_waits_for_the_users_own(
    qtbot, db_url: str, chooses: bool
) -> None:
    """The forced change's dialog runs a loop of its own, which delivers "records open" while
    it asks: the window must not attach meanwhile (it did, with the reset password's session,
    which may do nothing), only once the user has chosen their own password."""
    from intake_desktop.services import users
    from intake_desktop.ui.password_dialog import ChangePasswordDialog

    admin = Clinic.open(db_url)
    admin.sign_in("admin.user", TEST_PASSWORD)
    users.reset_password(admin.db, admin.actor, "desk.user", "Temporary-pass-42")
    admin.sign_out()
    admin.close()
    startup = _start(qtbot, db_url)
    dialog = startup.dialog
    during: dict[str, object] = {}

    def answer() -> None:
        forced = [d for d in dialog.findChildren(ChangePasswordDialog) if d.isVisible()]
        if not forced:
            QTimer.singleShot(20, answer)
            return
        qtbot.waitUntil(lambda: startup.opener.clinic is not None)
        QApplication.processEvents()  # the queued "records open" is delivered here
        during["attached"] = startup.window.attached
        if not chooses:
            forced[0].reject()
            return
        forced[0].new.setText("My-own-secret-2026")
        forced[0].again.setText("My-own-secret-2026")
        forced[0].buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    try:
        dialog.username.setText("desk.user")
        dialog.password.setText("Temporary-pass-42")
        startup.start()
        QTimer.singleShot(0, answer)
        _ok(dialog)  # before the records are open: waits for them, then asks for a new one
        assert during == {"attached": False}
        if chooses:
            qtbot.waitUntil(lambda: startup.window.attached)
            assert startup.opener.clinic.may("patient.search")
            assert startup.window.actions_by_name["New patient"].isEnabled()
        else:
            assert dialog.isVisible() and not startup.window.attached
            assert not startup.opener.clinic.signed_in
    finally:
        startup.close()
