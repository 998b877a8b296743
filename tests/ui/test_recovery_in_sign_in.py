"""The sign-in dialog's "Forgot your password? Use the recovery key…": every password lost, the
recovery key from the safe gives a user a new password, and they sign in with it. The real
start-up (window, dialog, records opening behind them) on a real encrypted SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from intake_desktop import services
from intake_desktop.storage.database import open_database
from intake_desktop.storage.models import AuditEntry
from intake_desktop.ui.app import make_application
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.password_text import password_problem
from intake_desktop.ui.recovery_reset_dialog import RecoveryResetDialog
from intake_desktop.ui.sign_in import SignInDialog
from intake_desktop.ui.startup import Startup
from tests.actors import TEST_PASSWORD

ADMIN_PASSWORD = "Clinic-admin-pass-1"
NEW_PASSWORD = "Brand-new-pass-77"
OK = QDialogButtonBox.StandardButton.Ok


@pytest.fixture
def clinic_url(tmp_path: Path) -> tuple[str, str]:
    """An encrypted clinic with an administrator and a desk user; the URL and recovery key."""
    url = f"sqlite:///{tmp_path / 'records.sqlite3'}"
    with services.open_database(url) as db:
        admin = services.create_first_admin(db, "boss", ADMIN_PASSWORD)
        recovery = services.issue_recovery_key(db, admin)
        services.add_user(db, admin, "desk", TEST_PASSWORD, ["front_desk"])
    assert recovery is not None
    return url, recovery


def _fill(qtbot, dialog: RecoveryResetDialog, key: str, user: str, new: str, again: str) -> None:
    for field, text in ((dialog.key, key), (dialog.user, user)):
        field.clear()
        qtbot.keyClicks(field, text)
    qtbot.keyClicks(dialog.new, new)
    qtbot.keyClicks(dialog.again, again)
    dialog.buttons.button(OK).click()


def test_a_lost_password_is_replaced_with_the_recovery_key_at_sign_in(qtbot, clinic_url) -> None:
    url, recovery = clinic_url
    startup = Startup(make_application([]), url, None)
    qtbot.addWidget(startup.window)
    sign_in = startup.dialog
    assert isinstance(sign_in, SignInDialog)
    try:
        startup.start()
        qtbot.waitUntil(lambda: startup.opener.clinic is not None, timeout=30_000)
        qtbot.waitUntil(lambda: startup.window.user_label.text() == "Waiting for sign-in")
        assert sign_in.recovery_button.isVisible()
        qtbot.keyClicks(sign_in.username, "desk")
        sign_in.recovery_button.click()
        dialog = sign_in.recovery_dialog
        assert isinstance(dialog, RecoveryResetDialog) and dialog.isVisible()
        assert dialog.user.text() == "desk"  # the name already typed
        # A problem names its field, and nothing changes.
        wrong_key = "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ"
        _fill(qtbot, dialog, wrong_key, "desk", NEW_PASSWORD, NEW_PASSWORD)
        assert dialog.error.text().startswith("Recovery key:") and dialog.isVisible()
        _fill(qtbot, dialog, recovery, "desk", "Password1", "Password1")
        assert dialog.error.text() == password_problem("common")
        _fill(qtbot, dialog, recovery, "desk", NEW_PASSWORD, NEW_PASSWORD + "x")
        assert dialog.error.text().startswith("New password again:")
        _fill(qtbot, dialog, recovery, "nobody", NEW_PASSWORD, NEW_PASSWORD)
        assert dialog.error.text() == "User name: there is no such user."
        assert dialog.new.text() == dialog.again.text() == ""  # never kept after a try
        with qtbot.waitSignal(dialog.accepted):
            _fill(qtbot, dialog, recovery, "desk", NEW_PASSWORD, NEW_PASSWORD)
        assert sign_in.username.text() == "desk" and "desk" in sign_in.error.text()
        # The old password no longer works; the new one signs in.
        qtbot.keyClicks(sign_in.password, TEST_PASSWORD)
        sign_in.buttons.button(OK).click()
        assert sign_in.isVisible() and not startup.window.attached
        qtbot.keyClicks(sign_in.password, NEW_PASSWORD)
        sign_in.buttons.button(OK).click()
        qtbot.waitUntil(lambda: startup.window.attached, timeout=30_000)
        assert "desk" in startup.window.user_label.text()
    finally:
        startup.close()
    # On the file opened afresh: the new password opens it, and the reset is in the trail.
    with open_database(url) as db:
        services.sign_in(db, "desk", NEW_PASSWORD)
        with db.session() as session:
            resets = session.execute(
                select(AuditEntry.username, AuditEntry.outcome).where(
                    AuditEntry.action == "user.set_password"
                )
            ).all()
    assert resets == [("(recovery key)", "allowed")]


def test_a_plain_database_offers_no_recovery_key(qtbot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plain.sqlite3'}"
    with open_database(url, encrypt=False) as db:
        services.create_first_admin(db, "boss", ADMIN_PASSWORD)
    clinic = Clinic.open(url)
    try:
        assert not clinic.encrypted
        dialog = SignInDialog(clinic)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.recovery_button.isVisible()
    finally:
        clinic.close()
