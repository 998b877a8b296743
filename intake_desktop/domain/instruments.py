"""Questionnaire and clinical scores, computed exactly as INSTRUMENTS.md prescribes.

Every function is data in, data out: answers (or a :class:`Case`) go in, a small JSON-ready dict
comes out under the key the plan reports it with (``scores.odi``, ``scores.konno`` ...).

Rounding is *half up* on exact values (``decimal.Decimal`` with ``ROUND_HALF_UP``), never Python's
``round()``, which rounds halves to even (``round(22.5) == 22``) and would also see the binary
approximation of a float (``0.905`` is stored as 0.90500000000000002...). Recorded decimals such as
an ABI are rounded from the number as written (``str(value)``), the value the clinician entered.

Findings that were not recorded are never read as *no*: a score that depends on them counts them as
0 and lists them under ``not_recorded`` so the reader can see how complete the score is.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Any

from .case import Case, Mjoa, Zcq

# Bands, as (inclusive upper bound, band) in rising order; the last bound is the scale's maximum.
ODI_BANDS: tuple[tuple[int, str], ...] = (
    (20, "minimal"),
    (40, "moderate"),
    (60, "severe"),
    (80, "crippled"),
    (100, "bed_bound"),
)
NDI_BANDS: tuple[tuple[int, str], ...] = (
    (4, "none"),
    (14, "mild"),
    (24, "moderate"),
    (34, "severe"),
    (50, "complete"),
)
MJOA_BANDS: tuple[tuple[int, str], ...] = (
    (11, "severe"),
    (14, "moderate"),
    (17, "mild"),
    (18, "none"),
)
NRS_BANDS: tuple[tuple[int, str], ...] = (
    (0, "none"),
    (3, "mild"),
    (6, "moderate"),
    (10, "severe"),
)
ABI_BANDS: tuple[tuple[Decimal, str], ...] = (
    (Decimal("0.90"), "abnormal"),
    (Decimal("0.99"), "borderline"),
    (Decimal("1.40"), "normal"),
)
ABI_NONCOMPRESSIBLE = "noncompressible"

ODI_SECTIONS = 10
NDI_SECTIONS = 10
#: Unanswered items a subscale tolerates before it is not scorable (INSTRUMENTS.md).
ODI_MAX_MISSING = 1
NDI_MAX_MISSING = 1
ZCQ_MAX_MISSING: dict[str, int] = {
    "symptom_severity": 2,
    "physical_function": 1,
    "satisfaction": 1,
}
ZCQ_SATISFIED_AT_MOST = Decimal("2.5")

#: Konno items in the order of INSTRUMENTS.md; these names appear in ``not_recorded``.
KONNO_ITEMS: tuple[str, ...] = (
    "no_diabetes",
    "intermittent_claudication",
    "worse_on_standing",
    "better_bending_forward",
    "brought_on_bending_forward",
    "brought_on_bending_backward",
    "good_peripheral_circulation",
    "achilles_reflex_abnormal",
    "straight_leg_raise_positive",
)
KONNO_POINTS: dict[str, int] = {
    "no_diabetes": 1,
    "intermittent_claudication": 3,
    "worse_on_standing": 2,
    "better_bending_forward": 3,
    "brought_on_bending_forward": -1,
    "brought_on_bending_backward": 1,
    "good_peripheral_circulation": 3,
    "achilles_reflex_abnormal": 1,
    "straight_leg_raise_positive": -2,
}
KONNO_LIKELY_AT_LEAST = 7
KONNO_GOOD_ABI = Decimal("0.90")
_REST_RELIEVERS = frozenset({"sitting", "stopping_while_standing", "bending_forward", "lying_down"})

#: Cook items in the order of INSTRUMENTS.md; these names appear in ``not_recorded``.
COOK_ITEMS: tuple[str, ...] = (
    "bilateral_symptoms",
    "leg_pain_worse_than_back",
    "pain_walking_or_standing",
    "relief_on_sitting",
    "age_over_48",
)
COOK_LIKELY_AT_LEAST = 4
COOK_POSITIVE_LR = 4.6
COOK_NEGATIVE_LR = 0.19


def round_half_up(value: Fraction | Decimal | int, places: int = 0) -> Decimal:
    """Round an exact value half up (22.5 -> 23, 2.345 -> 2.35), as INSTRUMENTS.md requires.

    A :class:`Fraction` is divided out at 40 significant digits first: a quotient that is not
    exactly a half lies at least ``1 / (2 * denominator)`` away from one, so that precision can
    never turn it into a half.
    """
    if isinstance(value, Fraction):
        with localcontext() as ctx:
            ctx.prec = 40
            exact = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        exact = Decimal(value)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _band(value: Any, bands: Sequence[tuple[Any, str]], minimum: Any, name: str) -> str:
    if value < minimum or value > bands[-1][0]:
        raise ValueError(f"{name} {value} is outside {minimum} to {bands[-1][0]}")
    return next(band for upper, band in bands if value <= upper)


def odi_band(percent: int) -> str:
    """ODI band of a rounded percent: 0–20 minimal … 81–100 bed_bound (INSTRUMENTS.md, ODI)."""
    return _band(percent, ODI_BANDS, 0, "ODI percent")


def ndi_band(raw: int) -> str:
    """NDI band of the rounded raw score 0–50 (INSTRUMENTS.md, NDI); bands are on raw, not %."""
    return _band(raw, NDI_BANDS, 0, "NDI raw score")


def mjoa_band(total: int) -> str:
    """mJOA band: 18 none, 15–17 mild, 12–14 moderate, 0–11 severe (INSTRUMENTS.md, mJOA)."""
    return _band(total, MJOA_BANDS, 0, "mJOA total")


def nrs_band(value: int) -> str:
    """Pain NRS band: 0 none, 1–3 mild, 4–6 moderate, 7–10 severe (INSTRUMENTS.md, NRS and ABI)."""
    return _band(value, NRS_BANDS, 0, "NRS")


def abi_round(value: float) -> Decimal:
    """The ABI rounded half up to 2 decimals from the value as written (0.905 -> 0.91)."""
    return round_half_up(Decimal(str(value)), 2)


def abi_band(value: float) -> str:
    """ABI band after rounding to 2 decimals (INSTRUMENTS.md, NRS and ankle-brachial index).

    <= 0.90 abnormal, 0.91–0.99 borderline, 1.00–1.40 normal, > 1.40 noncompressible. Rounding
    first means no value falls between the bands (0.904 is abnormal, 0.905 borderline).
    """
    rounded = abi_round(value)
    if rounded < 0:
        raise ValueError(f"ABI {value} is negative")
    return next((band for upper, band in ABI_BANDS if rounded <= upper), ABI_NONCOMPRESSIBLE)


def _check_items(answers: Sequence[int | None], count: int, low: int, high: int, name: str) -> None:
    """Scores assume validated answers; a wrong count would silently change what 'missing' means."""
    if len(answers) != count:
        raise ValueError(f"{name} needs {count} answers, got {len(answers)}")
    for a in answers:
        if a is not None and not low <= a <= high:
            raise ValueError(f"{name} answer {a} is outside {low} to {high}")


def _not_scorable(name: str, missing: int, total: int, allowed: int) -> str:
    return (
        f"{missing} of {total} {name} items unanswered; "
        f"at most {allowed} may be missing (INSTRUMENTS.md, {name})"
    )


def odi_score(answers: tuple[int | None, ...]) -> dict[str, Any]:
    """Oswestry Disability Index (INSTRUMENTS.md, "Oswestry Disability Index").

    percent = sum of answered / (5 x answered) x 100, rounded half up; the band is read from the
    rounded percent. With more than one section unanswered the score is withheld (``percent`` and
    ``band`` null, ``reason`` says why) rather than estimated from too little.
    """
    _check_items(answers, ODI_SECTIONS, 0, 5, "ODI")
    given = [a for a in answers if a is not None]
    missing = ODI_SECTIONS - len(given)
    if missing > ODI_MAX_MISSING:
        return {
            "percent": None,
            "band": None,
            "answered": len(given),
            "reason": _not_scorable("ODI", missing, ODI_SECTIONS, ODI_MAX_MISSING),
        }
    percent = int(round_half_up(Fraction(sum(given) * 100, 5 * len(given))))
    return {"percent": percent, "band": odi_band(percent), "answered": len(given)}


def ndi_score(answers: tuple[int | None, ...]) -> dict[str, Any]:
    """Neck Disability Index (INSTRUMENTS.md, "Neck Disability Index").

    One unanswered section is filled with the mean of the answered ones; the raw score (0–50) is
    then rounded half up, percent = raw x 2, and the band is read from raw. More than one missing
    section: not scorable (nulls and a ``reason``).
    """
    _check_items(answers, NDI_SECTIONS, 0, 5, "NDI")
    given = [a for a in answers if a is not None]
    missing = NDI_SECTIONS - len(given)
    if missing > NDI_MAX_MISSING:
        return {
            "raw": None,
            "percent": None,
            "band": None,
            "reason": _not_scorable("NDI", missing, NDI_SECTIONS, NDI_MAX_MISSING),
        }
    exact = Fraction(sum(given)) + missing * Fraction(sum(given), len(given))
    raw = int(round_half_up(exact))
    return {"raw": raw, "percent": raw * 2, "band": ndi_band(raw)}


def _zcq_subscale(items: tuple[int | None, ...] | None, max_missing: int) -> float | None:
    if items is None:
        return None
    given = [a for a in items if a is not None]
    if not given or len(items) - len(given) > max_missing:
        return None
    return float(round_half_up(Fraction(sum(given), len(given)), 2))


def zcq_satisfied(satisfaction: float) -> bool:
    """A ZCQ satisfaction mean of 2.5 or less counts as satisfied (INSTRUMENTS.md, ZCQ)."""
    return Decimal(str(satisfaction)) <= ZCQ_SATISFIED_AT_MOST


def zcq_score(zcq: Zcq) -> dict[str, Any]:
    """Zurich Claudication Questionnaire (INSTRUMENTS.md, "Zurich Claudication Questionnaire").

    Each subscale is the mean of its answered items, rounded half up to 2 decimals; lower is better.
    A subscale is null when it was not asked (satisfaction only exists after treatment) or when it
    misses too many items: more than 2 for symptom severity, more than 1 for function and
    satisfaction. ``satisfied`` (satisfaction <= 2.5) is null when satisfaction is.
    """
    if zcq.symptom_severity is not None:
        _check_items(zcq.symptom_severity, 7, 1, 5, "ZCQ symptom severity")
    if zcq.physical_function is not None:
        _check_items(zcq.physical_function, 5, 1, 4, "ZCQ physical function")
    if zcq.satisfaction is not None:
        _check_items(zcq.satisfaction, 6, 1, 4, "ZCQ satisfaction")
    satisfaction = _zcq_subscale(zcq.satisfaction, ZCQ_MAX_MISSING["satisfaction"])
    return {
        "symptom_severity": _zcq_subscale(
            zcq.symptom_severity, ZCQ_MAX_MISSING["symptom_severity"]
        ),
        "physical_function": _zcq_subscale(
            zcq.physical_function, ZCQ_MAX_MISSING["physical_function"]
        ),
        "satisfaction": satisfaction,
        "satisfied": None if satisfaction is None else zcq_satisfied(satisfaction),
    }


def mjoa_score(mjoa: Mjoa) -> dict[str, Any]:
    """Modified JOA, 18-point, higher is better (INSTRUMENTS.md, "Modified JOA")."""
    total = mjoa.upper_motor + mjoa.lower_motor + mjoa.upper_sensation + mjoa.bladder
    return {"total": total, "band": mjoa_band(total)}


def _konno_findings(case: Case) -> dict[str, bool | None]:
    """Each Konno item as True (present), False (recorded absent) or None (not recorded)."""
    history, exam = case.history, case.exam
    worse = history.worse_with if history else None
    eased = history.eased_by if history else None
    flexion_relief = exam.flexion_relief if exam else None
    extension_provokes = exam.extension_provokes if exam else None

    claudication: bool | None
    if worse is None:
        claudication = None
    elif "walking" not in worse:
        claudication = False
    elif eased is None:  # walking hurts, but whether rest eases it was not recorded
        claudication = None
    else:
        claudication = bool(_REST_RELIEVERS.intersection(eased))

    circulation: bool | None = None
    if exam is not None and exam.ankle_brachial_index is not None:
        circulation = abi_round(exam.ankle_brachial_index) >= KONNO_GOOD_ABI
    elif exam is not None and exam.pedal_pulses is not None:
        circulation = exam.pedal_pulses == "normal"

    return {
        "no_diabetes": None if case.comorbidities is None else "diabetes" not in case.comorbidities,
        "intermittent_claudication": claudication,
        "worse_on_standing": None if worse is None else "standing" in worse,
        "better_bending_forward": _either(
            None if eased is None else "bending_forward" in eased, flexion_relief
        ),
        "brought_on_bending_forward": None if worse is None else "bending_forward" in worse,
        "brought_on_bending_backward": _either(
            None if worse is None else "back_extension" in worse, extension_provokes
        ),
        "good_peripheral_circulation": circulation,
        "achilles_reflex_abnormal": exam.achilles_reflex_abnormal if exam else None,
        "straight_leg_raise_positive": exam.straight_leg_raise_positive if exam else None,
    }


def _either(a: bool | None, b: bool | None) -> bool | None:
    """History or examination may each show a finding; unknown only when neither was recorded."""
    if a is None and b is None:
        return None
    return bool(a) or bool(b)


def konno_score(case: Case, age_years: int) -> dict[str, Any]:
    """Konno diagnostic support score for lumbar stenosis (INSTRUMENTS.md, "Konno score").

    Range −3 to 16; 7 or more: lumbar stenosis likely. An item not recorded scores 0 and is
    listed in ``not_recorded`` (names in :data:`KONNO_ITEMS`), since a missing finding is not a
    negative one. Age is always known: 60–69 +1, 70 or more +2.
    """
    findings = _konno_findings(case)
    points = 2 if age_years >= 70 else 1 if age_years >= 60 else 0
    points += sum(KONNO_POINTS[item] for item, present in findings.items() if present)
    return {
        "points": points,
        "likely": points >= KONNO_LIKELY_AT_LEAST,
        "not_recorded": [item for item in KONNO_ITEMS if findings[item] is None],
    }


def _cook_findings(case: Case, age_years: int) -> dict[str, bool | None]:
    history = case.history
    worse = history.worse_with if history else None
    eased = history.eased_by if history else None
    leg_worse = history.leg_pain_exceeds_back_pain if history else None
    nrs = history.pain_nrs if history else None
    if leg_worse is None and nrs is not None and nrs.leg is not None and nrs.back is not None:
        leg_worse = nrs.leg > nrs.back
    return {
        "bilateral_symptoms": history.bilateral if history else None,
        "leg_pain_worse_than_back": leg_worse,
        "pain_walking_or_standing": None
        if worse is None
        else "walking" in worse or "standing" in worse,
        "relief_on_sitting": None if eased is None else "sitting" in eased,
        "age_over_48": age_years > 48,
    }


def cook_score(case: Case, age_years: int) -> dict[str, Any]:
    """Cook cluster for lumbar stenosis (INSTRUMENTS.md, "Cook cluster").

    ``findings`` counts the five items present. 4 or more: ``likely`` (LR+ 4.6). 0: ``unlikely``
    (LR− 0.19), but only when all five items were recorded, because the negative likelihood ratio
    holds for a patient examined on every item, not for one whose findings are simply missing;
    otherwise ``indeterminate``.
    """
    findings = _cook_findings(case, age_years)
    count = sum(1 for present in findings.values() if present)
    not_recorded = [item for item in COOK_ITEMS if findings[item] is None]
    if count >= COOK_LIKELY_AT_LEAST:
        interpretation = "likely"
    elif count == 0 and not not_recorded:
        interpretation = "unlikely"
    else:
        interpretation = "indeterminate"
    return {"findings": count, "not_recorded": not_recorded, "interpretation": interpretation}


def compute_scores(case: Case, age_years: int) -> dict[str, Any]:
    """Every score the case has data for, keyed as the plan's ``scores`` (INSTRUMENTS.md).

    Questionnaire scores, NRS and ABI appear only when recorded; Konno and Cook always do, since
    they list what they could not see.
    """
    scores: dict[str, Any] = {}
    q = case.questionnaires
    if q is not None:
        if q.odi is not None:
            scores["odi"] = odi_score(q.odi)
        if q.ndi is not None:
            scores["ndi"] = ndi_score(q.ndi)
        if q.zcq is not None:
            scores["zcq"] = zcq_score(q.zcq)
        if q.mjoa is not None:
            scores["mjoa"] = mjoa_score(q.mjoa)
    nrs = case.history.pain_nrs if case.history else None
    if nrs is not None:
        ratings = {
            site: {"value": value, "band": nrs_band(value)}
            for site in ("back", "leg", "neck", "arm")
            if (value := getattr(nrs, site)) is not None
        }
        if ratings:
            scores["nrs"] = ratings
    abi = case.exam.ankle_brachial_index if case.exam else None
    if abi is not None:
        scores["abi"] = {"value": float(abi_round(abi)), "band": abi_band(abi)}
    scores["konno"] = konno_score(case, age_years)
    scores["cook"] = cook_score(case, age_years)
    return scores
