"""Reading the plan back from the resources :mod:`.plan_out` writes.

The result has the shape of ``Plan.to_dict()``; every key the export carries comes back with the
same value, so exporting the imported visit gives the same Bundle again.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from intake_desktop.domain.codes import (
    ESCALATION_SIGNS,
    FRAMEWORK_QUESTIONS,
    LEVELS,
    PATTERNS,
    PLAN_FORMAT,
    PROCEDURES,
    RED_FLAGS,
    REGIONS,
    WORKUPS,
)

from .elements import (
    code_in,
    ext_value,
    extensions,
    has_code,
    listed,
    need,
    one_extension,
    texts,
    where_of,
)
from .index import BundleIndex
from .model import BundleError
from .plan_out import ANSWER_SYSTEMS, LIST_MARK
from .systems import (
    ANSWER_SOURCE,
    CATEGORY_ESCALATION,
    CATEGORY_FRAMEWORK,
    CATEGORY_RED_FLAG,
    CATEGORY_SCORE,
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
    LEVEL,
    OBSERVATION_CATEGORY,
    PATTERN,
    PROCEDURE,
    RED_FLAG,
    REGION,
    SCORE,
    SCORE_COMPONENT,
    WORKUP,
)

SOURCES = ("clinician", "findings", "default", "unanswered")


def careplan_of(index: BundleIndex) -> Mapping[str, Any]:
    """The Bundle's one CarePlan carrying a recommendation of this app."""
    plan = index.one(
        "CarePlan",
        "recommendation of the app",
        lambda r: bool(extensions(r, EXT_RULES_VERSION, where_of(r))),
    )
    assert plan is not None
    return plan


def read_decision(careplan: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(accepted level, override reason) as the CarePlan records them."""
    where = where_of(careplan)
    accepted = one_extension(careplan, EXT_ACCEPTED_LEVEL, "valueCoding", where)
    level = (
        None if accepted is None else code_in(accepted, LEVEL, f"{where} accepted-level", LEVELS)
    )
    reason = one_extension(careplan, EXT_OVERRIDE_REASON, "valueString", where)
    if reason is not None and not isinstance(reason, str):
        raise BundleError(where, "override-reason must be text")
    return level, reason


def read_chosen_procedure(careplan: Mapping[str, Any]) -> str | None:
    """The procedure the clinician chose, as the CarePlan records it (None when none)."""
    where = where_of(careplan)
    chosen = one_extension(careplan, EXT_CHOSEN_PROCEDURE, "valueCoding", where)
    if chosen is None:
        return None
    return code_in(chosen, PROCEDURE, f"{where} chosen-procedure", PROCEDURES)


def read_plan(index: BundleIndex) -> dict[str, Any]:
    """The plan (``Plan.to_dict()`` shape) from the CarePlan, Condition and app Observations."""
    careplan = careplan_of(index)
    where = where_of(careplan)
    rules_version = one_extension(careplan, EXT_RULES_VERSION, "valueString", where, required=True)
    level_coding = one_extension(
        careplan, EXT_RECOMMENDED_LEVEL, "valueCoding", where, required=True
    )
    level = code_in(level_coding, LEVEL, f"{where} recommended-level", LEVELS)
    alternatives = [
        code_in(ext_value(e, "valueCoding", where), LEVEL, f"{where} alternative-level", LEVELS)
        for e in extensions(careplan, EXT_ALTERNATIVE_LEVEL, where)
    ]
    procedures = [
        code_in(
            ext_value(e, "valueCoding", where),
            PROCEDURE,
            f"{where} suggested-procedure",
            PROCEDURES,
        )
        for e in extensions(careplan, EXT_SUGGESTED_PROCEDURE, where)
    ]
    condition = index.one("Condition", "symptom pattern", lambda r: has_pattern(r))
    assert condition is not None
    cwhere = where_of(condition)
    pattern = code_in(condition.get("code"), PATTERN, f"{cwhere} code", PATTERNS)
    sites = listed(condition, "bodySite", cwhere)
    region = code_in(sites[0] if sites else None, REGION, f"{cwhere} bodySite", REGIONS)
    evidence = []
    for i, e in enumerate(listed(condition, "evidence", cwhere)):
        evidence += texts(e, "code", f"{cwhere} evidence[{i}]")

    flags = _observations(index, CATEGORY_RED_FLAG)
    red_flags = [code_in(o.get("code"), RED_FLAG, where_of(o), RED_FLAGS) for o in flags]
    signs_obs = _observations(index, CATEGORY_ESCALATION)
    signs = [
        code_in(o.get("code"), ESCALATION_SIGN, where_of(o), ESCALATION_SIGNS) for o in signs_obs
    ]
    plan: dict[str, Any] = {
        "format": PLAN_FORMAT,
        "rules_version": _text(rules_version, f"{where} rules-version"),
        "level": level,
        "alternatives": alternatives,
        "pattern": pattern,
        "pattern_evidence": evidence,
        "region": region,
        "red_flags": red_flags,
        "red_flag_sources": {
            code: texts(o, "note", where_of(o)) for code, o in zip(red_flags, flags, strict=True)
        },
        "escalation_signs": signs,
        "escalation_evidence": {
            code: texts(o, "note", where_of(o))
            for code, o in zip(signs, signs_obs, strict=True)
            if o.get("note")
        },
        "framework": _framework(index),
        "workup": _workup(index, careplan),
        "procedures": procedures,
        "rules_fired": [_rule(e, where) for e in extensions(careplan, EXT_RULE_FIRED, where)],
        "warnings": texts(careplan, "note", where),
        "scores": _scores(index),
    }
    messages = one_extension(careplan, EXT_PLAN_MESSAGES, "valueString", where)
    if messages is not None:
        plan["messages"] = _messages(messages, f"{where} plan-messages")
        for rule in plan["rules_fired"]:
            found = plan["messages"].get(rule["reason"])
            if found is not None:
                rule["key"], rule["values"] = found["key"], found["values"]
    return plan


def _messages(raw: Any, at: str) -> dict[str, Any]:
    """The plan's messages from their JSON text: English text -> {"key", "values"}."""
    try:
        data = json.loads(_text(raw, at))
    except ValueError:
        raise BundleError(at, "must be JSON text") from None
    ok = isinstance(data, dict) and all(
        isinstance(m, dict) and isinstance(m.get("key"), str) and isinstance(m.get("values"), dict)
        for m in data.values()
    )
    if not ok:
        raise BundleError(at, "must map each text to its message key and values")
    return data


def has_pattern(resource: Mapping[str, Any]) -> bool:
    code = resource.get("code")
    codings = code.get("coding") if isinstance(code, Mapping) else None
    return isinstance(codings, list) and any(
        isinstance(c, Mapping) and c.get("system") == PATTERN for c in codings
    )


def _observations(index: BundleIndex, category: str) -> list[Mapping[str, Any]]:
    """The app's Observations of one category; a malformed category is an error, not a miss."""
    return index.of_type(
        "Observation",
        lambda r: any(
            has_code(c, OBSERVATION_CATEGORY, category) for c in listed(r, "category", where_of(r))
        ),
    )


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise BundleError(where, "must be text")
    return value


def _framework(index: BundleIndex) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for obs in _observations(index, CATEGORY_FRAMEWORK):
        where = where_of(obs)
        question = code_in(obs.get("code"), FRAMEWORK_QUESTION, where, FRAMEWORK_QUESTIONS)
        if question in out:
            raise BundleError(where, f"a second answer to the question {question!r}")
        if "valueCodeableConcept" in obs:
            answer: str | None = code_in(
                obs["valueCodeableConcept"], ANSWER_SYSTEMS[question], f"{where} value"
            )
        elif "dataAbsentReason" in obs:
            answer = None
        else:
            raise BundleError(where, "needs valueCodeableConcept or dataAbsentReason")
        source = code_in(obs.get("method"), ANSWER_SOURCE, f"{where} method", SOURCES)
        out[question] = {"answer": answer, "source": source, "evidence": texts(obs, "note", where)}
    return out


def _workup(index: BundleIndex, careplan: Mapping[str, Any]) -> list[str]:
    where = where_of(careplan)
    out = []
    for i, activity in enumerate(listed(careplan, "activity", where)):
        at = f"{where} activity[{i}]"
        if not isinstance(activity, Mapping):
            raise BundleError(at, "must be an object")
        request = index.resolve(activity.get("reference"), at, "ServiceRequest")
        out.append(code_in(request.get("code"), WORKUP, where_of(request), WORKUPS))
    return out


def _rule(ext: Mapping[str, Any], where: str) -> dict[str, Any]:
    at = f"{where} rule-fired"
    parts = listed(ext, "extension", at)
    values: dict[str, list[str]] = {"id": [], "reason": [], "finding": []}
    for part in parts:
        url = part.get("url") if isinstance(part, Mapping) else None
        if not isinstance(url, str) or url not in values:
            raise BundleError(at, "holds only id, reason and finding")
        values[part["url"]].append(_text(part.get("valueString"), f"{at} {part['url']}"))
    if len(values["id"]) != 1 or len(values["reason"]) != 1:
        raise BundleError(at, "needs exactly one id and one reason")
    return {"id": values["id"][0], "reason": values["reason"][0], "findings": values["finding"]}


def _scores(index: BundleIndex) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for obs in _observations(index, CATEGORY_SCORE):
        where = where_of(obs)
        name = code_in(obs.get("code"), SCORE, where)
        out[name] = read_components(listed(obs, "component", where), where)
    return out


def read_components(components: list[Any], where: str) -> dict[str, Any]:
    """A score's result from the components :func:`.plan_out.score_components` writes."""
    out: dict[str, Any] = {}
    for i, comp in enumerate(components):
        at = f"{where} component[{i}]"
        if not isinstance(comp, Mapping):
            raise BundleError(at, "must be an object")
        code = code_in(comp.get("code"), SCORE_COMPONENT, at)
        is_list = code.endswith(LIST_MARK)
        *parents, key = (code[: -len(LIST_MARK)] if is_list else code).split(".")
        target = out
        for part in parents:
            target = target.setdefault(part, {})
            if not isinstance(target, dict):
                raise BundleError(at, f"{code!r} clashes with another component")
        has_value = any(k.startswith("value") for k in comp) or "dataAbsentReason" in comp
        if is_list:
            entries = target.setdefault(key, [])
            if has_value:
                entries.append(_component_value(comp, at))
        else:
            target[key] = _component_value(comp, at)
    return out


def _component_value(comp: Mapping[str, Any], at: str) -> Any:
    if "dataAbsentReason" in comp:
        return None
    if "valueBoolean" in comp:
        return need(comp, "valueBoolean", at, bool)
    if "valueInteger" in comp:
        return need(comp, "valueInteger", at, int)
    if "valueString" in comp:
        return need(comp, "valueString", at, str)
    if "valueQuantity" in comp:
        quantity = need(comp, "valueQuantity", at, Mapping)
        value = need(quantity, "value", f"{at} valueQuantity", float | int)
        return float(value)
    raise BundleError(at, "needs a value (boolean, integer, string or quantity)")
