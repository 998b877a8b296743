"""The daily checkpoint from an administrator's open session (ui.seal_timer)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject

from intake_desktop.services import checkpoints
from intake_desktop.storage.seal import stored_checkpoints
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.seal_timer import SealTimer
from tests.actors import TEST_PASSWORD, seed_users


def _count(db) -> int:
    with db.session() as session:
        return len(stored_checkpoints(session))


def test_the_timer_seals_an_admins_session_once_a_day(qtbot, tmp_path, monkeypatch) -> None:
    clinic = Clinic.open(f"sqlite:///{tmp_path / 'clinic.sqlite3'}")
    try:
        seed_users(clinic.db)
        clinic.sign_in("admin.user", TEST_PASSWORD)
        made = _count(clinic.db)
        parent = QObject()
        timer = SealTimer(parent, clinic, interval_ms=20)
        # Not due yet: the sign-in just sealed.
        qtbot.wait(100)
        assert _count(clinic.db) == made
        monkeypatch.setattr(checkpoints, "DAILY", timedelta(0))
        monkeypatch.setattr(checkpoints.seal_if_due, "__defaults__", (timedelta(0),))
        qtbot.waitUntil(lambda: _count(clinic.db) > made, timeout=5000)
        timer.stop()
        desk = Clinic(clinic.db)
        desk.sign_in("desk.user", TEST_PASSWORD)
        assert desk.seal_if_due() is False  # no key in a desk session
    finally:
        clinic.close()
