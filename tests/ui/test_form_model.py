"""The form model keeps unanswered fields absent and prunes what empties (no window needed)."""

from __future__ import annotations

from intake_desktop.ui.form_model import FormModel, get_path, set_path, split_path


def test_paths_split_into_keys_and_indexes() -> None:
    assert split_path("treatment.injections[1].date") == ["treatment", "injections", 1, "date"]


def test_setting_none_removes_and_prunes_empty_parents() -> None:
    data: dict = {}
    set_path(data, "history.pain_nrs.back", 4)
    assert data == {"history": {"pain_nrs": {"back": 4}}}
    set_path(data, "history.pain_nrs.back", None)
    assert data == {}


def test_false_is_kept_because_no_is_an_answer() -> None:
    data: dict = {}
    set_path(data, "exam.foot_drop", False)
    assert get_path(data, "exam.foot_drop") is False


def test_empty_lists_mean_not_answered() -> None:
    data: dict = {"history": {"symptom_sites": ["calf"]}}
    set_path(data, "history.symptom_sites", [])
    assert data == {}


def test_ui_answers_stay_out_of_the_case(qtbot) -> None:
    form = FormModel()
    form.set("red_flags", ["fever"])
    form.set_ui("red_flag_screen", {"fever": "yes", "foot_drop": "no"})
    assert form.case_dict() == {"format": "spine-intake-case/1", "red_flags": ["fever"]}
    assert form.ui_state()["red_flag_screen"]["foot_drop"] == "no"


def test_a_legacy_draft_with_ui_inside_is_split_on_load(qtbot) -> None:
    form = FormModel()
    form.load({"visit_date": "2026-12-01", "_ui": {"step": 4}})
    assert form.case_dict() == {"visit_date": "2026-12-01", "format": "spine-intake-case/1"}
    assert form.ui("step") == 4


def test_every_change_is_announced_once(qtbot) -> None:
    form = FormModel()
    with qtbot.waitSignal(form.changed) as blocker:
        form.set("history.bilateral", True)
    assert blocker.args == ["history.bilateral"]
    revision = form.revision
    form.set("history.bilateral", True)  # the same value again: no change
    assert form.revision == revision
