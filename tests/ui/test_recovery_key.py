"""The first start of an encrypted clinic: the administrator, then the recovery key, once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from intake_desktop import services
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.recovery_key_dialog import RecoveryKeyDialog
from intake_desktop.ui.sign_in import FirstAdminDialog, SignInDialog

OK = QDialogButtonBox.StandardButton.Ok


def test_the_first_administrator_gets_the_recovery_key_that_opens_the_records(
    qtbot, tmp_path
) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    clinic = Clinic.open(url)
    try:
        dialog = FirstAdminDialog(clinic)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.username.setText("boss")
        dialog.password.setText("Long-enough-1")
        dialog.confirm.setText("Long-enough-1")
        with qtbot.waitSignal(dialog.accepted):
            dialog.buttons.button(OK).click()
        recovery = dialog.recovery_key
        assert recovery is not None and len(recovery.split("-")) == 5
    finally:
        clinic.close()
    # With every password forgotten, the key shown gives the administrator a new one.
    with services.open_database(url) as db:
        assert db.locked
        services.reset_password_with_recovery_key(db, recovery, "boss", "Long-enough-2")
    clinic = Clinic.open(url)
    try:
        assert clinic.has_users()  # known from the key file, before anything is unlocked
        sign_in = SignInDialog(clinic)
        qtbot.addWidget(sign_in)
        sign_in.show()
        sign_in.username.setText("boss")
        sign_in.password.setText("Long-enough-1")
        sign_in.buttons.button(OK).click()
        assert "wrong" in sign_in.error.text() and not clinic.signed_in
        sign_in.username.setText("boss")
        sign_in.password.setText("Long-enough-2")
        with qtbot.waitSignal(sign_in.accepted):
            sign_in.buttons.button(OK).click()
        assert clinic.actor.username == "boss"
    finally:
        clinic.close()


def test_the_recovery_key_dialog_closes_only_once_the_key_is_kept(qtbot) -> None:
    dialog = RecoveryKeyDialog("7KQ2M-ABCDE-FGHJK-MNPQR-STVWX")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.key.text() == "7KQ2M-ABCDE-FGHJK-MNPQR-STVWX"
    assert not dialog.ok.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Escape does not lose the key unseen
    assert dialog.isVisible()
    dialog.confirmed.click()
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok.click()
