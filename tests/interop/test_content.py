"""What the Bundle says: the resources, codes and references other systems rely on."""

from __future__ import annotations

import re
from typing import Any

from intake_desktop.interop import build_bundle
from intake_desktop.interop import systems as fhir

from .conftest import EXAMPLES_DIR as DIR
from .conftest import SIGNED_AT, every_field_case, load, make_visit, resources


def by_category(bundle: dict[str, Any], category: str) -> list[dict[str, Any]]:
    return [
        o
        for o in resources(bundle, "Observation")
        if any(
            c["coding"][0] == {"system": fhir.OBSERVATION_CATEGORY, "code": category}
            for c in o["category"]
        )
    ]


def items(nodes: list[dict[str, Any]]):
    for node in nodes:
        yield node
        yield from items(node.get("item", []))


def test_a_signed_visit_has_its_signature_as_provenance(example: dict[str, Any]) -> None:
    bundle = build_bundle(make_visit(example, "signed"))
    (prov,) = resources(bundle, "Provenance")
    assert prov["recorded"] == SIGNED_AT.isoformat() == "2026-11-20T16:45:12+00:00"
    assert prov["agent"][0]["who"] == {"display": "dr.example"}
    assert prov["activity"]["coding"][0]["code"] == "CREATE"
    signed = {r["reference"] for r in prov["target"]}
    visit_own = {
        e["fullUrl"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] not in ("Patient", "Questionnaire", "Provenance")
    }
    assert signed == visit_own
    assert bundle["entry"][-1]["resource"] is prov


def test_an_amended_visit_says_why(example: dict[str, Any]) -> None:
    bundle = build_bundle(make_visit(example, "amended"))
    (prov,) = resources(bundle, "Provenance")
    assert prov["activity"]["coding"][0]["code"] == "UPDATE"
    assert prov["reason"] == [{"text": "walking distance corrected"}]
    assert {qr["status"] for qr in resources(bundle, "QuestionnaireResponse")} == {"amended"}


def test_a_draft_has_no_signature(example: dict[str, Any]) -> None:
    bundle = build_bundle(make_visit(example, "draft"))
    assert resources(bundle, "Provenance") == []
    (encounter,) = resources(bundle, "Encounter")
    assert encounter["status"] == "in-progress"
    assert {qr["status"] for qr in resources(bundle, "QuestionnaireResponse")} == {"in-progress"}
    assert {o["status"] for o in resources(bundle, "Observation")} == {"preliminary"}
    (careplan,) = resources(bundle, "CarePlan")
    assert careplan["status"] == "draft"


def test_red_flags_are_observations_ahead_of_everything_routine() -> None:
    bundle = build_bundle(make_visit(load(DIR / "02_cauda_equina.json")))
    flags = by_category(bundle, fhir.CATEGORY_RED_FLAG)
    codes = [o["code"]["coding"][0]["code"] for o in flags]
    assert codes == ["bladder_bowel_dysfunction", "saddle_anaesthesia"]
    assert all(o["valueBoolean"] is True for o in flags)
    assert flags[1]["note"] == [
        {"text": "red-flag screen"},
        {"text": "exam: reduced saddle sensation"},
    ]
    assert flags[0]["interpretation"][0]["text"] == "Red flag: Emergency department now"
    types = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert types[:4] == ["Patient", "Encounter", "Observation", "Observation"]
    (careplan,) = resources(bundle, "CarePlan")
    refs = {r["reference"] for r in careplan["supportingInfo"]}
    ids = {f"urn:uuid:{o['id']}" for o in flags}
    assert ids <= refs
    intake = resources(bundle, "QuestionnaireResponse")[0]
    (screen,) = [i for i in intake["item"] if i["linkId"] == "red_flags"]
    assert [a["valueCoding"]["code"] for a in screen["answer"]] == codes
    (request,) = resources(bundle, "ServiceRequest")
    assert request["code"]["coding"][0]["code"] == "urgent_mri"
    assert request["priority"] == "stat"


def test_a_screen_with_nothing_found_is_kept_as_such() -> None:
    bundle = build_bundle(make_visit(every_field_case()))
    intake = resources(bundle, "QuestionnaireResponse")[0]
    (screen,) = [i for i in intake["item"] if i["linkId"] == "red_flags"]
    assert "answer" not in screen  # recorded, nothing found; not "not asked"
    assert by_category(bundle, fhir.CATEGORY_RED_FLAG) == []


def test_link_ids_are_the_case_fields_and_answers_are_typed() -> None:
    bundle = build_bundle(make_visit(every_field_case()))
    responses = resources(bundle, "QuestionnaireResponse")
    assert [r["questionnaire"].split("/")[-1] for r in responses] == [
        "spine-intake|1",
        "odi|1",
        "ndi|1",
        "zcq|1",
        "mjoa|1",
    ]
    nodes = {n["linkId"]: n for r in responses for n in items(r.get("item", []))}
    assert nodes["history.painless_walking_distance_m"]["answer"] == [{"valueDecimal": 150}]
    assert nodes["history.pain_nrs.leg"]["answer"] == [{"valueInteger": 8}]
    assert nodes["imaging.date"]["answer"] == [{"valueDate": "2026-10-01"}]
    assert nodes["exam.foot_drop"]["answer"] == [{"valueBoolean": False}]
    onset = nodes["history.onset"]["answer"][0]["valueCoding"]
    assert onset == {"system": fhir.code_system("onset"), "code": "sudden", "display": "Sudden"}
    assert "answer" not in nodes["questionnaires.odi[9]"]  # unanswered section
    assert nodes["questionnaires.zcq.symptom_severity[3]"]["answer"] == [{"valueInteger": 4}]
    injections = [n for n in responses[0]["item"][-4]["item"] if n["linkId"].endswith("injections")]
    assert len(injections) == 2
    for link_id in nodes:
        assert re.fullmatch(r"[a-z_]+(\.[a-z_0-9]+)*(\[\d\])?", link_id), link_id


def test_every_response_answers_a_questionnaire_in_the_bundle() -> None:
    bundle = build_bundle(make_visit(every_field_case()))
    defined = {
        f"{q['url']}|{q['version']}": {n["linkId"] for n in items(q["item"])}
        for q in resources(bundle, "Questionnaire")
    }
    for response in resources(bundle, "QuestionnaireResponse"):
        links = {n["linkId"] for n in items(response.get("item", []))}
        assert links <= defined[response["questionnaire"]]


def test_findings_use_standard_codes_where_there_are_some() -> None:
    bundle = build_bundle(make_visit(every_field_case()))
    findings = by_category(bundle, fhir.CATEGORY_FINDING)
    by_code = {
        c["code"]: o for o in findings for c in o["code"]["coding"] if c["system"] == fhir.FINDING
    }
    leg = by_code["history.pain_nrs.leg"]
    assert leg["code"]["coding"][0]["code"] == "72514-3"
    assert leg["bodySite"]["coding"][0]["code"] == "leg" and leg["valueInteger"] == 8
    temperature = by_code["exam.temperature_c"]
    assert temperature["code"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "8310-5",
        "display": "Body temperature",
    }
    assert temperature["valueQuantity"] == {
        "value": 36.8,
        "unit": "°C",
        "system": "http://unitsofmeasure.org",
        "code": "Cel",
    }
    assert by_code["patient.weight_kg"]["code"]["coding"][0]["code"] == "29463-7"
    pulses = by_code["exam.pedal_pulses"]["valueCodeableConcept"]["coding"][0]
    assert pulses["code"] == "diminished"
    assert by_code["exam.ankle_brachial_index"]["valueQuantity"]["value"] == 0.905
    assert len(findings) == 17 + 6 + 4  # the exam, the listed fields, four pain ratings


def test_pattern_recommendation_and_work_up() -> None:
    visit = make_visit(
        load(DIR / "05_vascular.json"),
        accepted_level="interventional",
        override_reason="patient prefers an injection first",
    )
    bundle = build_bundle(visit)
    (condition,) = resources(bundle, "Condition")
    assert condition["code"]["coding"][0]["system"] == fhir.PATTERN
    assert condition["verificationStatus"]["coding"][0]["code"] == "provisional"
    (careplan,) = resources(bundle, "CarePlan")
    ext = {e["url"]: e for e in careplan["extension"]}
    assert ext[fhir.EXT_RULES_VERSION]["valueString"] == visit.plan_data["rules_version"]
    assert ext[fhir.EXT_RECOMMENDED_LEVEL]["valueCoding"]["code"] == "conservative"
    assert ext[fhir.EXT_ACCEPTED_LEVEL]["valueCoding"]["code"] == "interventional"
    reason = ext[fhir.EXT_OVERRIDE_REASON]["valueString"]
    assert reason == "patient prefers an injection first"
    fired = [e for e in careplan["extension"] if e["url"] == fhir.EXT_RULE_FIRED]
    assert [f["extension"][0]["valueString"] for f in fired] == [
        r["id"] for r in visit.plan_data["rules_fired"]
    ]
    requests = {f"urn:uuid:{r['id']}": r for r in resources(bundle, "ServiceRequest")}
    ordered = [
        requests[a["reference"]["reference"]]["code"]["coding"][0]["code"]
        for a in careplan["activity"]
    ]
    assert ordered == ["abi", "vascular_referral", "emg"] == visit.plan_data["workup"]
    assert careplan["addresses"] == [{"reference": f"urn:uuid:{condition['id']}"}]


def test_patient_and_encounter() -> None:
    bundle = build_bundle(make_visit(load(DIR / "01_lumbar_early.json")))
    (patient,) = resources(bundle, "Patient")
    assert patient["birthDate"] == "1958-03-02"
    assert patient["name"] == [{"text": "Testa Synthetica"}]
    assert patient["communication"][0]["language"]["coding"][0]["code"] == "en"
    (encounter,) = resources(bundle, "Encounter")
    assert encounter["period"] == {"start": "2026-11-20"}
    assert encounter["serviceProvider"] == {"display": "Example Spine Clinic"}
    assert bundle["identifier"]["value"] == "1017"
    assert "timestamp" not in bundle  # nothing in the content depends on when it was exported
