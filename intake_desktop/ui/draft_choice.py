"""Which visit New intake (Ctrl+I) and Clinician view (Ctrl+L) open for the selected patient.

A visit's date is the day its draft was started, and a signature is dated with it: opening an
old draft for today's patient would sign today's examination under that old date, and starting
a second draft beside today's splits one visit in two. So both actions look for the patient's
open draft *of today* first; anything else is asked, never chosen silently.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.services import visit_queries

from .choice_box import ACCEPT, ACTION, ask
from .visit_list import VisitList

if TYPE_CHECKING:
    from intake_desktop.services.records import PatientRecord, VisitSummary

    from .clinic import Clinic
    from .visit_window import VisitWindow


class MainWindow(Protocol):
    """What these choices need of the main window (named, not imported: it imports this)."""

    patient: PatientRecord | None

    @property
    def clinic(self) -> Clinic: ...

    def new_visit(self, start_step: int = 0) -> VisitWindow | None: ...

    def open_visit(self, visit_id: int, start_step: int | None = None) -> VisitWindow | None: ...

    def window(self) -> QWidget: ...


def open_drafts_of(main: MainWindow, patient_id: int) -> list[VisitSummary]:
    """The patient's open drafts and open amendments, most recently saved first."""
    clinic = main.clinic
    if not clinic.may("visit.list"):
        return []
    return visit_queries.list_drafts(clinic.db, patient_id=patient_id, actor=clinic.actor)


def todays_draft(drafts: list[VisitSummary], today: date | None = None) -> VisitSummary | None:
    """The most recently saved draft dated today (an open amendment is not a new visit)."""
    today = today or date.today()
    return next((d for d in drafts if d.visit_date == today and not d.amending), None)


def new_intake(main: MainWindow) -> VisitWindow | None:
    """Ctrl+I: with a draft of today open for the patient, ask: continue it (the default) or
    start another; otherwise start a new visit."""
    if main.patient is None:
        return main.new_visit()
    draft = todays_draft(open_drafts_of(main, main.patient.id))
    if draft is None:
        return main.new_visit()
    title = QCoreApplication.translate("DraftChoice", "Draft of today open")
    text = QCoreApplication.translate(
        "DraftChoice",
        "This patient already has a draft of today's visit (last saved by %1). "
        "Continue it, or start another visit?",
    ).replace("%1", draft.updated_by)
    answer = ask(
        main.window(),
        QMessageBox.Icon.Question,
        title,
        text,
        [
            ("continue", QCoreApplication.translate("DraftChoice", "&Continue today's draft"),
             ACCEPT),
            ("another", QCoreApplication.translate("DraftChoice", "Start &another visit"), ACTION),
        ],
        default="continue",
    )  # fmt: skip
    if answer == "continue":
        return main.open_visit(draft.id)
    if answer == "another":
        return main.new_visit()
    return None


def clinician_view(main: MainWindow) -> VisitWindow | None:
    """Ctrl+L: today's draft of the patient at the exam step. Without one, say so and offer to
    start today's visit, or to choose among the patient's other open drafts (older days,
    amendments); never open one of those unasked."""
    from .visit_window import FIRST_CLINICIAN_STEP

    if main.patient is None:
        return main.new_visit(FIRST_CLINICIAN_STEP)
    drafts = open_drafts_of(main, main.patient.id)
    draft = todays_draft(drafts)
    if draft is not None:
        return main.open_visit(draft.id, FIRST_CLINICIAN_STEP)
    text = QCoreApplication.translate("DraftChoice", "This patient has no draft of today.")
    if drafts:
        text += " " + QCoreApplication.translate(
            "DraftChoice",
            "Open drafts of other days are not today's visit: signing one dates the "
            "examination on its own day.",
        )
    title = QCoreApplication.translate("DraftChoice", "No draft of today")
    answers = [("start", QCoreApplication.translate("DraftChoice", "&Start today's visit"), ACCEPT)]
    if drafts:
        answers.append(
            ("choose", QCoreApplication.translate("DraftChoice", "C&hoose an open draft…"), ACTION)
        )
    answer = ask(main.window(), QMessageBox.Icon.Question, title, text, answers, default="start")
    if answer == "start":
        return main.new_visit(FIRST_CLINICIAN_STEP)
    if answer == "choose":
        dialog = PatientDraftsDialog(drafts, main.window())
        if dialog.exec() and dialog.chosen is not None:
            return main.open_visit(dialog.chosen.id, FIRST_CLINICIAN_STEP)
    return None


class PatientDraftsDialog(QDialog):
    """One patient's open drafts and amendments with their dates, to pick one on purpose."""

    def __init__(self, drafts: list[VisitSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("DraftChoice", "Open drafts of this patient")
        )
        self.chosen: VisitSummary | None = None
        lay = QVBoxLayout(self)
        note = QLabel(
            QCoreApplication.translate(
                "DraftChoice", "Each is a visit of the day shown; it is signed with that date."
            ),
            self,
        )
        note.setWordWrap(True)
        lay.addWidget(note)
        self.list = VisitList(
            QCoreApplication.translate("DraftChoice", "Open drafts of this patient"),
            show_patient=False,
            parent=self,
        )
        self.list.set_visits(drafts)
        self.list.selectRow(0)
        self.list.visit_activated.connect(lambda *_: self.accept())
        lay.addWidget(self.list)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(560, 260)

    def accept(self) -> None:
        self.chosen = self.list.current_visit()
        if self.chosen is not None:
            super().accept()
