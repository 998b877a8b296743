"""An emergency shows outside the visit window: the red mark and the word in every list, and a
red-flag alert in every signed-in clinician's window, from another workstation (issue 13)."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from intake_desktop.services import audit_entries
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.clinician_pages.exam import ExamPage
from intake_desktop.ui.intake_pages.red_flags import RedFlagPage
from intake_desktop.ui.intake_pages.symptoms import SymptomsPage
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.theme import LIGHT
from intake_desktop.ui.visit_window import FIRST_CLINICIAN_STEP, VisitWindow
from tests.actors import as_user, open_unlocked
from tests.domain.builders import BASE
from tests.signing import SIGN_OFF

from .helpers import open_visit_window, when_modal

RED = QColor(LIGHT["error"])


@pytest.fixture
def desk(db_url):
    c = Clinic(open_unlocked(db_url), actor=as_user("front.desk", ["front_desk"]))
    yield c
    c.close()


@pytest.fixture
def doctor(db_url):
    c = Clinic(open_unlocked(db_url), actor=as_user("dr.x", ["clinician"]))
    yield c
    c.close()


def _visit_data(patient, **extra) -> dict:
    return {"format": "spine-intake-case/1",
            "patient": {"date_of_birth": patient.date_of_birth.isoformat(), "id": "MRN-1"},
            "visit_date": date.today().isoformat(), **extra}  # fmt: skip


def _mark(table, visit_id: int) -> tuple[str, QColor | None]:
    for row in range(table.rowCount()):
        if table.item(row, 0).data(Qt.ItemDataRole.UserRole) == visit_id:
            item = table.item(row, 0)
            brush = item.foreground()
            return item.text(), brush.color() if brush.style() != Qt.BrushStyle.NoBrush else None
    raise AssertionError(f"visit {visit_id} not in the list")


def test_every_list_shows_the_mark_and_the_word(qtbot, desk, doctor, patient, settings) -> None:
    emergency = desk.start_draft(patient.id, _visit_data(patient, red_flags=["saddle_anaesthesia"]))
    plain = desk.start_draft(patient.id, _visit_data(patient))
    signed_case = copy.deepcopy(BASE)
    signed_case["patient"] = {"date_of_birth": "1955-04-02", "id": "MRN-1"}
    signed_case["visit_date"] = "2026-01-10"
    signed_case["red_flags"] = ["fever"]
    started = doctor.start_draft(patient.id, signed_case)
    urgent = doctor.sign_visit(started.visit_id, started.version, **SIGN_OFF)
    main = MainWindow(doctor, settings)
    qtbot.addWidget(main)
    for table in (main.today, main.drafts):
        assert _mark(table, emergency.visit_id) == ("● Emergency", RED)
        assert _mark(table, plain.visit_id) == ("", None)
    main.show_patient(patient.id)
    assert _mark(main.history, urgent.id) == ("● Urgent", RED)
    assert _mark(main.history, emergency.visit_id)[0] == "● Emergency"
    assert main.today.horizontalHeaderItem(0).text() == "Alert"
    # The search results: the latest visit's urgency (today's emergency draft).
    main.search.box.setFocus()
    qtbot.keyClicks(main.search.box, "mrn-1")
    qtbot.waitUntil(lambda: main.search.model.rowCount() == 1)
    model = main.search.model
    cell = model.index(0, model.ALERT_COLUMN)
    assert model.data(cell) == "● Emergency"
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) == RED
    assert "emergency department" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Alert"


def _say_yes(qtbot, window: VisitWindow, code: str) -> None:
    window.go_to_step(window.pages.index(window.page(RedFlagPage)))
    window.page(RedFlagPage).switches[code]._buttons[0].click()  # the "Yes" segment
    assert window.banner.isVisible()


def test_a_red_flag_at_the_desk_alerts_the_clinicians_window(
    qtbot, desk, doctor, patient, settings
) -> None:
    """Two workstations on one SQLite file: the desk records a red flag in its visit window;
    the clinician's main window shows the alert within seconds (its poll), opens the visit
    and acknowledges it, which the audit trail records."""
    main = MainWindow(doctor, settings)
    qtbot.addWidget(main)
    main.show()
    panel = main.alert_panel
    assert panel is not None and not panel.isVisible()
    window = open_visit_window(qtbot, VisitWindow(desk, patient, settings=settings))
    _say_yes(qtbot, window, "bladder_bowel_dysfunction")
    window.save_button.click()
    assert window.visit_id is not None
    qtbot.waitUntil(panel.isVisible, timeout=5000)
    (alert,) = panel.alerts
    assert (alert.visit_id, alert.level, alert.red_flags) == (
        window.visit_id,
        "emergency",
        ("bladder_bowel_dysfunction",),
    )
    assert "EMERGENCY" in panel.describe(alert) and "Ana Test" in panel.describe(alert)
    assert "front.desk" in panel.describe(alert)
    born = f"born {patient.date_of_birth.isoformat()}"
    assert born in panel.describe(alert) and "—" not in panel.describe(alert)
    open_button, ack_button = panel.buttons(alert.id)
    open_button.click()
    assert window.visit_id in main.visit_windows
    opened = main.visit_windows[window.visit_id]
    opened.ask_keep_draft = lambda: "keep"
    qtbot.addWidget(opened)
    ack_button.click()
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert doctor.pending_alerts() == []
    (entry,) = audit_entries(doctor.db, as_user("a", ["admin"]), action="alert.acknowledge")
    assert (entry.username, entry.visit_id) == ("dr.x", window.visit_id)
    # The front desk's own window shows no alert panel (alerts are for clinicians).
    desk_main = MainWindow(desk, settings)
    qtbot.addWidget(desk_main)
    assert desk_main.alert_panel is None


def test_the_front_desk_sees_the_clinicians_steps_read_only(
    qtbot, desk, doctor, patient, settings
) -> None:
    window = open_visit_window(qtbot, VisitWindow(desk, patient, settings=settings))
    for page in window.pages[FIRST_CLINICIAN_STEP:]:
        window.go_to_step(window.pages.index(page))
        assert page.read_only_note.isVisible(), type(page).__name__
        assert "recorded by a clinician" in page.read_only_note.text()
    exam = window.page(ExamPage)
    assert not any(box.isEnabled() for box in exam.findChildren(type(exam.boxes[0])))
    assert not window.decision_page.reason.isEnabled()
    assert window.page(SymptomsPage).isEnabled()
    assert not hasattr(window.page(SymptomsPage), "read_only_note")
    window.go_to_step(0)
    window.form.set("history.duration_weeks", 5)  # the intake stays the desk's
    window.save_button.click()
    assert window.status.text().startswith("Draft saved")
    clinician = open_visit_window(qtbot, VisitWindow(doctor, patient, settings=settings))
    assert not hasattr(clinician.page(ExamPage), "read_only_note")
    assert all(box.isEnabled() for box in clinician.page(ExamPage).boxes)


def test_discarding_a_flagged_draft_asks_why(qtbot, desk, patient, settings) -> None:
    window = open_visit_window(qtbot, VisitWindow(desk, patient, settings=settings))
    _say_yes(qtbot, window, "fever")
    window.save_button.click()
    visit_id = window.visit_id
    window.ask_keep_draft = lambda: "discard"

    def cancel(dialog) -> None:
        assert not dialog.discard_button.isEnabled()  # nothing typed yet
        dialog.reject()

    when_modal(cancel)
    assert not window.close()  # cancelled: the window and the draft stay
    assert desk.get_visit(visit_id).status == "draft"

    def give_reason(dialog) -> None:
        qtbot.keyClicks(dialog.reason, "entered for the wrong patient")
        dialog.discard_button.click()

    when_modal(give_reason)
    assert window.close()
    assert desk.get_visit(visit_id).status == "discarded"
    entry = audit_entries(desk.db, as_user("a", ["admin"]), action="visit.discard")[-1]
    assert (entry.visit_id, entry.detail) == (visit_id, "red flag; reason given")


def test_open_drafts_page_through_all_and_say_how_many(qtbot, clinic, patient, settings) -> None:
    for _ in range(230):
        clinic.start_draft(patient.id, _visit_data(patient))
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    pager = main.draft_pager
    assert main.tabs.tabText(main.tabs.indexOf(pager)) == "Open &drafts (230)"
    assert pager.summary.text() == "Drafts 1–100 of 230, newest first"
    assert not pager.newer_button.isEnabled()
    seen = {v.id for v in pager.visits}
    pager.older_button.click()
    assert pager.summary.text() == "Drafts 101–200 of 230, newest first"
    seen |= {v.id for v in pager.visits}
    pager.older_button.click()
    assert pager.summary.text() == "Drafts 201–230 of 230, newest first"
    assert len(pager.visits) == 30 and not pager.older_button.isEnabled()
    seen |= {v.id for v in pager.visits}
    assert len(seen) == 230
    pager.newer_button.click()
    assert len(pager.visits) == 100
    main.tabs.setCurrentWidget(pager)
    assert main.current_list() is pager.list


def test_the_alert_column_shows_only_when_a_patient_found_is_urgent(
    qtbot, desk, doctor, patient, settings
) -> None:
    doctor.register_patient(type(patient.details)(name="Otto Calm", date_of_birth=date(1950, 1, 1)))
    desk.start_draft(patient.id, _visit_data(patient, red_flags=["fever"]))
    main = MainWindow(doctor, settings)
    qtbot.addWidget(main)
    view, column = main.search.view, main.search.model.ALERT_COLUMN
    qtbot.keyClicks(main.search.box, "otto")
    qtbot.waitUntil(lambda: main.search.model.query == "otto")
    assert main.search.model.rowCount() == 1
    assert view.isColumnHidden(column)
    main.search.box.clear()
    qtbot.keyClicks(main.search.box, "ana test")
    qtbot.waitUntil(lambda: main.search.model.query == "ana test")
    assert main.search.model.rowCount() == 1
    assert not view.isColumnHidden(column)
    assert main.search.model.data(main.search.model.index(0, column)) == "● Urgent"


@pytest.mark.postgres
def test_on_postgresql_the_window_hears_the_alert_without_polling(qtbot, postgres_server) -> None:
    """The clinician's watcher listens on its own connection in a worker thread: an alert
    saved by another workstation arrives long before the 30 s safety poll."""
    from intake_desktop.services import PatientDetails
    from intake_desktop.ui.listening_watcher import SERVER_POLL_MS
    from intake_desktop.ui.workstation_alerts import AlertWatcher

    name = postgres_server.create_database(template=postgres_server.TEMPLATE)
    url = postgres_server.url(name)
    desk = Clinic(open_unlocked(url), actor=as_user("front.desk", ["front_desk"]))
    doctor = Clinic(open_unlocked(url), actor=as_user("dr.x", ["clinician"]))
    watcher = AlertWatcher(doctor)
    try:
        person = desk.register_patient(
            PatientDetails(name="Ana Test", date_of_birth=date(1955, 4, 2), record_number="MRN-1")
        )
        watcher.start()
        assert watcher.listening.wait(10)
        assert watcher.timer.interval() == SERVER_POLL_MS
        with qtbot.waitSignal(watcher.changed, timeout=3000) as changed:
            desk.start_draft(person.id, _visit_data(person, red_flags=["fever"]))
        (alert,) = changed.args[0]
        assert alert.red_flags == ("fever",)
        with qtbot.waitSignal(watcher.changed, timeout=3000) as changed:
            doctor.acknowledge_alert(alert.id)
        assert changed.args[0] == []
    finally:
        watcher.stop()
        desk.close()
        doctor.close()
        postgres_server.drop_database(name)
