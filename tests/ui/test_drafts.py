"""Nothing typed is lost: autosave, an unclean end, closing with the close button, conflicts."""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from intake_desktop.services.records import PatientDetails
from intake_desktop.ui import visit_window as visit_window_module
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.conflict_dialog import ConflictDialog
from intake_desktop.ui.intake_pages.red_flags import RedFlagPage
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.patient_dialog import PatientDialog
from intake_desktop.ui.visit_window import VisitWindow
from tests.actors import as_user, open_unlocked

from .helpers import open_visit_window, press, type_text, when_modal


def test_draft_survives_an_unclean_end(qtbot, db_url, settings, monkeypatch) -> None:
    monkeypatch.setattr(visit_window_module, "AUTOSAVE_MS", 100)
    clinic = Clinic(open_unlocked(db_url), actor=as_user("desk"))
    patient = clinic.register_patient(
        PatientDetails(name="Crash Test", date_of_birth=date(1949, 1, 5))
    )
    main = MainWindow(clinic, settings)
    main.show_patient(patient.id)
    window = main.new_visit()
    qtbot.waitExposed(window)
    window.activateWindow()
    distance = window.binder.widget_for("history.painless_walking_distance_m")
    window.go_to_step(1)
    distance.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is distance.edit)
    type_text("150")
    window.page(RedFlagPage).switches["fever"].setFocus()
    press(Qt.Key.Key_N)
    # The autosave timer stores it within moments, without any button.
    qtbot.waitUntil(lambda: window.visit_id is not None and not window.unsaved, timeout=3000)

    # The program dies: no close event, no dialog, the windows simply vanish.
    shiboken6.delete(window)
    shiboken6.delete(main)
    clinic.close()

    # Next start, same database file: the draft is offered back with what was typed.
    again = Clinic(open_unlocked(db_url), actor=as_user("desk"))
    try:
        main2 = MainWindow(again, settings)
        qtbot.addWidget(main2)
        reopened = main2.offer_recovery(ask=False)
        assert len(reopened) == 1
        restored = reopened[0]
        restored.ask_keep_draft = lambda: "keep"
        qtbot.addWidget(restored)
        assert restored.form.get("history.painless_walking_distance_m") == 150
        assert restored.form.ui("red_flag_screen") == {"fever": "no"}
        assert restored.current_step() == 1  # back on the step the user was on
        assert "Crash Test" in restored.windowTitle()
    finally:
        again.close()


def test_start_up_asks_before_reopening(qtbot, clinic, patient, settings) -> None:
    window = open_visit_window(qtbot, VisitWindow(clinic, patient, settings=settings))
    window.form.set("history.duration_weeks", 12)
    assert window.save_draft()
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show()
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    reopened = main.offer_recovery()
    assert [w.visit_id for w in reopened] == [window.visit_id]
    for w in reopened:
        w.ask_keep_draft = lambda: "keep"
        qtbot.addWidget(w)


def test_close_button_asks_and_cancel_keeps_the_window(qtbot, clinic, patient, settings) -> None:
    window = VisitWindow(clinic, patient, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.form.set("history.duration_weeks", 3)

    def answer(box) -> None:
        assert "not signed" in box.text()
        next(b for b in box.buttons() if "Cancel" in b.text()).click()

    when_modal(answer)
    assert window.close() is False
    assert window.isVisible()
    # Asking saved it already: even a cancel keeps the draft in the database.
    assert clinic.get_visit(window.visit_id).draft_data["history"]["duration_weeks"] == 3

    when_modal(lambda box: box.defaultButton().click())  # Keep draft and close
    assert window.close() is True
    assert clinic.list_drafts()[0].id == window.visit_id


def test_discarding_on_close(qtbot, clinic, patient, settings) -> None:
    window = VisitWindow(clinic, patient, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.form.set("history.duration_weeks", 3)
    window.ask_keep_draft = lambda: "discard"
    assert window.close()
    assert clinic.list_drafts() == []


def test_patient_dialog_close_button_asks(qtbot, clinic) -> None:
    dialog = PatientDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["name"].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edits["name"])
    type_text("Half Typed")
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    assert dialog.close() is False
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Discard).click())
    assert dialog.close() is True


def test_conflict_shows_both_and_keeps_mine(qtbot, db_url, clinic, patient, settings,
                                            monkeypatch) -> None:  # fmt: skip
    mine = open_visit_window(qtbot, VisitWindow(clinic, patient, settings=settings))
    mine.form.set("history.duration_weeks", 10)
    assert mine.save_draft()
    # Another workstation opens the same draft and saves a change first.
    other_clinic = Clinic(open_unlocked(db_url), actor=as_user("other-desk"))
    try:
        theirs = other_clinic.get_visit(mine.visit_id)
        data = dict(theirs.draft_data)
        data["history"] = {"duration_weeks": 99}
        other_clinic.save_draft(theirs.id, data, theirs.version)
    finally:
        other_clinic.close()
    shown = {}

    def fake_exec(dialog: ConflictDialog) -> int:
        shown["rows"] = [
            tuple(dialog.table.item(r, c).text() for c in range(3))
            for r in range(dialog.table.rowCount())
        ]
        return 1  # Enter: keep my version

    monkeypatch.setattr(ConflictDialog, "exec", fake_exec)
    mine.form.set("history.duration_weeks", 11)
    assert mine.save_draft()
    assert ("history.duration_weeks", "99", "11") in shown["rows"]
    assert clinic.get_visit(mine.visit_id).draft_data["history"]["duration_weeks"] == 11
