"""The decision step: the plan's suggested procedures and the clinician's pick, the follow-up
(next visit, note for the patient), driven through the real widgets by mouse and keyboard.

The engine fills ``Plan.procedures`` (rules 2026.12, block 8); the ``suggestions`` fixture pins
them (the real plan with its ``procedures`` replaced, in the window and in the services) so that
these tests exercise the step itself, including a plan that stops suggesting the choice.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from intake_desktop.domain.engine import evaluate
from intake_desktop.services import signing as signing_module
from intake_desktop.services.records import PatientDetails
from intake_desktop.ui import plan_controller
from intake_desktop.ui.code_labels import label, procedure_label
from intake_desktop.ui.visit_window import VisitWindow
from tests.actors import TEST_PASSWORD

from .conftest import EXAMPLES_DIR
from .helpers import (
    answer_screen_and_skip_exam,
    focused,
    open_visit_window,
    press,
    sign_through_dialog,
    tab,
    type_text,
)

DECISION_STEP = 8


@pytest.fixture
def suggestions(monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[str, ...]]:
    """What the plan suggests (``holder["now"]``), for the window's plans and for signing."""
    holder: dict[str, tuple[str, ...]] = {"now": ("mild", "interspinous_spacer")}

    def evaluate_with(case: Any) -> Any:
        return dataclasses.replace(evaluate(case), procedures=holder["now"])

    monkeypatch.setattr(plan_controller, "evaluate", evaluate_with)
    monkeypatch.setattr(signing_module, "evaluate", evaluate_with)
    return holder


def open_example(qtbot, clinic, settings, again: VisitWindow | None = None) -> VisitWindow:
    """Example 04 (visit 2026-11-20) as a draft, opened at the decision step (or the visit
    of ``again`` opened once more, as stored now)."""
    if again is None:
        data = json.loads((EXAMPLES_DIR / "04_mild_candidate.json").read_text(encoding="utf-8"))
        born = date.fromisoformat(data["patient"]["date_of_birth"])
        patient = clinic.register_patient(
            PatientDetails(name="Rosa Example", record_number="EX-4", date_of_birth=born)
        )
        visit_id = clinic.start_draft(patient.id, data).visit_id
    else:
        patient, visit_id = again.patient, again.visit_id
    window = VisitWindow(
        clinic, patient, clinic.get_visit(visit_id), settings=settings, start_step=DECISION_STEP
    )
    open_visit_window(qtbot, window)
    qtbot.waitUntil(lambda: window.plan_panel.plan is not None)
    return window


def test_the_suggested_procedures_are_listed_and_a_click_picks_one(
    qtbot, clinic, settings, suggestions
) -> None:
    window = open_example(qtbot, clinic, settings)
    page = window.decision_page
    assert window.current_step() == window.pages.index(page)
    qtbot.waitUntil(lambda: list(page.procedure.buttons) == ["mild", "interspinous_spacer"])
    assert [b.text() for b in page.procedure.buttons.values()] == [
        procedure_label("mild"),
        procedure_label("interspinous_spacer"),
    ]
    assert page.procedure.none_radio.isChecked() and page.chosen_procedure() is None
    details = window.plan_panel.details.text()
    assert "Procedures" in details and label("interspinous_spacer") in details

    page.procedure.buttons["interspinous_spacer"].click()
    assert window.form.ui("decision")["procedure"] == "interspinous_spacer"
    assert "chosen_procedure" not in json.dumps(window.form.case_dict())
    answer_screen_and_skip_exam(window)
    clinic.sign_in("tester", TEST_PASSWORD)  # a real user: the signature asks the password
    sign_through_dialog(qtbot, window, TEST_PASSWORD)
    record = clinic.get_visit(window.visit_id)
    assert record.status == "signed" and record.chosen_procedure == "interspinous_spacer"
    assert page.procedure.buttons["interspinous_spacer"].isChecked()

    # Opened again: the signed choice is shown, from the visit record.
    again = open_example(qtbot, clinic, settings, window)
    shown = again.decision_page.procedure
    qtbot.waitUntil(lambda: "interspinous_spacer" in shown.buttons)
    assert shown.buttons["interspinous_spacer"].isChecked()
    assert shown.value() == "interspinous_spacer"


def test_keyboard_mnemonic_arrows_and_tab_order(qtbot, clinic, settings, suggestions) -> None:
    window = open_example(qtbot, clinic, settings)
    page = window.decision_page
    qtbot.waitUntil(lambda: len(page.procedure.buttons) == 2)
    page.accept_radio.setFocus()
    qtbot.waitUntil(lambda: focused() is page.accept_radio)

    press(Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # &Procedure:
    qtbot.waitUntil(lambda: focused() is page.procedure.none_radio)
    press(Qt.Key.Key_Down)
    assert focused() is page.procedure.buttons["mild"]
    assert window.form.ui("decision")["procedure"] == "mild"

    tab()  # the procedures are one stop; next comes the follow-up
    assert focused() is page.next_visit.check
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: focused() is page.next_visit.edit)
    assert window.form.get("follow_up.next_visit_date") == "2026-11-20"  # the visit's date
    type_text("20270115")  # the year is selected; each full part moves on to the next
    tab()  # the day was the last part: Tab leaves the date
    assert focused() is page.note.edit
    type_text("Walk a little further each day.")
    tab()
    assert focused() is page.sign_button
    assert window.form.get("follow_up") == {
        "next_visit_date": "2027-01-15",
        "note_for_patient": "Walk a little further each day.",
    }


def test_a_choice_the_new_plan_no_longer_suggests_is_cleared_with_a_note(
    qtbot, clinic, settings, suggestions
) -> None:
    window = open_example(qtbot, clinic, settings)
    page = window.decision_page
    qtbot.waitUntil(lambda: "interspinous_spacer" in page.procedure.buttons)
    page.procedure.buttons["interspinous_spacer"].click()
    assert not page.procedure_note.isVisible()

    suggestions["now"] = ("spinal_cord_stimulation",)  # the plan changes with the next edit
    page.note.setFocus()
    qtbot.waitUntil(lambda: focused() is page.note.edit)
    type_text("x")
    qtbot.waitUntil(lambda: list(page.procedure.buttons) == ["spinal_cord_stimulation"])
    assert page.procedure_note.isVisible()
    assert label("interspinous_spacer") in page.procedure_note.text()
    assert "no longer suggests" in page.procedure_note.text()
    assert page.procedure.none_radio.isChecked()
    assert window.form.ui("decision")["procedure"] is None
    page.procedure.buttons["spinal_cord_stimulation"].click()
    assert not page.procedure_note.isVisible()

    suggestions["now"] = ()  # nothing left to suggest
    type_text("y")
    qtbot.waitUntil(lambda: not page.procedure.buttons)
    assert page.procedure.empty.isVisible()
    assert "suggests no procedure" in page.procedure.empty.text()
    assert page.chosen_procedure() is None


def test_a_next_visit_before_the_visit_is_named_and_signing_refuses_it(
    qtbot, clinic, settings, suggestions
) -> None:
    window = open_example(qtbot, clinic, settings)
    page = window.decision_page
    page.accept_radio.setFocus()
    qtbot.waitUntil(lambda: focused() is page.accept_radio)
    press(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # &Next visit:
    qtbot.waitUntil(lambda: focused() is page.next_visit.check)
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: focused() is page.next_visit.edit)
    type_text("20270115")
    assert window.form.get("follow_up.next_visit_date") == "2027-01-15"
    assert not page.next_visit_problem.isVisible()
    press(Qt.Key.Key_Backtab)  # back to the month, then the year: parts of a date, as in Qt
    press(Qt.Key.Key_Backtab)
    type_text("20261105")
    assert window.form.get("follow_up.next_visit_date") == "2026-11-05"
    assert page.next_visit_problem.isVisible()
    assert page.next_visit_problem.text() == (
        "Next visit: 2026-11-05 is before the visit date 2026-11-20; choose a later date."
    )
    page.sign_button.click()  # the sign dialog lists it, and its line goes to the field
    dialog = window.sign_dialog
    lines = [dialog.missing_list.item(i).text() for i in range(dialog.missing_list.count())]
    assert (
        "follow_up.next_visit_date: 2026-11-05 is before the visit date 2026-11-20; "
        "choose a later date" in lines
    )
    dialog.missing_list.setCurrentRow(len(lines) - 1)
    dialog.go_button.click()
    qtbot.waitUntil(
        lambda: window.focusWidget() in (page.next_visit, *page.next_visit.findChildren(QWidget))
    )
    assert clinic.get_visit(window.visit_id).status == "draft"

    page.next_visit.check.setFocus()
    qtbot.waitUntil(lambda: focused() is page.next_visit.check)
    press(Qt.Key.Key_Space)  # not set any more
    assert window.form.get("follow_up") is None
    assert page.next_visit.edit.text() == "not set"
    assert not page.next_visit_problem.isVisible()


def test_the_note_counts_its_characters_and_keeps_to_the_limit(
    qtbot, clinic, settings, suggestions
) -> None:
    window = open_example(qtbot, clinic, settings)
    page = window.decision_page
    page.accept_radio.setFocus()
    qtbot.waitUntil(lambda: focused() is page.accept_radio)
    press(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # No&te for the patient:
    qtbot.waitUntil(lambda: focused() is page.note.edit)
    assert page.note.counter.text() == "0 of 2000 characters"
    type_text("Rest")
    assert page.note.counter.text() == "4 of 2000 characters"
    QApplication.clipboard().setText("a" * 2100)
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    note = window.form.get("follow_up.note_for_patient")
    assert len(note) == 2000 and note.startswith("Resta")
    assert page.note.counter.text().startswith("2000 of 2000 characters · the rest did not fit")
    type_text("b")  # full: nothing more goes in
    assert window.form.get("follow_up.note_for_patient") == note
    qtbot.waitUntil(lambda: not window.controller.pending)
    assert window.controller.case is not None  # still a valid case
