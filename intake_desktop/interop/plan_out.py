"""The plan as FHIR resources: what the engine concluded, in resources other systems understand.

* the pattern is a provisional Condition (a pattern of symptoms, not a confirmed diagnosis);
* each red flag, escalation sign, answer to the four questions and score is an Observation with
  an app category, so that none can be mistaken for another and a red flag is never dropped;
* the recommendation is a CarePlan: the level, alternatives, the level the clinician accepted (and
  why, when overridden), the rules that fired and the rule-set version as extensions, warnings as
  notes, and each work-up item as a ServiceRequest in ``activity``.

:mod:`.plan_in` reads the same resources back into the plan's JSON shape.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from intake_desktop.domain.codes import RED_FLAG_LEVELS
from intake_desktop.domain.labels import SCORE_NAMES, label, procedure_label

from .elements import absent, concept, extension, fhir_text, notes
from .model import FhirVisit
from .systems import (
    ANSWER_SOURCE,
    CATEGORY_ESCALATION,
    CATEGORY_FRAMEWORK,
    CATEGORY_RED_FLAG,
    CATEGORY_SCORE,
    CONDITION_CATEGORY,
    CONDITION_CLINICAL,
    CONDITION_VERIFICATION,
    ESCALATION_SIGN,
    EXT_ACCEPTED_LEVEL,
    EXT_ALTERNATIVE_LEVEL,
    EXT_CHOSEN_PROCEDURE,
    EXT_OVERRIDE_REASON,
    EXT_PLAN_MESSAGES,
    EXT_RECOMMENDED_LEVEL,
    EXT_RULE_FIRED,
    EXT_RULES_VERSION,
    EXT_SUGGESTED_PROCEDURE,
    FRAMEWORK_QUESTION,
    INTERPRETATION,
    LEVEL,
    OBSERVATION_CATEGORY,
    OBSERVATION_CATEGORY_HL7,
    PATTERN,
    PROCEDURE,
    RED_FLAG,
    REGION,
    SCORE,
    SCORE_COMPONENT,
    WORKUP,
    code_system,
)

#: The code system of each question's answers.
ANSWER_SYSTEMS: dict[str, str] = {
    q: code_system(q) for q in ("cause", "limitation", "goal", "recovery")
}
#: Scores of what the patient reported (HL7 category ``survey``); the others combine findings.
SURVEY_SCORES = frozenset({"odi", "ndi", "zcq", "nrs"})
#: Component codes ending in this mark hold one entry of a list each, in order.
LIST_MARK = "[]"

Ref = Callable[[str], dict[str, str]]
Resource = tuple[str, dict[str, Any]]


def plan_resources(
    visit: FhirVisit, context: Mapping[str, Any], observed: Mapping[str, Any], ref: Ref
) -> tuple[list[Resource], list[Resource]]:
    """(red-flag Observations, everything else of the plan), each as (id role, resource).

    ``context`` is the subject and encounter every resource names, ``observed`` adds the status
    and date of an Observation; ``ref(role)`` is the reference to another resource of the Bundle.
    Red flags come first in the Bundle, ahead of anything routine.
    """
    plan = visit.plan_data
    flags = [_red_flag(plan, code, observed) for code in plan.get("red_flags", [])]
    rest: list[Resource] = [("condition/pattern", _condition(plan, visit, context))]
    evidence = plan.get("escalation_evidence", {})
    rest += [
        _sign(sign, evidence.get(sign, []), observed) for sign in plan.get("escalation_signs", [])
    ]
    rest += [_framework(q, answer, observed) for q, answer in plan.get("framework", {}).items()]
    rest += [_score(name, value, observed) for name, value in plan.get("scores", {}).items()]
    workups = [_service_request(plan, w, visit, context, ref) for w in plan.get("workup", [])]
    supporting = [role for role, _ in flags + rest if role != "condition/pattern"]
    careplan = _careplan(plan, visit, context, ref, supporting, [r for r, _ in workups])
    return flags, [*rest, careplan, *workups]


def _clean(resource: dict[str, Any]) -> dict[str, Any]:
    """FHIR JSON never holds empty lists or objects: drop them."""
    return {k: v for k, v in resource.items() if v not in ([], {}, None, "")}


def _observation(
    role: str,
    category: str,
    observed: Mapping[str, Any],
    body: dict[str, Any],
    hl7: str | None = None,
) -> Resource:
    categories = [{"coding": [{"system": OBSERVATION_CATEGORY, "code": category}]}]
    if hl7:
        categories.insert(0, {"coding": [{"system": OBSERVATION_CATEGORY_HL7, "code": hl7}]})
    resource = {
        "resourceType": "Observation",
        "status": observed["status"],
        "category": categories,
        "code": body.pop("code"),
        **{k: v for k, v in observed.items() if k != "status"},
        **body,
    }
    return role, _clean(resource)


def _red_flag(plan: Mapping[str, Any], code: str, observed: Mapping[str, Any]) -> Resource:
    level = RED_FLAG_LEVELS.get(code)
    body: dict[str, Any] = {
        "code": concept(RED_FLAG, code),
        "valueBoolean": True,
        "note": notes(plan.get("red_flag_sources", {}).get(code, [])),
    }
    if level is not None:  # derived from the code: says how urgent, for readers of this alone
        body["interpretation"] = [
            {
                "coding": [
                    {"system": INTERPRETATION, "code": "AA", "display": "Critical abnormal"}
                ],
                "text": f"Red flag: {label(level)}",
            }
        ]
    return _observation(f"red-flag/{code}", CATEGORY_RED_FLAG, observed, body)


def _sign(sign: str, evidence: list[str], observed: Mapping[str, Any]) -> Resource:
    body = {"code": concept(ESCALATION_SIGN, sign), "valueBoolean": True, "note": notes(evidence)}
    return _observation(f"escalation-sign/{sign}", CATEGORY_ESCALATION, observed, body)


def _score(name: str, value: Mapping[str, Any], observed: Mapping[str, Any]) -> Resource:
    body = {
        "code": concept(SCORE, name, SCORE_NAMES.get(name, label(name))),
        "component": score_components(value),
    }
    hl7 = "survey" if name in SURVEY_SCORES else None
    return _observation(f"score/{name}", CATEGORY_SCORE, observed, body, hl7=hl7)


def _framework(question: str, answer: Mapping[str, Any], observed: Mapping[str, Any]) -> Resource:
    body: dict[str, Any] = {"code": concept(FRAMEWORK_QUESTION, question)}
    value = answer.get("answer")
    system = ANSWER_SYSTEMS.get(question, code_system(question))
    if value is None:
        body["dataAbsentReason"] = absent()
    else:
        body["valueCodeableConcept"] = concept(system, value)
    source = answer.get("source", "unanswered")
    body["method"] = concept(ANSWER_SOURCE, source, source)
    body["note"] = notes(answer.get("evidence", []))
    return _observation(f"framework/{question}", CATEGORY_FRAMEWORK, observed, body)


def score_components(value: Mapping[str, Any], prefix: str = "") -> list[dict[str, Any]]:
    """A score's result as Observation components, one per value, whatever its shape.

    A nested object's keys are joined with dots (``back.value``); each entry of a list is one
    component whose code ends in ``[]``; an empty list is one such component without a value; a
    null is a component with a ``dataAbsentReason``. Booleans, whole numbers, decimals and text
    keep their types, so the result reads back exactly.
    """
    out: list[dict[str, Any]] = []
    for key, v in value.items():
        code = f"{prefix}{key}"
        if isinstance(v, Mapping):
            out.extend(score_components(v, f"{code}."))
        elif isinstance(v, list):
            marked = code + LIST_MARK
            out.extend(_component(marked, x) for x in v)
            if not v:
                out.append({"code": _component_code(marked)})
        else:
            out.append(_component(code, v))
    return out


def _component_code(code: str) -> dict[str, Any]:
    return {"coding": [{"system": SCORE_COMPONENT, "code": code}]}


def _component(code: str, value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"code": _component_code(code)}
    if value is None:
        out["dataAbsentReason"] = absent()
    elif isinstance(value, bool):
        out["valueBoolean"] = value
    elif isinstance(value, int):
        out["valueInteger"] = value
    elif isinstance(value, float):
        out["valueQuantity"] = {"value": value}
    elif isinstance(value, str):
        out["valueString"] = value
    else:
        raise TypeError(f"a score value of type {type(value).__name__} cannot be exported")
    return out


def _condition(plan: Mapping[str, Any], visit: FhirVisit, context: Mapping[str, Any]):
    return _clean(
        {
            "resourceType": "Condition",
            "clinicalStatus": {"coding": [{"system": CONDITION_CLINICAL, "code": "active"}]},
            "verificationStatus": {
                "coding": [{"system": CONDITION_VERIFICATION, "code": "provisional"}]
            },
            "category": [
                {"coding": [{"system": CONDITION_CATEGORY, "code": "encounter-diagnosis"}]}
            ],
            "code": concept(PATTERN, plan["pattern"]),
            "bodySite": [concept(REGION, plan["region"], plan["region"])],
            **context,
            "recordedDate": visit.case.visit_date.isoformat(),
            "evidence": [{"code": [{"text": e}]} for e in plan.get("pattern_evidence", [])],
        }
    )


def _service_request(
    plan: Mapping[str, Any], workup: str, visit: FhirVisit, context: Mapping[str, Any], ref: Ref
) -> Resource:
    level = plan["level"]
    if level == "emergency":
        priority = "stat"
    elif level == "urgent" or workup == "urgent_mri":
        priority = "urgent"
    else:
        priority = "routine"
    return f"workup/{workup}", {
        "resourceType": "ServiceRequest",
        "status": "active" if visit.is_signed else "draft",
        "intent": "plan",
        "priority": priority,
        "code": concept(WORKUP, workup),
        **context,
        "basedOn": [ref("careplan")],
    }


def _careplan(
    plan: Mapping[str, Any],
    visit: FhirVisit,
    context: Mapping[str, Any],
    ref: Ref,
    supporting: list[str],
    workups: list[str],
) -> Resource:
    level = plan["level"]
    ext = [
        extension(EXT_RULES_VERSION, "valueString", plan["rules_version"]),
        extension(EXT_RECOMMENDED_LEVEL, "valueCoding", concept(LEVEL, level)["coding"][0]),
    ]
    ext += [
        extension(EXT_ALTERNATIVE_LEVEL, "valueCoding", concept(LEVEL, a)["coding"][0])
        for a in plan.get("alternatives", [])
    ]
    ext += [
        extension(
            EXT_SUGGESTED_PROCEDURE,
            "valueCoding",
            concept(PROCEDURE, p, procedure_label(p))["coding"][0],
        )
        for p in plan.get("procedures", [])
    ]
    description = f"Recommended: {label(level)}"
    if visit.accepted_level is not None:
        accepted = concept(LEVEL, visit.accepted_level)["coding"][0]
        ext.append(extension(EXT_ACCEPTED_LEVEL, "valueCoding", accepted))
        description += f". Accepted: {label(visit.accepted_level)}"
    if visit.override_reason is not None:
        reason = fhir_text(visit.override_reason, "override_reason")
        ext.append(extension(EXT_OVERRIDE_REASON, "valueString", reason))
        description += f" (reason: {visit.override_reason})"
    if visit.chosen_procedure is not None:
        name = procedure_label(visit.chosen_procedure)  # MILD, not the degree "mild"
        chosen = concept(PROCEDURE, visit.chosen_procedure, name)["coding"][0]
        ext.append(extension(EXT_CHOSEN_PROCEDURE, "valueCoding", chosen))
        description += f". Procedure chosen: {name}"
    ext += [_rule_fired(rule) for rule in plan.get("rules_fired", [])]
    if "messages" in plan:
        text = json.dumps(plan["messages"], ensure_ascii=False, sort_keys=True)
        ext.append(extension(EXT_PLAN_MESSAGES, "valueString", text))
    return "careplan", _clean(
        {
            "resourceType": "CarePlan",
            "extension": ext,
            "status": "active" if visit.is_signed else "draft",
            "intent": "plan",
            "title": "Recommended level of care",
            "description": description,
            **context,
            "created": visit.case.visit_date.isoformat(),
            "addresses": [ref("condition/pattern")],
            "supportingInfo": [ref(role) for role in supporting],
            "activity": [{"reference": ref(role)} for role in workups],
            "note": notes(plan.get("warnings", [])),
        }
    )


def _rule_fired(rule: Mapping[str, Any]) -> dict[str, Any]:
    parts = [
        extension("id", "valueString", rule["id"]),
        extension("reason", "valueString", rule["reason"]),
    ]
    parts += [extension("finding", "valueString", f) for f in rule.get("findings", [])]
    return {"url": EXT_RULE_FIRED, "extension": parts}
