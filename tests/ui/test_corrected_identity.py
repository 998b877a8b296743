"""The front desk corrects a patient while a visit window has their draft open (tester's
defect 1), and registers someone already registered (defect 2), through the real windows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from intake_desktop.services.records import PatientDetails
from intake_desktop.ui import visit_window as visit_window_module
from intake_desktop.ui.duplicate_dialog import DuplicateDialog
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.patient_dialog import PatientDialog
from intake_desktop.ui.visit_window import VisitWindow

from .helpers import open_visit_window, press, when_modal


def _edit_and_save(dialog, **texts: str) -> None:
    for key, text in texts.items():
        dialog.edits[key].setText(text)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_edit_patient_reaches_the_open_window_which_autosaves_it(
    qtbot, clinic, patient, settings, monkeypatch
) -> None:
    monkeypatch.setattr(visit_window_module, "AUTOSAVE_MS", 100)
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show_patient(patient.id)
    window = open_visit_window(qtbot, main.new_visit())
    window.form.set("history.duration_weeks", 6)
    assert window.save_draft()
    # Edit patient, through the main window's button: a new name and date of birth.
    when_modal(lambda d: _edit_and_save(d, name="Ana Corrected", date_of_birth="1957-09-30"))
    main.edit_button.click()
    assert clinic.get_patient(patient.id).name == "Ana Corrected"
    assert "Ana Corrected" in window.header.text() and "1957-09-30" in window.header.text()
    assert window.form.get("patient.name") == "Ana Corrected"
    assert window.form.get("patient.date_of_birth") == "1957-09-30"
    window.form.set("history.duration_weeks", 7)  # the user types on; the autosave stores it
    qtbot.waitUntil(lambda: not window.unsaved, timeout=3000)
    stored = clinic.get_visit(window.visit_id).draft_data
    assert stored["history"]["duration_weeks"] == 7
    assert (stored["patient"]["name"], stored["patient"]["date_of_birth"]) == (
        "Ana Corrected", "1957-09-30",
    )  # fmt: skip


def test_a_window_not_told_of_the_correction_cannot_bring_the_old_identity_back(
    qtbot, clinic, patient, settings, monkeypatch
) -> None:
    """As on another workstation: the window keeps its old copy, the services overrule it."""
    monkeypatch.setattr(visit_window_module, "AUTOSAVE_MS", 100)
    window = open_visit_window(qtbot, VisitWindow(clinic, patient, settings=settings))
    window.form.set("history.duration_weeks", 6)
    assert window.save_draft()
    clinic.update_patient(patient.id, PatientDetails(name="Ana Other-Desk",
                          date_of_birth=date(1956, 1, 3), record_number="MRN-1"),
                          patient.version)  # fmt: skip
    assert window.form.get("patient.name") == "Ana Test"  # not told
    window.form.set("history.duration_weeks", 8)
    qtbot.waitUntil(lambda: not window.unsaved, timeout=3000)  # saved, no conflict
    stored = clinic.get_visit(window.visit_id).draft_data
    assert stored["history"]["duration_weeks"] == 8
    assert (stored["patient"]["name"], stored["patient"]["date_of_birth"]) == (
        "Ana Other-Desk", "1956-01-03",
    )  # fmt: skip


# --- a duplicate registration ----------------------------------------------------------------


def _register(qtbot, dialog: PatientDialog, name: str, born: str, answer) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["name"].setText(name)
    dialog.edits["date_of_birth"].setText(born)
    when_modal(answer)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def _patients_named(clinic, text: str) -> list[int]:
    return sorted(p.id for p in clinic.search_patients(text, 10))


def test_a_duplicate_asks_and_enter_opens_the_existing_patient(qtbot, clinic, patient) -> None:
    seen: list[str] = []

    def answer(box) -> None:
        assert isinstance(box, DuplicateDialog)
        assert box.open_button.isDefault()
        seen.append(box.list.item(0).text())
        press(Qt.Key.Key_Return)  # the default: open the existing chart

    dialog = PatientDialog(clinic)
    _register(qtbot, dialog, "  ana   TÉST ", "02.04.1955", answer)  # the search's way
    assert seen == ["Ana Test · record MRN-1 · born 1955-04-02"]
    assert dialog.record is not None and dialog.record.id == patient.id
    assert not dialog.isVisible() and not dialog.start_intake.isChecked()
    assert _patients_named(clinic, "Ana Test") == [patient.id]  # no second chart


def test_a_duplicate_registered_anyway_on_purpose(qtbot, clinic, patient) -> None:
    def answer(box) -> None:
        press(Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Register a new patient anyway

    dialog = PatientDialog(clinic)
    _register(qtbot, dialog, "Test, Ana", "1955-04-02", answer)  # words in another order
    assert dialog.record is not None and dialog.record.id != patient.id
    assert _patients_named(clinic, "Ana Test") == sorted([patient.id, dialog.record.id])


def test_escape_goes_back_to_the_form_with_nothing_saved(qtbot, clinic, patient) -> None:
    dialog = PatientDialog(clinic)
    _register(qtbot, dialog, "Ana Test", "1955-04-02", lambda box: press(Qt.Key.Key_Escape))
    assert dialog.record is None and dialog.isVisible()
    assert _patients_named(clinic, "Ana Test") == [patient.id]
    dialog.done(0)


def test_no_question_for_another_birth_date(qtbot, clinic, patient) -> None:
    dialog = PatientDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["name"].setText("Ana Test")
    dialog.edits["date_of_birth"].setText("1955-04-03")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert QApplication.activeModalWidget() is None or not isinstance(
        QApplication.activeModalWidget(), DuplicateDialog
    )
    assert dialog.record is not None and dialog.record.id != patient.id


def test_new_patient_in_the_main_window_opens_the_existing_chart(
    qtbot, clinic, patient, settings
) -> None:
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()

    def fill(form) -> None:
        form.edits["name"].setText("Ana Test")
        form.edits["date_of_birth"].setText("1955-04-02")
        when_modal(lambda box: box.open_button.click())
        form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(fill)
    main.actions_by_name["New patient"].trigger()  # File > New patient (Ctrl+N)
    assert main.patient is not None and main.patient.id == patient.id
    assert main.open_windows == []  # no intake started for a chart that already exists
    assert _patients_named(clinic, "Ana Test") == [patient.id]
