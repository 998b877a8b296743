"""Facts the rules reason about, derived once from a case, each with the evidence behind it.

Keeping derivation apart from the rules means every rule reads the same facts and every fact can be
shown to the clinician with the recorded values it came from (CLINICAL_CONTENT.md sections 3, 5, 7).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .case import Case, Exam, History, Injection
from .codes import CERVICAL_SITES, LEG_SITES, LUMBAR_SITES, RED_FLAGS
from .injections import INJECTION_CAP as INJECTION_CAP  # re-exported: reporting and the UI
from .injections import esi_in_year
from .injections import one_year_before as one_year_before  # re-exported
from .instruments import abi_round
from .messages import msg
from .plan import RedFlagFinding

#: Painless walking distance and standing tolerance thresholds for the limitation question
#: (CLINICAL_CONTENT.md section 7, "Deriving what the clinician left blank"); a clinic may tune
#: them, and a change bumps RULES_VERSION.
SEVERE_DISTANCE_M = 100
MODERATE_DISTANCE_M = 500
SEVERE_STANDING_MIN = 5
MODERATE_STANDING_MIN = 15
#: A fall of this fraction or more in painless walking distance counts as shrinking (section 5).
WALKING_FALL_FRACTION = Decimal("0.15")
#: Temperature above which fever is a red flag (section 3).
FEVER_ABOVE_C = 38.0
#: An ABI at or below this (after rounding to 2 decimals) is a vascular feature.
ABI_ABNORMAL = Decimal("0.90")


def fmt_num(value: float) -> str:
    """A recorded number as people write it: 300, not 300.0."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def age_on(born: date, on: date) -> int:
    """Whole years of age on a date."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@dataclass(frozen=True, slots=True)
class Findings:
    """Everything derived from one case that the classification and the rules need."""

    age: int
    red_flags: tuple[RedFlagFinding, ...]
    escalation: dict[str, tuple[str, ...]]
    conservative_weeks: float | None
    conservative_evidence: str
    #: Epidural steroid injections in the 12 months before the visit (the cap counts only these).
    esi_12m: tuple[Injection, ...]
    cord_signs: tuple[str, ...]
    vascular_features: tuple[str, ...]
    leg_symptoms: bool
    back_dominant: bool
    has_imaging: bool
    has_dynamic_films: bool


def derive(case: Case) -> Findings:
    """Derive the facts of one case; pure and cheap (well under a millisecond)."""
    h = case.history or History()
    e = case.exam or Exam()
    conservative_weeks, conservative_evidence = _conservative_weeks(case)
    imaging = case.imaging
    return Findings(
        age=age_on(case.patient.date_of_birth, case.visit_date),
        red_flags=red_flags(case),
        escalation=escalation_signs(case),
        conservative_weeks=conservative_weeks,
        conservative_evidence=conservative_evidence,
        esi_12m=esi_in_year(case),
        cord_signs=cord_signs(h, e),
        vascular_features=vascular_features(case),
        leg_symptoms=bool(set(h.symptom_sites or ()) & LEG_SITES)
        or (h.pain_nrs is not None and (h.pain_nrs.leg or 0) > 0),
        back_dominant=_back_dominant(h),
        has_imaging=imaging is not None and imaging.modality is not None,
        has_dynamic_films=imaging is not None
        and (
            imaging.modality == "flexion_extension_xray"
            or imaging.instability_on_flexion_extension is not None
        ),
    )


def red_flags(case: Case) -> tuple[RedFlagFinding, ...]:
    """Red flags from the screen and from the exam, in the order of section 3's table.

    A red flag counts whether the screen recorded it or the exam found it, so the exam's foot drop,
    reduced saddle sensation, a temperature above 38.0 °C and (since rules 2026.12) progressive leg
    weakness raise their flags too.
    """
    sources: dict[str, list[str]] = {code: [] for code in RED_FLAGS}
    for code in case.red_flags or ():
        sources[code].append(msg("source.screen"))
    e = case.exam or Exam()
    if e.foot_drop:
        sources["foot_drop"].append(msg("source.exam_foot_drop"))
    if e.saddle_sensation_reduced:
        sources["saddle_anaesthesia"].append(msg("source.exam_saddle"))
    if e.temperature_c is not None and e.temperature_c > FEVER_ABOVE_C:
        sources["fever"].append(msg("source.exam_temperature", celsius=e.temperature_c))
    if e.leg_weakness == "progressive":  # since rules 2026.12: it does not wait for a routine visit
        sources["rapidly_progressive_weakness"].append(msg("exam.progressive_weakness"))
    return tuple(RedFlagFinding(code, tuple(s)) for code, s in sources.items() if s)


def escalation_signs(case: Case) -> dict[str, tuple[str, ...]]:
    """Signs that conservative care is falling short (section 5), each with its evidence."""
    h = case.history or History()
    e = case.exam or Exam()
    t = case.treatment
    f = case.function
    signs: dict[str, tuple[str, ...]] = {}

    shrinking: list[str] = []
    if f and f.walking_distance_shrinking:
        shrinking.append(msg("sign.reports_shrinking"))
    fall = walking_distance_fall(case)
    if fall is not None and fall >= WALKING_FALL_FRACTION:
        prev = f.previous_painless_walking_distance_m if f else None
        shrinking.append(
            msg(
                "sign.distance_fell",
                percent=float(fall * 100),
                before=prev or 0,
                now=h.painless_walking_distance_m or 0,
            )
        )
    if shrinking:
        signs["walking_distance_shrinking"] = tuple(shrinking)

    if h.leg_pain_exceeds_back_pain:
        signs["leg_pain_dominant"] = (msg("sign.leg_exceeds_back"),)
    elif h.leg_pain_exceeds_back_pain is None and h.pain_nrs is not None:
        leg, back = h.pain_nrs.leg, h.pain_nrs.back
        if leg is not None and back is not None and leg > back:
            signs["leg_pain_dominant"] = (msg("sign.leg_above_back", leg=leg, back=back),)

    if f and f.sitting_breaks_increasing:
        signs["sitting_breaks_increasing"] = (msg("sign.more_sitting_breaks"),)
    if t and t.home_measures_benefit in ("brief", "none"):
        signs["home_measures_brief_benefit"] = (
            msg("sign.home_benefit", benefit=t.home_measures_benefit),
        )
    if f and f.activities_given_up:
        signs["activities_given_up"] = (msg("sign.activities_given_up"),)
    if t and t.medication_trend == "increasing" and t.activity_trend == "decreasing":
        signs["more_medication_less_activity"] = (msg("sign.medication_up_activity_down"),)

    wbf: list[str] = []
    if e.leg_weakness == "progressive":
        wbf.append(msg("exam.progressive_weakness"))
    if h.balance_problems:
        wbf.append(msg("sign.balance_problems"))
    if e.gait_unsteady:
        wbf.append(msg("exam.unsteady_gait"))
    if f and f.flares_increasing:
        wbf.append(msg("sign.flares_increasing"))
    if wbf:
        signs["weakness_or_balance_or_flares"] = tuple(wbf)
    return signs


def walking_distance_fall(case: Case) -> Decimal | None:
    """Fraction by which painless walking distance fell since the previous visit, if both known.

    Decimal keeps the 15 % boundary exact: 1000 m to 850 m is a fall of exactly 0.15.
    """
    prev = case.function.previous_painless_walking_distance_m if case.function else None
    now = case.history.painless_walking_distance_m if case.history else None
    if prev is None or now is None or prev <= 0:
        return None
    p, n = Decimal(str(prev)), Decimal(str(now))
    return (p - n) / p


def cord_signs(h: History, e: Exam) -> tuple[str, ...]:
    """Signs of possible cervical cord compression (section 7, rule block 2).

    Hand clumsiness, reduced dexterity and a Hoffmann sign count on their own; gait or balance
    trouble counts only in a patient with neck, arm or hand symptoms.
    """
    signs: list[str] = []
    if h.hand_clumsiness:
        signs.append(msg("cord.hand_clumsiness"))
    if e.hand_dexterity_reduced:
        signs.append(msg("cord.exam_dexterity"))
    if e.hoffmann_sign:
        signs.append(msg("cord.exam_hoffmann"))
    upper = bool(set(h.symptom_sites or ()) & CERVICAL_SITES) or bool(h.arm_symptoms)
    if upper:
        if h.balance_problems:
            signs.append(msg("cord.balance_upper"))
        if e.gait_unsteady:
            signs.append(msg("cord.gait_upper"))
        if e.romberg_positive:
            signs.append(msg("cord.romberg_upper"))
    return tuple(signs)


def vascular_features(case: Case) -> tuple[str, ...]:
    """Features of vascular claudication (sections 2 and 7, modifier 7)."""
    h = case.history or History()
    e = case.exam or Exam()
    out: list[str] = []
    eased = set(h.eased_by or ())
    flexion_relief = bool({"sitting", "bending_forward"} & eased) or bool(e.flexion_relief)
    if "stopping_while_standing" in eased and not flexion_relief:
        out.append(msg("vascular.eases_on_stopping"))
    if e.pedal_pulses in ("diminished", "absent"):
        out.append(msg("vascular.pedal_pulses", pulses=e.pedal_pulses))
    if e.ankle_brachial_index is not None and abi_round(e.ankle_brachial_index) <= ABI_ABNORMAL:
        out.append(msg("vascular.abi", abi=e.ankle_brachial_index))
    if case.has_comorbidity("peripheral_arterial_disease"):
        out.append(msg("vascular.known_pad"))
    return tuple(out)


def _conservative_weeks(case: Case) -> tuple[float | None, str]:
    t = case.treatment
    if t and t.conservative_care_weeks is not None:
        return t.conservative_care_weeks, msg("care.weeks", weeks=t.conservative_care_weeks)
    if t and t.physical_therapy_weeks is not None:
        return t.physical_therapy_weeks, msg("care.pt_weeks", weeks=t.physical_therapy_weeks)
    return None, msg("care.none")


def _back_dominant(h: History) -> bool:
    if h.leg_pain_exceeds_back_pain is True:
        return False
    if h.pain_nrs is not None and h.pain_nrs.back is not None:
        return h.pain_nrs.back > (h.pain_nrs.leg or 0)
    return h.leg_pain_exceeds_back_pain is False and bool(set(h.symptom_sites or ()) & {"low_back"})


def lumbar_involved(h: History) -> bool:
    """Low back or leg symptoms recorded."""
    nrs = h.pain_nrs
    return bool(set(h.symptom_sites or ()) & LUMBAR_SITES) or (
        nrs is not None and ((nrs.back or 0) > 0 or (nrs.leg or 0) > 0)
    )


def cervical_involved(h: History, e: Exam) -> bool:
    """Neck, shoulder, arm or hand symptoms, or an exam sign that points at the neck."""
    nrs = h.pain_nrs
    return (
        bool(set(h.symptom_sites or ()) & CERVICAL_SITES)
        or bool(h.arm_symptoms)
        or bool(h.hand_clumsiness)
        or bool(e.hoffmann_sign)
        or bool(e.hand_dexterity_reduced)
        or (nrs is not None and ((nrs.neck or 0) > 0 or (nrs.arm or 0) > 0))
    )
