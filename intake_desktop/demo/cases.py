"""Case templates for the demo clinic, one per clinical picture the app must handle.

They are ordinary case files (dated 2026-11-20) covering the patterns of CLINICAL_CONTENT.md
section 2, red flags (section 3) and every level of care. The demo parses each template once and
then varies the parsed case (patient, visit date with all other dates shifted alike, pain scores),
so every demo visit is a valid case and its plan is the engine's real answer for it.
"""

from __future__ import annotations

from typing import Any

_NC_HISTORY: dict[str, Any] = {
    "symptom_sites": ["low_back", "buttock", "thigh"],
    "bilateral": True,
    "leg_pain_exceeds_back_pain": True,
    "onset": "gradual",
    "duration_weeks": 40,
    "worse_with": ["walking", "standing"],
    "eased_by": ["sitting", "bending_forward"],
    "seconds_to_relief_on_sitting": 90,
    "shopping_cart_sign": True,
    "sensations": ["ache", "heaviness", "tingling"],
    "pain_nrs": {"back": 4, "leg": 7},
}


def _case(dob: str, sex: str, **sections: Any) -> dict[str, Any]:
    return {
        "format": "spine-intake-case/1",
        "patient": {"date_of_birth": dob, "sex": sex},
        "visit_date": "2026-11-20",
        **sections,
    }


#: name -> (weight in the demo mix, case template)
TEMPLATES: dict[str, tuple[int, dict[str, Any]]] = {
    "lumbar_early": (
        14,
        _case(
            "1958-03-02",
            "female",
            history={
                **_NC_HISTORY,
                "painless_walking_distance_m": 300,
                "standing_tolerance_min": 20,
            },
            exam={
                "shopping_cart_sign": True,
                "flexion_relief": True,
                "extension_provokes": True,
                "leg_weakness": "none",
                "pedal_pulses": "normal",
            },
            treatment={"conservative_care_weeks": 3, "physical_therapy_weeks": 2},
            questionnaires={"odi": [2, 2, 1, 2, 3, 2, 1, 1, 2, 1]},
        ),
    ),
    "lumbar_interventional": (
        14,
        _case(
            "1954-01-10",
            "male",
            history={**_NC_HISTORY, "painless_walking_distance_m": 200},
            treatment={
                "conservative_care_weeks": 10,
                "physical_therapy_weeks": 8,
                "home_measures_benefit": "brief",
            },
            function={
                "walking_distance_shrinking": True,
                "sitting_breaks_increasing": True,
                "activities_given_up": True,
            },
        ),
    ),
    "mild_candidate": (
        8,
        _case(
            "1951-05-05",
            "female",
            history={**_NC_HISTORY, "painless_walking_distance_m": 60, "standing_tolerance_min": 4},
            exam={"shopping_cart_sign": True, "flexion_relief": True},
            imaging={
                "modality": "mri",
                "date": "2026-09-01",
                "levels": ["L4-L5"],
                "causes": ["ligamentum_flavum_hypertrophy"],
                "canal_area_mm2": 70,
            },
            treatment={
                "conservative_care_weeks": 40,
                "physical_therapy_weeks": 12,
                "injections": [
                    {
                        "date": "2026-03-01",
                        "type": "epidural_steroid",
                        "relief_weeks": 1,
                        "function_improved": False,
                    },
                    {
                        "date": "2026-07-01",
                        "type": "epidural_steroid",
                        "relief_weeks": 1,
                        "function_improved": False,
                    },
                ],
            },
            function={"walking_distance_shrinking": True, "activities_given_up": True},
        ),
    ),
    "surgical_instability": (
        6,
        _case(
            "1949-08-17",
            "male",
            history={**_NC_HISTORY, "painless_walking_distance_m": 50, "standing_tolerance_min": 5},
            exam={"flexion_relief": True, "leg_weakness": "stable"},
            imaging={
                "modality": "mri",
                "date": "2026-08-12",
                "levels": ["L3-L4", "L4-L5"],
                "causes": ["spondylolisthesis", "instability"],
                "instability_on_flexion_extension": True,
            },
            treatment={"conservative_care_weeks": 60, "physical_therapy_weeks": 16},
            function={
                "walking_distance_shrinking": True,
                "activities_given_up": True,
                "flares_increasing": True,
            },
            framework={"goal": "structural_relief", "recovery": "surgery_acceptable"},
        ),
    ),
    "vascular": (
        8,
        _case(
            "1960-02-14",
            "male",
            history={
                "symptom_sites": ["calf"],
                "bilateral": False,
                "leg_pain_exceeds_back_pain": True,
                "onset": "gradual",
                "worse_with": ["walking"],
                "eased_by": ["stopping_while_standing"],
                "sensations": ["cramping"],
            },
            comorbidities=["smoker", "diabetes"],
            exam={
                "pedal_pulses": "diminished",
                "ankle_brachial_index": 0.7,
                "flexion_relief": False,
            },
            treatment={"conservative_care_weeks": 2},
        ),
    ),
    "cervical_myelopathy": (
        7,
        _case(
            "1965-09-30",
            "female",
            history={
                "symptom_sites": ["neck", "arm", "hand"],
                "hand_clumsiness": True,
                "balance_problems": True,
                "arm_symptoms": True,
                "onset": "gradual",
                "sensations": ["numbness", "tingling"],
            },
            exam={"hoffmann_sign": True, "gait_unsteady": True, "hand_dexterity_reduced": True},
            treatment={"conservative_care_weeks": 4},
            questionnaires={
                "mjoa": {"upper_motor": 3, "lower_motor": 5, "upper_sensation": 2, "bladder": 3}
            },
        ),
    ),
    "cervical_radiculopathy": (
        9,
        _case(
            "1972-04-22",
            "male",
            history={
                "symptom_sites": ["neck", "shoulder", "arm"],
                "arm_symptoms": True,
                "onset": "gradual",
                "duration_weeks": 10,
                "worse_with": ["neck_movement"],
                "sensations": ["sharp_shooting", "tingling"],
                "pain_nrs": {"neck": 5, "arm": 6},
            },
            treatment={"conservative_care_weeks": 8, "physical_therapy_weeks": 6},
            questionnaires={"ndi": [2, 1, 2, 2, 1, 2, 1, 2, 1, 2]},
        ),
    ),
    "disc_herniation": (
        12,
        _case(
            "1988-11-03",
            "female",
            history={
                "symptom_sites": ["low_back", "buttock", "thigh", "calf"],
                "bilateral": False,
                "leg_pain_exceeds_back_pain": True,
                "onset": "sudden",
                "onset_after_lifting_or_twisting": True,
                "duration_weeks": 3,
                "worse_with": ["sitting", "coughing_sneezing", "bending_forward"],
                "eased_by": ["lying_down"],
                "sensations": ["sharp_shooting", "tingling"],
                "pain_nrs": {"back": 5, "leg": 8},
            },
            exam={"straight_leg_raise_positive": True, "leg_weakness": "none"},
            treatment={"conservative_care_weeks": 2},
        ),
    ),
    "red_flag_urgent": (
        4,
        _case(
            "1947-12-09",
            "male",
            history={
                "symptom_sites": ["low_back"],
                "onset": "gradual",
                "duration_weeks": 6,
                "sleep_disrupted": True,
                "pain_nrs": {"back": 8},
            },
            red_flags=["night_or_rest_pain", "unexplained_weight_loss"],
            comorbidities=["cancer_history"],
            exam={"temperature_c": 37.2},
        ),
    ),
    "cauda_equina": (
        2,
        _case(
            "1950-07-19",
            "male",
            history={k: v for k, v in _NC_HISTORY.items() if k != "duration_weeks"},
            red_flags=["bladder_bowel_dysfunction", "saddle_anaesthesia"],
            exam={"saddle_sensation_reduced": True},
        ),
    ),
    "unclear_back_pain": (
        16,
        _case(
            "1969-06-01",
            "female",
            history={
                "symptom_sites": ["low_back"],
                "onset": "gradual",
                "duration_weeks": 12,
                "worse_with": ["standing"],
                "pain_nrs": {"back": 5},
            },
            treatment={"conservative_care_weeks": 12, "home_measures_benefit": "lasting"},
        ),
    ),
}
