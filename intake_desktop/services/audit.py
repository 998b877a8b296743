"""Reading the audit trail (admins only): list, filter, export as CSV, verify the hash chain.

There is deliberately no operation that changes or removes an entry; the database refuses it
too (triggers), and :func:`verify_audit` reports any entry changed behind the program's back.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import select

from intake_desktop.storage.audit import ChainProblem, verify_chain
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import AuditEntry

from ._common import transaction
from .actor import Actor
from .permissions import authorize


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One entry of the trail as shown to an admin."""

    seq: int
    at: datetime
    username: str
    workstation: str
    action: str
    outcome: str
    patient_id: int | None
    visit_id: int | None
    subject_user_id: int | None
    detail: str | None
    hash: str


def audit_entries(
    db: Database,
    actor: Actor,
    *,
    patient_id: int | None = None,
    username: str | None = None,
    action: str | None = None,
    limit: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[AuditRecord]:
    """The trail, oldest first, narrowed to one patient, user, action or time span when asked
    (``since`` included, ``until`` excluded)."""
    with transaction(db) as session:
        authorize(session, actor, "audit.view", patient_id=patient_id)
        return _select(session, patient_id, username, action, limit, since, until)


def export_audit_csv(
    db: Database,
    actor: Actor,
    *,
    patient_id: int | None = None,
    username: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> str:
    """The (filtered) trail as CSV text, one row per entry with a header row."""
    with transaction(db) as session:
        authorize(session, actor, "audit.export", patient_id=patient_id)
        records = _select(session, patient_id, username, action, None, since, until)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = [f.name for f in fields(AuditRecord)]
    writer.writerow(names)
    for record in records:
        row = [getattr(record, n) for n in names]
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def verify_audit(db: Database, actor: Actor) -> list[ChainProblem]:
    """Every break of the hash chain (edited, removed or reordered entries); empty when intact."""
    with transaction(db) as session:
        authorize(session, actor, "audit.verify")
    with db.session() as session:
        return verify_chain(session)


def _select(
    session,
    patient_id: int | None,
    username: str | None,
    action: str | None,
    limit: int | None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[AuditRecord]:
    stmt = select(AuditEntry).order_by(AuditEntry.seq)
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= since)
    if until is not None:
        stmt = stmt.where(AuditEntry.at < until)
    if patient_id is not None:
        stmt = stmt.where(AuditEntry.patient_id == patient_id)
    if username is not None:
        stmt = stmt.where(AuditEntry.username == username)
    if action is not None:
        stmt = stmt.where(AuditEntry.action == action)
    if limit is not None:
        stmt = stmt.limit(limit)
    names = [f.name for f in fields(AuditRecord)]
    return [AuditRecord(**{n: getattr(e, n) for n in names}) for e in session.scalars(stmt)]


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # a spreadsheet must not run a typed user name as a formula
    return value
