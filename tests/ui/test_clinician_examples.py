"""For every shared example case, the clinician view's plan panel shows the expected level.

Each case goes in the way a user brings it in (File > Import case file), opens at the exam, and
one finding is then entered through the real widget before the plan panel is read.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from intake_desktop.domain.labels import label
from intake_desktop.services.records import PatientDetails
from intake_desktop.ui.clinician_pages.exam import ExamPage
from intake_desktop.ui.clinician_pages.framework import FrameworkPage
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.visit_window import FIRST_CLINICIAN_STEP
from tests.actors import TEST_PASSWORD

from .conftest import EXAMPLES, load_example
from .helpers import (
    answer_screen_and_skip_exam,
    focused,
    press,
    sign_through_dialog,
    tab,
    type_text,
)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_level_in_plan_panel(qtbot, clinic, settings, path) -> None:
    _, expected = load_example(path)
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    window = main.import_case_path(path)
    assert window is not None
    window.ask_keep_draft = lambda: "keep"
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.go_to_step(FIRST_CLINICIAN_STEP)
    assert isinstance(window.pages[window.current_step()], ExamPage)

    # One finding typed into the exam through the widget: a normal temperature.
    temperature = window.binder.widget_for("exam.temperature_c")
    temperature.setFocus()
    qtbot.waitUntil(lambda: focused() is temperature.edit)
    type_text("36.8")
    assert window.form.get("exam.temperature_c") == 36.8

    # Step through the four questions; each shows what the findings suggest.
    window.go_to_step(window.pages.index(window.page(FrameworkPage)))
    questions = window.page(FrameworkPage)
    qtbot.waitUntil(lambda: questions.panels[0].suggested.text() != "—")
    for panel in questions.panels:
        assert panel.suggested.text() != "—"
        questions.show_question(questions.panels.index(panel))

    qtbot.waitUntil(lambda: window.plan_panel.level.text() == label(expected["level"]))
    plan = window.plan_panel.plan
    assert plan is not None and not window.plan_panel.is_stale
    assert plan.level == expected["level"]
    if "pattern" in expected:
        assert plan.pattern == expected["pattern"]
    for code in expected.get("red_flags", []):
        assert code in plan.red_flag_codes
    assert window.banner.isVisible() == bool(plan.red_flags)


def test_clinician_confirms_and_changes_an_answer_then_signs(qtbot, clinic, settings) -> None:
    path = next(p for p in EXAMPLES if "04_mild" in p.name)
    data, _ = load_example(path)
    clinic.register_patient(PatientDetails(name="Rosa Example", record_number="EX-4",
                                           date_of_birth=date.fromisoformat(
                                               data["patient"]["date_of_birth"])))  # fmt: skip
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    window = main.import_case_path(path)
    window.ask_keep_draft = lambda: "keep"
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.plan_panel.level.text() == label("minimally_invasive"))

    questions = window.page(FrameworkPage)
    window.go_to_step(window.pages.index(questions))
    questions.show_question(3)  # recovery
    combo = questions.panels[3].choice
    qtbot.waitUntil(lambda: focused() is combo)
    type_text("o")  # outpatient only
    assert window.form.get("framework.recovery") == "outpatient_only"
    assert "Short recovery" in questions.panels[3].suggested.text()

    window.next_step()  # decision and signature
    decision = window.decision_page
    decision.override_radio.setFocus()
    press(Qt.Key.Key_Space)
    tab()
    type_text("s")  # surgical
    tab()
    type_text("Patient prefers a definitive decompression")
    qtbot.waitUntil(lambda: window.controller.case is not None)
    answer_screen_and_skip_exam(window)
    clinic.sign_in("tester", TEST_PASSWORD)  # a real user: the signature asks the password
    sign_through_dialog(qtbot, window, TEST_PASSWORD)
    record = clinic.get_visit(window.visit_id)
    assert record.status == "signed"
    assert record.final_level == "surgical"
    assert record.override_reason.startswith("Patient prefers")
