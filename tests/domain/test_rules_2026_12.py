"""The rules marked "since rules 2026.12" in CLINICAL_CONTENT.md (sections 3 and 7, issue 14).

Each test here failed on the 2026.11 engine unless it only guards a boundary of a new rule.
"""

from __future__ import annotations

from typing import Any

import pytest

from intake_desktop.domain.engine import RULES, RULES_VERSION
from intake_desktop.domain.followup import VisitSnapshot, alerts, injections_in_year
from intake_desktop.domain.plan import Plan
from tests.domain.builders import escalated, make_case, structural
from tests.domain.test_rules import ids, plan_of


def shot(day: str, kind: str = "epidural_steroid", relief: float = 8, improved: bool = True,
         response: str | None = None) -> dict[str, Any]:  # fmt: skip
    out: dict[str, Any] = {
        "date": day,
        "type": kind,
        "relief_weeks": relief,
        "function_improved": improved,
    }
    if response is not None:
        out["response"] = response
    return out


def failed(day: str, kind: str = "epidural_steroid") -> dict[str, Any]:
    return shot(day, kind, relief=1, improved=False)


BACK_DOMINANT = {"leg_pain_exceeds_back_pain": False, "pain_nrs": {"back": 8, "leg": 3}}


def back_dominant(injections: list[dict[str, Any]]) -> Plan:
    return plan_of(
        escalated(
            history=BACK_DOMINANT,
            treatment={"injections": injections},
            function={"sitting_breaks_increasing": True},
        )
    )


def test_rules_version_is_2026_12_1() -> None:
    """2026.12.1: the rules of 2026.12, with the procedures' finding in words (no rule id)."""
    assert RULES_VERSION == "2026.12.1"
    assert plan_of(make_case()).to_dict()["rules_version"] == "2026.12.1"


def test_new_rules_have_stable_ids() -> None:
    for rule in (
        "R2b.vascular_first",
        "R2b.vascular_mixed",
        "R5.outpatient_spacer",
        "R6.epidural_steroid",
        "R6.radiofrequency_ablation",
        "R6.negative_block",
        "R6.diagnostic_review",
        "R8.procedures",
        "R8.imaging_matches",
        "R8.imaging_mismatch",
    ):
        assert rule in RULES


# 1. Progressive weakness on the exam is a red flag ----------------------------------------------


def test_progressive_leg_weakness_on_exam_raises_rapidly_progressive_weakness() -> None:
    plan = plan_of(make_case(exam={"leg_weakness": "progressive"}))
    assert plan.level == "urgent"
    assert plan.red_flag_codes == ("rapidly_progressive_weakness",)
    assert plan.red_flags[0].sources == ("exam: progressive leg weakness",)
    assert plan.workup == ("urgent_mri",)
    assert ids(plan) == ["R1.urgent"]
    assert plan.procedures == ()


def test_stable_leg_weakness_is_no_red_flag() -> None:
    plan = plan_of(make_case(exam={"leg_weakness": "stable"}))
    assert plan.red_flags == ()


# 2. Block 2b: vascular first -------------------------------------------------------------------

VASCULAR = {
    "history": {
        "symptom_sites": ["calf"],
        "eased_by": ["stopping_while_standing"],
        "worse_with": ["walking"],
        "shopping_cart_sign": False,
        "seconds_to_relief_on_sitting": None,
        "painless_walking_distance_m": 60,
    },
    "exam": {"pedal_pulses": "diminished", "ankle_brachial_index": 0.7, "flexion_relief": False},
    "treatment": {"conservative_care_weeks": 30, "injections": [failed("2026-06-01")]},
}


def test_vascular_pattern_keeps_the_spine_conservative_until_the_vascular_assessment() -> None:
    plan = plan_of(escalated(**VASCULAR))
    assert plan.pattern == "vascular_claudication_suspected"
    assert plan.level == "conservative"
    assert ids(plan)[0] == "R2b.vascular_first"
    assert {"abi", "vascular_referral"} <= set(plan.workup)
    assert not {"mri", "ct_myelogram", "medial_branch_block"} & set(plan.workup)
    assert plan.procedures == ()
    assert "Spinal procedures wait for the vascular assessment." in plan.warnings


def test_a_vascular_pattern_gets_no_dynamic_films_for_a_structural_decision() -> None:
    plan = plan_of(
        escalated(**VASCULAR, imaging={"modality": "mri", "causes": ["spondylolisthesis"]})
    )
    assert plan.level == "conservative"
    assert "flexion_extension_xray" not in plan.workup


def test_a_deficit_in_a_vascular_pattern_is_still_imaged() -> None:
    weak = {**VASCULAR, "exam": {**VASCULAR["exam"], "leg_weakness": "stable"}}
    plan = plan_of(escalated(**weak))
    assert plan.level == "conservative"
    assert "R3.deficit_imaging" in ids(plan)
    assert "mri" in plan.workup
    assert plan.procedures == ()


def test_vascular_and_neurogenic_features_let_the_spinal_rules_decide_with_a_warning() -> None:
    plan = plan_of(escalated(exam={"pedal_pulses": "absent", "ankle_brachial_index": 0.8}))
    assert plan.pattern == "mixed_or_unclear"
    assert plan.level == "interventional"
    assert "R2b.vascular_mixed" in ids(plan)
    assert {"abi", "vascular_referral"} <= set(plan.workup)
    assert any("blood flow" in w and "before any procedure" in w for w in plan.warnings)


# 3. Durable benefit: the most recent therapeutic injection ---------------------------------------


def test_an_old_durable_injection_does_not_hold_back_escalation_when_the_latest_failed() -> None:
    history = [shot("2024-06-01", relief=12), failed("2026-03-01")]
    plan = plan_of(structural(treatment={"injections": history}))
    assert plan.level == "minimally_invasive"
    assert "R5.mild" in ids(plan)


def test_the_latest_therapeutic_injection_being_durable_keeps_interventional_care() -> None:
    history = [failed("2025-01-01"), shot("2026-05-01", "radiofrequency_ablation", relief=20)]
    assert plan_of(structural(treatment={"injections": history})).level == "interventional"


def test_a_medial_branch_block_is_never_a_failed_treatment() -> None:
    block = [shot("2026-05-01", "medial_branch_block", 0, False, "positive")]
    plan = plan_of(structural(treatment={"injections": block}))
    assert plan.level == "interventional"  # no therapeutic injection yet: interventional untried
    assert "R5.mild" not in ids(plan)


@pytest.mark.parametrize("reverse", [False, True])
def test_on_a_same_day_tie_the_least_durable_injection_judges(reverse: bool) -> None:
    day = [shot("2026-05-01", relief=10), failed("2026-05-01", "radiofrequency_ablation")]
    plan = plan_of(structural(treatment={"injections": day[::-1] if reverse else day}))
    assert plan.level == "minimally_invasive"


def test_medial_branch_blocks_do_not_count_towards_the_esi_cap() -> None:
    blocks = [shot(d, "medial_branch_block", 0.5, False, "positive")
              for d in ("2026-01-10", "2026-04-10", "2026-08-10")]  # fmt: skip
    plan = plan_of(escalated(treatment={"injections": blocks}))
    assert "R6.no_repeat_injection" not in ids(plan)
    assert "epidural_steroid" in plan.procedures


def test_the_follow_up_cap_alert_counts_only_epidural_steroid_injections() -> None:
    blocks = [
        shot("2026-01-10", "medial_branch_block"),
        shot("2026-04-10", "radiofrequency_ablation"),
        shot("2026-08-10", "epidural_steroid"),
    ]
    case = escalated(treatment={"injections": blocks})
    assert injections_in_year(case) == 1
    assert not any(a.code == "injection_cap_reached" for a in alerts(None, VisitSnapshot(case)))


def test_three_epidural_steroid_injections_cap_even_when_each_helped() -> None:
    three = [shot("2025-12-01"), shot("2026-04-01"), shot("2026-08-01")]
    plan = plan_of(escalated(treatment={"injections": three}))
    assert "R6.no_repeat_injection" in ids(plan)
    assert "epidural_steroid" not in plan.procedures


# 4. Block 6: which procedure -------------------------------------------------------------------


def test_leg_dominant_symptoms_suggest_an_epidural_steroid_injection() -> None:
    plan = plan_of(escalated())
    assert plan.procedures == ("epidural_steroid",)
    assert "R6.epidural_steroid" in ids(plan)


def test_back_dominant_pain_suggests_a_medial_branch_block() -> None:
    plan = back_dominant([])
    assert plan.procedures[0] == "medial_branch_block"
    assert "medial_branch_block" in plan.workup


def test_a_positive_block_without_ablation_since_suggests_radiofrequency_ablation() -> None:
    plan = back_dominant([shot("2026-08-01", "medial_branch_block", 0, False, "positive")])
    assert plan.procedures[0] == "radiofrequency_ablation"
    assert "medial_branch_block" not in plan.procedures
    assert not any("Do not repeat" in w for w in plan.warnings)


def test_an_ablation_after_the_positive_block_is_not_suggested_again() -> None:
    plan = back_dominant(
        [
            shot("2026-06-01", "medial_branch_block", 0, False, "positive"),
            shot("2026-07-01", "radiofrequency_ablation", 1, False),
        ]
    )
    assert "radiofrequency_ablation" not in plan.procedures
    assert "medial_branch_block" not in plan.procedures


def test_a_negative_block_means_no_facet_procedure_and_a_diagnostic_review() -> None:
    plan = back_dominant([shot("2026-08-01", "medial_branch_block", 0, False, "negative")])
    assert not {"medial_branch_block", "radiofrequency_ablation"} & set(plan.procedures)
    assert "medial_branch_block" not in plan.workup
    assert "R6.negative_block" in ids(plan)
    assert any("review the diagnosis" in w for w in plan.warnings)


def test_a_failed_esi_does_not_stop_a_facet_block_for_back_dominant_pain() -> None:
    plan = back_dominant([failed("2026-09-01")])
    assert "R6.no_repeat_injection" in ids(plan)
    assert plan.procedures == ("medial_branch_block",)


def test_a_short_lived_block_is_never_called_an_injection_not_to_repeat() -> None:
    # 2026.11 said "do not repeat the injection" and then ordered another medial branch block.
    plan = back_dominant([failed("2026-09-01", "medial_branch_block")])
    assert "R6.no_repeat_injection" not in ids(plan)
    assert not any("Do not repeat" in w for w in plan.warnings)


def test_when_no_procedure_remains_the_plan_says_diagnostic_review() -> None:
    capped = [failed("2025-12-01"), failed("2026-04-01"), failed("2026-08-01")]
    plan = plan_of(escalated(treatment={"injections": capped}))
    assert plan.level == "interventional"
    assert plan.procedures == ()
    assert "R6.diagnostic_review" in ids(plan)
    assert any("review the diagnosis" in w for w in plan.warnings)


# 6. Block 8: procedures by level ---------------------------------------------------------------


def test_mild_candidate_gets_mild() -> None:
    assert plan_of(structural()).procedures == ("mild",)


@pytest.mark.parametrize(
    ("imaging", "expected"),
    [
        ({"causes": ["facet_hypertrophy"]}, "decompression"),
        ({"causes": ["disc_bulge"]}, "decompression"),
        ({"causes": ["spondylolisthesis"]}, "decompression_with_stabilisation"),
        ({"causes": ["instability"]}, "decompression_with_stabilisation"),
        ({"levels": ["L2-L3", "L3-L4", "L4-L5"]}, "decompression_with_stabilisation"),
        ({"instability_on_flexion_extension": True}, "decompression_with_stabilisation"),
    ],
)
def test_surgical_level_suggests_decompression_with_stabilisation_when_needed(
    imaging: dict, expected: str
) -> None:
    plan = plan_of(structural(imaging=imaging))
    assert plan.level == "surgical"
    assert plan.procedures == (expected,)
    assert "R8.procedures" in ids(plan)


@pytest.mark.parametrize(
    "case",
    [
        lambda: make_case(),  # conservative
        lambda: make_case(red_flags=["fever"]),  # urgent
        lambda: make_case(red_flags=["saddle_anaesthesia"]),  # emergency
    ],
)
def test_conservative_urgent_and_emergency_suggest_no_procedure(case: Any) -> None:
    assert plan_of(case()).procedures == ()


# 7. Block 8: does the scan match the symptoms? --------------------------------------------------


def test_a_canal_area_under_100_is_imaging_that_matches_the_symptoms() -> None:
    plan = plan_of(structural(imaging={"canal_area_mm2": 70}))
    assert "R8.imaging_matches" in ids(plan)
    assert any("matches the symptoms" in e for e in plan.framework["cause"].evidence)


def test_a_canal_area_of_100_is_not_reported_as_matching() -> None:
    plan = plan_of(structural(imaging={"canal_area_mm2": 100}))
    assert "R8.imaging_matches" not in ids(plan)


def test_levels_away_from_the_symptoms_are_a_mismatch_to_review() -> None:
    plan = plan_of(escalated(imaging={"modality": "mri", "levels": ["C5-C6"]}))
    assert "R8.imaging_mismatch" in ids(plan)
    assert any("do not match" in w for w in plan.warnings)
    assert any("do not fit lumbar" in e for e in plan.framework["cause"].evidence)


def test_imaging_with_no_stenotic_level_is_a_mismatch() -> None:
    plan = plan_of(escalated(imaging={"modality": "mri", "levels": []}))
    assert "R8.imaging_mismatch" in ids(plan)
