"""A stored visit (as the services hand it out) as a :class:`FhirVisit`, and the way back.

This package may not import the services (the layers point the other way), so the stored records
are described here by the attributes used, as Protocols: the services' ``VisitRecord`` and
``PatientRecord`` fit them, and so does any test double. The command line and the windows share
these two functions, so that both export and import a visit the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Protocol

from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import parse_case

from .model import FhirVisit, ImportedVisit, NotExportable, PatientIdentity


class StoredVisit(Protocol):
    id: int
    status: str
    draft_data: dict[str, Any] | None
    case_data: dict[str, Any] | None
    plan: dict[str, Any] | None
    final_level: str | None
    override_reason: str | None
    chosen_procedure: str | None
    signed_at: datetime | None
    signed_by: str | None
    amendment_reason: str | None


class StoredPatient(Protocol):
    record_number: str | None
    name: str | None
    date_of_birth: date
    sex: str | None
    language: str | None


def fhir_visit(
    visit: StoredVisit,
    patient: StoredPatient,
    *,
    clinic_name: str | None = None,
    today: date | None = None,
) -> FhirVisit:
    """What a stored visit's Bundle holds.

    A signed (or amended) visit keeps its plan as computed when it was signed, with the level the
    clinician accepted; a draft must already be a valid case, and its plan is computed now, the
    way the plan panel shows it. Raises :class:`NotExportable` or
    :class:`~intake_desktop.domain.validation.CaseValidationError` (naming the fields).
    """
    if visit.status == "discarded":
        raise NotExportable(f"visit {visit.id} was discarded; there is nothing to export")
    signed = visit.status in ("signed", "amended")
    data = visit.case_data if signed else visit.draft_data
    if not data:
        raise NotExportable(f"visit {visit.id} has no case data yet")
    if today is None and signed:
        today = date.max  # its dates were checked when it was signed; the clock may not undo that
    case = parse_case(data, today=today)
    identity = PatientIdentity(
        date_of_birth=patient.date_of_birth,
        record_number=patient.record_number or None,
        name=patient.name or None,
        sex=patient.sex or None,
        language=patient.language or None,
    )
    common: dict[str, Any] = {
        "visit_id": str(visit.id),
        "case": case,
        "patient": identity,
        "status": visit.status,
        "clinic_name": clinic_name or None,
    }
    if not signed:
        return FhirVisit(plan=evaluate(case), **common)
    if visit.plan is None:
        raise NotExportable(f"visit {visit.id} is {visit.status} but has no stored plan")
    return FhirVisit(
        plan=visit.plan,
        accepted_level=visit.final_level,
        override_reason=visit.override_reason,
        chosen_procedure=visit.chosen_procedure,
        signed_by=visit.signed_by,
        signed_at=visit.signed_at,
        amendment_reason=visit.amendment_reason,
        **common,
    )


def case_for_import(imported: ImportedVisit) -> dict[str, Any]:
    """The case file to store as a new draft: the Bundle's case, with the patient's identity.

    The Bundle's Patient names who the visit belongs to; where the case's own patient block leaves
    the record number, name, sex or language out, they are filled in from it (never overwritten),
    so that the import finds, or registers, the right patient.
    """
    case = imported.case
    identity = imported.visit.patient
    block: dict[str, Any] = dict(case["patient"])
    for key, value in (
        ("id", identity.record_number),
        ("name", identity.name),
        ("sex", identity.sex),
        ("language", identity.language),
    ):
        if value is not None and key not in block:
            block[key] = value
    return {**case, "patient": _ordered(block)}


def _ordered(block: Mapping[str, Any]) -> dict[str, Any]:
    order = ("id", "name", "date_of_birth", "sex", "weight_kg", "height_cm", "language")
    return {k: block[k] for k in order if k in block}
