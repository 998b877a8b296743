"""The permission table at the service layer: every role × every operation, on both databases.

Each pair is run by a user who really signed in (argon2 and all) and holds that one role. Allowed:
the operation completes and the newest audit entry is its own, ``allowed``. Refused:
:class:`PermissionDenied` (exit 3) and the newest entry is the refusal, committed although the
operation's transaction was rolled back. Searches and lists are the exception the issue allows:
an allowed one leaves no entry (they are not views of a record), a refused one does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from intake_desktop import services as s
from intake_desktop.demo import build_demo
from intake_desktop.services import (
    PERMISSIONS,
    PermissionDenied,
    board,
    clinic_settings,
    dbkey,
    users,
)
from intake_desktop.services.errors import InputError
from intake_desktop.services.permissions import UNAUDITED_WHEN_ALLOWED
from intake_desktop.storage.backup import backup_database as storage_backup
from intake_desktop.storage.models import AuditEntry
from tests.actors import TEST_PASSWORD, as_user
from tests.signing import SIGN_OFF

ROLE_USERS = {"front_desk": "desk.user", "clinician": "clin.user", "admin": "admin.user"}


@dataclass
class World:
    """What the operations act on: a patient, a draft and a signed visit, a temporary folder."""

    patient: Any
    draft: Any
    signed: Any
    case: dict[str, Any]
    folder: Path
    backup: Path
    alert_id: int


def _exam_changed(case: dict[str, Any]) -> dict[str, Any]:
    exam = dict(case.get("exam") or {})
    exam["walking_test_distance_m"] = (exam.get("walking_test_distance_m") or 0) + 7
    return {**case, "exam": exam}


OPERATIONS: dict[str, Callable[[Any, Any, World], Any]] = {
    "patient.search": lambda db, a, w: s.search_patients(db, "garc", actor=a),
    "patient.register": lambda db, a, w: s.register_patient(
        db, s.PatientDetails(name="Nuevo Paciente", date_of_birth=date(1970, 1, 1)), actor=a
    ),
    "patient.update": lambda db, a, w: s.update_patient(
        db, w.patient.id, w.patient.details, expected_version=w.patient.version, actor=a
    ),
    "patient.view": lambda db, a, w: s.get_patient(db, w.patient.id, actor=a),
    "visit.list": lambda db, a, w: s.todays_visits(db, actor=a),
    "visit.view": lambda db, a, w: s.get_visit(db, w.draft.visit_id, actor=a),
    "visit.start": lambda db, a, w: s.start_draft(db, w.patient.id, {}, actor=a),
    "visit.save": lambda db, a, w: s.save_draft(
        db, w.draft.visit_id, w.case, expected_version=w.draft.version, actor=a
    ),
    "visit.discard": lambda db, a, w: s.discard_draft(
        db, w.draft.visit_id, expected_version=w.draft.version, actor=a
    ),
    "visit.edit_clinical": lambda db, a, w: s.save_draft(
        db, w.draft.visit_id, _exam_changed(w.case), expected_version=w.draft.version, actor=a
    ),
    "alert.list": lambda db, a, w: s.pending_alerts(db, actor=a),
    "alert.acknowledge": lambda db, a, w: s.acknowledge_alert(db, w.alert_id, actor=a),
    # The intake only: a file holding an exam is the clinician's (test_clinical_fields.py).
    "case.import": lambda db, a, w: s.import_case(
        db, {k: v for k, v in w.case.items() if k not in ("exam", "imaging", "framework")}, actor=a
    ),
    "summary.print_patient": lambda db, a, w: s.visit_document(db, a, w.signed.id, kind="patient"),
    "visit.sign": lambda db, a, w: s.sign_visit(
        db, w.draft.visit_id, expected_version=w.draft.version, actor=a, **SIGN_OFF
    ),
    "visit.amend": lambda db, a, w: s.open_amendment(
        db, w.signed.id, "typo", w.case, expected_version=w.signed.version, actor=a
    ),
    "case.export": lambda db, a, w: s.export_case(db, w.signed.id, actor=a),
    "fhir.export": lambda db, a, w: s.fhir_bundle(db, a, w.signed.id),
    "summary.print_clinician": lambda db, a, w: s.visit_document(
        db, a, w.signed.id, kind="clinician"
    ),
    "user.list": lambda db, a, w: s.list_users(db, a),
    "user.add": lambda db, a, w: s.add_user(db, a, "new.user", TEST_PASSWORD, ["front_desk"]),
    "user.set_roles": lambda db, a, w: s.set_roles(db, a, "front.desk", ["clinician"]),
    "user.set_password": lambda db, a, w: s.change_password(db, a, "front.desk", "N3w-passw0rd"),
    "user.update": lambda db, a, w: users.update_user(
        db, a, "front.desk", full_name="Front Desk", credentials=None
    ),
    "user.deactivate": lambda db, a, w: users.set_active(db, a, "front.desk", False),
    "settings.change": lambda db, a, w: clinic_settings.save_settings(
        db, a, {"clinic.name": "Another Clinic"}
    ),
    "audit.view": lambda db, a, w: s.audit_entries(db, a),
    "audit.export": lambda db, a, w: s.export_audit_csv(db, a),
    "audit.verify": lambda db, a, w: s.verify_audit(db, a),
    "database.backup": lambda db, a, w: s.backup_database(db, w.folder / "b.sqlite3", actor=a),
    "database.restore": lambda db, a, w: s.restore_database(
        db, w.backup, actor=a, password=TEST_PASSWORD
    ),
    "database.recovery_key": lambda db, a, w: s.issue_recovery_key(db, a),
    # The upgrade opens the file anew: the key is unwrapped as a sign-in does (an encrypted one).
    "database.upgrade": lambda db, a, w: s.upgrade_database(
        db.url, sign_in_as=lambda fresh: _unlocked_as(fresh, a)
    ),
    "database.grant": lambda db, a, w: s.grant_workstation(
        db.url, "no_such_role", sign_in_as=lambda fresh: _unlocked_as(fresh, a)
    ),
    "demo.build": lambda db, a, w: build_demo(db, 1, actor=a),
    "board.view": lambda db, a, w: board.day_board(db, actor=a),
    "board.book": lambda db, a, w: board.book_visit(db, w.patient.id, date(2030, 1, 2), actor=a),
    "board.check_in": lambda db, a, w: board.check_in(db, actor=a, patient_id=w.patient.id),
    "board.update": lambda db, a, w: board.move_visit(db, w.draft.visit_id, "ready", actor=a),
}


def _unlocked_as(db, actor):
    """The key unwrapped as a sign-in does first (its audit entry is not what is counted)."""
    assert dbkey.unlock_for_sign_in(db, actor.username, TEST_PASSWORD)
    return actor


def test_every_operation_of_the_table_is_exercised() -> None:
    assert set(OPERATIONS) == set(PERMISSIONS)
    assert set(PERMISSIONS) >= UNAUDITED_WHEN_ALLOWED


@pytest.fixture
def world(database, patient, lumbar_case, tmp_path) -> World:
    author = as_user("dr.setup")
    draft = s.start_draft(database, patient.id, lumbar_case, actor=author)
    other = s.start_draft(database, patient.id, lumbar_case, actor=author)
    signed = s.sign_visit(database, other.visit_id, expected_version=1, actor=author, **SIGN_OFF)
    s.start_draft(database, patient.id, {**lumbar_case, "red_flags": ["fever"]}, actor=author)
    (alert,) = s.pending_alerts(database, actor=as_user("dr.setup", ["clinician"]))
    backup = tmp_path / "restore-me.sqlite3"
    if database.dialect == "sqlite":
        storage_backup(database, backup)  # made beforehand, so the restore is the last entry
    return World(patient, draft, signed, lumbar_case, tmp_path, backup, alert.id)


def _newest(db) -> AuditEntry | None:
    with db.session() as session:
        return session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()


def _count(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


@pytest.mark.parametrize("role", list(ROLE_USERS))
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_role_and_operation(database, world: World, role: str, operation: str) -> None:
    actor = s.sign_in(database, ROLE_USERS[role], TEST_PASSWORD, workstation="desk-3")
    assert actor.roles == {role}
    before = _newest(database)
    expected = role in PERMISSIONS[operation]
    if expected:
        try:
            OPERATIONS[operation](database, actor, world)
        except InputError:
            # A PostgreSQL server is backed up with pg_dump, and demo data never joins a
            # database of real patients (the world's); the permission was still granted.
            # Roles are a server's: an SQLite file refuses the grant, the server an unknown role.
            pg_copy = database.dialect == "postgresql" and operation.startswith("database.")
            assert pg_copy or operation in ("demo.build", "database.grant")
        entry = _newest(database)
        if operation in UNAUDITED_WHEN_ALLOWED:
            assert entry.seq == before.seq  # a list is not a view: no entry when allowed
            return
        # A clinician's change to the exam is audited as the save it is part of.
        action = "visit.save" if operation == "visit.edit_clinical" else operation
        assert (entry.action, entry.outcome) == (action, "allowed")
    else:
        count = _count(database)
        with pytest.raises(PermissionDenied) as refused:
            OPERATIONS[operation](database, actor, world)
        assert refused.value.exit_code == 3
        entry = _newest(database)
        assert _count(database) == count + 1  # the refusal, and nothing of the operation
        assert (entry.action, entry.outcome) == (operation, "refused")
    assert (entry.username, entry.user_id, entry.workstation) == (
        actor.username,
        actor.user_id,
        "desk-3",
    )


def test_a_view_names_the_record_and_never_its_content(database, world: World) -> None:
    actor = s.sign_in(database, "clin.user", TEST_PASSWORD)
    s.get_visit(database, world.draft.visit_id, actor=actor)
    entry = _newest(database)
    assert (entry.action, entry.visit_id, entry.patient_id) == (
        "visit.view",
        world.draft.visit_id,
        world.patient.id,
    )
    text = " ".join(str(getattr(entry, c.key)) for c in AuditEntry.__table__.columns)
    assert "García" not in text and "MRN-0001" not in text


def test_a_user_with_several_roles_may_do_what_each_allows(database, world: World) -> None:
    actor = s.sign_in(database, "tester", TEST_PASSWORD)
    assert actor.roles == {"front_desk", "clinician", "admin"}
    s.sign_visit(database, world.draft.visit_id, expected_version=1, actor=actor, **SIGN_OFF)
    assert s.audit_entries(database, actor, action="visit.sign")[-1].username == "tester"


def test_an_object_that_is_not_a_signed_in_actor_is_refused(database, world: World) -> None:
    with pytest.raises(PermissionDenied):
        s.get_patient(database, world.patient.id, actor="dr.house")  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        s.register_patient(
            database,
            s.PatientDetails(name="X", date_of_birth=date(1970, 1, 1)),
            actor=None,  # type: ignore[arg-type]
        )
