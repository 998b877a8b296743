"""Helpers for the FHIR tests: the shared example cases as visits, and the R4 validation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from fhir.resources import __fhir_version__, get_fhir_model_class
from fhir.resources.bundle import Bundle

from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import parse_case
from intake_desktop.interop import FhirVisit, PatientIdentity

EXAMPLES_DIR = (
    Path(__file__).resolve().parents[1] / "data" / "examples"
)  # tests never read ../shared
EXAMPLES = sorted(p for p in EXAMPLES_DIR.glob("*.json") if not p.name.endswith(".expected.json"))
TODAY = date(2026, 12, 31)
SIGNED_AT = datetime(2026, 11, 20, 16, 45, 12, tzinfo=UTC)


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def make_visit(data: dict[str, Any], status: str = "signed", **changes: Any) -> FhirVisit:
    """A visit of synthetic data around a case file (as decoded JSON)."""
    case = parse_case(data, today=TODAY)
    plan = evaluate(case)
    fields: dict[str, Any] = {
        "visit_id": "1017",
        "case": case,
        "plan": plan,
        "patient": PatientIdentity(
            date_of_birth=case.patient.date_of_birth,
            record_number=case.patient.id or "MRN-TEST-0001",
            name="Testa Synthetica",
            sex=case.patient.sex or "unknown",
            language="en",
        ),
        "status": status,
        "clinic_name": "Example Spine Clinic",
    }
    if status != "draft":
        fields.update(accepted_level=plan.level, signed_by="dr.example", signed_at=SIGNED_AT)
    if status == "amended":
        fields["amendment_reason"] = "walking distance corrected"
    fields.update(changes)
    return FhirVisit(**fields)


def validate_r4(bundle: dict[str, Any]) -> None:
    """The Bundle, and each resource on its own, parse with the FHIR R4 models."""
    assert __fhir_version__ == "4.0.1"
    Bundle.parse_obj(bundle)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).parse_obj(resource)
    assert_json_rules(bundle)


def assert_json_rules(value: Any, path: str = "Bundle") -> None:
    """FHIR JSON never holds null, empty strings, empty lists or empty objects.

    The models accept those; receiving servers do not, so the test checks them itself.
    """
    assert value is not None and value != "" and value != [] and value != {}, path
    if isinstance(value, dict):
        for k, v in value.items():
            assert_json_rules(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            assert_json_rules(v, f"{path}[{i}]")


def resources(bundle: dict[str, Any], rtype: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == rtype]


def every_field_case() -> dict[str, Any]:
    """A synthetic case recording every field of the schema, with the awkward values too.

    Empty lists (screened: nothing found), unanswered questionnaire sections, an empty object,
    empty text, decimals and whole numbers in decimal fields.
    """
    return {
        "format": "spine-intake-case/1",
        "patient": {
            "id": "MRN-TEST-0002",
            "name": "",
            "date_of_birth": "1950-06-15",
            "sex": "other",
            "weight_kg": 81.5,
            "height_cm": 172,
            "language": "es",
        },
        "visit_date": "2026-11-20",
        "history": {
            "symptom_sites": ["low_back", "calf", "neck"],
            "bilateral": False,
            "leg_pain_exceeds_back_pain": True,
            "onset": "sudden",
            "onset_after_lifting_or_twisting": False,
            "duration_weeks": 30.5,
            "worse_with": ["walking", "neck_movement"],
            "eased_by": [],
            "seconds_to_relief_on_sitting": 0,
            "shopping_cart_sign": True,
            "painless_walking_distance_m": 150,
            "standing_tolerance_min": 7.5,
            "sensations": ["numbness", "sharp_shooting"],
            "hand_clumsiness": False,
            "balance_problems": False,
            "arm_symptoms": False,
            "sleep_disrupted": True,
            "pain_nrs": {"back": 0, "leg": 8, "neck": 2, "arm": 10},
        },
        "red_flags": [],
        "comorbidities": ["diabetes", "mri_contraindicated"],
        "exam": {
            "shopping_cart_sign": True,
            "flexion_relief": True,
            "extension_provokes": False,
            "walking_test_distance_m": 120.25,
            "walking_test_minutes_to_onset": 3,
            "straight_leg_raise_positive": False,
            "achilles_reflex_abnormal": True,
            "foot_drop": False,
            "leg_weakness": "stable",
            "saddle_sensation_reduced": False,
            "gait_unsteady": False,
            "romberg_positive": False,
            "hoffmann_sign": False,
            "hand_dexterity_reduced": False,
            "pedal_pulses": "diminished",
            "ankle_brachial_index": 0.905,
            "temperature_c": 36.8,
        },
        "imaging": {
            "modality": "ct_myelogram",
            "date": "2026-10-01",
            "levels": ["L3-L4", "L4-L5"],
            "causes": ["ligamentum_flavum_hypertrophy", "facet_hypertrophy"],
            "canal_area_mm2": 72,
            "instability_on_flexion_extension": False,
        },
        "treatment": {
            "conservative_care_weeks": 40,
            "physical_therapy_weeks": 12.5,
            "injections": [
                {
                    "date": "2026-03-01",
                    "type": "epidural_steroid",
                    "relief_weeks": 1.5,
                    "function_improved": False,
                },
                {"date": "2026-06-01", "type": "medial_branch_block"},
            ],
            "medication_trend": "increasing",
            "activity_trend": "decreasing",
            "opioid_use": False,
            "home_measures_benefit": "none",
        },
        "function": {
            "walking_distance_shrinking": True,
            "sitting_breaks_increasing": False,
            "activities_given_up": True,
            "flares_increasing": False,
            "previous_painless_walking_distance_m": 400,
        },
        "questionnaires": {
            "odi": [1, 5, 4, 4, 3, 0, 1, 5, 3, None],
            "ndi": [None, None, 2, 3, 2, 1, 2, 2, 1, 1],
            "zcq": {
                "symptom_severity": [3, 4, None, 4, None, 2, 3],
                "physical_function": [2, 3, 2, 1, 1],
            },
            "mjoa": {"upper_motor": 5, "lower_motor": 6, "upper_sensation": 3, "bladder": 3},
        },
        "framework": {"goal": "structural_relief", "recovery": "outpatient_only"},
    }


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.stem)
def example(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Each shared example case file in turn."""
    return load(request.param)


@pytest.fixture
def dialect() -> Iterator[str]:
    """The command-line tests need one database; SQLite (the services test both)."""
    yield "sqlite"
