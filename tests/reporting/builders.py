"""Synthetic visits for the report tests: the shared examples, and deliberately long ones.

Every patient is made up (names from Faker with a fixed seed, or typed here); nothing comes from a
real record.
"""

from __future__ import annotations

import copy
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from faker import Faker

from intake_desktop.domain.codes import RED_FLAGS
from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import parse_case
from intake_desktop.reporting import Amendment, VisitDocument
from tests.domain.builders import DATA

EXAMPLES = sorted(
    p for p in (DATA / "examples").glob("*.json") if not p.name.endswith(".expected.json")
)
TODAY = date(2026, 11, 23)
SIGNED_AT = datetime(2026, 11, 20, 16, 5)
#: Long enough to test wrapping and the footer's cut, with accents and a hyphen.
LONG_NAME = ("Maria-Zoë Álvarez de la Fuente-Okonkwo Lindqvist " * 5)[:200].strip()

_fake = Faker(["en_US", "es_ES", "de_DE"])
_fake.seed_instance(20261120)


def synthetic_name() -> str:
    """A made-up full name (seeded, so every run prints the same)."""
    return _fake.name()


def example_data(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def document(
    data: dict[str, Any],
    *,
    name: str | None = None,
    status: str = "draft",
    **extra: Any,
) -> VisitDocument:
    """A visit document from case data: the plan is computed here, as at signature."""
    case = parse_case(data, today=TODAY)
    signed = status != "draft"
    fields: dict[str, Any] = {
        "patient_name": name or synthetic_name(),
        "record_number": "MRN-00421",
        "visit_id": "17",
        "status": status,
        "signed_by": "Dr Aino Lindqvist" if signed else None,
        "signed_at": SIGNED_AT if signed else None,
        "accepted_level": None,
    }
    fields.update(extra)
    plan = evaluate(case)
    if signed and fields["accepted_level"] is None:
        fields["accepted_level"] = plan.level
    return VisitDocument(case=case, plan=plan.to_dict(), **fields)


def injections(n: int, visit: date = date(2026, 11, 20)) -> list[dict[str, Any]]:
    """``n`` epidural injections, newest a month before the visit, every two months before."""
    kinds = ["epidural_steroid", "medial_branch_block", "radiofrequency_ablation"]
    return [
        {
            "date": (visit - timedelta(days=30 + 61 * i)).isoformat(),
            "type": kinds[i % 3],
            "relief_weeks": 1 + (i % 4),
            "function_improved": i % 5 == 0,
        }
        for i in range(n)
    ]


def everything_case(n_injections: int = 20) -> dict[str, Any]:
    """Every red flag, every questionnaire, every recorded field, and many injections."""
    return {
        "format": "spine-intake-case/1",
        "patient": {
            "date_of_birth": "1949-04-11",
            "sex": "female",
            "weight_kg": 92.5,
            "height_cm": 161,
            "language": "en",
        },
        "visit_date": "2026-11-20",
        "history": {
            "symptom_sites": ["low_back", "buttock", "thigh", "calf", "foot", "neck", "hand"],
            "bilateral": True,
            "leg_pain_exceeds_back_pain": True,
            "onset": "gradual",
            "onset_after_lifting_or_twisting": False,
            "duration_weeks": 104,
            "worse_with": ["walking", "standing", "back_extension"],
            "eased_by": ["sitting", "bending_forward"],
            "seconds_to_relief_on_sitting": 95,
            "shopping_cart_sign": True,
            "painless_walking_distance_m": 80,
            "standing_tolerance_min": 4,
            "sensations": ["ache", "heaviness", "tingling", "numbness", "cramping", "weakness"],
            "hand_clumsiness": False,
            "balance_problems": True,
            "arm_symptoms": False,
            "sleep_disrupted": True,
            "pain_nrs": {"back": 5, "leg": 8, "neck": 2, "arm": 1},
        },
        "red_flags": list(RED_FLAGS),
        "comorbidities": ["diabetes", "smoker", "anticoagulant_use", "osteoporosis"],
        "exam": {
            "shopping_cart_sign": True,
            "flexion_relief": True,
            "extension_provokes": True,
            "walking_test_distance_m": 120,
            "walking_test_minutes_to_onset": 2.5,
            "straight_leg_raise_positive": False,
            "achilles_reflex_abnormal": True,
            "foot_drop": True,
            "leg_weakness": "progressive",
            "saddle_sensation_reduced": True,
            "gait_unsteady": True,
            "romberg_positive": True,
            "hoffmann_sign": False,
            "hand_dexterity_reduced": False,
            "pedal_pulses": "normal",
            "ankle_brachial_index": 1.05,
            "temperature_c": 38.4,
        },
        "imaging": {
            "modality": "mri",
            "date": "2026-09-01",
            "levels": ["L3-L4", "L4-L5"],
            "causes": ["ligamentum_flavum_hypertrophy", "facet_hypertrophy", "disc_bulge"],
            "canal_area_mm2": 68,
            "instability_on_flexion_extension": False,
        },
        "treatment": {
            "conservative_care_weeks": 60,
            "physical_therapy_weeks": 24,
            "injections": injections(n_injections),
            "medication_trend": "increasing",
            "activity_trend": "decreasing",
            "opioid_use": True,
            "home_measures_benefit": "brief",
        },
        "function": {
            "walking_distance_shrinking": True,
            "sitting_breaks_increasing": True,
            "activities_given_up": True,
            "flares_increasing": True,
            "previous_painless_walking_distance_m": 200,
        },
        "questionnaires": {
            "odi": [3, 2, 4, 4, 3, 4, 3, None, 3, 4],
            "ndi": [1, 0, 1, 2, 1, 0, 1, 1, 0, 1],
            "zcq": {
                "symptom_severity": [4, 4, 3, 4, 3, 4, 3],
                "physical_function": [3, 3, 2, 3, 3],
            },
            "mjoa": {"upper_motor": 5, "lower_motor": 5, "upper_sensation": 3, "bladder": 2},
        },
    }


def busiest_plan_case() -> dict[str, Any]:
    """No red flag, but as much as possible on the patient sheet: the longest home-care list
    and work-up (failed injections, vascular and diabetic features, spondylolisthesis)."""
    data = everything_case(4)
    data["red_flags"] = []
    data["history"]["leg_pain_exceeds_back_pain"] = False
    data["history"]["pain_nrs"] = {"back": 8, "leg": 5}
    data["history"]["symptom_sites"] = ["low_back", "buttock", "thigh", "calf"]
    data["comorbidities"] = ["diabetes", "smoker", "anticoagulant_use"]
    exam = data["exam"]
    for key in ("foot_drop", "saddle_sensation_reduced", "temperature_c", "ankle_brachial_index"):
        exam.pop(key)
    exam["leg_weakness"] = "stable"
    exam["pedal_pulses"] = "diminished"
    data.pop("imaging")
    data["treatment"]["injections"] = [
        {
            "date": "2026-10-01",
            "type": "epidural_steroid",
            "relief_weeks": 1,
            "function_improved": False,
        },
        {
            "date": "2026-06-01",
            "type": "epidural_steroid",
            "relief_weeks": 3,
            "function_improved": False,
        },
        {
            "date": "2026-02-01",
            "type": "epidural_steroid",
            "relief_weeks": 4,
            "function_improved": False,
        },
    ]
    data["treatment"]["conservative_care_weeks"] = 12
    return data


def amended(data: dict[str, Any]) -> VisitDocument:
    """A signed visit whose level was overridden, then amended twice."""
    return document(
        copy.deepcopy(data),
        status="amended",
        accepted_level="surgical",
        override_reason="Patient asked for a surgical opinion after discussing all options.",
        amendments=(
            Amendment("Dr Ravi Menon", datetime(2026, 11, 21, 9, 30), "Corrected ODI answers."),
            ("Dr Aino Lindqvist", datetime(2026, 11, 22, 14, 0), "Added imaging date."),
        ),
    )


#: The safety-net signs each pattern must print (CLINICAL_CONTENT.md s. 9), written out here
#: rather than taken from reporting.safety, so that the tests say what the sheet must show.
LUMBAR_SIGNS = ("bladder_bowel", "saddle_numbness", "foot_drop", "leg_weakness", "fever")
CERVICAL_SIGNS = (
    "bladder_bowel",
    "hands_weaker",
    "dropping_things",
    "arm_weakness",
    "balance_worse",
)
VASCULAR_SIGNS = ("foot_cold", "foot_rest_pain", "foot_sore")


def expected_signs(doc: VisitDocument) -> set[str]:
    """The warning signs the sheet of ``doc`` must list, by its pattern and region."""
    plan = doc.plan
    pattern, region = plan["pattern"], plan["region"]
    signs: set[str] = set()
    cervical = pattern.startswith("cervical") or region in ("cervical", "both")
    if pattern in ("lumbar_neurogenic_claudication", "disc_herniation_suspected") or region in (
        "lumbar",
        "both",
    ):
        signs |= set(LUMBAR_SIGNS)
    if cervical:
        signs |= set(CERVICAL_SIGNS)
    if not signs:
        signs |= set(LUMBAR_SIGNS)
    vascular_work = {"abi", "vascular_referral"} & set(plan["workup"])
    if pattern == "vascular_claudication_suspected" or vascular_work:
        signs |= set(VASCULAR_SIGNS)
    return signs


def headline_key(doc: VisitDocument) -> str:
    """The template key of what the sheet recommends, as the plan decides it (s. 9)."""
    plan = doc.plan
    if plan["red_flags"] or doc.overridden:
        return f"care.levels.{doc.level}.name"
    if plan["pattern"] == "vascular_claudication_suspected":
        return "care.vascular.name"
    procedures = plan.get("procedures") or []
    current = tuple(int(p) for p in plan["rules_version"].split(".")) >= (2026, 12)
    if doc.level == "interventional" and current:
        return f"procedures.{procedures[0]}.name" if procedures else "care.review.name"
    if doc.level == "interventional" and any(
        r["id"] == "R6.no_repeat_injection" for r in plan["rules_fired"]
    ):
        mbb = "medial_branch_block" in plan["workup"]
        return "procedures.medial_branch_block.name" if mbb else "care.review.name"
    return f"care.levels.{doc.level}.name"
