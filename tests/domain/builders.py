"""Small builders for synthetic cases, so each test states only what it is about."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

from intake_desktop.domain.case import Case
from intake_desktop.domain.validation import parse_case

DATA = Path(__file__).resolve().parents[1] / "data"
TODAY = date(2026, 11, 23)
VISIT = "2026-11-20"

#: A typical lumbar neurogenic claudication patient of 68 after 10 weeks of conservative care,
#: with moderate limitation and one escalation sign (leg pain dominant).
BASE: dict[str, Any] = {
    "format": "spine-intake-case/1",
    "patient": {"date_of_birth": "1958-03-02", "sex": "female"},
    "visit_date": VISIT,
    "history": {
        "symptom_sites": ["low_back", "buttock", "thigh"],
        "bilateral": True,
        "leg_pain_exceeds_back_pain": True,
        "onset": "gradual",
        "worse_with": ["walking", "standing"],
        "eased_by": ["sitting", "bending_forward"],
        "seconds_to_relief_on_sitting": 90,
        "shopping_cart_sign": True,
        "painless_walking_distance_m": 300,
        "standing_tolerance_min": 20,
        "pain_nrs": {"back": 4, "leg": 7},
    },
    "exam": {"flexion_relief": True, "pedal_pulses": "normal", "leg_weakness": "none"},
    "treatment": {"conservative_care_weeks": 10},
}


def merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``changes`` into a copy of ``base``; a value of ``None`` removes the key."""
    out = copy.deepcopy(base)
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def case_data(**changes: Any) -> dict[str, Any]:
    return merge(BASE, changes)


def make_case(**changes: Any) -> Case:
    return parse_case(case_data(**changes), today=TODAY)


def escalated(**changes: Any) -> Case:
    """The base patient with two more escalation signs, so blocks 5 and 6 are reached."""
    more = {"function": {"walking_distance_shrinking": True, "activities_given_up": True}}
    return parse_case(merge(merge(BASE, more), changes), today=TODAY)


def structural(**changes: Any) -> Case:
    """A patient who meets every condition of block 5 (structural relief considered)."""
    base = {
        "history": {"painless_walking_distance_m": 60},
        "treatment": {
            "conservative_care_weeks": 40,
            "injections": [
                {
                    "date": "2026-03-01",
                    "type": "epidural_steroid",
                    "relief_weeks": 1,
                    "function_improved": False,
                },
            ],
        },
        "imaging": {
            "modality": "mri",
            "date": "2026-09-01",
            "levels": ["L4-L5"],
            "causes": ["ligamentum_flavum_hypertrophy"],
        },
        "function": {"walking_distance_shrinking": True, "activities_given_up": True},
    }
    return parse_case(merge(merge(BASE, base), changes), today=TODAY)


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
