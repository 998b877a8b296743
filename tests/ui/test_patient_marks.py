"""The visit window shows which answers the patient gave on the tablet, until staff change them.

The patient's answers go in through the real service (``services.patient_entry``) into a real
SQLite file; the window is opened on the stored draft, its real widgets are driven by keys, the
draft is saved and opened again from the database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from intake_desktop.domain.patient_questions import PATIENT_REPORTED, SOURCES_KEY
from intake_desktop.services import board, patient_entry
from intake_desktop.ui.app import install_translators, remove_translators
from intake_desktop.ui.intake_pages.questionnaires import QuestionnairesPage
from intake_desktop.ui.intake_pages.red_flags import RedFlagPage
from intake_desktop.ui.patient_marks import TAG_NAME
from intake_desktop.ui.visit_window import VisitWindow
from tests.ui.helpers import focused, open_visit_window

ANSWERS = {"sites": ["low_back", "thigh"], "pain_back": 6, "pain_leg": 8, "onset": "sudden",
           "flag_fever": False, "flag_foot_drop": False, "walking": 200, "odi_1": 3,
           "odi_2": 1}  # fmt: skip
#: Where each answer shows: every path the tablet marked but the red-flag list itself (its
#: questions are marked one by one, as the screen's rows).
SHOWN = {
    "history.symptom_sites", "history.pain_nrs.back", "history.pain_nrs.leg",
    "history.leg_pain_exceeds_back_pain", "history.onset",
    "history.painless_walking_distance_m", "questionnaires.odi[0]", "questionnaires.odi[1]",
    "red_flag_screen.fever", "red_flag_screen.foot_drop",
}  # fmt: skip


def _draft(clinic, patient, answers: dict | None) -> int:
    row = board.check_in(clinic.db, actor=clinic.actor, patient_id=patient.id)
    if answers is not None:
        patient_entry.start_answering(clinic.db, row.visit_id, actor=clinic.actor)
        patient_entry.submit_patient_answers(clinic.db, row.visit_id, answers, actor=clinic.actor)
    return row.visit_id


def _open(qtbot, clinic, patient, settings, visit_id: int) -> VisitWindow:
    window = VisitWindow(clinic, patient, clinic.get_visit(visit_id), settings=settings)
    return open_visit_window(qtbot, window)


def _field(window: VisitWindow, path: str) -> QWidget:
    """The widget that takes the keys for ``path``, shown with the keyboard on it."""
    widget = window.go_to_field(path)
    assert widget is not None
    return widget.focusProxy() or widget


def _shown_tags(window: VisitWindow) -> list[QLabel]:
    return [t for t in window.findChildren(QLabel, TAG_NAME) if not t.isHidden()]


def _caption_of(tag: QLabel) -> str:
    """The label the tag stands beside (its holder's other label)."""
    (caption,) = [w for w in tag.parentWidget().findChildren(QLabel) if w is not tag]
    return caption.text().replace("&", "")


def _tab_chain(window: VisitWindow) -> list[tuple[str, str]]:
    """The widgets Tab visits, by class and name (the mark's words taken off the name)."""
    chain, w = [], window.nextInFocusChain()
    while w is not window:
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled():
            name = w.accessibleName().removesuffix(", from the patient")
            chain.append((type(w).__name__, name))
        w = w.nextInFocusChain()
    return chain


def test_the_patients_answers_are_marked_and_nothing_else(qtbot, clinic, patient,
                                                          settings) -> None:  # fmt: skip
    visit_id = _draft(clinic, patient, ANSWERS)
    sources = clinic.get_visit(visit_id).ui_state[SOURCES_KEY]
    assert set(sources) == SHOWN | {"red_flags"}
    window = _open(qtbot, clinic, patient, settings, visit_id)
    marks = window.patient_marks
    assert set(marks.visible_tags()) == SHOWN
    tags = _shown_tags(window)
    assert len(tags) == len(SHOWN)  # one tag per answer: the body map's sites share the list's
    assert {_caption_of(t) for t in tags} == {
        "Sites:", "Back:", "Leg:", "Leg pain worse than back pain:", "Onset:",
        "Painless walking distance:", "1. Pain intensity", "2. Personal care",
        "Fever above 38 °C with back pain", "Foot drop",
    }  # fmt: skip
    assert window.page(RedFlagPage).switches["fever"].accessibleName() == (
        "Fever above 38 °C with back pain, from the patient"
    )
    for tag in tags:  # words, a tooltip and an accessible name: not a colour alone
        assert tag.text() == "from patient"
        assert "on the tablet" in tag.toolTip() and tag.accessibleName() == "From the patient"
        assert tag.focusPolicy() == Qt.FocusPolicy.NoFocus
    onset = window.binder.widget_for("history.onset")
    assert onset.accessibleName() == "Onset, from the patient"
    assert window.binder.widget_for("history.duration_weeks").accessibleName() == "Duration"
    odi = window.page(QuestionnairesPage).odi
    assert odi.boxes[0].accessibleName().endswith(", from the patient")
    assert not odi.boxes[2].accessibleName().endswith(", from the patient")


def test_an_edit_takes_the_mark_off_and_reopening_shows_it(qtbot, clinic, patient,
                                                           settings) -> None:  # fmt: skip
    visit_id = _draft(clinic, patient, ANSWERS)
    window = _open(qtbot, clinic, patient, settings, visit_id)
    marks = window.patient_marks
    # The desk corrects the back pain as the patient tells it at the desk: 6 -> 7.
    back = _field(window, "history.pain_nrs.back")
    QTest.keyClick(back, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(back, "7")
    assert window.form.get("history.pain_nrs.back") == 7
    assert "history.pain_nrs.back" not in marks.visible_tags()
    assert window.binder.widget_for("history.pain_nrs.back").accessibleName() == "Back"
    # One ODI item changed by key: that item's mark goes, the other item's stays.
    odi = window.page(QuestionnairesPage).odi
    QTest.keyClick(odi.boxes[1], Qt.Key.Key_Down)
    assert window.form.get("questionnaires.odi")[1] == 2
    # One red-flag question answered differently (the switch takes Y): only its mark goes.
    QTest.keyClick(window.page(RedFlagPage).switches["foot_drop"], Qt.Key.Key_Y)
    assert window.form.get("red_flags") == ["foot_drop"]
    edited = {"history.pain_nrs.back", "questionnaires.odi[1]", "red_flag_screen.foot_drop"}
    assert set(marks.visible_tags()) == SHOWN - edited
    window.save_button.click()
    assert not window.unsaved
    window.close()

    stored = clinic.get_visit(visit_id)
    assert set(stored.ui_state[SOURCES_KEY]) == SHOWN - edited  # the red-flag list changed too
    assert set(stored.ui_state[SOURCES_KEY].values()) == {PATIENT_REPORTED}
    again = _open(qtbot, clinic, patient, settings, visit_id)
    assert set(again.patient_marks.visible_tags()) == SHOWN - edited
    assert again.form.get("history.pain_nrs.back") == 7


def test_a_retyped_answer_is_staffs_but_passing_through_keeps_it(qtbot, clinic, patient,
                                                                 settings) -> None:  # fmt: skip
    window = _open(qtbot, clinic, patient, settings, _draft(clinic, patient, ANSWERS))
    walking = _field(window, "history.painless_walking_distance_m")
    QTest.keyClick(walking, Qt.Key.Key_End)
    QTest.keyClick(walking, Qt.Key.Key_Backspace)
    QTest.keyClicks(walking, "0")  # 200 -> 20 -> 200: staff typed it, so it is theirs now
    assert window.form.get("history.painless_walking_distance_m") == 200
    assert "history.painless_walking_distance_m" not in window.patient_marks.visible_tags()
    QTest.keyClick(_field(window, "history.onset"), Qt.Key.Key_Tab)  # passing through
    assert "history.onset" in window.patient_marks.visible_tags()


def test_a_draft_without_patient_answers_shows_no_mark(qtbot, clinic, patient, settings) -> None:
    window = _open(qtbot, clinic, patient, settings, _draft(clinic, patient, None))
    assert window.patient_marks.visible_tags() == []
    assert window.findChildren(QLabel, TAG_NAME) == []


def test_marks_take_no_focus_and_keep_the_tab_order(qtbot, clinic, patient, settings) -> None:
    plain = _open(qtbot, clinic, patient, settings, _draft(clinic, patient, None))
    marked = _open(qtbot, clinic, patient, settings, _draft(clinic, patient, ANSWERS))
    assert _tab_chain(marked) == _tab_chain(plain)
    for holder in marked.findChildren(QWidget, "patientTagHolder"):
        assert holder.focusPolicy() == Qt.FocusPolicy.NoFocus
    # Tabbing through the symptoms step never lands on a tag.
    plain.close()
    marked.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is marked)
    marked.go_to_step(0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    for _ in range(30):
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused().objectName() not in (TAG_NAME, "patientTagHolder")


def test_the_marks_speak_spanish(qtbot, clinic, patient, settings, monkeypatch) -> None:
    monkeypatch.setenv("INTAKE_DESKTOP_LANGUAGE", "es")
    app = QApplication.instance()
    translators = install_translators(app)
    assert translators, "no Spanish translation could be loaded"
    try:
        window = _open(qtbot, clinic, patient, settings, _draft(clinic, patient, ANSWERS))
        tags = _shown_tags(window)
        assert tags and {t.text() for t in tags} == {"del paciente"}
        assert "tableta" in tags[0].toolTip() and tags[0].accessibleName() == "Del paciente"
        onset = window.binder.widget_for("history.onset")
        assert onset.accessibleName().endswith(", del paciente")
        window.close()
    finally:
        remove_translators(app, translators)
        for translator in translators:
            translator.deleteLater()
