"""A red flag answered 'yes' shows the banner and the emergency or urgent level at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from intake_desktop.domain.codes import RED_FLAGS
from intake_desktop.domain.labels import label
from intake_desktop.ui.clinician_pages.exam import ExamPage
from intake_desktop.ui.intake_pages.red_flags import RedFlagPage
from intake_desktop.ui.visit_window import VisitWindow

from .helpers import focused, open_visit_window, press


@pytest.fixture
def window(qtbot, clinic, patient, settings):
    return open_visit_window(qtbot, VisitWindow(clinic, patient, settings=settings))


def test_nothing_defaults_to_no(window) -> None:
    page = window.page(RedFlagPage)
    assert all(s.value() is None for s in page.switches.values())
    assert "red_flags" not in window.form.case_dict()
    assert not window.banner.isVisible()


@pytest.mark.parametrize(
    ("code", "level"), [("bladder_bowel_dysfunction", "emergency"), ("fever", "urgent")]
)
def test_yes_raises_the_banner_at_once(qtbot, window, code, level) -> None:
    window.go_to_step(window.pages.index(window.page(RedFlagPage)))
    switch = window.page(RedFlagPage).switches[code]
    switch.setFocus()
    qtbot.waitUntil(lambda: focused() is switch)
    press(Qt.Key.Key_Y)
    # At once: no waiting for the plan's debounce.
    assert window.banner.isVisible()
    assert window.banner.level == level
    assert label(code) in window.banner.flags.text()
    assert window.banner.accessibleName()
    qtbot.waitUntil(lambda: window.plan_panel.level.text() == label(level))
    # The banner stays on every step of the visit.
    for step in range(len(window.pages)):
        window.go_to_step(step)
        assert window.banner.isVisible(), f"banner hidden on step {step}"
        assert window.banner.isVisibleTo(window)
    assert window.form.get("red_flags") == [code]


def test_no_keeps_the_answer_but_raises_nothing(qtbot, window) -> None:
    page = window.page(RedFlagPage)
    for code in RED_FLAGS:
        page.switches[code].setFocus()
        press(Qt.Key.Key_N)
    assert not window.banner.isVisible()
    assert window.form.ui("red_flag_screen") == dict.fromkeys(RED_FLAGS, "no")
    assert "all 10" in page.progress.text().lower()


def test_the_exam_raises_a_flag_too(qtbot, window) -> None:
    exam = window.page(ExamPage)
    window.go_to_step(window.pages.index(exam))
    foot_drop = window.binder.widget_for("exam.foot_drop")
    foot_drop.setFocus()
    press(Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: window.banner.isVisible())
    assert window.banner.level == "urgent"
    assert "exam" in window.banner.flags.text()
    qtbot.waitUntil(lambda: window.plan_panel.level.text() == label("urgent"))
