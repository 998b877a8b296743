"""Reading the audit trail (admins only): list, filter, export as CSV, verify chain and seal.

There is deliberately no operation that changes or removes an entry; the database refuses it
too (triggers), and :func:`verify_audit` reports any entry changed behind the program's back:
breaks of the hash chain, and history rewritten before a signed checkpoint (``storage.seal``).
"""

from __future__ import annotations

import contextlib
import csv
import io
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import select

from intake_desktop.storage.audit import (
    AuditDamagedError,
    ChainProblem,
    verify_chain,
    write_pending,
)
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import AuditEntry
from intake_desktop.storage.seal_check import SealStatus, seal_problems, seal_status
from intake_desktop.storage.seal_file import read_seal_file, seal_path

from . import checkpoints
from ._common import transaction
from .actor import Actor
from .errors import InputError
from .permissions import authorize, require
from .permissions import record as record_entry


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
    """Every break of the hash chain (edited, removed or reordered entries) and every signed
    checkpoint the chain no longer matches (history rewritten and re-chained before it), in
    words; empty when intact. Works on a damaged trail too (see :func:`authorize_repair`)."""
    authorize_repair(db, actor, "audit.verify")
    seal_file = read_seal_file(seal_path(db))
    with db.session() as session:
        return verify_chain(session) + seal_problems(session, seal_file)


def audit_seal_status(db: Database, actor: Actor) -> SealStatus:
    """The sealing key's fingerprint (to compare with the printed one), the checkpoints and the
    seal file, for ``audit --verify`` and the audit window (admins; not itself recorded, it
    always follows :func:`verify_audit`)."""
    with transaction(db) as session:
        require(session, actor, "audit.verify")
    seal_file = read_seal_file(seal_path(db))
    with db.session() as session:
        return seal_status(session, seal_file)


def new_seal_key(db: Database, actor: Actor, password: str) -> str:
    """Make a new sealing key for the signed-in administrator; returns its fingerprint.

    For when no administrator can unlock the current key any more (see ``services.checkpoints``).
    The password is checked again, as the key is wrapped under it.
    """
    from . import auth

    with transaction(db) as session:
        require(session, actor, "audit.verify")
    if actor.user_id is None:
        raise InputError("a signed-in administrator is needed", "user")
    confirmed = auth.sign_in(db, actor.username, password, workstation=actor.workstation)
    with transaction(db) as session:
        record_entry(session, confirmed, "audit.new_seal_key")
    key = checkpoints.new_seal_key(db, confirmed, password)
    from intake_desktop.storage.seal import fingerprint

    return fingerprint(key.key_id)


def authorize_repair(db: Database, actor: Actor, operation: str, **ids: int | str | None) -> None:
    """:func:`authorize` for what repairs a damaged trail (verify, backup, restore): when the
    trail holds a forged entry nothing can be appended, and an administrator must still be
    able to check it and restore a backup; the entry is then left out (the check is not)."""
    with transaction(db) as session:
        require(session, actor, operation, **ids)
        # write_pending put the head back; the operation goes on unrecorded.
        with contextlib.suppress(AuditDamagedError):
            record_entry(session, actor, operation, **ids)
            write_pending(session)


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
