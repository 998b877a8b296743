"""The stable codes of the clinical specification.

They are an interface (case files, plans, the database and printed documents use them), so they
live in one place and are never renamed in passing. See CLINICAL_CONTENT.md sections 2 to 6.
"""

from __future__ import annotations

from typing import Literal, get_args

CASE_FORMAT = "spine-intake-case/1"
PLAN_FORMAT = "spine-intake-plan/1"

SymptomSite = Literal[
    "low_back", "buttock", "groin", "thigh", "calf", "foot", "neck", "shoulder", "arm", "hand"
]
LUMBAR_SITES = frozenset({"low_back", "buttock", "groin", "thigh", "calf", "foot"})
LEG_SITES = frozenset({"buttock", "groin", "thigh", "calf", "foot"})
CERVICAL_SITES = frozenset({"neck", "shoulder", "arm", "hand"})

Aggravator = Literal[
    "walking",
    "standing",
    "back_extension",
    "bending_forward",
    "sitting",
    "coughing_sneezing",
    "neck_movement",
]
Reliever = Literal["sitting", "bending_forward", "stopping_while_standing", "lying_down"]
Sensation = Literal[
    "ache", "heaviness", "tingling", "numbness", "burning", "cramping", "weakness", "sharp_shooting"
]
Onset = Literal["gradual", "sudden"]
Sex = Literal["female", "male", "other", "unknown"]

RedFlag = Literal[
    "bladder_bowel_dysfunction",
    "saddle_anaesthesia",
    "foot_drop",
    "rapidly_progressive_weakness",
    "severe_balance_decline",
    "sudden_walking_loss",
    "rapidly_progressive_numbness",
    "fever",
    "unexplained_weight_loss",
    "night_or_rest_pain",
]
#: Red flag -> level of care it demands (CLINICAL_CONTENT.md section 3), in the order of the table.
RED_FLAG_LEVELS: dict[str, str] = {
    "bladder_bowel_dysfunction": "emergency",
    "saddle_anaesthesia": "emergency",
    "foot_drop": "urgent",
    "rapidly_progressive_weakness": "urgent",
    "severe_balance_decline": "urgent",
    "sudden_walking_loss": "urgent",
    "rapidly_progressive_numbness": "urgent",
    "fever": "urgent",
    "unexplained_weight_loss": "urgent",
    "night_or_rest_pain": "urgent",
}
RED_FLAGS: tuple[str, ...] = tuple(RED_FLAG_LEVELS)

Comorbidity = Literal[
    "diabetes",
    "peripheral_neuropathy",
    "peripheral_arterial_disease",
    "smoker",
    "mri_contraindicated",
    "anticoagulant_use",
    "prior_spine_surgery",
    "cancer_history",
    "osteoporosis",
]
LegWeakness = Literal["none", "stable", "progressive"]
PedalPulses = Literal["normal", "diminished", "absent"]
Modality = Literal["mri", "ct_myelogram", "ct", "xray", "flexion_extension_xray"]
ImagingCause = Literal[
    "ligamentum_flavum_hypertrophy",
    "facet_hypertrophy",
    "disc_bulge",
    "spondylolisthesis",
    "instability",
    "congenital",
    "multilevel",
]
InjectionType = Literal["epidural_steroid", "medial_branch_block", "radiofrequency_ablation"]
#: A diagnostic block's answer: did the expected relief come while the anaesthetic acted?
BlockResponse = Literal["positive", "negative"]
Trend = Literal["decreasing", "stable", "increasing"]
HomeBenefit = Literal["lasting", "brief", "none"]

Cause = Literal[
    "ligamentum_flavum_hypertrophy",
    "facet_hypertrophy",
    "disc_bulge",
    "spondylolisthesis",
    "instability",
    "congenital",
    "multilevel",
    "unknown",
]
Limitation = Literal["mild", "moderate", "severe"]
Goal = Literal["symptom_management", "structural_relief"]
Recovery = Literal["outpatient_only", "short_recovery", "surgery_acceptable"]

#: Levels of care in rising intensity (CLINICAL_CONTENT.md section 4); the order is meaningful.
LEVELS: tuple[str, ...] = (
    "conservative",
    "interventional",
    "minimally_invasive",
    "surgical",
    "urgent",
    "emergency",
)
Level = Literal[
    "conservative", "interventional", "minimally_invasive", "surgical", "urgent", "emergency"
]
PATTERNS: tuple[str, ...] = (
    "lumbar_neurogenic_claudication",
    "cervical_myelopathy",
    "cervical_radiculopathy",
    "vascular_claudication_suspected",
    "disc_herniation_suspected",
    "mixed_or_unclear",
)
REGIONS: tuple[str, ...] = ("lumbar", "cervical", "both", "unclear")
ESCALATION_SIGNS: tuple[str, ...] = (
    "walking_distance_shrinking",
    "leg_pain_dominant",
    "sitting_breaks_increasing",
    "home_measures_brief_benefit",
    "activities_given_up",
    "more_medication_less_activity",
    "weakness_or_balance_or_flares",
)
WORKUPS: tuple[str, ...] = (
    "urgent_mri",
    "mri",
    "ct_myelogram",
    "flexion_extension_xray",
    "emg",
    "abi",
    "vascular_referral",
    "medial_branch_block",
)
#: Procedures a plan may suggest (CLINICAL_CONTENT.md section 7, block 8), least invasive first.
Procedure = Literal[
    "epidural_steroid",
    "medial_branch_block",
    "radiofrequency_ablation",
    "mild",
    "interspinous_spacer",
    "spinal_cord_stimulation",
    "decompression",
    "decompression_with_stabilisation",
]
PROCEDURES: tuple[str, ...] = get_args(Procedure)
FRAMEWORK_QUESTIONS: tuple[str, ...] = ("cause", "limitation", "goal", "recovery")


def level_rank(level: str) -> int:
    """Position of a level in rising intensity, so levels can be compared."""
    return LEVELS.index(level)
