"""Scores of INSTRUMENTS.md: its worked examples, both sides of every band, missing-item limits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from intake_desktop.domain.case import Case, Mjoa, Zcq
from intake_desktop.domain.instruments import (
    KONNO_ITEMS,
    abi_band,
    compute_scores,
    cook_score,
    konno_score,
    mjoa_band,
    mjoa_score,
    ndi_band,
    ndi_score,
    nrs_band,
    odi_band,
    odi_score,
    round_half_up,
    zcq_satisfied,
    zcq_score,
)
from intake_desktop.domain.validation import parse_case

TODAY = date(2026, 11, 23)


def make_case(**sections: Any) -> Case:
    """A valid case holding only the given sections (everything else: not recorded)."""
    data = {
        "format": "spine-intake-case/1",
        "patient": {"date_of_birth": "1950-03-01"},
        "visit_date": "2026-11-20",
        **sections,
    }
    return parse_case(data, today=TODAY)


def answers_summing(total: int, answered: int = 10) -> tuple[int | None, ...]:
    """Ten 0–5 answers (the first ``answered`` given) adding up to ``total``."""
    given = [5] * (total // 5) + ([total % 5] if total % 5 else [])
    given += [0] * (answered - len(given))
    assert len(given) == answered and sum(given) == total
    return (*given, *[None] * (10 - answered))


def mjoa_of(total: int) -> Mjoa:
    parts = []
    for maximum in (5, 7, 3, 3):
        parts.append(min(maximum, total))
        total -= parts[-1]
    return Mjoa(*parts)


# --- rounding ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Fraction(45, 2), 0, Decimal(23)),  # 22.5 -> 23 (round() would give 22)
        (Fraction(47, 2), 0, Decimal(24)),  # 23.5 -> 24
        (Fraction(1600, 45), 0, Decimal(36)),  # 35.55... -> 36
        (Fraction(2, 3), 2, Decimal("0.67")),
        (Fraction(1, 8), 2, Decimal("0.13")),  # 0.125 -> 0.13
        (Decimal("2.345"), 2, Decimal("2.35")),
        (7, 0, Decimal(7)),
    ],
)
def test_round_half_up_rounds_exact_halves_up(value, places, expected):
    assert round_half_up(value, places) == expected


# --- ODI -----------------------------------------------------------------------------------------


def test_odi_worked_example_full():
    assert odi_score((1, 5, 4, 4, 3, 0, 1, 5, 3, 4)) == {
        "percent": 60,
        "band": "severe",
        "answered": 10,
    }


def test_odi_worked_example_one_missing_rounds_half_up():
    # 16 / 45 x 100 = 35.55... -> 36
    assert odi_score((5, 5, 3, 3, 0, 0, 0, 0, 0, None)) == {
        "percent": 36,
        "band": "moderate",
        "answered": 9,
    }


@pytest.mark.parametrize(
    ("total", "expected"),
    [(1, 2), (2, 4), (3, 7), (4, 9)],  # 2.22 -> 2, 4.44 -> 4, 6.67 -> 7, 8.89 -> 9
)
def test_odi_rounds_to_nearest_with_nine_answers(total, expected):
    assert odi_score(answers_summing(total, answered=9))["percent"] == expected


def test_odi_two_missing_is_not_scorable():
    result = odi_score((5, 5, 3, 3, 0, 0, 0, 0, None, None))
    assert result["percent"] is None
    assert result["band"] is None
    assert result["answered"] == 8
    assert "2 of 10" in result["reason"]


def test_odi_reason_only_when_not_scorable():
    assert "reason" not in odi_score(answers_summing(20))


def test_odi_nothing_answered_is_not_scorable():
    result = odi_score((None,) * 10)
    assert result["percent"] is None and result["answered"] == 0 and result["reason"]


@pytest.mark.parametrize(
    ("percent", "band"),
    [
        (0, "minimal"),
        (20, "minimal"),
        (21, "moderate"),
        (40, "moderate"),
        (41, "severe"),
        (60, "severe"),
        (61, "crippled"),
        (80, "crippled"),
        (81, "bed_bound"),
        (100, "bed_bound"),
    ],
)
def test_odi_band_boundaries(percent, band):
    assert odi_band(percent) == band


@pytest.mark.parametrize(
    ("total", "percent", "band"),
    [
        (10, 20, "minimal"),
        (11, 22, "moderate"),
        (20, 40, "moderate"),
        (21, 42, "severe"),
        (30, 60, "severe"),
        (31, 62, "crippled"),
        (40, 80, "crippled"),
        (41, 82, "bed_bound"),
        (50, 100, "bed_bound"),
    ],
)
def test_odi_score_band_boundaries(total, percent, band):
    # With 10 answers the percent is even, so 21/41/61/81 are checked on odi_band above.
    assert odi_score(answers_summing(total)) == {"percent": percent, "band": band, "answered": 10}


def test_odi_rejects_a_wrong_number_of_answers():
    with pytest.raises(ValueError, match="10 answers"):
        odi_score((1, 2, 3))


# --- NDI -----------------------------------------------------------------------------------------


def test_ndi_worked_example():
    assert ndi_score((2, 1, 2, 3, 2, 1, 2, 2, 1, 1)) == {
        "raw": 17,
        "percent": 34,
        "band": "moderate",
    }


def test_ndi_one_missing_is_filled_with_the_mean():
    # 16 + 16/9 = 17.78 -> 18
    assert ndi_score((2, 1, 2, 3, 2, 1, 2, 2, 1, None)) == {
        "raw": 18,
        "percent": 36,
        "band": "moderate",
    }


def test_ndi_mean_fill_rounds_down_below_half():
    # 13 + 13/9 = 14.44 -> 14, still mild
    assert ndi_score(answers_summing(13, answered=9)) == {"raw": 14, "percent": 28, "band": "mild"}


def test_ndi_two_missing_is_not_scorable():
    result = ndi_score((2, 1, 2, 3, 2, 1, 2, 2, None, None))
    assert result["raw"] is None and result["percent"] is None and result["band"] is None
    assert "2 of 10" in result["reason"]


def test_ndi_reason_only_when_not_scorable():
    assert "reason" not in ndi_score(answers_summing(0))


@pytest.mark.parametrize(
    ("raw", "band"),
    [
        (0, "none"),
        (4, "none"),
        (5, "mild"),
        (14, "mild"),
        (15, "moderate"),
        (24, "moderate"),
        (25, "severe"),
        (34, "severe"),
        (35, "complete"),
        (50, "complete"),
    ],
)
def test_ndi_band_boundaries(raw, band):
    assert ndi_band(raw) == band
    assert ndi_score(answers_summing(raw)) == {"raw": raw, "percent": raw * 2, "band": band}


# --- ZCQ -----------------------------------------------------------------------------------------


def test_zcq_worked_example():
    result = zcq_score(
        Zcq(symptom_severity=(3, 4, None, 4, None, 2, 3), physical_function=(2, 3, 2, 1, 1))
    )
    assert result == {
        "symptom_severity": 3.2,
        "physical_function": 1.8,
        "satisfaction": None,
        "satisfied": None,
    }


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ((2, 2, 3, 3, 3, 3, None), 2.67),  # 16/6 = 2.666...
        ((1, 1, 1, 1, 1, 2, None), 1.17),  # 7/6 = 1.1666...
        ((1, 1, 1, 1, 1, 1, 3), 1.29),  # 9/7 = 1.2857...
        ((3, 4, None, 4, None, 2, None), None),  # 3 missing
    ],
)
def test_zcq_symptom_severity_two_decimals_and_missing_limit(items, expected):
    assert zcq_score(Zcq(symptom_severity=items))["symptom_severity"] == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ((2, 3, 2, 1, None), 2.0),  # 1 missing: still scored
        ((2, 3, 2, None, None), None),  # 2 missing
    ],
)
def test_zcq_physical_function_missing_limit(items, expected):
    assert zcq_score(Zcq(physical_function=items))["physical_function"] == expected


@pytest.mark.parametrize(
    ("items", "satisfaction", "satisfied"),
    [
        ((3, 3, 3, 2, 2, 2), 2.5, True),  # 15/6: boundary, satisfied
        ((3, 3, 2, 2, 3, None), 2.6, False),  # 13/5, 1 missing: scored
        ((1, 1, 1, 1, None, None), None, None),  # 2 missing
    ],
)
def test_zcq_satisfaction(items, satisfaction, satisfied):
    result = zcq_score(Zcq(satisfaction=items))
    assert result["satisfaction"] == satisfaction
    assert result["satisfied"] is satisfied


@pytest.mark.parametrize(("value", "expected"), [(1.0, True), (2.5, True), (2.51, False)])
def test_zcq_satisfied_boundary(value, expected):
    assert zcq_satisfied(value) is expected


def test_zcq_subscales_not_asked_are_null():
    assert zcq_score(Zcq()) == {
        "symptom_severity": None,
        "physical_function": None,
        "satisfaction": None,
        "satisfied": None,
    }


# --- mJOA, NRS, ABI ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (18, "none"),
        (17, "mild"),
        (15, "mild"),
        (14, "moderate"),
        (12, "moderate"),
        (11, "severe"),
        (0, "severe"),
    ],
)
def test_mjoa_band_boundaries(total, band):
    assert mjoa_band(total) == band
    assert mjoa_score(mjoa_of(total)) == {"total": total, "band": band}


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0, "none"),
        (1, "mild"),
        (3, "mild"),
        (4, "moderate"),
        (6, "moderate"),
        (7, "severe"),
        (10, "severe"),
    ],
)
def test_nrs_band_boundaries(value, band):
    assert nrs_band(value) == band


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0.5, "abnormal"),
        (0.90, "abnormal"),
        (0.904, "abnormal"),  # rounds to 0.90
        (0.905, "borderline"),  # rounds half up to 0.91
        (0.91, "borderline"),
        (0.99, "borderline"),
        (0.994, "borderline"),
        (0.995, "normal"),  # as written, not as the float 0.99499... is stored
        (1.00, "normal"),
        (1.40, "normal"),
        (1.404, "normal"),
        (1.405, "noncompressible"),
        (1.41, "noncompressible"),
        (2.5, "noncompressible"),
    ],
)
def test_abi_band_boundaries_after_rounding(value, band):
    assert abi_band(value) == band


@pytest.mark.parametrize(
    ("band_of", "value"),
    [(nrs_band, 11), (nrs_band, -1), (odi_band, 101), (ndi_band, 51), (mjoa_band, 19)],
)
def test_bands_reject_values_off_the_scale(band_of, value):
    with pytest.raises(ValueError, match="outside"):
        band_of(value)


# --- Konno ---------------------------------------------------------------------------------------

KONNO_MAX = {
    "comorbidities": ["smoker"],
    "history": {
        "worse_with": ["walking", "standing", "back_extension"],
        "eased_by": ["sitting", "bending_forward"],
    },
    "exam": {
        "ankle_brachial_index": 1.1,
        "achilles_reflex_abnormal": True,
        "straight_leg_raise_positive": False,
    },
}
KONNO_MIN = {
    "comorbidities": ["diabetes"],
    "history": {"worse_with": ["bending_forward"], "eased_by": []},
    "exam": {
        "flexion_relief": False,
        "extension_provokes": False,
        "pedal_pulses": "absent",
        "achilles_reflex_abnormal": False,
        "straight_leg_raise_positive": True,
    },
}


def test_konno_maximum_is_16():
    assert konno_score(make_case(**KONNO_MAX), 76) == {
        "points": 16,
        "likely": True,
        "not_recorded": [],
    }


def test_konno_minimum_is_minus_3():
    assert konno_score(make_case(**KONNO_MIN), 52) == {
        "points": -3,
        "likely": False,
        "not_recorded": [],
    }


def test_konno_nothing_recorded_lists_every_item_and_scores_age_only():
    result = konno_score(make_case(), 72)
    assert result == {"points": 2, "likely": False, "not_recorded": list(KONNO_ITEMS)}


@pytest.mark.parametrize(("age", "points"), [(59, 0), (60, 1), (69, 1), (70, 2), (90, 2)])
def test_konno_age_points(age, points):
    assert konno_score(make_case(), age)["points"] == points


@pytest.mark.parametrize(
    ("achilles", "points", "likely"),
    [(False, 6, False), (True, 7, True)],
)
def test_konno_likely_from_7(achilles, points, likely):
    # 70+ (+2), no diabetes (+1), flexion relief on exam (+3), Achilles (+1 when abnormal)
    case = make_case(
        comorbidities=[],
        exam={"flexion_relief": True, "achilles_reflex_abnormal": achilles},
    )
    result = konno_score(case, 70)
    assert (result["points"], result["likely"]) == (points, likely)


@pytest.mark.parametrize(
    ("comorbidities", "points", "listed"),
    [(None, 0, True), ([], 1, False), (["smoker"], 1, False), (["diabetes"], 0, False)],
)
def test_konno_diabetes(comorbidities, points, listed):
    case = make_case() if comorbidities is None else make_case(comorbidities=comorbidities)
    result = konno_score(case, 40)
    assert result["points"] == points
    assert ("no_diabetes" in result["not_recorded"]) is listed


@pytest.mark.parametrize(
    ("history", "points", "listed"),
    [
        ({"worse_with": ["walking"], "eased_by": ["stopping_while_standing"]}, 3, False),
        ({"worse_with": ["walking"], "eased_by": ["lying_down"]}, 3, False),
        ({"worse_with": ["walking"], "eased_by": []}, 0, False),
        ({"worse_with": ["walking"]}, 0, True),  # whether rest helps: not recorded
        ({"worse_with": ["sitting"]}, 0, False),  # walking recorded as not a trigger
        ({"eased_by": ["sitting"]}, 0, True),
    ],
)
def test_konno_intermittent_claudication(history, points, listed):
    result = konno_score(make_case(history=history), 40)
    assert result["points"] == points
    assert ("intermittent_claudication" in result["not_recorded"]) is listed


@pytest.mark.parametrize(
    ("history", "exam", "points", "listed"),
    [
        ({"eased_by": ["bending_forward"]}, {}, 3, False),
        ({}, {"flexion_relief": True}, 3, False),
        ({"eased_by": ["sitting"]}, {"flexion_relief": False}, 0, False),
        ({"eased_by": []}, {}, 0, False),
        ({}, {"flexion_relief": False}, 0, False),
        ({}, {}, 0, True),
    ],
)
def test_konno_better_bending_forward(history, exam, points, listed):
    result = konno_score(make_case(history=history, exam=exam), 40)
    assert result["points"] == points
    assert ("better_bending_forward" in result["not_recorded"]) is listed


@pytest.mark.parametrize(
    ("history", "exam", "points"),
    [
        ({"worse_with": ["standing"]}, {}, 2),
        ({"worse_with": ["bending_forward"]}, {}, -1),
        ({"worse_with": ["back_extension"]}, {}, 1),
        ({"worse_with": []}, {"extension_provokes": True}, 1),
        ({}, {"straight_leg_raise_positive": True}, -2),
        ({}, {"achilles_reflex_abnormal": True}, 1),
    ],
)
def test_konno_single_items(history, exam, points):
    assert konno_score(make_case(history=history, exam=exam), 40)["points"] == points


@pytest.mark.parametrize(
    ("exam", "points", "listed"),
    [
        ({"ankle_brachial_index": 0.9}, 3, False),
        ({"ankle_brachial_index": 0.895}, 3, False),  # rounds to 0.90
        ({"ankle_brachial_index": 0.894}, 0, False),  # rounds to 0.89
        ({"ankle_brachial_index": 0.7, "pedal_pulses": "normal"}, 0, False),  # ABI wins
        ({"pedal_pulses": "normal"}, 3, False),
        ({"pedal_pulses": "diminished"}, 0, False),
        ({}, 0, True),
    ],
)
def test_konno_peripheral_circulation(exam, points, listed):
    result = konno_score(make_case(exam=exam), 40)
    assert result["points"] == points
    assert ("good_peripheral_circulation" in result["not_recorded"]) is listed


def test_konno_not_recorded_lists_only_what_is_missing():
    case = make_case(
        history={"worse_with": ["walking", "standing"]},
        exam={"straight_leg_raise_positive": False},
    )
    assert konno_score(case, 40)["not_recorded"] == [
        "no_diabetes",
        "intermittent_claudication",
        "better_bending_forward",
        "good_peripheral_circulation",
        "achilles_reflex_abnormal",
    ]


# --- Cook ----------------------------------------------------------------------------------------

COOK_NONE = {
    "bilateral": False,
    "leg_pain_exceeds_back_pain": False,
    "worse_with": ["sitting"],
    "eased_by": ["lying_down"],
}


def test_cook_zero_findings_all_recorded_is_unlikely():
    assert cook_score(make_case(history=COOK_NONE), 48) == {
        "findings": 0,
        "not_recorded": [],
        "interpretation": "unlikely",
    }


def test_cook_zero_findings_with_gaps_is_indeterminate():
    result = cook_score(make_case(), 30)
    assert result == {
        "findings": 0,
        "not_recorded": [
            "bilateral_symptoms",
            "leg_pain_worse_than_back",
            "pain_walking_or_standing",
            "relief_on_sitting",
        ],
        "interpretation": "indeterminate",
    }


@pytest.mark.parametrize(("age", "findings"), [(48, 0), (49, 1)])
def test_cook_age_over_48_strictly(age, findings):
    assert cook_score(make_case(history=COOK_NONE), age)["findings"] == findings


@pytest.mark.parametrize(
    ("history", "findings", "interpretation"),
    [
        ({**COOK_NONE, "bilateral": True, "worse_with": ["walking"]}, 3, "indeterminate"),
        (
            {**COOK_NONE, "bilateral": True, "worse_with": ["standing"], "eased_by": ["sitting"]},
            4,
            "likely",
        ),
        (
            {
                "bilateral": True,
                "leg_pain_exceeds_back_pain": True,
                "worse_with": ["walking"],
                "eased_by": ["sitting"],
            },
            5,
            "likely",
        ),
    ],
)
def test_cook_interpretation(history, findings, interpretation):
    result = cook_score(make_case(history=history), 60)
    assert (result["findings"], result["interpretation"]) == (findings, interpretation)


@pytest.mark.parametrize(
    ("history", "counted", "listed"),
    [
        ({"pain_nrs": {"back": 4, "leg": 7}}, True, False),
        ({"pain_nrs": {"back": 4, "leg": 4}}, False, False),
        ({"pain_nrs": {"leg": 7}}, False, True),
        ({"leg_pain_exceeds_back_pain": False, "pain_nrs": {"back": 2, "leg": 7}}, False, False),
        ({"leg_pain_exceeds_back_pain": True, "pain_nrs": {"back": 7, "leg": 2}}, True, False),
    ],
)
def test_cook_leg_pain_flag_then_nrs(history, counted, listed):
    result = cook_score(make_case(history=history), 30)
    assert result["findings"] == int(counted)
    assert ("leg_pain_worse_than_back" in result["not_recorded"]) is listed


# --- compute_scores ------------------------------------------------------------------------------


def test_compute_scores_with_nothing_recorded_has_only_konno_and_cook():
    assert set(compute_scores(make_case(), 55)) == {"konno", "cook"}


def test_compute_scores_collects_every_recorded_score():
    case = make_case(
        history={"pain_nrs": {"back": 7, "leg": 3}},
        exam={"ankle_brachial_index": 0.7},
        questionnaires={
            "odi": [1, 5, 4, 4, 3, 0, 1, 5, 3, 4],
            "ndi": [2, 1, 2, 3, 2, 1, 2, 2, 1, 1],
            "zcq": {"physical_function": [2, 3, 2, 1, 1]},
            "mjoa": {"upper_motor": 5, "lower_motor": 7, "upper_sensation": 3, "bladder": 2},
        },
    )
    scores = compute_scores(case, 76)
    assert scores["odi"] == {"percent": 60, "band": "severe", "answered": 10}
    assert scores["ndi"] == {"raw": 17, "percent": 34, "band": "moderate"}
    assert scores["zcq"]["physical_function"] == 1.8
    assert scores["mjoa"] == {"total": 17, "band": "mild"}
    assert scores["nrs"] == {
        "back": {"value": 7, "band": "severe"},
        "leg": {"value": 3, "band": "mild"},
    }
    assert scores["abi"] == {"value": 0.7, "band": "abnormal"}
    assert scores["konno"]["points"] == 2
    assert scores["cook"]["findings"] == 1


def test_compute_scores_reports_abi_rounded():
    assert compute_scores(make_case(exam={"ankle_brachial_index": 0.905}), 60)["abi"] == {
        "value": 0.91,
        "band": "borderline",
    }


def test_compute_scores_omits_nrs_when_no_rating_recorded():
    assert "nrs" not in compute_scores(make_case(history={"pain_nrs": {}}), 60)
