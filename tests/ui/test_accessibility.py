"""Every input has an accessible name; no two mnemonics on one page collide."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.patient_dialog import PatientDialog
from intake_desktop.ui.visit_window import VisitWindow
from intake_desktop.ui.widgets.tri_state import TriStateSwitch

from .helpers import open_visit_window

INPUTS = (QLineEdit, QComboBox, QCheckBox, QPlainTextEdit, TriStateSwitch)


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for w in root.findChildren(QWidget):
        if isinstance(w, INPUTS) and not w.accessibleName():
            if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox):
                continue
            missing.append(f"{type(w).__name__} {w.objectName()!r}")
    return missing


def _mnemonics(root: QWidget) -> list[str]:
    keys = []
    for w in root.findChildren(QWidget):
        text = w.text() if isinstance(w, QLabel | QAbstractButton) else ""
        m = re.search(r"&([^&\s])", text.replace("&&", ""))
        if m and w.isVisibleTo(root):
            keys.append(m.group(1).lower())
    return [k for k, n in Counter(keys).items() if n > 1]


def test_visit_window_inputs_are_named(qtbot, clinic, patient, settings) -> None:
    window = open_visit_window(qtbot, VisitWindow(clinic, patient, settings=settings))
    assert _unnamed(window) == []
    assert window.banner.accessibleName()
    assert window.plan_panel.accessibleName()


def test_each_step_has_unique_mnemonics(qtbot, clinic, patient, settings) -> None:
    window = open_visit_window(qtbot, VisitWindow(clinic, patient, settings=settings))
    for page in window.pages:
        assert _mnemonics(page) == [], page.title


def test_main_window_and_patient_dialog(qtbot, clinic, settings) -> None:
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    dialog = PatientDialog(clinic, parent=main)
    qtbot.addWidget(dialog)
    assert _unnamed(main) == []
    assert _unnamed(dialog) == []
    assert _mnemonics(dialog) == []
    assert main.db_label.text().endswith("records.sqlite3")


def test_every_yes_no_switch_announces_its_question_and_answer(qtbot, clinic, patient, settings):
    """The switches were frames a screen reader read as nothing; now each is named after its
    question, describes its answer first (help kept after it), and announces changes."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtTest import QTest

    window = open_visit_window(qtbot, VisitWindow(clinic, patient, settings=settings))
    switches = window.findChildren(TriStateSwitch)
    assert len(switches) > 20
    for switch in switches:
        face = QAccessible.queryAccessibleInterface(switch)
        name = face.text(QAccessible.Text.Name)
        assert name, switch.objectName()
        assert face.text(QAccessible.Text.Description).startswith(switch.text_value())
        for i in range(face.childCount()):
            assert face.child(i).text(QAccessible.Text.Name)
            assert face.child(i).text(QAccessible.Text.Description) == name
    cart = next(s for s in switches if s.accessibleName().startswith("Walks farther"))
    assert "shopping cart" in cart.accessibleDescription()
    QTest.keyClick(cart, Qt.Key.Key_Y)
    assert cart.accessibleDescription().startswith("Yes. ")
    assert "shopping cart" in cart.accessibleDescription()  # the help is not lost
    assert cart.last_announcement == f"{cart.accessibleName()}: Yes"
