"""Sign-in dialog, first-run administrator, and the idle lock that keeps a half-typed intake."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from intake_desktop.services.records import PatientDetails
from intake_desktop.ui import visit_window as visit_window_module
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.idle_lock import IdleLock
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.sign_in import FirstAdminDialog, SignInDialog
from tests.actors import TEST_PASSWORD

OK = QDialogButtonBox.StandardButton.Ok


def _ok(dialog) -> None:
    dialog.buttons.button(OK).click()


def test_sign_in_dialog_refuses_then_accepts(qtbot, db_url) -> None:
    clinic = Clinic.open(db_url)
    try:
        assert clinic.has_users() and not clinic.signed_in
        dialog = SignInDialog(clinic)
        qtbot.addWidget(dialog)
        dialog.show()
        for name, password in (("desk.user", "wrong"), ("' OR 1=1 --", TEST_PASSWORD),
                               ("x" * 100, "y" * 1024), ("desk.user", "")):  # fmt: skip
            dialog.username.setText(name)
            dialog.password.setText(password)
            _ok(dialog)
            assert dialog.isVisible() and not clinic.signed_in
            assert "wrong" in dialog.error.text()
            assert dialog.password.text() == ""  # never left in the field
        dialog.username.setText("desk.user")
        dialog.password.setText(TEST_PASSWORD)
        with qtbot.waitSignal(dialog.accepted):
            _ok(dialog)
        assert clinic.actor.username == "desk.user" and clinic.actor.roles == {"front_desk"}
        assert dialog.password.text() == ""
    finally:
        clinic.close()


def test_first_run_creates_the_administrator(qtbot, tmp_path) -> None:
    clinic = Clinic.open(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    try:
        assert not clinic.has_users()
        dialog = FirstAdminDialog(clinic)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.username.setText("boss")
        dialog.password.setText("Long-enough-1")
        dialog.confirm.setText("Long-enough-2")
        _ok(dialog)
        assert "differ" in dialog.error.text() and not clinic.has_users()
        dialog.password.setText("short")
        dialog.confirm.setText("short")
        _ok(dialog)
        assert "Password" in dialog.error.text() and not clinic.has_users()
        dialog.password.setText("Long-enough-1")
        dialog.confirm.setText("Long-enough-1")
        with qtbot.waitSignal(dialog.accepted):
            _ok(dialog)
        assert clinic.has_users()
        assert clinic.actor.username == "boss" and clinic.actor.roles == {"admin"}
    finally:
        clinic.close()


def test_idle_lock_hides_everything_and_resumes_with_the_intake_intact(
    qtbot, db_url, settings, monkeypatch
) -> None:
    monkeypatch.setattr(visit_window_module, "AUTOSAVE_MS", 60_000)  # nothing saved meanwhile
    clinic = Clinic.open(db_url)
    clinic.sign_in("tester", TEST_PASSWORD)
    patient = clinic.register_patient(
        PatientDetails(name="Idle Test", date_of_birth=date(1950, 2, 3), record_number="MRN-9")
    )
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show()
    main.show_patient(patient.id)
    window = main.new_visit()
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    window.form.set("history.painless_walking_distance_m", 150)
    window.form.set("history.duration_weeks", 7)
    assert window.unsaved
    assert "tester" in main.user_label.text() and "clinician" in main.user_label.text()

    app = QApplication.instance()
    idle = IdleLock(app, clinic, idle_ms=200)
    try:
        with qtbot.waitSignal(idle.locked, timeout=5000):
            pass
        assert not main.isVisible() and not window.isVisible()  # no patient detail on screen
        visible = [w for w in app.topLevelWidgets() if w.isVisible()]
        assert visible == [idle.dialog]
        assert idle.dialog.username.text() == "tester" and idle.dialog.username.isReadOnly()

        idle.dialog.password.setText("not it")
        _ok(idle.dialog)
        assert idle.is_locked and "wrong" in idle.dialog.error.text()
        assert not window.isVisible()

        idle.dialog.password.setText(TEST_PASSWORD)
        with qtbot.waitSignal(idle.unlocked, timeout=5000):
            _ok(idle.dialog)
        assert main.isVisible() and window.isVisible()
        assert window.form.get("history.painless_walking_distance_m") == 150
        assert window.form.get("history.duration_weeks") == 7
        assert window.unsaved  # the same window, its typing kept, nothing lost or reloaded
        assert clinic.actor.username == "tester"
    finally:
        idle.stop()
        window.ask_keep_draft = lambda: "keep"  # closing at teardown must not ask
    actions = [e.action for e in _trail(clinic)]
    after_lock = actions[len(actions) - 1 - actions[::-1].index("session.lock") :]
    assert after_lock == [
        "session.lock",
        "session.sign_in_failed",
        "session.sign_in",
        "session.sign_in",  # the administrator who reads the trail, below
        "audit.view",
    ]


def test_input_postpones_the_lock(qtbot, clinic) -> None:
    app = QApplication.instance()
    idle = IdleLock(app, clinic, idle_ms=1500)
    try:
        window = MainWindow(clinic)
        qtbot.addWidget(window)
        window.show()
        for _ in range(10):  # typing for 3 s, twice the idle time: never locked
            qtbot.wait(300)
            qtbot.keyClick(window.search.box, Qt.Key.Key_A)
            assert not idle.is_locked
        with qtbot.waitSignal(idle.locked, timeout=10_000):  # then idle: locked
            pass
        assert not window.isVisible()
        idle.dialog.reject()  # Cancel does not unlock
        assert idle.is_locked and idle.dialog is not None
    finally:
        idle.stop()
        if idle.dialog is not None:
            idle.dialog.finished.disconnect()
            idle.dialog.close()


def _trail(clinic: Clinic):
    from intake_desktop.services import audit_entries, sign_in

    admin = sign_in(clinic.db, "admin.user", TEST_PASSWORD)
    return audit_entries(clinic.db, admin)


def test_a_password_reset_while_the_session_was_locked_is_replaced_before_it_resumes(
    qtbot, db_url, settings
) -> None:
    """The reset password allows nothing (services.auth): unlocking with it asks for a password
    of one's own first; declining leaves the session locked."""
    from PySide6.QtCore import QTimer

    from intake_desktop.services import users
    from intake_desktop.ui.password_dialog import ChangePasswordDialog

    clinic = Clinic.open(db_url)
    clinic.sign_in("desk.user", TEST_PASSWORD)
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show()
    idle = IdleLock(QApplication.instance(), clinic, idle_ms=200)
    try:
        with qtbot.waitSignal(idle.locked, timeout=5000):
            pass
        admin = Clinic.open(db_url)
        admin.sign_in("admin.user", TEST_PASSWORD)
        users.reset_password(admin.db, admin.actor, "desk.user", "Temporary-pass-42")
        admin.sign_out()
        admin.close()

        def answer(new: str | None) -> None:
            shown = idle.dialog.findChildren(ChangePasswordDialog)
            dialog = next(d for d in shown if d.isVisible())
            if new is None:
                dialog.reject()
                return
            dialog.new.setText(new)
            dialog.again.setText(new)
            dialog.buttons.button(OK).click()

        idle.dialog.password.setText("Temporary-pass-42")
        QTimer.singleShot(0, lambda: answer(None))
        _ok(idle.dialog)
        assert idle.is_locked and "new password" in idle.dialog.error.text()
        assert not clinic.may("patient.search")  # signed in with the reset one: nothing allowed

        idle.dialog.password.setText("Temporary-pass-42")
        QTimer.singleShot(0, lambda: answer("My-own-secret-2026"))
        with qtbot.waitSignal(idle.unlocked, timeout=5000):
            _ok(idle.dialog)
        assert clinic.actor.username == "desk.user" and clinic.may("patient.search")
        assert not clinic.must_change_password()
    finally:
        idle.stop()
        clinic.close()


def test_a_signature_with_a_password_reset_meanwhile_signs_nothing_and_keeps_the_session(
    db_url,
) -> None:
    """The electronic signature is a sign-in under the same name: with the temporary password
    it is refused in words, and the session keeps the roles it had."""
    from intake_desktop.services import PermissionDenied, users

    clinic = Clinic.open(db_url)
    admin = Clinic.open(db_url)
    try:
        clinic.sign_in("clin.user", TEST_PASSWORD)
        admin.sign_in("admin.user", TEST_PASSWORD)
        users.reset_password(admin.db, admin.actor, "clin.user", "Temporary-pass-42")
        with pytest.raises(PermissionDenied, match="reset your password"):
            clinic.confirm_password("Temporary-pass-42")
        assert clinic.may("visit.sign")
    finally:
        admin.close()
        clinic.close()
