"""The clinician's part of a draft (exam, imaging, four questions, level override) is refused to
the front desk, with an audited refusal, while the desk can still save the intake around it."""

from __future__ import annotations

import pytest

from intake_desktop import services as s
from intake_desktop.services.clinical_fields import changed_parts
from intake_desktop.services.errors import PermissionDenied
from tests.actors import as_user
from tests.signing import SIGN_OFF

DESK = as_user("front.desk", ["front_desk"])
DOCTOR = as_user("dr.x", ["clinician"])
ADMIN = as_user("auditor", ["admin"])


def _intake(case: dict) -> dict:
    return {k: v for k, v in case.items() if k not in ("exam", "imaging", "framework")}


def _refusals(database) -> list:
    return [e for e in s.audit_entries(database, ADMIN, action="visit.edit_clinical")
            if e.outcome == "refused"]  # fmt: skip


def test_the_desk_saves_the_intake_of_a_draft_the_clinician_examined(
    database, patient, lumbar_case
):
    draft = s.start_draft(database, patient.id, _intake(lumbar_case), actor=DESK)
    examined = s.save_draft(database, draft.visit_id, lumbar_case,
                            expected_version=draft.version, actor=DOCTOR)  # fmt: skip
    more = {**lumbar_case, "history": {**lumbar_case["history"], "duration_weeks": 9}}
    s.save_draft(database, draft.visit_id, more,
                         expected_version=examined.version, actor=DESK)  # fmt: skip
    assert (
        s.get_visit(database, draft.visit_id, actor=DOCTOR).draft_data["exam"]
        == (lumbar_case["exam"])
    )
    assert _refusals(database) == []


OVERRIDE = {"decision": {"override": True, "level": "surgical", "reason": "x"}}


@pytest.mark.parametrize(
    ("part", "change", "state"),
    [
        ("exam", lambda c: {**c, "exam": {**c["exam"], "foot_drop": True}}, None),
        ("imaging", lambda c: {**c, "imaging": {"modality": "mri"}}, None),
        ("framework", lambda c: {**c, "framework": {"goal": "pain_relief"}}, None),
        # The window keeps the decision in the screen state stored beside the case.
        ("override", lambda c: c, OVERRIDE),
        ("procedure", lambda c: c, {"decision": {"override": False, "procedure": "mild"}}),
        # A draft saved before migration 0005 kept it inside the data.
        ("override", lambda c: {**c, "_ui": OVERRIDE}, None),
    ],
)
def test_a_desk_change_to_the_clinicians_part_is_refused_and_audited(
    database, patient, lumbar_case, part, change, state
):
    draft = s.start_draft(database, patient.id, _intake(lumbar_case), actor=DESK)
    examined = s.save_draft(database, draft.visit_id, lumbar_case,
                            expected_version=draft.version, actor=DOCTOR)  # fmt: skip
    with pytest.raises(PermissionDenied) as refused:
        s.save_draft(database, draft.visit_id, change(lumbar_case), ui_state=state,
                     expected_version=examined.version, actor=DESK)  # fmt: skip
    assert refused.value.exit_code == 3
    assert "clinician" in str(refused.value)
    (entry,) = _refusals(database)
    assert (entry.username, entry.visit_id, entry.detail) == (
        "front.desk",
        draft.visit_id,
        f"changed: {part}",
    )
    stored = s.get_visit(database, draft.visit_id, actor=DOCTOR)
    assert stored.version == examined.version  # nothing was saved
    # The clinician may make the same change.
    s.save_draft(database, draft.visit_id, change(lumbar_case), ui_state=state,
                 expected_version=examined.version, actor=DOCTOR)  # fmt: skip


def test_the_desk_keeps_the_clinicians_decision_when_saving_the_intake(
    database, patient, lumbar_case
):
    """A clinician's override stays in the screen state; the desk's later save of the intake
    (its window sends the same decision back, or none) is not a change to it."""
    draft = s.start_draft(database, patient.id, _intake(lumbar_case), actor=DESK)
    decided = s.save_draft(database, draft.visit_id, lumbar_case, ui_state=OVERRIDE,
                           expected_version=draft.version, actor=DOCTOR)  # fmt: skip
    again = s.save_draft(database, draft.visit_id, lumbar_case, ui_state=OVERRIDE,
                         expected_version=decided.version, actor=DESK)  # fmt: skip
    s.save_draft(database, draft.visit_id, lumbar_case,
                 expected_version=again.version, actor=DESK)  # fmt: skip
    assert _refusals(database) == []


def test_a_new_draft_from_the_desk_may_carry_the_last_visits_imaging_but_not_an_exam(
    database, patient, lumbar_case
):
    imaged = {**lumbar_case, "imaging": {"modality": "mri"}}
    first = s.start_draft(database, patient.id, imaged, actor=DOCTOR)
    s.sign_visit(database, first.visit_id, expected_version=first.version, actor=DOCTOR, **SIGN_OFF)
    follow_up = {**_intake(lumbar_case), "imaging": {"modality": "mri"}}  # carried forward
    s.start_draft(database, patient.id, follow_up, actor=DESK)
    with pytest.raises(PermissionDenied):
        s.start_draft(database, patient.id, lumbar_case, actor=DESK)  # with an exam
    assert len(_refusals(database)) == 1


def test_not_recorded_is_spelled_one_way() -> None:
    assert changed_parts({"exam": {}}, {}) == []
    assert changed_parts({"exam": {"foot_drop": None}}, {"exam": None}) == []
    assert changed_parts({"_ui": {"decision": {"override": False, "level": "surgical"}}}, {}) == []
    assert changed_parts({"exam": {"foot_drop": False}}, {}) == ["exam"]


def test_the_desk_imports_an_intake_but_not_a_clinicians_findings(database, patient, lumbar_case):
    """A case file holding an exam is the clinician's to import; the desk's import is refused
    (audited, nothing stored) and an intake-only file goes in."""
    with pytest.raises(PermissionDenied) as refused:
        s.import_case(database, lumbar_case, actor=DESK)
    assert refused.value.exit_code == 3 and "examination" in str(refused.value)
    assert len(_refusals(database)) == 1
    assert s.patient_visits(database, patient.id, actor=DOCTOR) == []
    imported = s.import_case(database, _intake(lumbar_case), actor=DESK)
    assert s.get_visit(database, imported.visit_id, actor=DOCTOR).status == "draft"
    s.import_case(database, lumbar_case, actor=DOCTOR)
