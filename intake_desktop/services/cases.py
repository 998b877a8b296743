"""Case files in and out: ``import`` stores a case as a new draft, ``export-case`` gives it back.

A case survives import and export unchanged: the stored draft is ``case_to_dict(parse_case(file))``
with ``format`` first, which is the file itself for any valid file, and export returns the stored
JSON as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select

from intake_desktop.storage.database import Database
from intake_desktop.storage.models import Patient

from ._common import check_actor, transaction
from .actor import Actor
from .clinical_fields import check_clinical_edit
from .errors import InputError
from .patients import clean_details, insert_patient
from .permissions import record, require
from .records import SIGNED_STATUSES, ImportResult, PatientDetails
from .signature_check import require_intact
from .visits import case_json, get_visit_row, new_draft, parse_or_explain, raise_new_draft_alert


def import_case(
    db: Database, data: Mapping[str, Any], *, actor: Actor, today: date | None = None
) -> ImportResult:
    """Store a case file as a new draft visit, for the patient it names.

    The patient is the one whose record number is ``patient.id``; with no such patient (or no
    ``patient.id``) a new one is registered from the file's patient block. A record number whose
    patient has another date of birth is refused: the file is probably someone else's.
    """
    author = check_actor(actor)
    with transaction(db) as session:
        require(session, actor, "case.import")
        case = parse_or_explain(data, today)
        stored = case_json(case)
        p = case.patient
        patient = None
        if p.id:
            patient = session.scalars(
                select(Patient).where(Patient.record_number == p.id)
            ).one_or_none()
        created = patient is None
        # The clinician's part (exam, imaging, four questions) comes in only with a clinician,
        # as in the visit window; a follow-up may carry the last signed visit's imaging. Checked
        # before anything is written, so a refusal is audited on its own and nothing is stored.
        check_clinical_edit(session, actor, stored, patient_id=None if created else patient.id)
        if patient is None:
            details = clean_details(
                PatientDetails(
                    name=p.name or "",
                    date_of_birth=p.date_of_birth,
                    record_number=p.id,
                    sex=p.sex,
                    language=p.language,
                ),
                require_name=False,
            )
            patient = insert_patient(session, details, author)
        elif patient.date_of_birth != p.date_of_birth:
            raise InputError(  # neither the number nor the dates repeated (issue 18)
                "does not match the date of birth of the patient with this record number "
                "(patient.id): the file is probably another patient's",
                "patient.date_of_birth",
            )
        visit = new_draft(session, patient.id, stored, author)
        record(session, actor, "case.import", patient_id=patient.id, visit_id=visit.id)
        raise_new_draft_alert(session, actor, visit)
        return ImportResult(visit.id, patient.id, created)


def export_case(db: Database, visit_id: int, *, actor: Actor) -> dict[str, Any]:
    """The visit's case file: the signed case once signed, else the draft as last saved."""
    with transaction(db) as session:
        require(session, actor, "case.export", visit_id=visit_id)
        visit = get_visit_row(session, visit_id)
        require_intact(session, actor, visit, "case.export")  # before this transaction writes
        record(session, actor, "case.export", visit_id=visit_id)
        data = visit.case_data if visit.status in SIGNED_STATUSES else visit.draft_data
        return dict(data or {})
