"""How many keys the front desk presses for one intake when the patient answered on the tablet.

The issue measured 257 key presses for an intake typed from a paper form. Here a registered
patient walks in, the desk checks them in and hands over the tablet by keyboard, the patient
answers by touch, a member of staff leaves the tablet with their password, and the desk reviews
the answers step by step and saves. Every key the desk presses goes through :class:`Keys`, which
counts a chord (Ctrl+S) as the keys held (two).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from intake_desktop.domain.patient_questions import SOURCES_KEY
from intake_desktop.ui.main_window import MainWindow
from tests.actors import TEST_PASSWORD

from .helpers import focused
from .test_board_and_tablet import _answer_everything

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
PAPER_FORM_KEYS = 257  # issue 19: an intake typed by the front desk from a paper form


class Keys:
    """Presses keys on whatever has the focus, and counts them."""

    def __init__(self) -> None:
        self.count = 0
        self.by_part: dict[str, int] = {}

    def press(self, part: str, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:
        held = 1 + bin(int(mods.value if hasattr(mods, "value") else mods)).count("1")
        self.count += held
        self.by_part[part] = self.by_part.get(part, 0) + held
        QTest.keyClick(focused(), key, mods)

    def type(self, part: str, text: str) -> None:
        self.count += len(text)
        self.by_part[part] = self.by_part.get(part, 0) + len(text)
        QTest.keyClicks(focused(), text)


def test_front_desk_keys_per_intake_with_the_tablet(qtbot, clinic, patient, settings) -> None:
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: focused() is main.search.box)
    keys = Keys()

    # The patient arrives: find them, check them in, hand over the tablet.
    keys.type("check in", "ana t")
    qtbot.waitUntil(lambda: main.search.model.rowCount() == 1)
    keys.press("check in", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.patient is not None)
    keys.press("check in", Qt.Key.Key_N, ALT)  # Check i&n
    qtbot.waitUntil(lambda: len(main.board.rows) == 1)
    keys.press("check in", Qt.Key.Key_A, ALT)  # Patient &answers on the tablet
    qtbot.waitUntil(lambda: len(main.board.tablets) == 1)
    tablet = main.board.tablets[0]
    qtbot.waitExposed(tablet)

    # The patient answers by touch; then staff leave the tablet with their password.
    _answer_everything(qtbot, tablet)
    tablet.next_button.click()  # Finish
    assert tablet.outcome == "finished"
    tablet.staff_button.click()
    dialog = tablet.staff_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.password)
    dialog.user.setText("tester")  # prefilled with the signed-in user at a real desk
    keys.type("leave the tablet", TEST_PASSWORD)
    keys.press("leave the tablet", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not main.board.tablets)

    # The desk reviews the answers in the intake steps, as today, and saves.
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    keys.press("review", Qt.Key.Key_B, CTRL)
    assert main.board.selected().state == "ready"
    keys.press("review", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(main.open_windows) == 1)
    visit = main.open_windows[0]
    visit.ask_keep_draft = lambda: "keep"
    qtbot.addWidget(visit)
    qtbot.waitExposed(visit)
    visit.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is visit)
    assert visit.form.get("history.symptom_sites") == ["low_back", "thigh"]
    for _ in range(4):
        keys.press("review", Qt.Key.Key_PageDown, CTRL)
    assert visit.form.get("questionnaires.odi") == [1] * 10
    keys.press("review", Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not visit.unsaved)
    record = clinic.get_visit(visit.visit_id)
    assert record.ui_state[SOURCES_KEY]["history.symptom_sites"] == "patient-reported"
    assert len(record.ui_state["red_flag_screen"]) == 10  # the screen is complete

    print(f"\nfront-desk keys per intake with the tablet: {keys.count} "
          f"({keys.by_part}) against {PAPER_FORM_KEYS} from a paper form")  # fmt: skip
    assert keys.count < PAPER_FORM_KEYS / 4
