"""Readable English names of the codes, for clinician-facing text (plan printout, windows).

Patient-facing wording lives in the report templates, where a clinic may change it.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    # levels
    "conservative": "Conservative and home care",
    "interventional": "Interventional pain management",
    "minimally_invasive": "Minimally invasive procedure",
    "surgical": "Surgical consultation",
    "urgent": "Same-day evaluation (urgent)",
    "emergency": "Emergency department now",
    # patterns
    "lumbar_neurogenic_claudication": "Lumbar neurogenic claudication",
    "cervical_myelopathy": "Cervical myelopathy (possible cord involvement)",
    "cervical_radiculopathy": "Cervical radiculopathy",
    "vascular_claudication_suspected": "Vascular claudication suspected",
    "disc_herniation_suspected": "Disc herniation suspected",
    "mixed_or_unclear": "Mixed or unclear pattern",
    # red flags
    "bladder_bowel_dysfunction": "New loss of bladder or bowel control",
    "saddle_anaesthesia": "Saddle numbness (groin, buttocks, inner thighs)",
    "foot_drop": "Foot drop",
    "rapidly_progressive_weakness": "Leg weakness worsening over days",
    "severe_balance_decline": "Marked new decline in balance or gait",
    "sudden_walking_loss": "Sudden loss of walking ability",
    "rapidly_progressive_numbness": "Numbness spreading over days",
    "fever": "Fever above 38 °C with back pain",
    "unexplained_weight_loss": "Unexplained weight loss",
    "night_or_rest_pain": "Pain at night or at rest not eased by sitting",
    # escalation signs
    "walking_distance_shrinking": "Walking distance shrinking",
    "leg_pain_dominant": "Leg pain dominant",
    "sitting_breaks_increasing": "Sitting breaks increasing",
    "home_measures_brief_benefit": "Home measures help only briefly",
    "activities_given_up": "Activities given up",
    "more_medication_less_activity": "More medication, less activity",
    "weakness_or_balance_or_flares": "Weakness, balance trouble or flares",
    # work-up
    "urgent_mri": "Urgent MRI",
    "mri": "MRI",
    "ct_myelogram": "CT myelogram",
    "flexion_extension_xray": "Flexion-extension X-rays",
    "emg": "EMG / nerve conduction",
    "abi": "Ankle-brachial index",
    "vascular_referral": "Vascular referral",
    "medial_branch_block": "Medial branch block",
    # framework questions
    "cause": "What causes the narrowing?",
    "limitation": "How limited is daily life?",
    "goal": "Symptom management or structural relief?",
    "recovery": "What recovery will the patient take on?",
}


def label(code: str | None) -> str:
    """The readable name of a code; unknown codes fall back to the code in words."""
    if code is None:
        return "—"
    return LABELS.get(code, code.replace("_", " ").capitalize())
