"""Closing a visit whose last changes could not be saved asks first (stay is the default).

The bug: the close dialog said the visit was saved as a draft when the save had just failed
("cannot be stored as JSON"), and closing lost everything typed since the last save.
"""

from __future__ import annotations

from intake_desktop.ui.main_window import MainWindow
from tests.ui.helpers import ModalWatch, open_visit_window


def test_a_visit_that_cannot_be_saved_is_not_closed_without_asking(
    qtbot, clinic, patient, settings
) -> None:
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show_patient(patient.id)
    window = open_visit_window(qtbot, main.new_visit())
    window.form.set("history.duration_weeks", 7)
    assert window.save_button.isEnabled()
    window.save_button.click()
    assert window.status.text().startswith("Draft saved")
    window.form.set("history.painless_walking_distance_m", float("nan"))  # cannot be stored
    with ModalWatch() as modals:  # the question, answered with its default (Escape): stay
        window.close()
    assert window.isVisible()
    assert [m.split(":")[0] for m in modals.seen] == ["QMessageBox"]
    assert "could not be saved" in modals.seen[0] and "Not saved" in modals.seen[0]
    assert clinic.get_visit(window.visit_id).data["history"]["duration_weeks"] == 7
    window.form.set("history.painless_walking_distance_m", 150)  # corrected: closes as before
    window.ask_keep_draft = lambda: "keep"
    window.close()
    assert not window.isVisible()
    stored = clinic.get_visit(window.visit_id).data["history"]
    assert stored["painless_walking_distance_m"] == 150
