"""Which symptom pattern and which region a case fits (CLINICAL_CONTENT.md section 2).

Each candidate pattern collects the recorded features that support it; a pattern is called only
when its features are strong enough and no other pattern is, otherwise ``mixed_or_unclear``. The
features are returned so the plan can show why.
"""

from __future__ import annotations

from dataclasses import dataclass

from .case import Case, Exam, History
from .findings import Findings, cervical_involved, lumbar_involved
from .messages import msg

#: Relief on sitting within this many seconds supports neurogenic claudication (80 % < 120 s).
QUICK_RELIEF_S = 120
_CERVICAL_LEVEL = "C"


@dataclass(frozen=True, slots=True)
class Classification:
    pattern: str
    region: str
    evidence: tuple[str, ...]


def classify(case: Case, f: Findings) -> Classification:
    """Pattern and region, with the features that decided them."""
    h = case.history or History()
    e = case.exam or Exam()
    region = _region(case, h, e)

    if f.cord_signs and region in ("cervical", "both"):
        return Classification("cervical_myelopathy", region, f.cord_signs)

    candidates: dict[str, tuple[str, ...]] = {}
    if region in ("lumbar", "both"):
        nc = neurogenic_features(h, e)
        key = (
            {"sitting", "bending_forward"} & set(h.eased_by or ())
            or e.flexion_relief
            or (h.shopping_cart_sign or e.shopping_cart_sign)
        )
        if len(nc) >= 3 and key:
            candidates["lumbar_neurogenic_claudication"] = nc
        if len(f.vascular_features) >= 2 or (
            f.vascular_features
            and getattr(f.vascular_features[0], "key", "") == "vascular.eases_on_stopping"
            and "calf" in (h.symptom_sites or ())
        ):
            candidates["vascular_claudication_suspected"] = f.vascular_features
        disc = disc_features(h, e)
        if len(disc) >= 3 and (h.onset == "sudden" or e.straight_leg_raise_positive):
            candidates["disc_herniation_suspected"] = disc
    if region in ("cervical", "both"):
        radicular = _radicular_features(h)
        if radicular:
            candidates["cervical_radiculopathy"] = radicular

    if len(candidates) == 1:
        ((pattern, evidence),) = candidates.items()
        return Classification(pattern, region, evidence)
    if candidates:
        evidence = tuple(
            msg("pattern.features_of", pattern=name, count=len(ev))
            for name, ev in candidates.items()
        )
        return Classification("mixed_or_unclear", region, evidence)
    return Classification("mixed_or_unclear", region, (msg("pattern.too_few"),))


def neurogenic_features(h: History, e: Exam) -> tuple[str, ...]:
    """Recorded features of lumbar neurogenic claudication."""
    worse, eased = set(h.worse_with or ()), set(h.eased_by or ())
    out: list[str] = []
    if worse & {"walking", "standing"}:
        out.append(msg("feature.worse_with", what=sorted(worse & {"walking", "standing"})))
    if "sitting" in eased:
        out.append(msg("feature.eased_sitting"))
    if "bending_forward" in eased or e.flexion_relief:
        out.append(msg("feature.eased_bending"))
    if h.seconds_to_relief_on_sitting is not None and (
        h.seconds_to_relief_on_sitting <= QUICK_RELIEF_S
    ):
        out.append(msg("feature.quick_relief", seconds=h.seconds_to_relief_on_sitting))
    if h.shopping_cart_sign or e.shopping_cart_sign:
        out.append(msg("feature.shopping_cart"))
    if "back_extension" in worse or e.extension_provokes:
        out.append(msg("feature.extension"))
    if h.bilateral:
        out.append(msg("feature.bilateral"))
    if h.leg_pain_exceeds_back_pain:
        out.append(msg("sign.leg_exceeds_back"))
    return tuple(out)


def disc_features(h: History, e: Exam) -> tuple[str, ...]:
    """Recorded features of a suspected disc herniation."""
    out: list[str] = []
    if h.onset == "sudden":
        out.append(msg("disc.sudden"))
    if h.onset_after_lifting_or_twisting:
        out.append(msg("disc.lifting"))
    if "sharp_shooting" in (h.sensations or ()):
        out.append(msg("disc.sharp"))
    if e.straight_leg_raise_positive:
        out.append(msg("exam.slr_positive"))
    if set(h.worse_with or ()) & {"coughing_sneezing", "sitting", "bending_forward"}:
        out.append(msg("disc.worse_with"))
    if h.bilateral is False:
        out.append(msg("disc.one_sided"))
    return tuple(out)


def _radicular_features(h: History) -> tuple[str, ...]:
    """Neck pain together with arm pain or tingling (no cord signs, checked by the caller)."""
    sites = set(h.symptom_sites or ())
    nrs = h.pain_nrs
    neck: list[str] = []
    if "neck" in sites:
        neck.append(msg("radicular.neck_pain"))
    if nrs is not None and (nrs.neck or 0) > 0:
        neck.append(msg("radicular.neck_nrs", nrs=nrs.neck))
    if "neck_movement" in (h.worse_with or ()):
        neck.append(msg("radicular.neck_movement"))
    arm: list[str] = []
    if h.arm_symptoms or sites & {"arm", "hand"}:
        arm.append(msg("radicular.arm_symptoms"))
    if nrs is not None and (nrs.arm or 0) > 0:
        arm.append(msg("radicular.arm_nrs", nrs=nrs.arm))
    return tuple(neck + arm) if neck and arm else ()


def _region(case: Case, h: History, e: Exam) -> str:
    levels = (case.imaging.levels if case.imaging else None) or ()
    lumbar = lumbar_involved(h) or any(not lv.startswith(_CERVICAL_LEVEL) for lv in levels)
    cervical = cervical_involved(h, e) or any(lv.startswith(_CERVICAL_LEVEL) for lv in levels)
    if lumbar and cervical:
        return "both"
    if lumbar:
        return "lumbar"
    if cervical:
        return "cervical"
    return "unclear"
