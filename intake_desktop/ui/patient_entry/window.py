"""The patient's own questions on a tablet: full screen, locked to one visit.

The front desk opens it from a checked-in visit on the board. It has no menus, no shortcuts and
nothing that leads to another patient; it takes the whole screen and blocks the other windows
of the app (application-modal). Closing it (Escape, Alt+F4, the window manager) is refused until
a member of staff signs in on the "Staff" button (the sign-in check: audited, counted towards the
lockout). One question per screen, progress shown, "Back" allowed; the answers go into the visit's
draft at the end, marked "patient-reported" (``services.patient_entry``). A "yes" to an emergency
red flag ends the questions at once, stores what was answered (which raises the red-flag alert on
every clinician's window in that save) and tells the patient to go to the front desk now.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.domain.patient_questions import questions_for, stops_questions
from intake_desktop.services.errors import ServiceError
from intake_desktop.ui.code_labels import fill

from .screens import QuestionScreen
from .texts import PatientTexts
from .touch import ANSWER_PT, QUESTION_PT, SMALL_PT, make_touchable, set_points

if TYPE_CHECKING:
    from intake_desktop.services.board import BoardRow

    from ..clinic import Clinic

C = "PatientEntry"
WELCOME = QT_TRANSLATE_NOOP(
    "PatientEntry", "Hello. Please answer these questions about your pain. Tap an answer to go "
    "on; you can go back at any time. If you are not sure, tap \"Not sure\" or \"Next\"."
)  # fmt: skip
FINISH = QT_TRANSLATE_NOOP(
    "PatientEntry", "That was the last question. Tap \"Finish\" to send your answers to the "
    "clinic."
)  # fmt: skip
THANKS = QT_TRANSLATE_NOOP(
    "PatientEntry", "Thank you. Please give the tablet back to the front desk."
)
STOP = QT_TRANSLATE_NOOP(
    "PatientEntry", "Please tell the front desk now, before you answer anything else. Show them "
    "this screen. This may need to be seen today."
)  # fmt: skip
NOT_SENT = QT_TRANSLATE_NOOP(
    "PatientEntry", "Your answers could not be sent. Please give the tablet to the front desk."
)


class PatientEntryWindow(QWidget):
    """The questions of one visit; :attr:`finished` when the answers are stored."""

    finished = Signal()
    left = Signal()

    def __init__(self, clinic: Clinic, row: BoardRow, language: str | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        assert row.visit_id is not None
        self.clinic, self.row, self.visit_id = clinic, row, row.visit_id
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setObjectName("patientEntry")
        # A chosen answer shows three ways (not colour alone): filled, a thick border, bold.
        self.setStyleSheet(
            "#patientEntry QPushButton { padding: 6px 14px; }"
            "#patientEntry QPushButton:checked { background: #1d4e89; color: #ffffff;"
            " border: 4px solid #0b2545; font-weight: bold; }"
        )
        self.answers: dict[str, Any] = {}
        self.index = -1  # -1: welcome; len(questions): the last screen
        self.outcome: str | None = None  # "finished", "stopped", once sent
        self._unlocked = False
        self.screen_widget: QWidget | None = None
        self._build()
        self.set_language(language or row.language or "en")

    def show_locked(self) -> None:
        """Full screen on the screen it opens on (and that screen's size even where the window
        manager ignores full screen requests)."""
        screen = self.screen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    # --- frame ---------------------------------------------------------------------------
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 16, 28, 16)
        top = QHBoxLayout()
        self.title = QLabel(self)
        set_points(self.title, SMALL_PT, bold=True)
        top.addWidget(self.title, 1)
        self.language_buttons = {}
        for code, name in (("en", "English"), ("es", "Español")):
            button = QPushButton(name, self)
            button.setAccessibleName(name)
            make_touchable(button, points=SMALL_PT)
            button.clicked.connect(lambda _=False, c=code: self.set_language(c))
            top.addWidget(button)
            self.language_buttons[code] = button
        self.staff_button = QPushButton(self)
        make_touchable(self.staff_button, points=SMALL_PT)
        self.staff_button.clicked.connect(lambda _=False: self.ask_staff())
        top.addWidget(self.staff_button)
        lay.addLayout(top)
        self.body = QVBoxLayout()
        lay.addLayout(self.body, 1)
        bottom = QHBoxLayout()
        self.back_button = QPushButton(self)
        self.next_button = QPushButton(self)
        for button in (self.back_button, self.next_button):
            make_touchable(button, mm=14, points=ANSWER_PT)
            button.setMinimumWidth(button.minimumHeight() * 3)
        self.back_button.clicked.connect(lambda _=False: self.go_back())
        self.next_button.clicked.connect(lambda _=False: self.go_next())
        middle = QVBoxLayout()
        self.progress_label = QLabel(self)
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_points(self.progress_label, SMALL_PT)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        middle.addWidget(self.progress_label)
        middle.addWidget(self.progress)
        bottom.addWidget(self.back_button)
        bottom.addLayout(middle, 1)
        bottom.addWidget(self.next_button)
        lay.addLayout(bottom)

    def set_language(self, language: str) -> None:
        self.texts = PatientTexts(language)
        try:
            self.items = self.clinic.item_texts(self.texts.language)
        except (ServiceError, OSError, ValueError):
            self.items = {}
        t = self.texts.t
        self.setWindowTitle(t("Your questions"))
        first = (self.row.patient_name or "").split(" ")[0]
        self.title.setText(t("Questions for %s") % first if first else t("Your questions"))
        self.staff_button.setText(t("Staff"))
        self.staff_button.setAccessibleName(t("Staff only: leave the questions"))
        self.back_button.setText(t("Back"))
        self.back_button.setAccessibleName(t("Back"))
        self.show_current()

    @property
    def questions(self) -> list:
        return questions_for(self.answers)

    # --- screens -------------------------------------------------------------------------
    def show_current(self) -> None:
        if self.screen_widget is not None:
            self.body.removeWidget(self.screen_widget)
            self.screen_widget.deleteLater()
        t, questions = self.texts.t, self.questions
        self.index = min(self.index, len(questions))
        if self.outcome is not None or self.index < 0 or self.index == len(questions):
            self.screen_widget = self._message_screen()
        else:
            question = questions[self.index]
            value = self.answers.get(question.id)
            self.screen_widget = QuestionScreen(
                question, value, self.texts, self.items, self._on_answer, self
            )
        self.body.addWidget(self.screen_widget)
        for button in self.language_buttons.values():
            button.setVisible(self.index < 0 and self.outcome is None)
        self.back_button.setVisible(self.outcome is None and self.index >= 0)
        self.next_button.setVisible(self.outcome is None)
        last = self.index == len(questions)
        word = "Start" if self.index < 0 else "Finish" if last else "Next"
        self.next_button.setText(t(word))
        self.next_button.setAccessibleName(self.next_button.text())
        done = max(0, min(self.index, len(questions)))
        self.progress.setRange(0, len(questions))
        self.progress.setValue(done)
        text = fill(t("Question %1 of %2"), done + 1, len(questions))
        self.progress_label.setText(text if 0 <= self.index < len(questions) else "")
        self.progress.setAccessibleName(t("Progress"))
        self.progress.setAccessibleDescription(self.progress_label.text())
        self.progress_label.setVisible(self.outcome is None)
        self.progress.setVisible(self.outcome is None)

    def _message_screen(self) -> QWidget:
        t = self.texts.t
        text = {None: WELCOME if self.index < 0 else FINISH, "finished": THANKS,
                "stopped": STOP, "failed": NOT_SENT}[self.outcome]  # fmt: skip
        screen = QWidget(self)
        lay = QVBoxLayout(screen)
        message = QLabel(t(text), screen)
        message.setObjectName("patientMessage")
        message.setWordWrap(True)
        message.setAccessibleName(t(text))
        set_points(message, QUESTION_PT * (1.25 if self.outcome == "stopped" else 1), bold=True)
        if self.outcome == "stopped":
            screen.setAutoFillBackground(True)
            screen.setStyleSheet("background: #a4161a; color: #ffffff;")
        lay.addWidget(message)
        lay.addStretch(1)
        return screen

    def current_screen(self) -> QuestionScreen | None:
        return self.screen_widget if isinstance(self.screen_widget, QuestionScreen) else None

    # --- moving --------------------------------------------------------------------------
    def _on_answer(self, value: Any, advance: bool) -> None:
        question = self.questions[self.index]
        self.answers[question.id] = value
        if stops_questions(question, value):
            self._send("stopped")
        elif advance:
            self.go_next()

    def go_next(self) -> None:
        if self.outcome is not None:
            return
        if self.index == len(self.questions):
            self._send("finished")
            return
        self.index += 1
        self.show_current()

    def go_back(self) -> None:
        if self.outcome is None and self.index >= 0:
            self.index -= 1
            self.show_current()

    def _send(self, outcome: str) -> None:
        answers = {k: v for k, v in self.answers.items() if v is not None}
        try:
            self.clinic.submit_patient_answers(self.visit_id, answers, finished=True)
        except ServiceError:
            self.outcome = "failed" if outcome == "finished" else outcome
        else:
            self.outcome = outcome
            self.finished.emit()
        self.show_current()

    # --- locked --------------------------------------------------------------------------
    def ask_staff(self) -> StaffDialog:
        """Staff sign in to leave; the patient cannot. The dialog stays until a right password
        or "Cancel"."""
        self.staff_dialog = StaffDialog(self.clinic.actor.username, self.staff_may_leave, self)
        self.staff_dialog.accepted.connect(self._leave)
        self.staff_dialog.open()
        return self.staff_dialog

    def staff_may_leave(self, username: str, password: str) -> str | None:
        """None when ``username`` is staff and ``password`` theirs; else why not."""
        try:
            staff = self.clinic.check_staff_password(username, password)
        except ServiceError as exc:
            return str(exc)
        if not ({"front_desk", "clinician"} & staff.roles):
            return self.tr("Only the front desk or a clinician may leave the patient's questions.")
        return None

    def leave_with_password(self, username: str, password: str) -> bool:
        """Leave when the password is right (what the staff dialog does)."""
        if self.staff_may_leave(username, password) is not None:
            return False
        self._leave()
        return True

    def _leave(self) -> None:
        self._unlocked = True
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # no way out by keyboard
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._unlocked:
            event.ignore()
            return
        self.left.emit()
        event.accept()


class StaffDialog(QDialog):
    """A member of staff's user name and password, to leave the patient's questions."""

    def __init__(
        self,
        username: str,
        check: Callable[[str, str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.check = check
        self.setWindowTitle(self.tr("Staff only"))
        form = QFormLayout(self)
        self.user = QLineEdit(username, self)
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.password.setFocus()

    def accept(self) -> None:
        problem = self.check(self.user.text(), self.password.text())
        if problem is not None:
            self.error.setText(problem)
            self.password.clear()
            return
        super().accept()
