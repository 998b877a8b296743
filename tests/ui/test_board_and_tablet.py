"""Today's board and the patient's tablet, driven as the front desk and the patient would:
check in, hand over the tablet, answer every screen with touch-sized buttons, the draft holding
the answers with their source and the board showing "ready"; an emergency answer stopping the
questions and reaching a second workstation; the locked window going nowhere else."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenuBar, QPushButton

from intake_desktop.domain.patient_questions import PATIENT_REPORTED, SOURCES_KEY
from intake_desktop.services.records import PatientDetails
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.patient_entry.touch import min_target_px
from intake_desktop.ui.patient_entry.window import PatientEntryWindow
from tests.actors import TEST_PASSWORD, as_user, open_unlocked


@pytest.fixture
def main(qtbot, clinic, settings) -> MainWindow:
    window = MainWindow(clinic, settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    for tablet in list(window.board.tablets if window.board else []):
        tablet.leave_with_password("tester", TEST_PASSWORD)


def _checked_in(main: MainWindow, patient) -> int:
    main.show_patient(patient.id)
    main.board.check_in_button.click()  # the searched-for patient walks in
    (row,) = main.board.rows
    assert row.state == "checked_in"
    main.board.select_entry(row.entry_id)
    return row.visit_id


def _open_tablet(qtbot, main: MainWindow) -> PatientEntryWindow:
    main.board.tablet_button.click()
    (tablet,) = main.board.tablets
    qtbot.waitExposed(tablet)
    return tablet


def _buttons(tablet: PatientEntryWindow) -> list[QAbstractButton]:
    return [b for b in tablet.findChildren(QAbstractButton) if b.isVisible()]


def _assert_touchable_and_named(tablet: PatientEntryWindow) -> None:
    smallest = min_target_px(tablet)
    for button in _buttons(tablet):
        size = button.size()
        assert min(size.width(), size.height()) >= smallest, button.text()
        assert button.accessibleName(), button.text()
    screen = tablet.current_screen()
    if screen is not None:
        assert screen.text.accessibleName() == screen.prompt
        for button in screen.buttons.values():
            assert button.accessibleDescription() == screen.prompt


def _answer_everything(qtbot, tablet: PatientEntryWindow) -> int:
    """Tap through every screen as a patient would; returns the screens answered."""
    tablet.next_button.click()  # Start
    screens = 0
    while tablet.current_screen() is not None:
        _assert_touchable_and_named(tablet)
        screen = tablet.current_screen()
        q = screen.question
        screens += 1
        if q.id == "sites":
            screen.buttons["low_back"].click()
            screen.buttons["thigh"].click()
            tablet.next_button.click()
        elif q.kind == "any_of":
            screen.buttons[q.choices[0]].click()
            tablet.next_button.click()
        elif q.kind == "yes_no":
            screen.buttons[False].click()
        elif q.kind == "rating":
            screen.buttons[6].click()
        else:
            screen.buttons[q.choices[1]].click()
    return screens


def test_the_board_is_the_first_view_and_checks_in_a_booking(qtbot, main, clinic, patient):
    assert main.tabs.currentWidget() is main.board
    clinic.book_visit(patient.id, date.today())
    main.board.refresh()
    (row,) = main.board.rows
    assert main.board.table.item(0, 3).text() == "Expected"
    main.board.table.selectRow(0)
    main.board.check_in_button.click()
    (row,) = main.board.rows
    assert row.state == "checked_in"
    assert clinic.get_visit(row.visit_id).status == "draft"
    assert main.board.table.item(0, 3).text() == "Checked in"


def test_a_patient_completes_the_tablet_questions(qtbot, main, clinic, patient):
    visit_id = _checked_in(main, patient)
    tablet = _open_tablet(qtbot, main)
    assert tablet.isFullScreen()
    assert main.board.rows[0].state == "answering"
    screens = _answer_everything(qtbot, tablet)
    assert screens > 40  # sites, 2 pain ratings, 10 red flags, 7 daily, ODI 10, ZCQ 12
    assert tablet.next_button.text() == "Finish"
    tablet.next_button.click()
    assert tablet.outcome == "finished"
    visit = clinic.get_visit(visit_id)
    assert visit.data["history"]["symptom_sites"] == ["low_back", "thigh"]
    assert visit.data["history"]["pain_nrs"] == {"back": 6, "leg": 6}
    assert visit.data["questionnaires"]["odi"] == [1] * 10
    assert visit.ui_state[SOURCES_KEY]["questionnaires.odi[9]"] == PATIENT_REPORTED
    assert visit.ui_state["red_flag_screen"] == dict.fromkeys(visit.ui_state["red_flag_screen"],
                                                              "no")  # fmt: skip
    assert len(visit.ui_state["red_flag_screen"]) == 10
    main.board.refresh()
    assert main.board.rows[0].state == "ready"
    assert main.board.table.item(0, 3).text() == "Ready for the clinician"
    # The front desk opens it in the intake steps, as today.
    main.board.open_button.click()
    assert visit_id in {w.session.visit_id for w in main.open_windows}
    for window in main.open_windows:
        window.ask_keep_draft = lambda: "keep"
        qtbot.addWidget(window)


def test_back_keeps_the_answers_and_the_neck_brings_the_ndi(qtbot, main, patient):
    _checked_in(main, patient)
    tablet = _open_tablet(qtbot, main)
    tablet.next_button.click()
    screen = tablet.current_screen()
    screen.buttons["neck"].click()
    tablet.next_button.click()
    assert tablet.current_screen().question.id == "pain_neck"
    tablet.back_button.click()
    assert tablet.current_screen().buttons["neck"].isChecked()
    ids = [q.id for q in tablet.questions]
    assert "ndi_1" in ids and "odi_1" not in ids


def test_an_emergency_answer_stops_and_alerts_another_workstation(qtbot, main, db_url, patient):
    visit_id = _checked_in(main, patient)
    tablet = _open_tablet(qtbot, main)
    tablet.next_button.click()
    tablet.next_button.click()  # no sites chosen: on to the back pain rating
    while tablet.current_screen().question.flag is None:
        tablet.next_button.click()
    assert tablet.current_screen().question.flag == "bladder_bowel_dysfunction"
    tablet.current_screen().buttons[True].click()
    assert tablet.outcome == "stopped"
    assert tablet.current_screen() is None
    assert "tell the front desk now" in tablet.screen_widget.findChild(type(tablet.title)).text()
    assert not tablet.next_button.isVisible() and not tablet.back_button.isVisible()
    other = Clinic(open_unlocked(db_url), actor=as_user("dr.other", ["clinician"]))
    try:
        (alert,) = other.pending_alerts()
        assert (alert.visit_id, alert.level) == (visit_id, "emergency")
    finally:
        other.close()


def test_the_locked_window_reaches_no_other_patient(qtbot, main, patient, clinic):
    other = clinic.register_patient(PatientDetails(name="Otro Paciente",
                                                   date_of_birth=date(1970, 1, 1)))  # fmt: skip
    _checked_in(main, patient)
    tablet = _open_tablet(qtbot, main)
    assert tablet.windowModality() == Qt.WindowModality.ApplicationModal
    assert tablet.findChildren(QMenuBar) == [] and tablet.actions() == []
    assert all(not w.actions() for w in tablet.findChildren(QPushButton))
    before = (len(main.open_windows), main.patient.id)
    for key, mods in ((Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                      (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)):  # fmt: skip
        QTest.keyClick(tablet, key, mods)
        assert QApplication.activeModalWidget() in (None, tablet)
    assert (len(main.open_windows), main.patient.id) == before
    assert other.id != main.patient.id
    assert not tablet.close() and tablet.isVisible()
    assert not tablet.leave_with_password("tester", "wrong password")
    assert tablet.isVisible()
    # The staff button asks for a password; a wrong one keeps the dialog open.
    tablet.staff_button.click()
    dialog = tablet.staff_dialog
    dialog.user.setText("tester")
    dialog.password.setText("not it")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text()
    dialog.password.setText(TEST_PASSWORD)
    dialog.accept()
    qtbot.waitUntil(lambda: not main.board.tablets)


def test_the_tablet_speaks_spanish_to_a_spanish_speaker(qtbot, main, clinic):
    spanish = clinic.register_patient(PatientDetails(name="Lucía Pérez", language="es",
                                                     date_of_birth=date(1949, 9, 9)))  # fmt: skip
    _checked_in(main, spanish)
    tablet = _open_tablet(qtbot, main)
    assert tablet.next_button.text() == "Empezar"
    tablet.next_button.click()
    assert tablet.current_screen().buttons["low_back"].text() == "Zona lumbar"
    tablet.language_buttons["en"].setVisible(True)  # only on the first screen normally
    tablet.language_buttons["en"].click()
    assert tablet.next_button.text() == "Next"


def test_a_licensed_wording_replaces_the_short_label_and_scale(qtbot):
    from intake_desktop.domain.patient_questions import questions_for
    from intake_desktop.ui.patient_entry.screens import QuestionScreen
    from intake_desktop.ui.patient_entry.texts import PatientTexts

    odi_3 = next(q for q in questions_for({}) if q.id == "odi_3")
    labels = {"odi": {"title": "Low back pain and daily life", "items": ["x"] * 10}}
    licensed = {"odi": {"items": [f"Licensed item {i}" for i in range(10)],
                        "answers": [[f"Statement {i}.{j}" for j in range(6)]
                                    for i in range(10)]}}  # fmt: skip
    chosen: list = []
    screen = QuestionScreen(odi_3, None, PatientTexts("en"),
                            {"labels": labels, "licensed": licensed},
                            lambda v, _advance: chosen.append(v))  # fmt: skip
    qtbot.addWidget(screen)
    assert screen.text.text() == "Licensed item 2"
    assert screen.buttons[4].text() == "Statement 2.4"
    screen.buttons[4].click()
    assert chosen == [4]
    plain = QuestionScreen(odi_3, None, PatientTexts("en"), {"labels": labels},
                           lambda *_: None)  # fmt: skip
    qtbot.addWidget(plain)
    assert plain.buttons[0].text() == "No trouble" and plain.text.text().startswith("x.")
