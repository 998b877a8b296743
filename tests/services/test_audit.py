"""The audit trail: one entry per action, append-only, and tampering found by ``audit --verify``."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from intake_desktop import services as s
from intake_desktop.cli import main
from intake_desktop.services import PermissionDenied
from intake_desktop.storage.models import AuditEntry
from tests.actors import TEST_PASSWORD
from tests.signing import SIGN_OFF

from .conftest import load_example


def _actions_since(db, seq: int) -> list[tuple[str, str, str]]:
    with db.session() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.seq > seq).order_by("seq"))
        return [(e.username, e.action, e.outcome) for e in rows]


def _last_seq(db) -> int:
    with db.session() as session:
        return session.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1))


def test_a_scripted_day_leaves_exactly_one_entry_per_action(database, tmp_path) -> None:
    start = _last_seq(database)
    expected: list[tuple[str, str, str]] = []

    def did(user: str, action: str, outcome: str = "allowed") -> None:
        expected.append((user, action, outcome))

    # Morning at the front desk.
    desk = s.sign_in(database, "desk.user", TEST_PASSWORD, workstation="front-1")
    did("desk.user", "session.sign_in", "ok")
    with pytest.raises(PermissionDenied):
        s.sign_in(database, "desk.user", "typo")
    did("desk.user", "session.sign_in_failed", "refused")
    assert s.search_patients(database, "perez", actor=desk) == []  # a search is no view
    details = s.PatientDetails(name="Ana Pérez", date_of_birth=date(1958, 3, 2))
    patient = s.register_patient(database, details, actor=desk)
    did("desk.user", "patient.register")
    case = load_example("01_lumbar_early")
    case["patient"].pop("id", None)
    draft = s.start_draft(database, patient.id, {"format": case["format"]}, actor=desk)
    did("desk.user", "visit.start")
    intake = {k: v for k, v in case.items() if k not in ("exam", "imaging", "framework")}
    saved = s.save_draft(database, draft.visit_id, intake, expected_version=1, actor=desk)
    did("desk.user", "visit.save")
    s.todays_visits(database, actor=desk)  # a list
    with pytest.raises(PermissionDenied):
        s.sign_visit(
            database, draft.visit_id, expected_version=saved.version, actor=desk, **SIGN_OFF
        )
    did("desk.user", "visit.sign", "refused")
    s.lock_session(database, desk)
    did("desk.user", "session.lock", "ok")
    desk = s.unlock_session(database, desk, TEST_PASSWORD)
    did("desk.user", "session.sign_in", "ok")

    # The clinic.
    dr = s.sign_in(database, "clin.user", TEST_PASSWORD, workstation="room-2")
    did("clin.user", "session.sign_in", "ok")
    s.get_patient(database, patient.id, actor=dr)
    did("clin.user", "patient.view")
    s.patient_visits(database, patient.id, actor=dr)
    did("clin.user", "patient.view")
    s.get_visit(database, draft.visit_id, actor=dr)
    did("clin.user", "visit.view")
    saved = s.save_draft(  # the exam, imaging and four questions are the clinician's
        database, draft.visit_id, case, expected_version=saved.version, actor=dr
    )
    did("clin.user", "visit.save")
    signed = s.sign_visit(
        database, draft.visit_id, expected_version=saved.version, actor=dr, **SIGN_OFF
    )
    did("clin.user", "visit.sign")
    amended = s.amend_visit(
        database,
        signed.id,
        case,
        expected_version=signed.version,
        actor=dr,
        reason="recheck",
        **SIGN_OFF,
    )
    did("clin.user", "visit.amend")
    did("clin.user", "visit.sign")  # the amendment is signed like the visit, with its hash
    s.visit_versions(database, amended.id, actor=dr)
    did("clin.user", "visit.view")
    s.export_case(database, amended.id, actor=dr)
    did("clin.user", "case.export")
    s.fhir_bundle(database, dr, amended.id)
    did("clin.user", "fhir.export")
    s.visit_document(database, dr, amended.id, kind="clinician")
    did("clin.user", "summary.print_clinician")
    s.sign_out(database, dr)
    did("clin.user", "session.sign_out", "ok")

    # The front desk prints the take-home sheet and goes home.
    s.visit_document(database, desk, amended.id, kind="patient")
    did("desk.user", "summary.print_patient")
    s.sign_out(database, desk)
    did("desk.user", "session.sign_out", "ok")

    # The administrator reads the trail (which is itself recorded).
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    did("admin.user", "session.sign_in", "ok")
    trail = s.audit_entries(database, admin, patient_id=patient.id)
    did("admin.user", "audit.view")

    assert _actions_since(database, start) == expected
    assert {e.patient_id for e in trail} == {patient.id}
    assert s.verify_audit(database, admin) == []
    csv = s.export_audit_csv(database, admin, patient_id=patient.id)
    assert csv.splitlines()[0].startswith("seq,at,username,workstation,action")
    assert "Pérez" not in csv and "Ana" not in csv  # ids and actions, never names


def test_no_service_changes_or_removes_an_entry(database) -> None:
    names = [n for n in dir(s) if "audit" in n.lower()]
    assert not [n for n in names if any(w in n for w in ("update", "delete", "edit", "remove"))]
    # Even a session of the services' own database handle cannot: the database refuses.
    for statement in (
        "UPDATE audit_entries SET action = 'nothing' WHERE seq = 1",
        "DELETE FROM audit_entries WHERE seq = 1",
    ):
        with pytest.raises(DBAPIError, match="append-only"), database.session.begin() as session:
            session.execute(text(statement))
    assert s.verify_audit(database, s.sign_in(database, "admin.user", TEST_PASSWORD)) == []


def _attack(db, *statements: str) -> None:
    """What someone with the database file (or the server's owner role) could do."""
    with db.engine.begin() as conn:
        if db.dialect == "postgresql":
            conn.execute(text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))
        else:
            conn.execute(text("DROP TRIGGER audit_entries_no_update"))
            conn.execute(text("DROP TRIGGER audit_entries_no_delete"))
        for statement in statements:
            for part in statement.split(";"):
                conn.execute(text(part))


def _verify(capsys, url: str) -> tuple[int, str]:
    code = main(["--db", url, "audit", "--verify", "--user", "admin.user"])
    return code, capsys.readouterr().out


@pytest.fixture
def busy_trail(database, patient) -> int:
    """A trail of some length; returns its newest sequence number."""
    desk = s.sign_in(database, "desk.user", TEST_PASSWORD)
    for _ in range(3):
        s.get_patient(database, patient.id, actor=desk)
    return _last_seq(database)


def test_an_untouched_trail_verifies(database_url, database, busy_trail, capsys) -> None:
    code, out = _verify(capsys, database_url)
    assert code == 0 and "intact" in out


@pytest.mark.parametrize(
    ("attack", "finding"),
    [
        ("UPDATE audit_entries SET user_id = 99 WHERE seq = {mid}", "entry {mid} was edited"),
        ("UPDATE audit_entries SET action = 'patient.search' WHERE seq = {mid}", "edited"),
        ("DELETE FROM audit_entries WHERE seq = {mid}", "missing"),
        # The newest: the sign-in of ``audit --verify`` itself then leaves a gap.
        ("DELETE FROM audit_entries WHERE seq = {last}", "entry {last} is missing"),
        # Reordering: two entries swap places (their sequence numbers).
        (
            "UPDATE audit_entries SET seq = -1 WHERE seq = {mid};"
            "UPDATE audit_entries SET seq = {mid} WHERE seq = {last};"
            "UPDATE audit_entries SET seq = {last} WHERE seq = -1",
            "does not follow",
        ),
    ],
    ids=["edit-user", "edit-action", "delete", "delete-newest", "reorder"],
)
def test_tampering_is_reported(database_url, database, busy_trail, capsys, attack, finding) -> None:
    mid, last = busy_trail - 2, busy_trail
    _attack(database, attack.format(mid=mid, last=last))
    code, out = _verify(capsys, database_url)
    assert code == 4
    assert "TAMPERED" in out and finding.format(mid=mid, last=last) in out


def test_audit_command_lists_filters_and_exports(database_url, patient, capsys) -> None:
    code = main(["--db", database_url, "audit", "--patient", str(patient.id), "--user", "tester"])
    out = capsys.readouterr().out
    assert code == 0 and "patient.register" in out and "María" not in out
    code = main(["--db", database_url, "audit", "--csv"])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("seq,at,username")
    code = main(["--db", database_url, "audit", "--user", "desk.user"])
    assert code == 3 and "admin" in capsys.readouterr().err


def test_users_add_on_the_command_line(tmp_path, monkeypatch, capsys) -> None:
    import io
    import sys

    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    monkeypatch.delenv("INTAKE_DESKTOP_PASSWORD")

    def run(stdin: str, *argv: str) -> int:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        return main(["--db", url, *argv])

    assert run("Boss-password-1\n", "users", "add", "boss", "--role", "clinician") == 2
    assert run("short\n", "users", "add", "boss", "--role", "admin") == 2
    assert run("Boss-password-1\n", "users", "add", "boss", "--role", "admin",
               "--role", "clinician") == 0  # fmt: skip
    assert "first administrator" in capsys.readouterr().out
    # Later users: the admin's password first (no INTAKE_DESKTOP_PASSWORD), then the new one's.
    assert run("Boss-password-1\nDesk-password-1\n", "users", "add", "desk", "--role",
               "front_desk", "--user", "boss") == 0  # fmt: skip
    assert run("Desk-password-1\nOther-password-1\n", "users", "add", "other", "--role",
               "front_desk", "--user", "desk") == 3  # fmt: skip
    assert run("", "users", "add", "x", "--role", "front_desk", "--user", "boss") == 3
    with s.open_database(url) as db:
        boss = s.sign_in(db, "boss", "Boss-password-1")
        assert boss.roles == {"admin", "clinician"}
        assert s.sign_in(db, "desk", "Desk-password-1").roles == {"front_desk"}
    monkeypatch.delenv("INTAKE_DESKTOP_USER")
    assert run("", "export-case", "1") == 3
    assert "--user" in capsys.readouterr().err
