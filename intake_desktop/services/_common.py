"""What every operation shares: one transaction, its failures in the user's words, conversions.

Each operation is ``with transaction(db) as session: ...``: one short session, committed at the
end or rolled back whole. Lost updates surface as :class:`ConflictError`, whichever way the
database noticed them (a version check, SQLAlchemy's version column, a unique index).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from intake_desktop.storage.database import Database
from intake_desktop.storage.models import Patient, Visit, VisitVersion

from .actor import Actor
from .errors import ConflictError, InputError, PermissionDenied, UnavailableError
from .records import (
    PatientRecord,
    PatientSummary,
    VisitRecord,
    VisitSummary,
    VisitVersionRecord,
)

log = logging.getLogger(__name__)

CHANGED_MEANWHILE = (
    "someone else changed this {what} first (on another workstation or window); "
    "nothing was overwritten: reload it to see their change, then make yours again"
)


@contextmanager
def transaction(db: Database) -> Iterator[Session]:
    """One operation's session and transaction, with database failures translated."""
    try:
        with db.session.begin() as session:
            yield session
    except StaleDataError as exc:
        raise ConflictError(CHANGED_MEANWHILE.format(what="record")) from exc
    except IntegrityError as exc:
        if not _is_unique_violation(exc):
            raise
        # The checks before writing catch bad input; this is a race with another workstation.
        log.info("integrity error translated to a conflict: %s", type(exc.orig).__name__)
        raise ConflictError(
            "another workstation saved a conflicting record at the same moment; "
            "nothing was overwritten: reload and try again"
        ) from exc
    except OperationalError as exc:
        if _is_busy(exc):
            raise UnavailableError(
                "the database stayed busy (another workstation was writing); try again"
            ) from exc
        raise
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise UnavailableError("the connection to the database server was lost") from exc
        raise


def reader(db: Database) -> Session:
    """A session for reading only (closed by the caller's ``with``; never commits)."""
    return db.session()


def _is_unique_violation(exc: IntegrityError) -> bool:
    return type(exc.orig).__name__ == "UniqueViolation" or "UNIQUE constraint" in str(exc.orig)


def _is_busy(exc: OperationalError) -> bool:
    return "database is locked" in str(exc.orig) or "database is busy" in str(exc.orig)


def check_actor(actor: Actor) -> str:
    """The signed-in user's name, stored as the author of a change (``created_by`` ...)."""
    if not isinstance(actor, Actor):
        raise PermissionDenied("not signed in: sign in first")
    author = actor.username
    if not isinstance(author, str) or not author.strip():
        raise InputError("must name who makes the change", "author")
    author = author.strip()
    if len(author) > 100:
        raise InputError("is longer than 100 characters", "author")
    return author


def check_version(row: Patient | Visit, expected_version: int, what: str) -> None:
    """Refuse a save based on an older read (the optimistic lock, checked up front)."""
    if row.version != expected_version:
        raise ConflictError(CHANGED_MEANWHILE.format(what=what))


def patient_record(p: Patient) -> PatientRecord:
    return PatientRecord(
        id=p.id,
        version=p.version,
        record_number=p.record_number,
        name=p.name,
        date_of_birth=p.date_of_birth,
        sex=p.sex,
        phone=p.phone,
        email=p.email,
        address=p.address,
        language=p.language,
        created_at=p.created_at,
        created_by=p.created_by,
        updated_at=p.updated_at,
        updated_by=p.updated_by,
    )


def patient_summary(p: Patient) -> PatientSummary:
    return PatientSummary(p.id, p.record_number, p.name, p.date_of_birth, p.sex)


def visit_record(v: Visit) -> VisitRecord:
    return VisitRecord(
        id=v.id,
        version=v.version,
        patient_id=v.patient_id,
        visit_date=v.visit_date,
        status=v.status,
        draft_data=v.draft_data,
        case_data=v.case_data,
        plan=v.plan,
        rules_version=v.rules_version,
        computed_level=v.computed_level,
        final_level=v.final_level,
        override_reason=v.override_reason,
        revision=v.revision,
        created_at=v.created_at,
        created_by=v.created_by,
        updated_at=v.updated_at,
        updated_by=v.updated_by,
        signed_at=v.signed_at,
        signed_by=v.signed_by,
        amendment_reason=v.amendment_reason,
    )


def visit_summary(v: Visit, p: Patient) -> VisitSummary:
    return VisitSummary(
        id=v.id,
        version=v.version,
        patient_id=v.patient_id,
        patient_name=p.name,
        record_number=p.record_number,
        visit_date=v.visit_date,
        status=v.status,
        level=v.final_level,
        revision=v.revision,
        updated_at=v.updated_at,
        updated_by=v.updated_by,
    )


def version_record(v: VisitVersion) -> VisitVersionRecord:
    return VisitVersionRecord(
        visit_id=v.visit_id,
        revision=v.revision,
        visit_date=v.visit_date,
        case_data=v.case_data,
        plan=v.plan,
        rules_version=v.rules_version,
        computed_level=v.computed_level,
        final_level=v.final_level,
        override_reason=v.override_reason,
        signed_at=v.signed_at,
        signed_by=v.signed_by,
        amendment_reason=v.amendment_reason,
        superseded_at=v.superseded_at,
        superseded_by=v.superseded_by,
    )
