"""A follow-up visit starts from the last signed one, with every carried answer marked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from intake_desktop.ui.visit_window import VisitWindow
from tests.ui.helpers import open_visit_window
from tests.ui.test_trends import case_on, sign


def follow_up(qtbot, clinic, patient, settings, distance: float = 1000) -> VisitWindow:
    before = date.today() - timedelta(days=90)
    sign(clinic, patient.id, case_on(before, distance))
    return open_visit_window(qtbot, VisitWindow(clinic, patient, settings=settings))


def test_carried_fields_are_marked_and_editable(qtbot, clinic, patient, settings) -> None:
    window = follow_up(qtbot, clinic, patient, settings)
    marks = window.carried_marks
    path = "history.painless_walking_distance_m"
    widget = window.binder.widget_for(path)
    assert window.form.get("visit_date") == date.today().isoformat()
    assert window.form.get(path) == 1000 and marks.is_marked(path)
    assert widget.property("carried") and "Carried forward from the visit of" in widget.toolTip()
    assert widget.isEnabled() and "background-color" in widget.styleSheet()
    # the previous distance is carried into the function section, for the 15 % rule
    assert window.form.get("function.previous_painless_walking_distance_m") == 1000

    widget.set_value(850)  # as typing does: the widget announces its new value
    widget.value_changed.emit(850)
    assert window.form.get(path) == 850
    assert not marks.is_marked(path) and not widget.property("carried")
    assert widget.styleSheet() == ""
    # 15 % down: the plan counts the escalation sign
    qtbot.waitUntil(
        lambda: (
            window.controller.plan is not None
            and "walking_distance_shrinking" in window.controller.plan.escalation_signs
        )
    )
    assert marks.is_marked("history.pain_nrs.leg")  # the rest is still marked


def test_confirm_clears_the_mark_one_field_or_the_page(qtbot, clinic, patient, settings) -> None:
    window = follow_up(qtbot, clinic, patient, settings)
    marks = window.carried_marks
    button = marks.confirm_buttons["history.standing_tolerance_min"]
    assert not button.isHidden()
    button.click()
    assert not marks.is_marked("history.standing_tolerance_min")
    assert button.isHidden()
    assert window.form.get("history.standing_tolerance_min") == 20  # the value stays

    page = next(p for p in window.pages if marks.marked_bindings(p))
    bar = marks.page_bars[id(page)]
    bar.button.click()
    assert marks.marked_bindings(page) == []
    assert bar.isHidden()
    # the marks are screen state, saved with the draft but never part of the case
    assert window.save_draft()
    stored = clinic.get_visit(window.visit_id)
    assert "carried" in stored.ui_state
    assert "carried" not in str(stored.draft_data) and "_ui" not in stored.draft_data


def test_a_first_visit_has_nothing_carried(qtbot, clinic, patient, settings) -> None:
    window = open_visit_window(qtbot, VisitWindow(clinic, patient, settings=settings))
    assert window.carried_marks.carried == []
    assert window.form.get("history") is None


def test_a_follow_up_is_not_signed_with_answers_nobody_confirmed(
    qtbot, clinic, patient, settings
) -> None:
    """The carried answers (a pain rating, a duration) were the last visit's: signing lists each
    one still marked, and the services refuse them the same way."""
    from intake_desktop.services.errors import IncompleteError
    from tests.ui.helpers import answer_screen_and_skip_exam

    window = follow_up(qtbot, clinic, patient, settings)
    answer_screen_and_skip_exam(window)
    window.decision_page.sign_button.click()
    listed = {m.path for m in window.sign_dialog.missing}
    assert set(window.carried_marks.carried) <= listed
    assert "history.pain_nrs.back" in listed
    lines = [window.sign_dialog.missing_list.item(i).text()
             for i in range(window.sign_dialog.missing_list.count())]  # fmt: skip
    carried = [line for line in lines if line.startswith("From the last visit, not confirmed: ")]
    assert len(carried) == len(window.carried_marks.carried)
    assert not any("history." in line for line in carried)  # the fields' names, not paths
    window.sign_dialog.close()
    assert window.save_draft()
    with pytest.raises(IncompleteError) as refused:
        clinic.sign_visit(window.visit_id, clinic.get_visit(window.visit_id).version)
    assert "history.pain_nrs.back" in str(refused.value)
    for page in window.pages:  # confirmed page by page, as the bar above each page offers
        if window.carried_marks.marked_bindings(page):
            window.carried_marks.page_bars[id(page)].button.click()
    assert window.carried_marks.carried == []
    window.decision_page.sign_button.click()
    assert window.sign_dialog.confirming, [str(m) for m in window.sign_dialog.missing]
