"""The injections list asks a medial branch block for its response (positive, negative, not
recorded), and only a block: the chooser shows under the kind for blocks, and a change to another
kind clears it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from intake_desktop.ui.intake_pages.treatment import TreatmentPage
from intake_desktop.ui.visit_window import VisitWindow, new_visit_data

from .helpers import focused, open_visit_window, press, tab, type_text

INJECTIONS = "treatment.injections"


def _treatment_window(qtbot, clinic, patient, settings, visit=None) -> tuple[VisitWindow, object]:
    window = VisitWindow(clinic, patient, visit, settings=settings)
    open_visit_window(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.go_to_step(window.pages.index(window.page(TreatmentPage)))
    editor = window.binder.widget_for(INJECTIONS)
    return window, editor


def test_a_block_takes_a_response_and_another_kind_does_not(
    qtbot, clinic, patient, settings
) -> None:
    window, editor = _treatment_window(qtbot, clinic, patient, settings)
    editor.add_button.click()
    row = editor.rows[0]
    qtbot.waitUntil(lambda: focused() is row["date"])
    assert not row["response"].isVisible()  # no kind yet: nothing to ask
    assert row["response"].currentText() == "Response not recorded"
    type_text("2026-10-01")
    tab()
    assert focused() is row["type"]
    type_text("m")  # Medial branch block
    assert row["type"].value() == "medial_branch_block"
    assert row["response"].isVisible()
    tab()  # the response sits under the kind, next in the tab order
    assert focused() is row["response"]
    type_text("p")  # Positive response
    assert row["response"].currentText() == "Positive response"
    tab()
    assert focused() is row["relief_weeks"].edit
    assert window.form.get(INJECTIONS) == [
        {"date": "2026-10-01", "type": "medial_branch_block", "response": "positive"}
    ]
    qtbot.waitUntil(lambda: not window.controller.pending and window.controller.case is not None)
    injection = window.controller.case.treatment.injections[0]
    assert injection.response == "positive"

    row["type"].setFocus()
    qtbot.waitUntil(lambda: focused() is row["type"])
    press(Qt.Key.Key_Up)  # back to "Epidural steroid injection"
    assert row["type"].value() == "epidural_steroid"
    assert not row["response"].isVisible()
    assert row["response"].value() is None
    assert window.form.get(INJECTIONS) == [{"date": "2026-10-01", "type": "epidural_steroid"}]


def test_a_stored_response_is_shown_and_kept(qtbot, clinic, patient, settings) -> None:
    data = new_visit_data(patient, date(2026, 11, 20))
    data["treatment"] = {
        "injections": [
            {"date": "2026-09-01", "type": "medial_branch_block", "response": "negative"},
            {"date": "2026-10-01", "type": "radiofrequency_ablation", "relief_weeks": 8},
            {"date": "2026-10-05", "type": "epidural_steroid", "response": "positive"},
        ]
    }
    saved = clinic.start_draft(patient.id, data)
    window, editor = _treatment_window(
        qtbot, clinic, patient, settings, clinic.get_visit(saved.visit_id)
    )
    first, second, odd = editor.rows
    assert odd["response"].isVisible()  # recorded on another kind: shown, so it can be cleared
    assert first["response"].value() == "negative" and first["response"].isVisible()
    assert first["response"].currentText() == "Negative response"
    assert second["response"].value() is None and not second["response"].isVisible()
    editor.add_button.click()  # editing around it keeps the response
    assert window.form.get(INJECTIONS)[0]["response"] == "negative"
    assert len(editor.rows) == 4
