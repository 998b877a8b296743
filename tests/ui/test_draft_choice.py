"""Open work is found again and the right draft is opened: an amendment after a crash, Ctrl+L
on a patient with an old draft, Ctrl+I and board check-in on a patient with a draft of today."""

from __future__ import annotations

import json
from datetime import date

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from intake_desktop.services.records import PatientDetails
from intake_desktop.ui.amend_dialog import AmendDialog
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.draft_choice import PatientDraftsDialog
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.visit_window import FIRST_CLINICIAN_STEP, VisitWindow
from tests.actors import TEST_PASSWORD, as_user, open_unlocked

from .conftest import EXAMPLES
from .helpers import answer_screen_and_skip_exam, open_visit_window, sign_through_dialog, when_modal

OLD_DAY = date(2025, 7, 25)
CASE = "spine-intake-case/1"


def _button(box: QMessageBox, start: str):
    return next(b for b in box.buttons() if b.text().replace("&", "").startswith(start))


def _when_dialog(kind: type, action) -> None:
    """``action(dialog)`` once a modal dialog of ``kind`` is up (one closing may come first)."""
    when_modal(lambda d: action(d) if isinstance(d, kind) else _when_dialog(kind, action))


def _main(qtbot, clinic, settings, patient=None) -> MainWindow:
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    if patient is not None:
        main.show_patient(patient.id)
    return main


def _ctrl(qtbot, main: MainWindow, key: Qt.Key) -> VisitWindow | None:
    """Press Ctrl+key in the main window; the visit window it opened, if any (kept on close)."""
    before = list(main.open_windows)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    QTest.keyClick(QApplication.focusWidget() or main, key, Qt.KeyboardModifier.ControlModifier)
    new = [w for w in main.open_windows if w not in before]
    for w in new:
        open_visit_window(qtbot, w)
    return new[0] if new else None


# --- 1. an amendment left open by a crash -------------------------------------------------------
def test_an_amendment_open_at_a_crash_is_offered_back_listed_and_resumed(
    qtbot, db_url, settings
) -> None:
    clinic = Clinic(open_unlocked(db_url), actor=as_user("desk"))
    clinic.sign_in("tester", TEST_PASSWORD)
    main = MainWindow(clinic, settings)
    signed = main.import_case_path(next(p for p in EXAMPLES if "01_lumbar" in p.name))
    open_visit_window(qtbot, signed)
    answer_screen_and_skip_exam(signed)
    sign_through_dialog(qtbot, signed, TEST_PASSWORD)
    signed.amend_button.click()
    amend = signed.findChild(AmendDialog)
    qtbot.keyClicks(amend.reason_edit, "duration misheard")
    amend.ok_button.click()
    qtbot.waitUntil(lambda: not signed.read_only)
    signed.form.set("history.duration_weeks", 14)
    signed.save_button.click()
    qtbot.waitUntil(lambda: not signed.unsaved)
    assert "Draft saved" in signed.status.text()
    # An ordinary draft open beside it, of another patient.
    other = clinic.register_patient(
        PatientDetails(name="Beto Draft", date_of_birth=date(1960, 1, 1))
    )
    main.show_patient(other.id)
    draft = open_visit_window(qtbot, main.new_visit())
    draft.form.set("history.duration_weeks", 3)
    assert draft.save_draft()
    amended_id, draft_id = signed.visit_id, draft.visit_id
    signed_day = clinic.get_visit(amended_id).visit_date

    # kill -9: no close event, nothing forgotten in the settings, the windows simply vanish.
    for window in (signed, draft, main):
        shiboken6.delete(window)
    clinic.close()

    again = Clinic(open_unlocked(db_url), actor=as_user("tester"))
    try:
        main2 = _main(qtbot, again, settings)
        # Listed among the open drafts, marked as an amendment, counted in the tab.
        assert {v.id for v in main2.drafts.visits} == {amended_id, draft_id}
        row = next(i for i, v in enumerate(main2.drafts.visits) if v.id == amended_id)
        assert main2.drafts.item(row, 4).text() == "Signed, amendment open"
        assert "(2)" in main2.tabs.tabText(main2.tabs.indexOf(main2.draft_pager))
        asked = {}

        def answer(box: QMessageBox) -> None:
            asked["text"] = box.text()
            box.button(QMessageBox.StandardButton.Yes).click()

        when_modal(answer)
        reopened = main2.offer_recovery()
        for w in reopened:
            open_visit_window(qtbot, w)
        assert "2 visit(s)" in asked["text"]
        assert f"Amendment of the signed visit of {signed_day.isoformat()}" in asked["text"]
        assert {w.visit_id for w in reopened} == {amended_id, draft_id}
        resumed = next(w for w in reopened if w.visit_id == amended_id)
        assert resumed.session.mode == "amending" and not resumed.read_only
        assert resumed.form.get("history.duration_weeks") == 14
        assert "duration misheard" in resumed.mode_note.text()
        # Signed from there, it is no longer open work anywhere.
        sign_through_dialog(qtbot, resumed, TEST_PASSWORD)
        assert again.get_visit(amended_id).status == "amended"
        main2.refresh_lists()
        assert [v.id for v in main2.drafts.visits] == [draft_id]
    finally:
        again.close()


# --- 2. Ctrl+L ---------------------------------------------------------------------------------
def test_ctrl_l_never_opens_an_old_draft_silently(qtbot, clinic, patient, settings) -> None:
    old = clinic.start_draft(patient.id, {"format": CASE, "visit_date": OLD_DAY.isoformat()})
    main = _main(qtbot, clinic, settings, patient)
    # No draft of today: it says so; Cancel opens nothing.
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    assert _ctrl(qtbot, main, Qt.Key.Key_L) is None
    # Choosing among the open drafts shows the old one with its date; opening it is on purpose.
    shown = {}

    def pick(dialog: PatientDraftsDialog) -> None:
        shown["date"] = dialog.list.item(0, 1).text()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Open).click()

    def choose(box: QMessageBox) -> None:
        assert "no draft of today" in box.text()
        _when_dialog(PatientDraftsDialog, pick)
        _button(box, "Choose an open draft").click()

    when_modal(choose)
    chosen = _ctrl(qtbot, main, Qt.Key.Key_L)
    assert shown["date"] == OLD_DAY.isoformat()
    assert chosen is not None and chosen.visit_id == old.visit_id
    chosen.close()
    # The default answer starts today's visit at the exam step.
    when_modal(lambda box: box.defaultButton().click())
    today_window = _ctrl(qtbot, main, Qt.Key.Key_L)
    assert today_window is not None and today_window.current_step() == FIRST_CLINICIAN_STEP
    assert today_window.save_draft()
    today_id = today_window.visit_id
    assert clinic.get_visit(today_id).visit_date == date.today()
    today_window.close()
    # With a draft of today, Ctrl+L opens that one, at the exam step, without asking.
    reopened = _ctrl(qtbot, main, Qt.Key.Key_L)
    assert reopened is not None and reopened.visit_id == today_id
    assert reopened.current_step() == FIRST_CLINICIAN_STEP


def test_the_clinician_view_button_asks_too(qtbot, clinic, patient, settings) -> None:
    clinic.start_draft(patient.id, {"format": CASE, "visit_date": OLD_DAY.isoformat()})
    main = _main(qtbot, clinic, settings, patient)
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    main.clinician_button.click()
    assert main.open_windows == []


# --- 3. Ctrl+I and check-in ---------------------------------------------------------------------
def test_ctrl_i_offers_to_continue_todays_draft(qtbot, clinic, patient, settings) -> None:
    main = _main(qtbot, clinic, settings, patient)
    first = _ctrl(qtbot, main, Qt.Key.Key_I)  # nothing open: no question
    assert first is not None and first.save_draft()
    first.close()
    # Enter takes the default: continue today's draft.
    asked = {}

    def enter(box: QMessageBox) -> None:
        asked["default"] = box.defaultButton().text().replace("&", "")
        QTest.keyClick(box, Qt.Key.Key_Return)

    when_modal(enter)
    again = _ctrl(qtbot, main, Qt.Key.Key_I)
    assert asked["default"] == "Continue today's draft"
    assert again is not None and again.visit_id == first.visit_id
    again.close()
    # "Start another visit" is still possible, on purpose.
    when_modal(lambda box: _button(box, "Start another visit").click())
    another = _ctrl(qtbot, main, Qt.Key.Key_I)
    assert another is not None and another.visit_id is None
    # Cancel starts nothing.
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    assert _ctrl(qtbot, main, Qt.Key.Key_I) is None
    assert len(clinic.list_drafts()) == 1


def test_an_old_draft_or_an_open_amendment_does_not_stop_ctrl_i(qtbot, clinic, settings) -> None:
    from intake_desktop import services
    from tests.signing import SIGN_OFF

    case = json.loads(next(p for p in EXAMPLES if "01_lumbar" in p.name).read_text("utf-8"))
    maria = clinic.register_patient(
        PatientDetails(name="María García López", date_of_birth=date(1958, 3, 2))
    )
    clinic.start_draft(maria.id, {"format": CASE, "visit_date": OLD_DAY.isoformat()})
    case["visit_date"] = date.today().isoformat()
    draft = clinic.start_draft(maria.id, case)
    signed = services.sign_visit(clinic.db, draft.visit_id, expected_version=draft.version,
                                 actor=clinic.actor, **SIGN_OFF)  # fmt: skip
    clinic.open_amendment(signed.id, signed.version, "typo")  # an amendment of today's visit
    main = _main(qtbot, clinic, settings, maria)
    window = _ctrl(qtbot, main, Qt.Key.Key_I)
    assert window is not None and window.visit_id is None  # a new visit, no question asked


def test_check_in_takes_todays_open_draft(qtbot, clinic, patient, settings) -> None:
    main = _main(qtbot, clinic, settings, patient)
    started = _ctrl(qtbot, main, Qt.Key.Key_I)
    assert started is not None and started.save_draft()
    started.close()
    main.board.check_in_button.click()  # the same patient arrives at the desk
    (row,) = main.board.rows
    assert row.state == "checked_in" and row.visit_id == started.visit_id
    # Checked in again by mistake: the same line, still one draft.
    main.board.table.clearSelection()
    main.board.check_in_button.click()
    assert [r.visit_id for r in main.board.rows] == [started.visit_id]
    assert [d.id for d in clinic.list_drafts()] == [started.visit_id]
