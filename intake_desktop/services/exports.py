"""Visits leaving the program: a printed summary (PDF) or a FHIR Bundle, each audited.

A signed visit whose content no longer matches its signature is refused first
(:mod:`.signature_check`), with its own audit entry.

The command line and the windows get what they print or write from here, so every export and
print is permission-checked and leaves one audit entry (``summary.print_patient``,
``summary.print_clinician`` or ``fhir.export``) naming the visit and its patient.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.signing import NOT_EXAMINED_KEY, signed_identity
from intake_desktop.domain.validation import CaseValidationError, parse_case
from intake_desktop.storage.database import Database

from . import board
from ._common import patient_record, transaction, visit_record
from .actor import Actor
from .clinic_settings import DEFAULT_LANGUAGE, clinic_overrides, stored_value
from .errors import InputError
from .patients import get_patient_row
from .permissions import record, require
from .records import SIGNED_STATUSES, PatientRecord, VisitRecord
from .signature_check import require_intact
from .signing import signer_details
from .visit_queries import signed_history, versions_in
from .visits import get_visit_row

if TYPE_CHECKING:
    from intake_desktop.reporting import VisitDocument

# ReportLab and the FHIR builders load on first use, not with the services: the app's start-up
# (measured by the benchmark suite) should not pay for them.

PRINT_OPERATIONS = {"patient": "summary.print_patient", "clinician": "summary.print_clinician"}


def visit_document(db: Database, actor: Actor, visit_id: int, *, kind: str) -> VisitDocument:
    """Everything a ``kind`` summary (``patient`` or ``clinician``) needs about one visit.

    Printing it is audited here. A signed or amended visit keeps the plan stored at signature
    (printed as it was computed, never recomputed); the first signature is the signature, and
    each later revision is an amendment. A draft is validated and evaluated now, since it has
    no stored plan yet.
    """
    operation = PRINT_OPERATIONS.get(kind)
    if operation is None:
        raise InputError(f"must be one of {', '.join(PRINT_OPERATIONS)}", "kind")
    with transaction(db) as session:
        _checked(session, actor, operation, visit_id)
        document = _document(session, visit_id)
        if get_visit_row(session, visit_id).status in SIGNED_STATUSES:  # the visit is done
            board.advance(session, visit_id, "printed", actor.username)
        return document


def fhir_bundle(
    db: Database, actor: Actor, visit_id: int, *, clinic_name: str | None = None
) -> dict[str, Any]:
    """The visit as a FHIR R4 Bundle (raises the interop errors when it cannot be exported)."""
    with transaction(db) as session:
        _checked(session, actor, "fhir.export", visit_id)
        visit = visit_record(get_visit_row(session, visit_id))
        patient = patient_record(get_patient_row(session, visit.patient_id))
        from intake_desktop.interop import build_bundle
        from intake_desktop.interop.stored import fhir_visit

        return build_bundle(fhir_visit(visit, patient, clinic_name=clinic_name))


def _checked(session: Session, actor: Actor, operation: str, visit_id: int) -> None:
    """The permission, then the signature (a refusal of either is audited on its own), then the
    allowed entry, in this order: the refusal's entry is written before this transaction
    writes anything, so it never waits on this transaction's lock."""
    require(session, actor, operation, visit_id=visit_id)
    require_intact(session, actor, get_visit_row(session, visit_id), operation)
    record(session, actor, operation, visit_id=visit_id)


def _document(session: Session, visit_id: int) -> VisitDocument:
    from intake_desktop.reporting import Amendment, VisitDocument

    visit = visit_record(get_visit_row(session, visit_id))
    patient = patient_record(get_patient_row(session, visit.patient_id))
    # A signed visit prints what was signed, with the plan stored at signature, even while an
    # amendment is open: its draft is neither signed nor the plan's (it printed the draft's
    # exam beside the signed red flags, under "Signed").
    data = visit.case_data if visit.is_signed else visit.draft_data
    if not data:
        raise InputError(f"visit {visit_id} has nothing recorded yet", "visit")
    try:
        case = parse_case(data, today=visit.visit_date if visit.is_signed else None)
    except CaseValidationError as exc:
        raise InputError(
            f"visit {visit_id} cannot be printed until its intake is complete: {exc}", "visit"
        ) from None
    signed_by = signed_at = signer_name = signer_credentials = None
    amendments: list[Amendment] = []
    if visit.is_signed:
        versions = versions_in(session, visit_id)
        first = versions[0]
        signed_by, signed_at = first.signed_by, first.signed_at
        amendments = [
            Amendment(v.signed_by, v.signed_at, v.amendment_reason or "") for v in versions[1:]
        ]
        # The names of ``signed_by`` (the first signature; amendments name their own authors);
        # the hash is the printed version's, which an amendment re-signs.
        signer_name, signer_credentials = signer_details(session, signed_by)
    plan = visit.plan if visit.is_signed and visit.plan else evaluate(case)
    name, record_number, updated_at = _identification(visit, patient)
    return VisitDocument(
        case=case,
        plan=plan,
        patient_name=name or case.patient.name or "",
        record_number=record_number,
        visit_id=str(visit.id),
        status="draft" if not visit.is_signed else visit.status,  # type: ignore[arg-type]
        accepted_level=visit.final_level if visit.is_signed else None,
        override_reason=visit.override_reason,
        chosen_procedure=visit.chosen_procedure if visit.is_signed else None,
        signed_by=signed_by,
        signed_at=signed_at,
        amendments=tuple(amendments),
        signer_name=signer_name,
        signer_credentials=signer_credentials,
        content_hash=visit.signature_hash if visit.is_signed else None,
        not_examined_reason=(visit.ui_state or {}).get(NOT_EXAMINED_KEY),
        language=patient.language or stored_value(session, DEFAULT_LANGUAGE),
        history=signed_history(session, visit.patient_id, exclude=visit_id),
        details_updated_at=updated_at,
        clinic=clinic_overrides(session),
    )


def _identification(
    visit: VisitRecord, patient: PatientRecord
) -> tuple[str | None, str | None, datetime | None]:
    """The name and record number to print, and when the record changed since signing.

    A signed visit prints the identification it was signed with; when the patient record's
    differs now, the time of the record's last change (``updated_at``: the change of the
    identification or a later one) goes with it. A draft, or a visit signed before the
    identification was kept, prints the record as it is.
    """
    signed = visit.signed_identity if visit.is_signed else None
    if not signed:
        return patient.name, patient.record_number, None
    now = signed_identity(patient.name, patient.date_of_birth, patient.record_number)
    changed = patient.updated_at if now != signed else None
    return signed.get("name"), signed.get("record_number"), changed
