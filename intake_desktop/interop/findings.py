"""The clinically meaningful findings of a case as Observations, for systems that read those.

They are a *view* of the case for other systems: standard codes where one is certain (LOINC for
weight, height, temperature and the 0-10 pain rating), the app's ``finding`` code system otherwise,
coded by the field's dotted path so that each maps back to exactly one field. The
QuestionnaireResponses remain the record the case is imported from; these are rebuilt from it on
every export, so they cannot drift from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .questionnaires import Item, coding, intake_items, walk
from .systems import (
    CATEGORY_FINDING,
    FINDING,
    LOINC,
    LOINC_FINDINGS,
    LOINC_PAIN_NRS,
    OBSERVATION_CATEGORY,
    OBSERVATION_CATEGORY_HL7,
    PAIN_SITE,
    UCUM,
    unit_of,
)

#: Fields reported as Observations (beyond the exam, all of which is), with their HL7 category.
FINDING_FIELDS: dict[str, str] = {
    "patient.weight_kg": "vital-signs",
    "patient.height_cm": "vital-signs",
    "history.painless_walking_distance_m": "survey",
    "history.standing_tolerance_min": "survey",
    "imaging.canal_area_mm2": "imaging",
    "imaging.instability_on_flexion_extension": "imaging",
}
PAIN_SITES: tuple[str, ...] = ("back", "leg", "neck", "arm")


def finding_observations(
    case: Mapping[str, Any], base: Mapping[str, Any]
) -> list[tuple[str, dict[str, Any]]]:
    """(id role, Observation) for every recorded finding, in the case's field order.

    ``base`` holds what every Observation of the visit shares (status, subject, encounter, date).
    """
    defs = walk(intake_items())
    out: list[tuple[str, dict[str, Any]]] = []
    for path, category in _finding_paths(case):
        value = _get(case, path)
        if value is None:
            continue
        item = defs[path]
        if path == "exam.temperature_c":
            category = "vital-signs"
        out.append((f"finding/{path}", _observation(item, value, category, base)))
    nrs = _get(case, "history.pain_nrs") or {}
    for site in PAIN_SITES:
        if site in nrs:
            out.append((f"finding/history.pain_nrs.{site}", _pain(site, nrs[site], base)))
    return out


def _finding_paths(case: Mapping[str, Any]) -> list[tuple[str, str]]:
    paths = [(p, c) for p, c in FINDING_FIELDS.items() if not p.startswith("imaging")]
    exam = walk(intake_items())["exam"]
    paths += [(child.link_id, "exam") for child in exam.children]
    paths += [(p, c) for p, c in FINDING_FIELDS.items() if p.startswith("imaging")]
    return paths


def _get(data: Mapping[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _categories(hl7: str) -> list[dict[str, Any]]:
    return [
        {"coding": [{"system": OBSERVATION_CATEGORY_HL7, "code": hl7}]},
        {"coding": [{"system": OBSERVATION_CATEGORY, "code": CATEGORY_FINDING}]},
    ]


def _observation(item: Item, value: Any, category: str, base: Mapping[str, Any]) -> dict[str, Any]:
    codings = []
    if item.link_id in LOINC_FINDINGS:
        loinc, display = LOINC_FINDINGS[item.link_id]
        codings.append({"system": LOINC, "code": loinc, "display": display})
    codings.append({"system": FINDING, "code": item.link_id, "display": item.text})
    obs: dict[str, Any] = {
        "resourceType": "Observation",
        "status": base["status"],
        "category": _categories(category),
        "code": {"coding": codings, "text": item.text},
        **{k: v for k, v in base.items() if k != "status"},
    }
    if item.kind == "boolean":
        obs["valueBoolean"] = value
    elif item.kind == "choice":
        obs["valueCodeableConcept"] = {"coding": [coding(item, value)]}
    elif item.kind == "integer" and unit_of(item.name) is None:
        obs["valueInteger"] = value
    else:
        obs["valueQuantity"] = quantity(value, unit_of(item.name))
    return obs


def quantity(value: float, unit: tuple[str, str] | None) -> dict[str, Any]:
    """A Quantity, with its UCUM unit when it has one."""
    out: dict[str, Any] = {"value": value}
    if unit is not None:
        out.update({"unit": unit[1], "system": UCUM, "code": unit[0]})
    return out


def _pain(site: str, value: int, base: Mapping[str, Any]) -> dict[str, Any]:
    code, display = LOINC_PAIN_NRS
    path = f"history.pain_nrs.{site}"
    return {
        "resourceType": "Observation",
        "status": base["status"],
        "category": _categories("survey"),
        "code": {
            "coding": [
                {"system": LOINC, "code": code, "display": display},
                {"system": FINDING, "code": path, "display": f"{site.capitalize()} pain (0-10)"},
            ],
            "text": f"{site.capitalize()} pain, worst in the last week (0-10)",
        },
        **{k: v for k, v in base.items() if k != "status"},
        "bodySite": {"coding": [{"system": PAIN_SITE, "code": site}], "text": site},
        "valueInteger": value,
    }
