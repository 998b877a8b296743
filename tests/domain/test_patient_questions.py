"""The tablet's questions: which are asked, where the answers go, and when they stop."""

from __future__ import annotations

from intake_desktop.domain.codes import RED_FLAG_LEVELS, RED_FLAGS
from intake_desktop.domain.instruments import ndi_score, odi_score
from intake_desktop.domain.patient_questions import (
    apply_answers,
    questions_for,
    stops_questions,
)
from intake_desktop.domain.validation import parse_case

BASE = {"format": "spine-intake-case/1", "visit_date": "2026-12-05",
        "patient": {"date_of_birth": "1950-03-02", "name": "Test Patient"}}  # fmt: skip


def _ids(answers: dict) -> list[str]:
    return [q.id for q in questions_for(answers)]


def test_the_neck_brings_the_ndi_and_the_low_back_the_odi_and_zcq() -> None:
    neck = _ids({"sites": ["neck", "arm"]})
    assert "ndi_10" in neck and "odi_1" not in neck and "zcq.symptom_severity_1" not in neck
    assert "pain_neck" in neck and "pain_arm" in neck and "pain_back" not in neck
    back = _ids({"sites": ["low_back", "calf"]})
    assert "odi_10" in back and "zcq.physical_function_5" in back and "ndi_1" not in back
    both = _ids({"sites": ["low_back", "neck"]})
    assert "odi_1" in both and "ndi_1" in both
    assert "odi_1" in _ids({})  # nothing marked yet: the low back, as the intake step does


def test_every_red_flag_is_asked_and_only_emergencies_stop() -> None:
    flags = [q for q in questions_for({}) if q.flag]
    assert [q.flag for q in flags] == list(RED_FLAGS)
    for q in flags:
        assert stops_questions(q, True) == (RED_FLAG_LEVELS[q.flag] == "emergency")
        assert not stops_questions(q, False)


def test_a_full_set_of_answers_makes_a_valid_case_scored_as_instruments_md() -> None:
    answers: dict = {"sites": ["low_back", "thigh", "neck"], "pain_back": 4, "pain_leg": 7,
                     "pain_neck": 2, "duration": 26, "onset": "gradual", "bilateral": True,
                     "cart": True, "relief": 60, "walking": 200, "standing": 10,
                     "worse_with": ["walking", "standing"], "eased_by": ["sitting"],
                     "therapy": 6, "home_measures": "brief", "opioids": False}  # fmt: skip
    answers.update({f"flag_{c}": False for c in RED_FLAGS})
    odi = [1, 5, 4, 4, 3, 0, 1, 5, 3, 4]
    answers.update({f"odi_{i + 1}": v for i, v in enumerate(odi)})
    answers.update({f"ndi_{i + 1}": 2 for i in range(9)})  # one left: still scorable
    data, screen, paths = apply_answers(BASE, answers)
    case = parse_case(data)
    assert case.history.leg_pain_exceeds_back_pain is True
    assert case.history.seconds_to_relief_on_sitting == 60
    assert screen == dict.fromkeys(RED_FLAGS, "no") and not case.red_flags
    assert odi_score(case.questionnaires.odi)["percent"] == 60
    assert ndi_score(case.questionnaires.ndi)["raw"] is not None
    assert "questionnaires.odi[9]" in paths and "history.pain_nrs.neck" in paths


def test_unanswered_questions_keep_what_the_desk_typed() -> None:
    draft = {**BASE, "history": {"pain_nrs": {"back": 3}, "duration_weeks": 8},
             "red_flags": ["fever"]}  # fmt: skip
    data, screen, paths = apply_answers(draft, {"pain_back": 5, "flag_foot_drop": True})
    assert data["history"] == {"pain_nrs": {"back": 5}, "duration_weeks": 8}
    assert data["red_flags"] == ["foot_drop", "fever"]
    assert screen == {"foot_drop": "yes"}
    assert paths == ["history.pain_nrs.back", "red_flags", "red_flag_screen.foot_drop"]
