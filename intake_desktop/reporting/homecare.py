"""Which home-care advice fits a visit (CLINICAL_CONTENT.md section 4, conservative care).

The choice is clinical and lives here; the wording of each item is the clinic's and lives in the
patient template under ``home_care.items.<key>``. Advice follows the pattern: flexion-biased
stretches and interval walking for neurogenic claudication, a walking programme for suspected
vascular claudication, fall-proofing and neck care for possible cord compression, staying
active for a disc. Physical therapy is for the region that hurts (core and hips for the low back,
neck and shoulders for the neck), and every exercise list warns against high-velocity spinal
manipulation (CLINICAL_CONTENT.md s. 9: gentle mobilisation is safer). Before an urgent or
emergency assessment exercises are not the point: the patient summary prints the template's
"until you are seen" advice instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake_desktop.domain.case import Case
from intake_desktop.domain.codes import level_rank

#: Every item the patient template must word, in the order they are printed.
HOME_CARE_ITEMS: tuple[str, ...] = (
    "physical_therapy",
    "physical_therapy_neck",
    "flexion_stretches",
    "interval_walking",
    "vascular_walking",
    "no_manipulation",
    "cycling",
    "swimming",
    "stay_active",
    "lifting",
    "neck_posture",
    "neck_care",
    "balance_safety",
    "walking_aid",
    "weight",
    "stop_smoking",
    "heat_ice",
    "pain_medicine",
    "pain_medicine_blood_thinner",
    "opioid_review",
    "keep_up_programme",
)

_BY_PATTERN: dict[str, tuple[str, ...]] = {
    "lumbar_neurogenic_claudication": (
        "physical_therapy",
        "flexion_stretches",
        "interval_walking",
        "cycling",
        "swimming",
    ),
    "vascular_claudication_suspected": ("vascular_walking",),
    "cervical_myelopathy": ("neck_care", "balance_safety"),
    "cervical_radiculopathy": ("physical_therapy_neck", "neck_posture", "stay_active"),
    "disc_herniation_suspected": ("physical_therapy", "stay_active", "lifting"),
    "mixed_or_unclear": ("physical_therapy", "interval_walking", "stay_active"),
}
OVERWEIGHT_BMI = 25.0
#: At most this many items, so the summary stays within two pages and each item gets read.
MAX_ITEMS = 7
#: Which items win when more than MAX_ITEMS fit: pattern-specific exercise and safety first,
#: then medication safety, then the rest.
_PRIORITY: tuple[str, ...] = (
    "physical_therapy",
    "physical_therapy_neck",
    "flexion_stretches",
    "interval_walking",
    "vascular_walking",
    "no_manipulation",
    "neck_care",
    "balance_safety",
    "stay_active",
    "lifting",
    "neck_posture",
    "pain_medicine_blood_thinner",
    "pain_medicine",
    "opioid_review",
    "walking_aid",
    "stop_smoking",
    "cycling",
    "keep_up_programme",
    "weight",
    "heat_ice",
    "swimming",
)


def home_care_items(case: Case, plan: Mapping[str, Any], level: str) -> list[str]:
    """The keys of the home-care advice that fits this visit, in printing order."""
    if level_rank(level) >= level_rank("urgent"):
        return []
    pattern = str(plan.get("pattern"))
    chosen = set(_BY_PATTERN.get(pattern, _BY_PATTERN["mixed_or_unclear"]))
    region = str(plan.get("region"))
    if "physical_therapy" in chosen and region == "cervical":
        chosen.discard("physical_therapy")  # core and hips are the low back's exercises
        chosen.add("physical_therapy_neck")
    elif region == "both" and pattern != "cervical_myelopathy":
        chosen.add("physical_therapy_neck")
    chosen.add("no_manipulation")
    history = case.history
    exam = case.exam
    unsteady = bool(
        (history and (history.balance_problems or history.shopping_cart_sign))
        or (exam and (exam.gait_unsteady or exam.romberg_positive or exam.shopping_cart_sign))
    )
    if unsteady and plan.get("pattern") != "vascular_claudication_suspected":
        chosen.add("walking_aid")
    if (bmi := _bmi(case)) is not None and bmi >= OVERWEIGHT_BMI:
        chosen.add("weight")
    if case.has_comorbidity("smoker"):
        chosen.add("stop_smoking")
    chosen.add("heat_ice")
    blood_thinner = case.has_comorbidity("anticoagulant_use")
    chosen.add("pain_medicine_blood_thinner" if blood_thinner else "pain_medicine")
    if case.treatment and case.treatment.opioid_use:
        chosen.add("opioid_review")
    exercising = chosen & {"physical_therapy", "interval_walking", "vascular_walking"}
    if exercising and level in ("interventional", "minimally_invasive", "surgical"):
        chosen.add("keep_up_programme")
    kept = set(sorted(chosen, key=_PRIORITY.index)[:MAX_ITEMS])
    return [item for item in HOME_CARE_ITEMS if item in kept]


def _bmi(case: Case) -> float | None:
    p = case.patient
    if p.weight_kg is None or p.height_cm is None:
        return None
    return p.weight_kg / (p.height_cm / 100) ** 2
