"""A patient's identity corrected by the front desk reaches every open draft of that patient.

Before: the draft's case kept the old name and date of birth in its patient block, so the
patient summary printed the new name with the old date, signing refused ("patient.date_of_birth:
does not match the patient's record") and the FHIR export refused ("the case is someone
else's"), with nothing in the visit window able to fix it. Now the correction writes the record's
identity into the open drafts that named the patient as the record did (and an open amendment's
draft) in its own transaction, audited; a save cannot bring the old identity back; signed
versions keep what was signed; a draft naming someone else is still refused at signing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from intake_desktop import services as s
from intake_desktop.services.audit import audit_entries
from intake_desktop.services.errors import InputError
from tests.actors import READER, as_user
from tests.signing import SIGN_OFF

from .conftest import AUTHOR

NEW_NAME, NEW_BIRTH = "María García Ruiz", date(1960, 5, 17)
DESK = as_user("front.desk")


def _correct(database, patient, **changes) -> s.PatientRecord:
    current = s.get_patient(database, patient.id, actor=READER)
    return s.update_patient(database, patient.id, replace(current.details, **changes),
                            expected_version=current.version, actor=DESK)  # fmt: skip


def _draft_block(database, visit_id: int) -> dict:
    return s.get_visit(database, visit_id, actor=READER).draft_data["patient"]


def test_a_corrected_identity_reaches_the_open_draft_which_then_signs(
    database, patient, lumbar_case
) -> None:
    draft = s.start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    weight = lumbar_case["patient"].get("weight_kg")
    _correct(database, patient, name=NEW_NAME, date_of_birth=NEW_BIRTH, record_number="MRN-0777")
    block = _draft_block(database, draft.visit_id)
    assert (block["name"], block["date_of_birth"], block["id"]) == (
        NEW_NAME, "1960-05-17", "MRN-0777",
    )  # fmt: skip
    assert block.get("weight_kg") == weight  # the rest of the block is the draft's own
    visit = s.get_visit(database, draft.visit_id, actor=READER)
    assert visit.version == draft.version  # not an edit of the draft: an open window saves on
    trail = audit_entries(database, READER, patient_id=patient.id, action="patient.update")
    assert [(e.visit_id, e.detail) for e in trail if e.visit_id] == [
        (draft.visit_id, "identity corrected in the open draft")
    ]
    signed = s.sign_visit(database, draft.visit_id, expected_version=visit.version,
                          actor=as_user(AUTHOR), **SIGN_OFF)  # fmt: skip
    assert signed.status == "signed"
    assert signed.case_data["patient"]["date_of_birth"] == "1960-05-17"
    doc = s.visit_document(database, as_user(AUTHOR), signed.id, kind="patient")
    assert doc.patient_name == NEW_NAME
    assert s.fhir_bundle(database, as_user(AUTHOR), signed.id)["resourceType"] == "Bundle"


def test_a_stale_save_cannot_bring_the_old_identity_back(database, patient, lumbar_case) -> None:
    draft = s.start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    _correct(database, patient, name=NEW_NAME, date_of_birth=NEW_BIRTH)
    # The window still holds the old block; the weight is typed after the correction.
    stale = {**lumbar_case, "patient": {**lumbar_case["patient"], "weight_kg": 81}}
    saved = s.save_draft(database, draft.visit_id, stale, expected_version=draft.version,
                         actor=as_user(AUTHOR))  # fmt: skip
    data = s.get_visit(database, draft.visit_id, actor=READER).draft_data
    assert (data["patient"]["name"], data["patient"]["date_of_birth"]) == (NEW_NAME, "1960-05-17")
    assert data["patient"]["weight_kg"] == 81
    s.sign_visit(database, draft.visit_id, expected_version=saved.version,
                 actor=as_user(AUTHOR), **SIGN_OFF)  # fmt: skip


def test_a_signed_version_keeps_its_identity_and_an_open_amendment_takes_the_new(
    database, patient, lumbar_case
) -> None:
    draft = s.start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    signed = s.sign_visit(database, draft.visit_id, expected_version=draft.version,
                          actor=as_user(AUTHOR), **SIGN_OFF)  # fmt: skip
    amending = s.open_amendment(database, signed.id, "pain scores re-read",
                                expected_version=signed.version, actor=as_user(AUTHOR))  # fmt: skip
    _correct(database, patient, date_of_birth=NEW_BIRTH)
    visit = s.get_visit(database, signed.id, actor=READER)
    assert visit.case_data["patient"]["date_of_birth"] == "1958-03-02"  # as signed
    assert visit.draft_data["patient"]["date_of_birth"] == "1960-05-17"  # the amendment's draft
    amended = s.sign_visit(database, signed.id, expected_version=visit.version,
                           actor=as_user(AUTHOR), **SIGN_OFF)  # fmt: skip
    assert amended.case_data["patient"]["date_of_birth"] == "1960-05-17"
    assert amending.version == visit.version


def test_other_details_and_other_patients_leave_the_drafts_alone(
    database, patient, lumbar_case
) -> None:
    draft = s.start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    other = s.register_patient(database, s.PatientDetails(name="Ana Test", date_of_birth=date(
        1970, 1, 1)), actor=DESK)  # fmt: skip
    before = s.get_visit(database, draft.visit_id, actor=READER).draft_data
    _correct(database, patient, phone="+34 611 111 111")
    _correct(database, other, name="Ana Test Corrected")
    assert s.get_visit(database, draft.visit_id, actor=READER).draft_data == before
    trail = audit_entries(database, READER, action="patient.update")
    assert not [e for e in trail if e.visit_id]


def test_a_removed_record_number_leaves_the_draft(database, patient, lumbar_case) -> None:
    draft = s.start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    _correct(database, patient, record_number=None)
    assert "id" not in _draft_block(database, draft.visit_id)


def test_a_draft_naming_someone_else_is_not_relabelled(database, patient, lumbar_case) -> None:
    """A correction reaches the drafts that named the patient as the record did; a case with
    another date of birth stays as it is, and signing keeps refusing it, naming the field."""
    foreign = {**lumbar_case, "patient": {**lumbar_case["patient"], "date_of_birth": "1971-02-03"}}
    draft = s.start_draft(database, patient.id, foreign, actor=as_user(AUTHOR))
    _correct(database, patient, name=NEW_NAME, date_of_birth=NEW_BIRTH)
    assert _draft_block(database, draft.visit_id)["date_of_birth"] == "1971-02-03"
    s.save_draft(database, draft.visit_id, foreign, expected_version=draft.version,
                 actor=as_user(AUTHOR))  # fmt: skip
    assert _draft_block(database, draft.visit_id)["date_of_birth"] == "1971-02-03"
    with pytest.raises(InputError) as err:
        s.sign_visit(database, draft.visit_id, expected_version=draft.version + 1,
                     actor=as_user(AUTHOR), **SIGN_OFF)  # fmt: skip
    assert err.value.field == "patient.date_of_birth"
