"""A seeded generator of valid, clinically varied visits for the bulk patient-sheet test.

Hypothesis' strategies (tests/domain/strategies.py) draw every field uniformly, so almost every
case has a red flag; these are built around the patterns instead (low back, neck cord, neck
nerve, blood flow, disc, unclear), with red flags in about one case in six, and injections,
scans, walking distances, follow-up notes and names (or none) varied around each. Every case
goes through ``parse_case``, so each is a valid case file; the plan is the engine's. Plans of
rules 2026.12 (with ``procedures``) are made by hand from the engine's where it does not fill
them yet, as the clinic would store them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from intake_desktop.domain.codes import RED_FLAGS
from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import parse_case
from intake_desktop.reporting import VisitDocument
from tests.reporting.builders import LONG_NAME

VISIT = date(2026, 11, 20)
_PATTERNS: dict[str, dict[str, Any]] = {
    "lumbar": {
        "symptom_sites": ["low_back", "buttock", "thigh", "calf"],
        "worse_with": ["walking", "standing"],
        "eased_by": ["sitting", "bending_forward"],
        "sensations": ["ache", "heaviness", "tingling"],
    },
    "myelopathy": {
        "symptom_sites": ["neck", "arm", "hand"],
        "hand_clumsiness": True,
        "balance_problems": True,
        "arm_symptoms": True,
    },
    "radiculopathy": {"symptom_sites": ["neck", "arm"], "arm_symptoms": True},
    "vascular": {
        "symptom_sites": ["calf"],
        "worse_with": ["walking"],
        "eased_by": ["stopping_while_standing"],
        "sensations": ["cramping"],
    },
    "disc": {
        "symptom_sites": ["low_back", "thigh"],
        "onset": "sudden",
        "onset_after_lifting_or_twisting": True,
        "sensations": ["sharp_shooting"],
    },
    "unclear": {"symptom_sites": ["low_back", "neck", "calf"]},
}
_CAUSES = ["ligamentum_flavum_hypertrophy", "facet_hypertrophy", "disc_bulge",
           "spondylolisthesis", "instability", "congenital", "multilevel"]  # fmt: skip
_NAMES = ["Ana Ruiz", "Tomás Okafor", "Mei-Ling Brandt", "Zoë O'Neill & Sons", ""]


def sheet_cases(n: int, seed: int = 20261204) -> Iterator[tuple[dict[str, Any], VisitDocument]]:
    """``n`` (case data, visit document) pairs, the same for the same seed."""
    rng = random.Random(seed)
    for i in range(n):
        data = _case(rng, i)
        case = parse_case(data, today=VISIT)
        plan = evaluate(case).to_dict()
        if plan["rules_version"] < "2026.12" and rng.random() < 0.6:
            plan = _as_2026_12(plan, rng)
        name = rng.choice(_NAMES) if rng.random() < 0.95 else LONG_NAME
        doc = VisitDocument(
            case=case,
            plan=plan,
            patient_name=name,
            record_number=rng.choice([None, "MRN-0042", " "]),
            status=rng.choice(["draft", "signed"]),
            language=data["patient"].get("language"),
        )
        yield data, doc


def _case(rng: random.Random, i: int) -> dict[str, Any]:
    kind = rng.choice(list(_PATTERNS))
    history: dict[str, Any] = dict(_PATTERNS[kind])
    lumbar = kind in ("lumbar", "vascular", "disc", "unclear")
    if lumbar and rng.random() < 0.7:
        history["leg_pain_exceeds_back_pain"] = rng.random() < 0.6
        history["pain_nrs"] = {"back": rng.randint(0, 10), "leg": rng.randint(0, 10)}
    if rng.random() < 0.8:
        history["painless_walking_distance_m"] = rng.choice([0, 20, 45, 80, 150, 220, 400, 1200])
    if rng.random() < 0.3:
        history["standing_tolerance_min"] = rng.randint(1, 60)
    data: dict[str, Any] = {
        "format": "spine-intake-case/1",
        "patient": {
            "date_of_birth": (VISIT - timedelta(days=rng.randint(25 * 365, 90 * 365))).isoformat()
        },
        "visit_date": VISIT.isoformat(),
        "history": history,
    }
    if rng.random() < 0.3:
        data["patient"]["id"] = f"IMP-{i:05d}"
    exam: dict[str, Any] = {}
    if kind == "myelopathy":
        exam.update(hoffmann_sign=True, gait_unsteady=rng.random() < 0.5)
    if kind == "vascular" or rng.random() < 0.1:
        exam.update(pedal_pulses="diminished", ankle_brachial_index=0.7, flexion_relief=False)
    if lumbar and rng.random() < 0.3:
        exam["leg_weakness"] = rng.choice(["none", "stable"])
    if exam:
        data["exam"] = exam
    if rng.random() < 0.16:
        data["red_flags"] = rng.sample(list(RED_FLAGS), rng.randint(1, 2))
    treatment: dict[str, Any] = {}
    if rng.random() < 0.85:
        treatment["conservative_care_weeks"] = rng.choice([0, 2, 5, 8, 12, 20, 30, 60])
    if rng.random() < 0.5:
        treatment["injections"] = [_injection(rng) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.4:
        treatment["home_measures_benefit"] = rng.choice(["lasting", "brief", "none"])
    if rng.random() < 0.3:
        treatment.update(medication_trend="increasing", activity_trend="decreasing")
    if treatment:
        data["treatment"] = treatment
    if rng.random() < 0.6:
        data["function"] = {
            "walking_distance_shrinking": rng.random() < 0.4,
            "sitting_breaks_increasing": rng.random() < 0.4,
            "activities_given_up": rng.random() < 0.4,
            "flares_increasing": rng.random() < 0.3,
            "previous_painless_walking_distance_m": rng.choice([100, 300, 500, 900]),
        }
    if rng.random() < 0.45:
        data["imaging"] = {
            "modality": rng.choice(["mri", "ct_myelogram", "xray"]),
            "levels": rng.sample(["L3-L4", "L4-L5", "L5-S1"], rng.randint(1, 3)),
            "causes": rng.sample(_CAUSES, rng.randint(1, 2)),
        }
    if rng.random() < 0.3:
        data["framework"] = {
            "goal": rng.choice(["symptom_management", "structural_relief"]),
            "recovery": rng.choice(["outpatient_only", "short_recovery", "surgery_acceptable"]),
            "limitation": rng.choice(["mild", "moderate", "severe"]),
        }
    if rng.random() < 0.3:
        data["comorbidities"] = rng.sample(
            ["diabetes", "smoker", "anticoagulant_use", "peripheral_arterial_disease"], 2
        )
    if rng.random() < 0.4:
        data["follow_up"] = {
            "next_visit_date": (VISIT + timedelta(days=rng.randint(7, 90))).isoformat(),
            "note_for_patient": rng.choice(
                ["", "Keep a walking diary.", "Bring <all> pills & a list."]
            ),
        }
    data["patient"]["language"] = rng.choice(["en", "es"])
    return data


def _injection(rng: random.Random) -> dict[str, Any]:
    kind = rng.choice(["epidural_steroid", "epidural_steroid", "medial_branch_block",
                       "radiofrequency_ablation"])  # fmt: skip
    out: dict[str, Any] = {
        "date": (VISIT - timedelta(days=rng.randint(14, 700))).isoformat(),
        "type": kind,
        "relief_weeks": rng.choice([0, 1, 3, 8, 20]),
        "function_improved": rng.random() < 0.4,
    }
    if kind == "medial_branch_block" and rng.random() < 0.7:
        out["response"] = rng.choice(["positive", "negative"])
    return out


def _as_2026_12(plan: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The plan as rules 2026.12 would store it: procedures at procedure levels, and never the
    epidural the plan says not to repeat; vascular patterns get none."""
    fired = {r["id"] for r in plan["rules_fired"]}
    level = plan["level"]
    options: list[list[str]] = [[]]
    if plan["pattern"] == "vascular_claudication_suspected" or level in (
        "conservative", "urgent", "emergency"
    ):  # fmt: skip
        options = [[]]
    elif level == "interventional":
        options = [["medial_branch_block"], ["radiofrequency_ablation"], []]
        if "R6.no_repeat_injection" not in fired:
            options.append(["epidural_steroid"])
    elif level == "minimally_invasive":
        options = [["mild"], ["interspinous_spacer"], ["spinal_cord_stimulation"]]
    elif level == "surgical":
        options = [["decompression"], ["decompression_with_stabilisation"]]
    return {**plan, "rules_version": "2026.12.0", "procedures": rng.choice(options)}
