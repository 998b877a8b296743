"""The front desk registers a patient and completes an intake with the keyboard only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from intake_desktop.domain.codes import RED_FLAGS
from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.labels import label
from intake_desktop.domain.validation import parse_case
from intake_desktop.ui.main_window import MainWindow

from .helpers import focused, press, tab, type_text, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier


def _space() -> None:
    press(Qt.Key.Key_Space)


def _next_step() -> None:
    press(Qt.Key.Key_PageDown, CTRL)


def test_register_and_intake_by_keyboard(qtbot, clinic, settings) -> None:
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: focused() is main.search.box)

    def fill_patient(dialog) -> None:
        assert focused().accessibleName() == "Name"
        type_text("Maria Garcia")
        tab()
        type_text("02.03.1950")
        tab()
        type_text("MRN-77")
        press(Qt.Key.Key_Return)  # Save, the dialog's default button

    when_modal(fill_patient)
    press(Qt.Key.Key_N, CTRL)
    # Registering opens the intake straight away (the dialog's default).
    qtbot.waitUntil(lambda: len(main.open_windows) == 1)
    visit = main.open_windows[0]
    visit.ask_keep_draft = lambda: "keep"
    qtbot.addWidget(visit)
    qtbot.waitExposed(visit)
    visit.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is visit)
    assert visit.patient.record_number == "MRN-77"

    # Step 1, symptoms: the site checkboxes come first, then the yes/no switches.
    assert focused().accessibleName() == "Low back"
    _space()  # low back
    tab()
    _space()  # buttock
    tab(2)
    _space()  # thigh
    tab(7)
    assert focused().accessibleName().startswith("Both sides")
    press(Qt.Key.Key_Y)  # bilateral
    tab()
    press(Qt.Key.Key_Y)  # leg pain worse than back pain
    tab()
    type_text("g")  # onset: gradual
    tab(2)
    type_text("40")  # duration, weeks
    assert visit.form.get("history.symptom_sites") == ["low_back", "buttock", "thigh"]

    # Step 2, walking and pain.
    _next_step()
    assert focused().accessibleName() == "Walking"
    _space()
    tab()
    _space()  # standing
    tab(6)
    _space()  # eased by sitting
    tab()
    _space()  # eased by bending forward
    tab(3)
    type_text("90")  # seconds to relief
    tab()
    press(Qt.Key.Key_Y)  # shopping cart
    tab()
    type_text("200")
    tab()
    type_text("10")
    tab()
    type_text("4")  # back pain
    tab()
    type_text("7")  # leg pain

    # Step 3, red flags: every question answered, all "no".
    _next_step()
    for _ in RED_FLAGS:
        press(Qt.Key.Key_N)
        tab()
    assert visit.form.ui("red_flag_screen") == dict.fromkeys(RED_FLAGS, "no")
    assert not visit.banner.isVisible()

    # Step 4, treatment so far.
    _next_step()
    tab(9)
    assert focused().accessibleName() == "Structured conservative care"
    type_text("10")
    tab()
    type_text("8")

    # Step 5, ODI (lumbar sites), score shown as answers come in.
    _next_step()
    for answer in "1544301534":
        type_text(answer)
        tab()
    assert visit.form.get("questionnaires.odi") == [1, 5, 4, 4, 3, 0, 1, 5, 3, 4]
    assert "60 %" in visit.page_by_title("Questionnaires").odi_score.text()

    press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not visit.unsaved)
    record = clinic.get_visit(visit.visit_id)
    stored = record.draft_data
    assert stored["history"]["painless_walking_distance_m"] == 200
    assert record.ui_state["red_flag_screen"]["fever"] == "no"
    expected = evaluate(parse_case(visit.form.case_dict()))
    qtbot.waitUntil(lambda: visit.plan_panel.level.text() == label(expected.level))
    assert not visit.plan_panel.is_stale
