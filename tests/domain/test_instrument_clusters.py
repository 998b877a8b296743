"""Konno and Cook cluster scores of INSTRUMENTS.md, and compute_scores over a whole case
(split from test_instruments.py to keep each test module under 450 lines)."""

from __future__ import annotations

import pytest

from intake_desktop.domain.instruments import (
    KONNO_ITEMS,
    compute_scores,
    cook_score,
    konno_score,
)
from tests.domain.test_instruments import make_case

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
