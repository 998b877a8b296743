"""Signing in from the environment on a plain SQLite file: the password is checked beside the
imports (services.early_password), and the sign-in is audited, counted and locked as ever."""

from __future__ import annotations

import subprocess

from sqlalchemy import select

from intake_desktop.services import auth
from intake_desktop.storage.database import open_database
from intake_desktop.storage.models import AuditEntry, User
from intake_desktop.ui.clinic_opener import ClinicOpener
from tests.actors import TEST_PASSWORD
from tests.ui.helpers import launch_app


def _trail(url: str, username: str) -> tuple[list[tuple[str, str]], int]:
    """The user's audit entries (action, outcome) and their failed-attempt count."""
    with open_database(url) as db, db.session() as session:
        entries = session.execute(
            select(AuditEntry.action, AuditEntry.outcome)
            .where(AuditEntry.username == username)
            .order_by(AuditEntry.seq)
        ).all()
        failed = session.scalar(select(User.failed_attempts).where(User.username == username))
    return [tuple(e) for e in entries], int(failed or 0)


def test_the_opener_signs_in_with_the_password_checked_early(qtbot, plain_url, monkeypatch):
    verified: list[str] = []
    real = auth.PASSWORD_HASHER

    class Counting:
        def verify(self, encoded, password):
            verified.append(encoded)
            return real.verify(encoded, password)

        def __getattr__(self, name):
            return getattr(real, name)

    monkeypatch.setattr(auth, "PASSWORD_HASHER", Counting())
    opener = ClinicOpener(plain_url, ("clin.user", TEST_PASSWORD))
    with qtbot.waitSignal(opener.opened, timeout=60_000):
        opener.start()
    try:
        assert opener.error is None and opener.refusal is None
        assert opener.clinic is not None and opener.clinic.actor.username == "clin.user"
        assert verified == []  # argon2 ran on its own thread, before the sign-in needed it
    finally:
        opener.clinic.close()
    entries, failed = _trail(plain_url, "clin.user")
    assert entries[-1] == ("session.sign_in", "ok") and failed == 0


def _start(url: str, password: str) -> subprocess.CompletedProcess[str]:
    return launch_app(url, "records", INTAKE_DESKTOP_USER="clin.user",
                      INTAKE_DESKTOP_PASSWORD=password)  # fmt: skip


def test_the_app_on_a_plain_file_audits_and_counts_the_sign_in(plain_url: str) -> None:
    refused = _start(plain_url, "not the password")
    assert refused.returncode == 3 and refused.stdout.strip() == ""
    assert _trail(plain_url, "clin.user") == ([("session.sign_in_failed", "refused")], 1)
    opened = _start(plain_url, TEST_PASSWORD)
    assert (opened.returncode, opened.stdout.strip()) == (0, "ready")
    entries, failed = _trail(plain_url, "clin.user")
    assert entries[1:] == [("session.sign_in", "ok"), ("session.sign_out", "ok")]
    assert failed == 0
