"""Patterns, regions, escalation signs and the four questions, with their boundaries."""

from __future__ import annotations

import pytest

from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import parse_case
from tests.domain.builders import TODAY, make_case, merge

MINIMAL = {
    "format": "spine-intake-case/1",
    "patient": {"date_of_birth": "1950-01-01"},
    "visit_date": "2026-11-20",
}


def minimal(**changes):
    return parse_case(merge(MINIMAL, changes), today=TODAY)


# Patterns -------------------------------------------------------------------------------------


def test_neurogenic_claudication() -> None:
    plan = evaluate(make_case())
    assert (plan.pattern, plan.region) == ("lumbar_neurogenic_claudication", "lumbar")
    assert "shopping-cart sign" in plan.evidence["pattern"]


def test_vascular_claudication() -> None:
    plan = evaluate(
        minimal(
            history={
                "symptom_sites": ["calf"],
                "worse_with": ["walking"],
                "eased_by": ["stopping_while_standing"],
            },
            exam={"pedal_pulses": "absent"},
        )
    )
    assert plan.pattern == "vascular_claudication_suspected"


def test_disc_herniation() -> None:
    plan = evaluate(
        minimal(
            history={
                "symptom_sites": ["low_back", "thigh", "calf"],
                "onset": "sudden",
                "onset_after_lifting_or_twisting": True,
                "sensations": ["sharp_shooting"],
                "bilateral": False,
            },
            exam={"straight_leg_raise_positive": True},
        )
    )
    assert (plan.pattern, plan.region) == ("disc_herniation_suspected", "lumbar")


def test_cervical_myelopathy() -> None:
    plan = evaluate(minimal(history={"symptom_sites": ["neck", "hand"], "hand_clumsiness": True}))
    assert (plan.pattern, plan.region) == ("cervical_myelopathy", "cervical")


def test_cervical_radiculopathy() -> None:
    plan = evaluate(
        minimal(history={"symptom_sites": ["neck", "arm"], "pain_nrs": {"neck": 5, "arm": 7}})
    )
    assert (plan.pattern, plan.region) == ("cervical_radiculopathy", "cervical")
    assert plan.level == "conservative"


def test_arm_pain_without_neck_pain_is_not_radiculopathy() -> None:
    assert evaluate(minimal(history={"symptom_sites": ["arm"]})).pattern == "mixed_or_unclear"


def test_features_of_two_patterns_are_mixed() -> None:
    plan = evaluate(make_case(exam={"pedal_pulses": "absent", "ankle_brachial_index": 0.6}))
    assert plan.pattern == "mixed_or_unclear"
    assert "R7.vascular" in [r.id for r in plan.rules_fired]


def test_too_few_features_is_unclear() -> None:
    plan = evaluate(minimal())
    assert (plan.pattern, plan.region) == ("mixed_or_unclear", "unclear")
    assert plan.rules_fired


def test_back_and_neck_symptoms_are_both_regions() -> None:
    plan = evaluate(make_case(history={"symptom_sites": ["low_back", "thigh", "neck", "arm"]}))
    assert plan.region == "both"


def test_cervical_imaging_levels_count_for_region() -> None:
    assert evaluate(minimal(imaging={"modality": "mri", "levels": ["C5-C6"]})).region == (
        "cervical"
    )


# Escalation signs -----------------------------------------------------------------------------


@pytest.mark.parametrize(("now", "shrinking"), [(850, True), (851, False), (860, False)])
def test_fifteen_percent_fall_in_walking_distance_is_shrinking(now: float, shrinking: bool) -> None:
    plan = evaluate(
        make_case(
            history={"painless_walking_distance_m": now},
            function={"previous_painless_walking_distance_m": 1000},
        )
    )
    assert ("walking_distance_shrinking" in plan.escalation_signs) is shrinking


def test_walking_fall_evidence_states_the_numbers() -> None:
    plan = evaluate(
        make_case(
            history={"painless_walking_distance_m": 170},
            function={"previous_painless_walking_distance_m": 200},
        )
    )
    assert plan.to_dict()["escalation_evidence"]["walking_distance_shrinking"] == [
        "painless walking distance fell 15 % (200 m to 170 m)"
    ]


@pytest.mark.parametrize(
    ("changes", "sign"),
    [
        ({"function": {"sitting_breaks_increasing": True}}, "sitting_breaks_increasing"),
        ({"treatment": {"home_measures_benefit": "none"}}, "home_measures_brief_benefit"),
        ({"function": {"activities_given_up": True}}, "activities_given_up"),
        (
            {"treatment": {"medication_trend": "increasing", "activity_trend": "decreasing"}},
            "more_medication_less_activity",
        ),
        ({"exam": {"leg_weakness": "progressive"}}, "weakness_or_balance_or_flares"),
        ({"function": {"flares_increasing": True}}, "weakness_or_balance_or_flares"),
    ],
)
def test_each_escalation_sign(changes: dict, sign: str) -> None:
    assert sign in evaluate(make_case(**changes)).escalation_signs


def test_lasting_home_benefit_is_no_sign() -> None:
    plan = evaluate(make_case(treatment={"home_measures_benefit": "lasting"}))
    assert "home_measures_brief_benefit" not in plan.escalation_signs


# The four questions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("distance", "standing", "answer"),
    [
        (99, 60, "severe"),
        (100, 60, "moderate"),
        (499, 60, "moderate"),
        (500, 60, "mild"),
        (1000, 4.9, "severe"),
        (1000, 5, "moderate"),
        (1000, 14, "moderate"),
        (1000, 15, "mild"),
    ],
)
def test_limitation_thresholds(distance: float, standing: float, answer: str) -> None:
    plan = evaluate(
        make_case(
            history={"painless_walking_distance_m": distance, "standing_tolerance_min": standing}
        )
    )
    assert plan.framework["limitation"].answer == answer
    assert plan.framework["limitation"].source == "findings"


def test_nothing_recorded_leaves_limitation_unanswered() -> None:
    answer = evaluate(minimal()).framework["limitation"]
    assert (answer.answer, answer.source) == (None, "unanswered")


def test_defaults_for_goal_and_recovery_say_so() -> None:
    fw = evaluate(minimal()).framework
    assert (fw["goal"].answer, fw["goal"].source) == ("symptom_management", "default")
    assert (fw["recovery"].answer, fw["recovery"].source) == ("short_recovery", "default")
    assert (fw["cause"].answer, fw["cause"].source) == ("unknown", "findings")


def test_clinician_answer_wins_and_notes_what_the_findings_suggest() -> None:
    fw = evaluate(make_case(framework={"limitation": "severe"})).framework
    assert (fw["limitation"].answer, fw["limitation"].source) == ("severe", "clinician")
    assert "the findings suggest moderate" in fw["limitation"].evidence


def test_first_listed_cause_is_the_main_one() -> None:
    fw = evaluate(
        make_case(imaging={"modality": "ct", "causes": ["facet_hypertrophy", "instability"]})
    ).framework
    assert fw["cause"].answer == "facet_hypertrophy"
