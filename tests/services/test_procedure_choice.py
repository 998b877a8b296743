"""The procedure chosen among the plan's suggestions: stored on the visit, kept by amendments,
refused when the plan does not suggest it, and printed; the follow-up travels with the case.

The engine fills ``Plan.procedures`` (rules 2026.12, block 8). These tests pin the suggestions
with :func:`suggesting` (the real plan with its ``procedures`` replaced), so that they test the
services' handling of a choice whatever the engine suggests for a given case; one test takes
the engine's own suggestions for example 04.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest
from sqlalchemy import text

from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import parse_case
from intake_desktop.reporting import render_pdf
from intake_desktop.services import (
    amend_visit,
    export_case,
    get_visit,
    import_case,
    sign_visit,
    start_draft,
    visit_versions,
)
from intake_desktop.services import signing as signing_module
from intake_desktop.services.errors import InputError
from intake_desktop.services.exports import visit_document
from tests.actors import READER, as_user
from tests.reporting.pdfcheck import text as pdf_text
from tests.signing import SIGN_OFF

from .conftest import AUTHOR, load_example

SUGGESTED = ("medial_branch_block", "epidural_steroid")


@pytest.fixture
def suggesting(monkeypatch: pytest.MonkeyPatch):
    """Make the services' engine suggest the given procedures (the rest of the plan is real)."""

    def _suggest(*procedures: str) -> None:
        real = evaluate

        def evaluate_with(case: Any) -> Any:
            return dataclasses.replace(real(case), procedures=tuple(procedures))

        monkeypatch.setattr(signing_module, "evaluate", evaluate_with)

    return _suggest


def _draft(database, patient, case: dict[str, Any]) -> tuple[int, int]:
    saved = start_draft(database, patient.id, case, actor=as_user(AUTHOR))
    return saved.visit_id, saved.version


def test_a_suggested_procedure_is_stored_with_the_signed_visit(
    database, patient, lumbar_case, suggesting
) -> None:
    suggesting(*SUGGESTED)
    visit_id, version = _draft(database, patient, lumbar_case)
    record = sign_visit(
        database, visit_id, expected_version=version, actor=as_user(AUTHOR),
        chosen_procedure="epidural_steroid",
     **SIGN_OFF)  # fmt: skip
    assert record.chosen_procedure == "epidural_steroid"
    assert record.plan["procedures"] == list(SUGGESTED)
    assert get_visit(database, visit_id, actor=READER).chosen_procedure == "epidural_steroid"
    with database.engine.connect() as conn:
        stored = conn.execute(
            text("SELECT chosen_procedure FROM visits WHERE id = :id"), {"id": visit_id}
        ).scalar_one()
    assert stored == "epidural_steroid"
    # Not in the case file: the schema has no such field.
    assert "chosen_procedure" not in export_case(database, visit_id, actor=READER)
    assert "chosen_procedure" not in str(record.case_data)


def test_a_procedure_the_plan_does_not_suggest_is_refused_naming_the_field(
    database, patient, lumbar_case, suggesting
) -> None:
    suggesting(*SUGGESTED)
    visit_id, version = _draft(database, patient, lumbar_case)
    for wrong, says in (
        ("mild", "not among the plan's suggested procedures (medial_branch_block, epidural"),
        ("acupuncture", "must be one of epidural_steroid"),
    ):
        with pytest.raises(InputError) as err:
            sign_visit(
                database, visit_id, expected_version=version, actor=as_user(AUTHOR),
                chosen_procedure=wrong,
             **SIGN_OFF)  # fmt: skip
        assert err.value.field == "chosen_procedure"
        assert says in str(err.value)
    assert get_visit(database, visit_id, actor=READER).status == "draft"  # nothing was signed


def test_with_no_suggestion_any_choice_is_refused_and_none_is_fine(
    database, patient, lumbar_case, suggesting
) -> None:
    suggesting()
    visit_id, version = _draft(database, patient, lumbar_case)
    with pytest.raises(InputError, match="none: the plan suggests no procedure"):
        sign_visit(
            database, visit_id, expected_version=version, actor=as_user(AUTHOR),
            chosen_procedure="epidural_steroid",
         **SIGN_OFF)  # fmt: skip
    record = sign_visit(
        database, visit_id, expected_version=version, actor=as_user(AUTHOR), **SIGN_OFF
    )
    assert record.chosen_procedure is None


def test_an_amendment_keeps_the_earlier_choice_and_checks_the_new_one(
    database, patient, lumbar_case, suggesting
) -> None:
    suggesting(*SUGGESTED)
    visit_id, version = _draft(database, patient, lumbar_case)
    v0 = sign_visit(
        database, visit_id, expected_version=version, actor=as_user(AUTHOR),
        chosen_procedure="medial_branch_block",
     **SIGN_OFF)  # fmt: skip
    changed = copy.deepcopy(lumbar_case)
    changed["history"]["painless_walking_distance_m"] = 250
    suggesting("radiofrequency_ablation")  # the amended case gets a plan of its own
    with pytest.raises(InputError) as err:
        amend_visit(
            database, visit_id, changed, expected_version=v0.version, actor=as_user(AUTHOR),
            reason="block was positive", chosen_procedure="medial_branch_block",
         **SIGN_OFF)  # fmt: skip
    assert err.value.field == "chosen_procedure"
    v1 = amend_visit(
        database, visit_id, changed, expected_version=v0.version, actor=as_user(AUTHOR),
        reason="block was positive", chosen_procedure="radiofrequency_ablation",
     **SIGN_OFF)  # fmt: skip
    assert v1.chosen_procedure == "radiofrequency_ablation"
    versions = visit_versions(database, visit_id, actor=READER)
    assert [v.chosen_procedure for v in versions] == [
        "medial_branch_block",
        "radiofrequency_ablation",
    ]


def test_a_next_visit_before_the_visit_is_refused_at_signing(
    database, patient, lumbar_case
) -> None:
    case = copy.deepcopy(lumbar_case)
    case["follow_up"] = {"next_visit_date": "2026-11-19"}  # the visit is on 2026-11-20
    visit_id, version = _draft(database, patient, case)
    with pytest.raises(InputError) as err:
        sign_visit(database, visit_id, expected_version=version, actor=as_user(AUTHOR), **SIGN_OFF)
    assert err.value.field == "follow_up.next_visit_date"
    assert "is before the visit date 2026-11-20" in str(err.value)
    case["follow_up"]["next_visit_date"] = "2026-11-20"  # the same day is allowed
    visit_id, version = _draft(database, patient, case)
    sign_visit(database, visit_id, expected_version=version, actor=as_user(AUTHOR), **SIGN_OFF)


def test_follow_up_and_block_response_survive_import_sign_and_export(
    database, patient, lumbar_case
) -> None:
    case = copy.deepcopy(lumbar_case)
    case["treatment"]["injections"] = [
        {"date": "2026-09-01", "type": "medial_branch_block", "response": "positive"},
    ]
    case["follow_up"] = {
        "next_visit_date": "2027-01-15",
        "note_for_patient": "Keep walking every day.\nCall us if the numbness spreads.",
    }
    imported = import_case(database, case, actor=as_user(AUTHOR))
    assert export_case(database, imported.visit_id, actor=READER) == case
    visit = get_visit(database, imported.visit_id, actor=READER)
    signed = sign_visit(
        database,
        imported.visit_id,
        expected_version=visit.version,
        actor=as_user(AUTHOR),
        **SIGN_OFF,
    )
    assert signed.case_data["follow_up"] == case["follow_up"]
    assert signed.case_data["treatment"]["injections"][0]["response"] == "positive"
    assert export_case(database, imported.visit_id, actor=READER) == case


def test_the_choice_is_printed_on_both_summaries(
    database, patient, lumbar_case, suggesting
) -> None:
    suggesting("interspinous_spacer", "spinal_cord_stimulation")
    visit_id, version = _draft(database, patient, lumbar_case)
    sign_visit(
        database, visit_id, expected_version=version, actor=as_user(AUTHOR),
        chosen_procedure="interspinous_spacer",
     **SIGN_OFF)  # fmt: skip
    clinician = visit_document(database, as_user(AUTHOR), visit_id, kind="clinician")
    assert clinician.chosen_procedure == "interspinous_spacer"
    words = pdf_text(render_pdf("clinician", clinician, language="en").data)
    assert "Procedure chosen Interspinous spacer" in words
    patient_doc = visit_document(database, as_user(AUTHOR), visit_id, kind="patient")
    english = pdf_text(render_pdf("patient", patient_doc, language="en").data)
    assert "The procedure you and your clinician chose: an interspinous spacer" in english
    spanish = pdf_text(render_pdf("patient", patient_doc, language="es").data)
    assert (
        "El procedimiento que usted y su médico eligieron: un espaciador interespinoso" in spanish
    )


def test_a_draft_prints_no_choice(database, patient, lumbar_case) -> None:
    visit_id, _ = _draft(database, patient, lumbar_case)
    doc = visit_document(database, as_user(AUTHOR), visit_id, kind="patient")
    assert doc.chosen_procedure is None
    assert "you and your clinician chose" not in pdf_text(render_pdf("patient", doc).data)


def test_the_engines_own_suggestion_can_be_chosen(database, patient) -> None:
    """Example 04 (ligamentum flavum, 1-2 levels): block 8 suggests MILD first."""
    case = load_example("04_mild_candidate")
    suggested = evaluate(parse_case(case)).procedures
    if not suggested:
        pytest.skip("this engine does not fill Plan.procedures yet (rules 2026.12, branch engine)")
    case["patient"].pop("id", None)
    imported = import_case(database, case, actor=as_user(AUTHOR))
    version = get_visit(database, imported.visit_id, actor=READER).version
    record = sign_visit(
        database, imported.visit_id, expected_version=version, actor=as_user(AUTHOR),
        chosen_procedure=suggested[0],
     **SIGN_OFF)  # fmt: skip
    assert record.chosen_procedure == suggested[0] == "mild"
