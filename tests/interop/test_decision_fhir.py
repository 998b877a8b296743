"""FHIR carries the decision step: the chosen procedure (a CarePlan extension), the follow-up
and an injection's block response (QuestionnaireResponse items), there and back unchanged."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import parse_case
from intake_desktop.interop import BundleError, NotExportable, build_bundle, parse_bundle
from intake_desktop.interop import systems as fhir

from .conftest import EXAMPLES_DIR, TODAY, load, make_visit, resources, validate_r4

SUGGESTED = ["mild", "interspinous_spacer"]


def _case() -> dict[str, Any]:
    data = load(EXAMPLES_DIR / "04_mild_candidate.json")
    data["treatment"]["injections"] = [
        {"date": "2026-06-02", "type": "medial_branch_block", "response": "negative"},
        {"date": "2026-08-10", "type": "epidural_steroid", "relief_weeks": 2,
         "function_improved": False},
    ]  # fmt: skip
    data["follow_up"] = {
        "next_visit_date": "2027-02-01",
        "note_for_patient": "Walk a little further each day.\nBring your walking diary.",
    }
    return data


def _plan(data: dict[str, Any]) -> dict[str, Any]:
    """The real plan of ``data`` with its suggestions pinned (whatever this engine suggests)."""
    return {**evaluate(parse_case(data, today=TODAY)).to_dict(), "procedures": SUGGESTED}


def _trip(bundle: dict[str, Any]):
    return parse_bundle(json.loads(json.dumps(bundle)), today=TODAY)


@pytest.mark.parametrize("status", ["signed", "amended"])
def test_the_chosen_procedure_round_trips_on_the_careplan(status: str) -> None:
    data = _case()
    visit = make_visit(data, status, plan=_plan(data), chosen_procedure="interspinous_spacer")
    bundle = build_bundle(visit)
    validate_r4(bundle)
    careplan = resources(bundle, "CarePlan")[0]
    chosen = [e for e in careplan["extension"] if e["url"] == fhir.EXT_CHOSEN_PROCEDURE]
    assert chosen == [
        {
            "url": fhir.EXT_CHOSEN_PROCEDURE,
            "valueCoding": {
                "system": fhir.PROCEDURE,
                "code": "interspinous_spacer",
                "display": "Interspinous spacer",
            },
        }
    ]
    assert "Procedure chosen: Interspinous spacer" in careplan["description"]
    imported = _trip(bundle)
    assert imported.visit.chosen_procedure == "interspinous_spacer"
    assert imported.plan["procedures"] == SUGGESTED
    assert build_bundle(imported.visit) == bundle


def test_without_a_choice_the_careplan_has_no_extension_and_imports_none() -> None:
    data = _case()
    bundle = build_bundle(make_visit(data, "signed", plan=_plan(data)))
    careplan = resources(bundle, "CarePlan")[0]
    assert all(e["url"] != fhir.EXT_CHOSEN_PROCEDURE for e in careplan["extension"])
    assert _trip(bundle).visit.chosen_procedure is None


def test_follow_up_and_block_response_round_trip_in_the_questionnaire_response() -> None:
    data = _case()
    bundle = build_bundle(make_visit(data, "signed"))
    validate_r4(bundle)
    intake = next(
        r for r in resources(bundle, "QuestionnaireResponse") if "intake" in r["questionnaire"]
    )
    items = {i["linkId"]: i for i in intake["item"]}
    follow_up = {i["linkId"]: i["answer"][0] for i in items["follow_up"]["item"]}
    assert follow_up == {
        "follow_up.next_visit_date": {"valueDate": "2027-02-01"},
        "follow_up.note_for_patient": {"valueString": data["follow_up"]["note_for_patient"]},
    }
    assert "negative" in json.dumps(items["treatment"])
    imported = _trip(bundle)
    assert imported.case == data
    assert imported.case["treatment"]["injections"][0]["response"] == "negative"


def test_a_choice_the_plan_does_not_suggest_is_not_exported() -> None:
    data = _case()
    with pytest.raises(NotExportable, match="chosen_procedure decompression is not among"):
        make_visit(data, "signed", plan=_plan(data), chosen_procedure="decompression")
    with pytest.raises(NotExportable, match="chosen_procedure must be one of"):
        make_visit(data, "signed", plan=_plan(data), chosen_procedure="surgery")


def test_a_bundle_whose_choice_is_not_suggested_is_refused_on_import() -> None:
    data = _case()
    bundle = build_bundle(make_visit(data, "signed", plan=_plan(data), chosen_procedure="mild"))
    damaged = copy.deepcopy(bundle)
    careplan = resources(damaged, "CarePlan")[0]
    suggested = [e for e in careplan["extension"] if e["url"] == fhir.EXT_SUGGESTED_PROCEDURE]
    careplan["extension"].remove(suggested[0])  # "mild" no longer suggested
    with pytest.raises(BundleError, match="not among the plan's suggested procedures"):
        parse_bundle(damaged, today=TODAY)
    unknown = copy.deepcopy(bundle)
    careplan = resources(unknown, "CarePlan")[0]
    for e in careplan["extension"]:
        if e["url"] == fhir.EXT_CHOSEN_PROCEDURE:
            e["valueCoding"]["code"] = "acupuncture"
    with pytest.raises(BundleError, match="chosen-procedure"):
        parse_bundle(unknown, today=TODAY)


def test_a_rule_part_whose_url_is_not_text_is_a_bundle_error() -> None:
    """Found by test_any_damage_gives_a_bundle_error_or_an_import: a list as a rule part's url
    raised TypeError (unhashable) instead of naming the CarePlan."""
    data = _case()
    bundle = build_bundle(make_visit(data, "signed"))
    careplan = resources(bundle, "CarePlan")[0]
    rule = next(e for e in careplan["extension"] if e["url"] == fhir.EXT_RULE_FIRED)
    rule["extension"][0]["url"] = []
    with pytest.raises(BundleError, match="rule-fired: holds only id, reason and finding"):
        parse_bundle(bundle, today=TODAY)
