"""Is a signed visit still what was signed? The check every print and export makes first.

Signing stores a SHA-256 of the signed content (:func:`~intake_desktop.domain.signing.
signature_hash`) in the visit and in its ``visit.sign`` audit entry. Someone with the database
file or a database login could still change the stored level or case, or copy another hash in;
so before a signed visit is printed, exported (case file, FHIR) or shown as signed, its content
is hashed again and compared:

* with the visit's own ``signature_hash`` (the content was changed after signing);
* with the hashes the audit trail recorded for this visit's signatures (a forged content with
  a recomputed hash, whose hash no signature ever produced);
* each earlier version kept in ``visit_versions`` likewise.

A mismatch refuses the print or export with :class:`SignatureMismatchError` (exit 4 on the
command line) and leaves a ``refused`` audit entry (committed on its own, as permission
refusals are). The windows show the same result as a red "signature does not match" banner.

Not verifiable, and so not refused: visits signed before hashes existed (no ``signature_hash``)
and visits whose signatures left no hash in the audit trail (demo data is made without entries).
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake_desktop.domain.signing import signature_hash
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import AuditEntry, Visit, VisitVersion

from ._common import reader
from .actor import Actor
from .errors import SignatureMismatchError
from .permissions import _entry, record_separately, require
from .records import SIGNED_STATUSES
from .visits import get_visit_row

_HEX64 = re.compile(r"[0-9a-f]{64}")
#: The audit entry's detail for a refused print or export (no patient data).
REFUSED_DETAIL = "signature does not match"


def signature_problem(session: Session, visit: Visit) -> str | None:
    """Why ``visit``'s signed content no longer matches its signature, or None when it does
    (also None for a draft, which has no signature yet)."""
    if visit.status not in SIGNED_STATUSES or visit.signature_hash is None:
        return None
    if _content_hash(visit) != visit.signature_hash:
        return "its signed content was changed after signing"
    recorded = _recorded_hashes(session, visit)
    if recorded and visit.signature_hash not in recorded:
        return "its signature is not one the audit trail recorded for this visit"
    for version in session.scalars(select(VisitVersion).where(VisitVersion.visit_id == visit.id)):
        if version.signature_hash is None:
            continue
        if _content_hash(version) != version.signature_hash or (
            recorded and version.signature_hash not in recorded
        ):
            return f"its earlier signed version {version.revision} was changed"
    return None


def require_intact(session: Session, actor: Actor, visit: Visit, operation: str) -> None:
    """Refuse ``operation`` (a print or export) of a visit whose signature does not match: the
    refusal is audited in its own transaction, then :class:`SignatureMismatchError` raised."""
    problem = signature_problem(session, visit)
    if problem is None:
        return
    entry = _entry(actor, operation, "refused", patient_id=visit.patient_id, visit_id=visit.id,
                   detail=REFUSED_DETAIL)  # fmt: skip
    record_separately(session, entry)
    raise SignatureMismatchError(mismatch_message(visit.id, problem))


def mismatch_message(visit_id: int, problem: str) -> str:
    """The one paragraph a user reads when a signed visit fails the check."""
    return (
        f"visit {visit_id}: the signature does not match: {problem}, outside the program. "
        "It is not printed or exported while it does not match; tell an administrator, who "
        "can compare it with the audit trail and the versions kept."
    )


def check_signature(db: Database, actor: Actor, visit_id: int) -> str | None:
    """For the windows: why ``visit_id`` no longer matches its signature (a few words, e.g.
    "its signed content was changed after signing"), or None when it matches.

    Reading only, with the ``visit.view`` permission (opening the visit audited the view)."""
    with reader(db) as session:
        require(session, actor, "visit.view", visit_id=visit_id)
        visit = get_visit_row(session, visit_id)
        return signature_problem(session, visit)


def _content_hash(row: Visit | VisitVersion) -> str | None:
    if row.case_data is None or row.plan is None or row.final_level is None:
        return None
    return signature_hash(row.case_data, row.plan, row.final_level, row.override_reason,
                          row.chosen_procedure, row.signed_identity)  # fmt: skip


def _recorded_hashes(session: Session, visit: Visit) -> set[str]:
    """The hashes the trail's ``visit.sign`` entries recorded for this visit."""
    details = session.scalars(
        select(AuditEntry.detail).where(
            AuditEntry.patient_id == visit.patient_id,
            AuditEntry.action == "visit.sign",
            AuditEntry.outcome == "allowed",
            AuditEntry.visit_id == visit.id,
        )
    )
    return {d for d in details if d and _HEX64.fullmatch(d)}
