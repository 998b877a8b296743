"""Readable English names of the codes, for clinician-facing text (plan printout, windows).

Patient-facing wording lives in the report templates, where a clinic may change it.
"""

from __future__ import annotations

from typing import Any

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
    # procedures (medial_branch_block is shared with the work-up above)
    "epidural_steroid": "Epidural steroid injection",
    "radiofrequency_ablation": "Radiofrequency ablation",
    "interspinous_spacer": "Interspinous spacer",
    "spinal_cord_stimulation": "Spinal cord stimulation",
    "decompression": "Decompression (laminectomy)",
    "decompression_with_stabilisation": "Decompression with stabilisation",
    # framework questions
    "cause": "What causes the narrowing?",
    "limitation": "How limited is daily life?",
    "goal": "Symptom management or structural relief?",
    "recovery": "What recovery will the patient take on?",
}


#: Procedure codes whose name differs from the same code elsewhere: ``mild`` is a degree of
#: limitation (and a score band) as well as the MILD procedure.
PROCEDURE_LABELS: dict[str, str] = {
    "mild": "MILD (minimally invasive lumbar decompression)",
}


def procedure_label(code: str) -> str:
    """The readable name of a procedure code (``Plan.procedures``)."""
    return PROCEDURE_LABELS.get(code) or label(code)


def label(code: str | None) -> str:
    """The readable name of a code; unknown codes fall back to the code in words."""
    if code is None:
        return "—"
    return LABELS.get(code, code.replace("_", " ").capitalize())


SCORE_NAMES: dict[str, str] = {
    "odi": "Oswestry Disability Index",
    "ndi": "Neck Disability Index",
    "zcq": "Zurich Claudication Questionnaire",
    "mjoa": "Modified JOA",
    "nrs": "Pain ratings (0-10)",
    "abi": "Ankle-brachial index",
    "konno": "Konno score",
    "cook": "Cook cluster",
}


def describe_score(name: str, value: dict[str, Any]) -> str:
    """One line for a score of ``plan.scores``, the same in the printout, the window and the PDF."""
    word = _words
    if name == "odi":
        if value.get("percent") is None:
            return f"not scorable ({value.get('reason', 'too many sections unanswered')})"
        return f"{value['percent']} % ({word(value['band'])})"
    if name == "ndi":
        if value.get("raw") is None:
            return f"not scorable ({value.get('reason', 'too many sections unanswered')})"
        return f"{value['raw']}/50, {value['percent']} % ({word(value['band'])})"
    if name == "zcq":
        parts = []
        for key in ("symptom_severity", "physical_function", "satisfaction"):
            score = value.get(key)
            parts.append(f"{word(key)} {'not scorable' if score is None else f'{score:.2f}'}")
        if value.get("satisfied") is not None:
            parts.append("satisfied" if value["satisfied"] else "not satisfied")
        return "; ".join(parts)
    if name == "mjoa":
        return f"{value['total']}/18 ({word(value['band'])})"
    if name == "nrs":
        return ", ".join(f"{site} {v['value']}/10 ({v['band']})" for site, v in value.items())
    if name == "abi":
        return f"{value['value']} ({value['band']})"
    if name == "konno":
        verdict = "likely" if value["likely"] else "not likely"
        text = f"{value['points']} points, lumbar stenosis {verdict}"
        if value.get("not_recorded"):
            text += " (not recorded: " + ", ".join(word(i) for i in value["not_recorded"]) + ")"
        return text
    if name == "cook":
        text = f"{value['findings']} of 5 findings, stenosis {value['interpretation']}"
        if value.get("not_recorded"):
            text += " (not recorded: " + ", ".join(word(i) for i in value["not_recorded"]) + ")"
        return text
    return ", ".join(f"{k} {v}" for k, v in value.items())


def _words(code: str) -> str:
    return code.replace("_", " ")
