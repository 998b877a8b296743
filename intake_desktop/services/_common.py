"""What every operation shares: one transaction, its failures in the user's words, conversions.

Each operation is ``with transaction(db) as session: ...``: one short session, committed at the
end or rolled back whole. Lost updates surface as :class:`ConflictError`, whichever way the
database noticed them (a version check, SQLAlchemy's version column, a unique index).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from intake_desktop.storage.audit import AuditDamagedError
from intake_desktop.storage.cipher import DatabaseLocked
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import Patient, Visit, VisitVersion

from .actor import Actor
from .errors import (
    AuditTrailDamaged,
    ConflictError,
    InputError,
    PermissionDenied,
    UnavailableError,
    database_refusal,
)
from .records import (
    SIGNED_STATUSES,
    PatientRecord,
    VisitRecord,
    VisitSummary,
    VisitVersionRecord,
)

log = logging.getLogger(__name__)
R = TypeVar("R")
_AUTOCOMMIT = {"isolation_level": "AUTOCOMMIT"}

AUDIT_DAMAGED = (
    "the audit trail is damaged: it holds an entry this program never wrote, so nothing can "
    "be recorded and this is refused; an administrator must sign in, check the trail "
    "(audit --verify) and restore a backup"
)
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
    except AuditDamagedError as exc:
        # Not a race: appends are serialised, so the next number was taken behind our back.
        raise AuditTrailDamaged(AUDIT_DAMAGED) from exc
    except DatabaseLocked as exc:
        raise PermissionDenied(str(exc)) from exc
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
        refused = database_refusal(exc)
        if refused is not None:
            raise refused from exc
        raise


def reader(db: Database) -> Session:
    """A session for reading only (closed by the caller's ``with``; never commits).

    On PostgreSQL its connection is in autocommit: each statement reads what is committed
    when it runs, without the ``BEGIN`` and ``ROLLBACK`` round trips a transaction would add
    to a read that writes nothing (half of a board refresh's). Audit entries cannot be written
    in it (``storage.audit`` refuses); a refusal is recorded in a transaction of its own.
    """
    session = db.session()
    if db.dialect == "postgresql":
        session.connection(execution_options=_AUTOCOMMIT)
    return session


def read_connection(db: Database) -> Connection:
    """A Core connection for reading only, in autocommit on PostgreSQL (see :func:`reader`)."""
    conn = db.engine.connect()
    return conn.execution_options(**_AUTOCOMMIT) if db.dialect == "postgresql" else conn


def first_line(exc: DBAPIError) -> str:
    """The driver's message without its context lines (which may quote the statement)."""
    message = str(exc.orig).strip()
    return message.splitlines()[0] if message else type(exc.orig).__name__


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
    return _copy(PatientRecord, p)


def visit_record(v: Visit) -> VisitRecord:
    return _copy(VisitRecord, v)


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
        urgency=v.urgency,
        amending=v.status in SIGNED_STATUSES and v.pending_amendment_reason is not None,
    )


def version_record(v: VisitVersion) -> VisitVersionRecord:
    return _copy(VisitVersionRecord, v)


def _copy(record: type[R], row: object) -> R:
    """A frozen record from the ORM row's attributes of the same names.

    The records mirror the models field for field, so a new record field is filled without a
    hand-written copy that could forget it.
    """
    return record(**{f.name: getattr(row, f.name) for f in dataclasses.fields(record)})
