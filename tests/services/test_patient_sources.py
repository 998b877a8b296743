"""The patient's marks (which answers came from the tablet) beside the case through signing,
amending and the FHIR export: kept beside the record, never inside the signed case."""

from __future__ import annotations

from intake_desktop import services as s
from intake_desktop.domain.patient_questions import PATIENT_REPORTED, SOURCES_KEY
from intake_desktop.services import board, patient_entry
from tests.actors import as_user
from tests.signing import SIGN_OFF

DESK = as_user("front.desk", ["front_desk"])
DOCTOR = as_user("dr.x", ["clinician"])


def test_signing_and_amending_keep_the_marks_beside_the_case(database, patient,
                                                             lumbar_case) -> None:  # fmt: skip
    row = board.check_in(database, actor=DESK, patient_id=patient.id)
    saved = patient_entry.submit_patient_answers(
        database, row.visit_id, {"pain_back": 6, "flag_fever": False}, actor=DESK
    )
    marks = s.get_visit(database, row.visit_id, actor=DESK).ui_state[SOURCES_KEY]
    assert marks == dict.fromkeys(
        ("history.pain_nrs.back", "red_flags", "red_flag_screen.fever"), PATIENT_REPORTED
    )
    # The clinician completes the case (a save without ui_state keeps what is stored beside it).
    case = {**lumbar_case, "history": {**lumbar_case["history"], "pain_nrs": {"back": 6}}}
    saved = s.save_draft(database, row.visit_id, case, expected_version=saved.version,
                         actor=DOCTOR)  # fmt: skip
    signed = s.sign_visit(database, row.visit_id, expected_version=saved.version, actor=DOCTOR,
                          **SIGN_OFF)  # fmt: skip
    assert signed.ui_state[SOURCES_KEY] == marks
    assert SOURCES_KEY not in signed.case_data  # the signed case stays a case file
    assert "patient-reported" not in str(signed.case_data)
    bundle = s.fhir_bundle(database, DOCTOR, row.visit_id)
    assert bundle["resourceType"] == "Bundle" and "patient-reported" not in str(bundle)
    opened = s.open_amendment(database, row.visit_id, "pain re-rated",
                              expected_version=signed.version, actor=DOCTOR)  # fmt: skip
    assert opened.amending and opened.ui_state[SOURCES_KEY] == marks
