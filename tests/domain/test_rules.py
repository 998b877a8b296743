"""One or more cases per rule block of CLINICAL_CONTENT.md section 7, with the boundaries."""

from __future__ import annotations

import jsonschema
import pytest

from intake_desktop.domain.codes import RED_FLAG_LEVELS, RED_FLAGS
from intake_desktop.domain.engine import RULES, RULES_VERSION, evaluate
from intake_desktop.domain.plan import Plan
from tests.domain.builders import DATA, escalated, load_json, make_case, structural

PLAN_SCHEMA = load_json(DATA / "schemas" / "plan.schema.json")


def ids(plan: Plan) -> list[str]:
    return [r.id for r in plan.rules_fired]


def plan_of(case) -> Plan:
    plan = evaluate(case)
    jsonschema.validate(plan.to_dict(), PLAN_SCHEMA)
    assert all(r in RULES for r in ids(plan))
    return plan


# Block 1: red flags -------------------------------------------------------------------------


@pytest.mark.parametrize("flag", RED_FLAGS)
def test_each_red_flag_sets_its_level_and_urgent_mri(flag: str) -> None:
    plan = plan_of(make_case(red_flags=[flag]))
    assert plan.level == RED_FLAG_LEVELS[flag]
    assert plan.red_flag_codes == (flag,)
    assert plan.workup == ("urgent_mri",)
    assert ids(plan) == [f"R1.{RED_FLAG_LEVELS[flag]}"]
    assert flag in plan.rules_fired[0].findings[0]


def test_emergency_outranks_urgent_and_both_are_listed() -> None:
    plan = plan_of(make_case(red_flags=["fever", "bladder_bowel_dysfunction"]))
    assert plan.level == "emergency"
    assert set(plan.red_flag_codes) == {"fever", "bladder_bowel_dysfunction"}
    assert ids(plan) == ["R1.emergency", "R1.urgent"]


@pytest.mark.parametrize(
    ("exam", "flag"),
    [
        ({"foot_drop": True}, "foot_drop"),
        ({"saddle_sensation_reduced": True}, "saddle_anaesthesia"),
        ({"temperature_c": 38.1}, "fever"),
    ],
)
def test_exam_findings_raise_red_flags(exam: dict, flag: str) -> None:
    plan = plan_of(make_case(exam=exam))
    assert flag in plan.red_flag_codes
    assert any(src.startswith("exam") for src in plan.red_flags[0].sources)


def test_temperature_of_exactly_38_is_not_fever() -> None:
    assert plan_of(make_case(exam={"temperature_c": 38.0})).red_flags == ()


def test_red_flag_with_mri_contraindicated_asks_for_ct_myelogram() -> None:
    plan = plan_of(make_case(red_flags=["foot_drop"], comorbidities=["mri_contraindicated"]))
    assert plan.workup == ("ct_myelogram",)


def test_red_flags_override_every_other_block() -> None:
    plan = plan_of(structural(red_flags=["sudden_walking_loss"], exam={"hoffmann_sign": True}))
    assert plan.level == "urgent"
    assert ids(plan) == ["R1.urgent"]


# Block 2: cervical cord signs ----------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"history": {"hand_clumsiness": True}},
        {"exam": {"hand_dexterity_reduced": True}},
        {"exam": {"hoffmann_sign": True}},
        {"history": {"symptom_sites": ["neck", "arm"], "balance_problems": True}},
        {"history": {"arm_symptoms": True}, "exam": {"gait_unsteady": True}},
    ],
)
def test_cord_signs_send_to_surgical_evaluation_with_mri(changes: dict) -> None:
    plan = plan_of(make_case(**changes))
    assert plan.level == "surgical"
    assert "R2.cord_signs" in ids(plan)
    assert "mri" in plan.workup


def test_balance_trouble_without_neck_or_arm_symptoms_is_not_a_cord_sign() -> None:
    plan = plan_of(make_case(history={"balance_problems": True}))
    assert "R2.cord_signs" not in ids(plan)


# Block 3: conservative first (6-week boundary) -------------------------------------------------


def test_under_six_weeks_is_conservative_first() -> None:
    plan = plan_of(escalated(treatment={"conservative_care_weeks": 5.9}))
    assert (plan.level, ids(plan)) == ("conservative", ["R3.conservative_first"])


def test_six_weeks_moves_past_conservative_first() -> None:
    plan = plan_of(escalated(treatment={"conservative_care_weeks": 6}))
    assert plan.level == "interventional"
    assert "R3.conservative_first" not in ids(plan)


def test_no_conservative_care_recorded_counts_as_none_with_a_warning() -> None:
    plan = plan_of(escalated(treatment=None))
    assert plan.level == "conservative"
    assert any("No conservative care recorded" in w for w in plan.warnings)


def test_physical_therapy_weeks_stand_in_for_conservative_care() -> None:
    plan = plan_of(
        escalated(treatment={"conservative_care_weeks": None, "physical_therapy_weeks": 8})
    )
    assert plan.level == "interventional"


def test_deficit_in_the_first_weeks_does_not_defer_imaging() -> None:
    plan = plan_of(
        make_case(treatment={"conservative_care_weeks": 2}, exam={"leg_weakness": "stable"})
    )
    assert plan.level == "conservative"
    assert "R3.deficit_imaging" in ids(plan)
    assert "mri" in plan.workup


# Block 4: stable on conservative care (2 signs, severe) --------------------------------------


def test_one_sign_and_moderate_limitation_is_stable() -> None:
    plan = plan_of(make_case())
    assert plan.escalation_signs == ("leg_pain_dominant",)
    assert (plan.level, ids(plan)) == ("conservative", ["R4.stable"])


def test_two_signs_are_no_longer_stable() -> None:
    plan = plan_of(make_case(function={"activities_given_up": True}))
    assert len(plan.escalation_signs) == 2
    assert plan.level == "interventional"


def test_severe_limitation_alone_is_no_longer_stable() -> None:
    plan = plan_of(
        make_case(history={"leg_pain_exceeds_back_pain": False, "painless_walking_distance_m": 99})
    )
    assert plan.escalation_signs == ()
    assert plan.framework["limitation"].answer == "severe"
    assert plan.level == "interventional"


# Block 5: structural relief (26 weeks, causes) -------------------------------------------------


def test_flavum_at_one_level_is_mild() -> None:
    plan = plan_of(structural())
    assert plan.level == "minimally_invasive"
    assert "R5.mild" in ids(plan)
    assert "flexion_extension_xray" in plan.workup  # structural relief without dynamic films


def test_26_weeks_is_the_structural_boundary() -> None:
    assert plan_of(structural(treatment={"conservative_care_weeks": 26})).level == (
        "minimally_invasive"
    )
    below = plan_of(structural(treatment={"conservative_care_weeks": 25.9}))
    assert below.level == "interventional"
    assert "R6.interventional" in ids(below)


@pytest.mark.parametrize(
    "cause",
    [
        "facet_hypertrophy",
        "disc_bulge",
        "spondylolisthesis",
        "instability",
        "congenital",
        "multilevel",
    ],
)
def test_bone_disc_or_unstable_narrowing_is_surgical(cause: str) -> None:
    plan = plan_of(structural(imaging={"causes": [cause]}))
    assert plan.level == "surgical"
    assert "R5.surgical" in ids(plan)


def test_flavum_at_three_levels_counts_as_multilevel() -> None:
    plan = plan_of(structural(imaging={"levels": ["L2-L3", "L3-L4", "L4-L5"]}))
    assert plan.framework["cause"].answer == "multilevel"
    assert plan.level == "surgical"


def test_instability_outranks_a_first_listed_flavum() -> None:
    plan = plan_of(structural(imaging={"causes": ["ligamentum_flavum_hypertrophy", "instability"]}))
    assert plan.framework["cause"].answer == "instability"
    assert plan.level == "surgical"


def test_no_imaging_means_image_first() -> None:
    plan = plan_of(structural(imaging=None))
    assert plan.framework["cause"].answer == "unknown"
    assert plan.level == "interventional"
    assert "R5.no_imaging" in ids(plan)
    assert "mri" in plan.workup


def test_outpatient_only_with_surgical_anatomy_at_one_level_is_a_spacer() -> None:
    plan = plan_of(
        structural(
            imaging={"causes": ["facet_hypertrophy"]}, framework={"recovery": "outpatient_only"}
        )
    )
    assert plan.level == "minimally_invasive"
    assert plan.alternatives == ("surgical",)
    assert "R5.outpatient_spacer" in ids(plan)
    assert plan.procedures == ("interspinous_spacer",)


def test_outpatient_only_with_a_slip_is_stimulation_with_surgery_as_alternative() -> None:
    plan = plan_of(
        structural(
            imaging={"causes": ["spondylolisthesis"]}, framework={"recovery": "outpatient_only"}
        )
    )
    assert plan.level == "minimally_invasive"
    assert plan.alternatives == ("surgical",)
    assert "R5.outpatient_scs" in ids(plan)
    assert plan.procedures == ("spinal_cord_stimulation",)


def test_durable_injection_benefit_keeps_interventional_care() -> None:
    durable = [
        {
            "date": "2026-05-01",
            "type": "epidural_steroid",
            "relief_weeks": 6,
            "function_improved": True,
        }
    ]
    plan = plan_of(structural(treatment={"injections": durable}))
    assert plan.level == "interventional"


def test_relief_of_six_weeks_without_function_gain_is_not_durable() -> None:
    injections = [
        {
            "date": "2026-05-01",
            "type": "epidural_steroid",
            "relief_weeks": 6,
            "function_improved": False,
        }
    ]
    assert plan_of(structural(treatment={"injections": injections})).level == "minimally_invasive"


def test_goal_of_structural_relief_stands_in_for_failed_injections() -> None:
    no_injections = structural(
        treatment={"injections": []}, framework={"goal": "structural_relief"}
    )
    assert plan_of(no_injections).level == "minimally_invasive"
    assert plan_of(structural(treatment={"injections": []})).level == "interventional"


def test_progressive_deficit_is_a_red_flag_before_any_structural_decision() -> None:
    plan = plan_of(
        structural(treatment={"conservative_care_weeks": 8}, exam={"leg_weakness": "progressive"})
    )
    assert plan.level == "urgent"
    assert plan.red_flag_codes == ("rapidly_progressive_weakness",)


# Block 6: interventional (3 injections in 12 months) ----------------------------------------


def inj(day: str, relief: float = 8, improved: bool = True) -> dict:
    return {
        "date": day,
        "type": "epidural_steroid",
        "relief_weeks": relief,
        "function_improved": improved,
    }


def test_interventional_with_no_imaging_asks_for_mri() -> None:
    plan = plan_of(escalated())
    assert plan.level == "interventional"
    assert ids(plan) == ["R6.interventional", "R6.epidural_steroid", "R7.imaging_needed"]
    assert plan.workup == ("mri",)


def test_three_injections_in_twelve_months_means_do_not_repeat() -> None:
    three = [inj("2025-11-20"), inj("2026-04-01"), inj("2026-09-01")]
    plan = plan_of(escalated(treatment={"injections": three}))
    assert plan.level == "interventional"
    assert "R6.no_repeat_injection" in ids(plan)
    assert any("Do not repeat" in w for w in plan.warnings)


def test_an_injection_older_than_twelve_months_does_not_count_to_the_cap() -> None:
    three = [inj("2025-11-19"), inj("2026-04-01"), inj("2026-09-01")]
    plan = plan_of(escalated(treatment={"injections": three}))
    assert "R6.no_repeat_injection" not in ids(plan)


def test_short_relief_without_function_gain_means_do_not_repeat() -> None:
    plan = plan_of(escalated(treatment={"injections": [inj("2026-09-01", 1.5, False)]}))
    assert "R6.no_repeat_injection" in ids(plan)
    assert "medial_branch_block" not in plan.workup  # leg-dominant pain


def test_two_weeks_of_relief_is_not_short() -> None:
    plan = plan_of(escalated(treatment={"injections": [inj("2026-09-01", 2, False)]}))
    assert "R6.no_repeat_injection" not in ids(plan)


def test_back_dominant_pain_after_failed_injection_adds_medial_branch_block() -> None:
    plan = plan_of(
        escalated(
            history={"leg_pain_exceeds_back_pain": False, "pain_nrs": {"back": 8, "leg": 3}},
            treatment={"injections": [inj("2026-09-01", 1, False)]},
            function={"sitting_breaks_increasing": True},
        )
    )
    assert "R6.medial_branch_block" in ids(plan)
    assert "medial_branch_block" in plan.workup


# Block 7: modifiers (ABI 0.90, age 40) --------------------------------------------------------


@pytest.mark.parametrize(("abi", "vascular"), [(0.90, True), (0.904, True), (0.91, False)])
def test_abi_at_or_below_090_adds_vascular_work_up(abi: float, vascular: bool) -> None:
    plan = plan_of(make_case(exam={"ankle_brachial_index": abi}))
    assert ("R7.vascular" in ids(plan)) is vascular
    assert ("vascular_referral" in plan.workup) is vascular


def test_known_arterial_disease_adds_vascular_work_up() -> None:
    plan = plan_of(make_case(comorbidities=["peripheral_arterial_disease"]))
    assert {"abi", "vascular_referral"} <= set(plan.workup)


@pytest.mark.parametrize("condition", ["diabetes", "peripheral_neuropathy"])
def test_neuropathy_risk_with_leg_symptoms_adds_emg(condition: str) -> None:
    plan = plan_of(make_case(comorbidities=[condition]))
    assert "emg" in plan.workup


def test_diabetes_without_leg_symptoms_adds_no_emg() -> None:
    plan = plan_of(
        make_case(
            comorbidities=["diabetes"],
            history={"symptom_sites": ["low_back"], "pain_nrs": {"back": 5, "leg": None}},
        )
    )
    assert "emg" not in plan.workup


@pytest.mark.parametrize(("born", "warned"), [("1986-11-20", False), ("1986-11-21", True)])
def test_age_40_is_the_boundary_of_the_young_patient_warning(born: str, warned: bool) -> None:
    plan = plan_of(make_case(patient={"date_of_birth": born}))
    assert ("R7.under_40" in ids(plan)) is warned
    assert any("disc herniation" in w for w in plan.warnings) is warned


def test_spondylolisthesis_without_dynamic_films_adds_flexion_extension_xray() -> None:
    plan = plan_of(make_case(imaging={"modality": "mri", "causes": ["spondylolisthesis"]}))
    assert "flexion_extension_xray" in plan.workup
    with_films = plan_of(
        make_case(
            imaging={
                "modality": "mri",
                "causes": ["spondylolisthesis"],
                "instability_on_flexion_extension": False,
            }
        )
    )
    assert "flexion_extension_xray" not in with_films.workup


def test_modifiers_are_not_added_to_red_flag_levels() -> None:
    plan = plan_of(make_case(red_flags=["fever"], comorbidities=["diabetes"]))
    assert plan.workup == ("urgent_mri",)


def test_plan_names_its_rule_set() -> None:
    assert plan_of(make_case()).to_dict()["rules_version"] == RULES_VERSION
