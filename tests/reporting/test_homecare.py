"""Home-care advice fits the plan (CLINICAL_CONTENT.md section 4)."""

from __future__ import annotations

from intake_desktop.reporting.homecare import MAX_ITEMS, home_care_items
from tests.reporting.builders import EXAMPLES, busiest_plan_case, document, example_data


def items(name: str) -> list[str]:
    doc = document(example_data(next(p for p in EXAMPLES if name in p.stem)))
    return home_care_items(doc.case, doc.plan, doc.level)


def test_neurogenic_claudication_gets_flexion_and_interval_walking() -> None:
    chosen = items("lumbar_early")
    assert {"flexion_stretches", "interval_walking", "physical_therapy"} <= set(chosen)


def test_vascular_gets_a_walking_programme_not_flexion_stretches() -> None:
    chosen = items("vascular")
    assert "vascular_walking" in chosen and "flexion_stretches" not in chosen


def test_possible_cord_compression_gets_fall_and_neck_safety() -> None:
    chosen = items("cervical_myelopathy")
    assert {"balance_safety", "neck_care"} <= set(chosen)
    assert "flexion_stretches" not in chosen


def test_red_flags_get_no_exercise_list() -> None:
    assert items("cauda_equina") == []


def test_comorbidities_shape_the_advice_and_the_list_stays_short() -> None:
    doc = document(busiest_plan_case())
    chosen = home_care_items(doc.case, doc.plan, doc.level)
    assert "pain_medicine_blood_thinner" in chosen and "pain_medicine" not in chosen
    assert "opioid_review" in chosen and "no_manipulation" in chosen
    assert len(chosen) == MAX_ITEMS


def test_a_smoker_is_told_to_stop() -> None:
    data = example_data(next(p for p in EXAMPLES if "lumbar_early" in p.stem))
    data["comorbidities"] = ["smoker"]
    doc = document(data)
    assert "stop_smoking" in home_care_items(doc.case, doc.plan, doc.level)
