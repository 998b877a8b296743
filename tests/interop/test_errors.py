"""A Bundle that cannot be imported says which resource and which field are at fault."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake_desktop.interop import BundleError, NotExportable, build_bundle, parse_bundle
from intake_desktop.interop import systems as fhir

from .conftest import EXAMPLES_DIR as DIR
from .conftest import TODAY, every_field_case, load, make_visit, resources


@pytest.fixture(scope="module")
def signed_bundle() -> dict[str, Any]:
    """Every field recorded, and a red flag from the screen."""
    return build_bundle(make_visit({**every_field_case(), "red_flags": ["saddle_anaesthesia"]}))


def intake(bundle: dict[str, Any]) -> dict[str, Any]:
    return resources(bundle, "QuestionnaireResponse")[0]


def node(bundle: dict[str, Any], link_id: str) -> dict[str, Any]:
    def walk(nodes):
        for n in nodes:
            if n["linkId"] == link_id:
                return n
            found = walk(n.get("item", []))
            if found:
                return found
        return None

    for response in resources(bundle, "QuestionnaireResponse"):
        found = walk(response.get("item", []))
        if found:
            return found
    raise KeyError(link_id)


def careplan(bundle: dict[str, Any]) -> dict[str, Any]:
    return resources(bundle, "CarePlan")[0]


def set_answer(link_id: str, answer: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    def change(b: dict[str, Any]) -> None:
        node(b, link_id)["answer"] = [answer]

    return change


def drop_type(rtype: str) -> Callable[[dict[str, Any]], None]:
    def change(b: dict[str, Any]) -> None:
        b["entry"] = [e for e in b["entry"] if e["resource"]["resourceType"] != rtype]

    return change


CASES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    (
        "yes/no answered with text",
        set_answer("history.bilateral", {"valueString": "yes"}),
        r"QuestionnaireResponse/[-0-9a-f]+ item history\.bilateral answer\[0\]: "
        r"must be a valueBoolean, not valueString",
    ),
    (
        "code not in the list",
        set_answer(
            "history.onset",
            {"valueCoding": {"system": fhir.code_system("onset"), "code": "slowly"}},
        ),
        r"item history\.onset answer\[0\]: 'slowly' is not allowed \(allowed: gradual, sudden\)",
    ),
    (
        "code of another system",
        set_answer("exam.pedal_pulses", {"valueCoding": {"system": "http://x", "code": "absent"}}),
        r"item exam\.pedal_pulses answer\[0\]: code system must be .*/CodeSystem/pedal-pulses",
    ),
    (
        "value out of range",
        set_answer("history.duration_weeks", {"valueDecimal": -3}),
        r"the answers are not a valid case: item history\.duration_weeks: -3 is out of range",
    ),
    (
        "impossible date",
        set_answer("imaging.date", {"valueDate": "2026-02-30"}),
        r"item imaging\.date: is not a real calendar date",
    ),
    (
        "unknown item",
        lambda b: intake(b)["item"].append(
            {"linkId": "history.mood", "answer": [{"valueInteger": 1}]}
        ),
        r"item 'history\.mood' is not in the Questionnaire here",
    ),
    (
        "a single field given twice",
        lambda b: intake(b)["item"].insert(1, copy.deepcopy(intake(b)["item"][1])),
        r"item visit_date: appears 2 times; it takes one item",
    ),
    (
        "a questionnaire section missing",
        lambda b: node(b, "questionnaires.odi")["item"].pop(4),
        r"QuestionnaireResponse/[-0-9a-f]+ item questionnaires\.odi: "
        r"misses questionnaires\.odi\[4\]",
    ),
    (
        "no intake",
        lambda b: b.update(
            entry=[
                e
                for e in b["entry"]
                if e["resource"].get("questionnaire", "").split("|")[0]
                != fhir.questionnaire_url("spine-intake")
            ]
        ),
        r"Bundle: has no answers to .*/Questionnaire/spine-intake \(QuestionnaireResponse\)",
    ),
    (
        "rule-set version missing",
        lambda b: careplan(b).update(
            extension=[e for e in careplan(b)["extension"] if e["url"] != fhir.EXT_RULES_VERSION]
        ),
        r"Bundle: has no recommendation of the app \(CarePlan\)",
    ),
    (
        "work-up reference to nowhere",
        lambda b: careplan(b).update(activity=[{"reference": {"reference": "urn:uuid:nowhere"}}]),
        r"CarePlan/[-0-9a-f]+ activity\[0\]: refers to urn:uuid:nowhere, "
        r"which is not in the Bundle",
    ),
    (
        "signed without a signature",
        drop_type("Provenance"),
        r"Bundle: a signed visit needs its signature \(Provenance\)",
    ),
    (
        "patient of another birth date",
        lambda b: resources(b, "Patient")[0].update(birthDate="1951-01-01"),
        r"the patient's date of birth differs from the case's patient\.date_of_birth",
    ),
    (
        "red flag with an unknown code",
        lambda b: b["entry"].insert(
            2,
            {
                "fullUrl": "urn:uuid:x",
                "resource": {
                    "resourceType": "Observation",
                    "id": "x",
                    "status": "final",
                    "category": [
                        {"coding": [{"system": fhir.OBSERVATION_CATEGORY, "code": "red-flag"}]}
                    ],
                    "code": {"coding": [{"system": fhir.RED_FLAG, "code": "headache"}]},
                    "valueBoolean": True,
                },
            },
        ),
        r"Observation/x: 'headache' is not a code of .*/CodeSystem/red-flag \(allowed: bladder",
    ),
    (
        "a red flag of the screen without its Observation",
        lambda b: b.update(
            entry=[
                e
                for e in b["entry"]
                if e["resource"].get("code", {}).get("coding", [{}])[0].get("system")
                != fhir.RED_FLAG
            ]
        ),
        r"the red-flag screen records saddle_anaesthesia but the Bundle has no red-flag "
        r"Observation",
    ),
    (
        "an unknown visit status",
        lambda b: intake(b).update(status="stopped"),
        r"QuestionnaireResponse/[-0-9a-f]+: status 'stopped' is not one of in-progress",
    ),
    (
        "a resource without a type",
        lambda b: b["entry"][3]["resource"].pop("resourceType"),
        r"Bundle\.entry\[3\]: resource\.resourceType is missing",
    ),
]


@pytest.mark.parametrize(("change", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_bundles_name_the_resource_and_field(
    signed_bundle: dict[str, Any], change: Callable[[dict[str, Any]], None], message: str
) -> None:
    bundle = copy.deepcopy(signed_bundle)
    parse_bundle(copy.deepcopy(bundle), today=TODAY)  # the unchanged one imports
    change(bundle)
    with pytest.raises(BundleError) as caught:
        parse_bundle(bundle, today=TODAY)
    assert re.search(message, str(caught.value)), str(caught.value)


@pytest.mark.parametrize(
    "data",
    [None, [], "Bundle", {"resourceType": "Patient"}, {"resourceType": "Bundle", "entry": []}],
)
def test_what_is_not_a_bundle_at_all(data: Any) -> None:
    with pytest.raises(BundleError, match=r"^Bundle: "):
        parse_bundle(data)


def test_text_fhir_cannot_carry_is_refused_on_export() -> None:
    """The case validator refuses such text in a case; a name stored before that rule was
    enforced is still refused by the export."""
    visit = make_visit(load(DIR / "01_lumbar_early.json"))
    damaged = replace(visit, patient=replace(visit.patient, name="Ana\x00Maria"))
    with pytest.raises(NotExportable, match=r"^the patient's name: holds a control character"):
        build_bundle(damaged)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path] if path else []
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*path, i))
    return out


JUNK = [None, 0, 1.5, True, "x", "", [], {}, [1], {"a": 1}]


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_any_damage_gives_a_bundle_error_or_an_import(data: st.DataObject) -> None:
    bundle = build_bundle(make_visit(every_field_case(), "amended"))
    path = data.draw(st.sampled_from(_paths(bundle)))
    parent = bundle
    for step in path[:-1]:
        parent = parent[step]
    if data.draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = data.draw(st.sampled_from(JUNK))
    try:
        parse_bundle(bundle, today=TODAY)
    except BundleError as exc:
        assert str(exc) and "Traceback" not in str(exc)
