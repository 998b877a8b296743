"""One visit: the red-flag banner on top, the steps, and the live plan beside them.

The window owns the visit's :class:`FormModel`; pages write into it, the :class:`PlanController`
validates and evaluates it through the domain, and the draft is saved through the services every
few seconds, on every step change and on close, so nothing typed is lost.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.domain.codes import RED_FLAGS
from intake_desktop.domain.findings import age_on
from intake_desktop.services.errors import ConflictError, ServiceError, VisitLockedError
from intake_desktop.services.records import PatientRecord, VisitRecord
from intake_desktop.ui.code_labels import fill, label

from . import recovery
from .binding import Binder
from .clinic import Clinic
from .clinician_pages.decision import DecisionPage
from .clinician_pages.exam import ExamPage
from .clinician_pages.framework import FrameworkPage
from .clinician_pages.imaging import ImagingPage
from .clinician_pages.locked import lock_for_non_clinician
from .conflict_dialog import ConflictDialog
from .discard_dialog import discard_with_reason
from .followup import CarriedMarks, follow_up_data
from .form_model import FormModel
from .intake_pages.activity import ActivityPage
from .intake_pages.questionnaires import QuestionnairesPage
from .intake_pages.red_flags import RedFlagPage
from .intake_pages.symptoms import SymptomsPage
from .intake_pages.treatment import TreatmentPage
from .pdf_preview import PdfPreviewDialog
from .plan_controller import PlanController
from .plan_panel import PlanPanel
from .red_flag_banner import RedFlagBanner
from .step_page import StepPage
from .summary_actions import SummaryActions
from .theme import style
from .visit_io import export_case_file, export_fhir_file
from .window_state import restore_geometry, save_geometry

AUTOSAVE_MS = 3000
#: How the domain names a flag recorded by the red-flag screen (RedFlagFinding.sources).
SCREEN_SOURCE = QT_TRANSLATE_NOOP("RedFlagBanner", "red-flag screen")
INTAKE_STEPS = (SymptomsPage, ActivityPage, RedFlagPage, TreatmentPage, QuestionnairesPage)
CLINICIAN_STEPS = (ExamPage, ImagingPage, FrameworkPage, DecisionPage)
FIRST_CLINICIAN_STEP = len(INTAKE_STEPS)


def new_visit_data(patient: PatientRecord, today: date) -> dict[str, Any]:
    """The form of a new visit: the patient block as registered, the visit date today."""
    block: dict[str, Any] = {"date_of_birth": patient.date_of_birth.isoformat()}
    for key, value in (("id", patient.record_number), ("name", patient.name),
                       ("sex", patient.sex), ("language", patient.language)):  # fmt: skip
        if value:
            block[key] = value
    return {"format": "spine-intake-case/1", "patient": block, "visit_date": today.isoformat()}


class VisitWindow(QMainWindow):
    saved = Signal(int)  # visit id
    closed = Signal(int)

    def __init__(
        self,
        clinic: Clinic,
        patient: PatientRecord,
        visit: VisitRecord | None = None,
        *,
        settings: QSettings | None = None,
        start_step: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        style(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.clinic, self.patient, self.settings = clinic, patient, settings or QSettings()
        self.visit_id = visit.id if visit else None
        self.version = visit.version if visit else None
        self.read_only = bool(visit and visit.status != "draft")
        self.form = FormModel(self)
        self.binder = Binder(self.form)
        self.controller = PlanController(self.form, self)
        self.banner = RedFlagBanner(self)
        self.plan_panel = PlanPanel(self)
        self.pages: list[StepPage] = []
        self._build(start_step)
        fresh = new_visit_data(patient, date.today())
        if visit is None:  # a follow-up starts from the last signed visit (issue 7)
            fresh = follow_up_data(clinic, patient, fresh) or fresh
        self.form.load((visit.data if visit else None) or fresh)
        if visit is not None and visit.is_signed:
            self.decision_page.show_signed(visit.plan, visit.chosen_procedure)
        self.carried_marks = CarriedMarks(self.form, self.binder, self.pages, self)
        self.saved_revision = self.form.revision if visit else -1
        self.controller.plan_ready.connect(self._on_plan_ready)
        self.controller.invalid.connect(self._on_invalid)
        self.form.changed.connect(self._on_form_changed)
        self.controller.refresh()
        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_draft)
        if not self.read_only:
            self.autosave.start()
        if self.visit_id is not None and not self.read_only:
            recovery.mark_open(self.settings, self.clinic.location, self.visit_id)
        self._update_title()
        restore_geometry(self, self.settings, "visit_window", (1200, 760))

    # --- building ------------------------------------------------------------------------
    def _build(self, start_step: int) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(self.banner)
        self.header = QLabel(self)
        self.header.setObjectName("visitHeader")
        self.header.setAccessibleName(self.tr("Patient"))
        outer.addWidget(self.header)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.steps = QListWidget(split)
        self.steps.setAccessibleName(self.tr("Steps of the visit"))
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget(split)
        for i, cls in enumerate(INTAKE_STEPS + CLINICIAN_STEPS):
            page = cls(self.form, self.binder)
            self.pages.append(page)
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
            self.steps.addItem(f"{i + 1}. {page.title_text()}")
            if i == FIRST_CLINICIAN_STEP:
                self.steps.item(i).setToolTip(self.tr("The clinician's part starts here"))
        split.addWidget(self.plan_panel)
        split.setStretchFactor(1, 1)
        self.steps.setMinimumWidth(self.steps.sizeHintForColumn(0) + 16)
        self.steps.setMaximumWidth(self.steps.sizeHintForColumn(0) + 40)
        split.setSizes([self.steps.minimumWidth(), 800, 320])
        outer.addWidget(split, 1)
        self.decision_page.sign_requested.connect(self.sign)
        outer.addLayout(self._build_buttons())
        self.setCentralWidget(central)
        self.steps.currentRowChanged.connect(self._on_step_changed)
        self.steps.setCurrentRow(start_step)
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self.save_now),
            ("Ctrl+PgDown", self.next_step), ("Alt+Right", self.next_step),
            ("Ctrl+PgUp", self.previous_step), ("Alt+Left", self.previous_step),
            ("Ctrl+E", self.export_case), ("Ctrl+W", self.close),
            ("Ctrl+Shift+E", self.export_fhir),
        ):  # fmt: skip
            QShortcut(QKeySequence(keys), self, activated=slot)
        if self.read_only:
            self.stack.setEnabled(False)
        self._limit_to_roles()

    def _limit_to_roles(self) -> None:
        """Grey out what the user's roles do not allow, saying why, rather than let them try
        and be refused (the services refuse and audit it either way)."""
        for widget, operation in (
            (self.export_button, "case.export"),
            (self.decision_page.sign_button, "visit.sign"),
        ):
            if not self.clinic.may(operation):
                widget.setEnabled(False)
                widget.setToolTip(self.tr("Needs the clinician role."))
        if not self.clinic.may("visit.edit_clinical"):  # the front desk sees them read-only
            for page in self.pages[FIRST_CLINICIAN_STEP:]:
                lock_for_non_clinician(page)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("◀ Previous step"), self)
        self.prev_button.setToolTip(self.tr("Previous step (Ctrl+PgUp or Alt+Left)"))
        self.next_button = QPushButton(self.tr("Next step ▶"), self)
        self.next_button.setToolTip(self.tr("Next step (Ctrl+PgDown or Alt+Right)"))
        self.save_button = QPushButton(self.tr("Save draft"), self)
        self.save_button.setToolTip(self.tr("Save the draft now (Ctrl+S); it also saves itself"))
        self.export_button = QPushButton(self.tr("Export case file…"), self)
        self.export_button.setToolTip(self.tr("Export the case file (Ctrl+E)"))
        self.status = QLabel(self)
        self.status.setObjectName("saveStatus")
        self.status.setAccessibleName(self.tr("Save status"))
        # Long messages wrap rather than widen the window past a 1366-pixel screen.
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(120)
        self.summaries = SummaryActions(self, self.clinic, self._saved_visit_id, self.status)
        self.summary_button = self.summaries.patient_button
        buttons = (self.prev_button, self.next_button, self.save_button, self.export_button,
                   *self.summaries.buttons)  # fmt: skip
        for w in buttons:
            w.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            row.addWidget(w)
        row.addWidget(self.summaries.progress)
        row.addWidget(self.status, 1)
        self.prev_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        self.save_button.clicked.connect(self.save_now)
        self.export_button.clicked.connect(self.export_case)
        return row

    @property
    def decision_page(self) -> DecisionPage:
        return next(p for p in self.pages if isinstance(p, DecisionPage))

    def page_by_title(self, title: str) -> Any:
        return next(p for p in self.pages if p.title == title)

    def page(self, cls: type) -> Any:
        return next(p for p in self.pages if isinstance(p, cls))

    # --- steps ---------------------------------------------------------------------------
    def current_step(self) -> int:
        return self.stack.currentIndex()

    def go_to_step(self, index: int) -> None:
        self.steps.setCurrentRow(max(0, min(index, len(self.pages) - 1)))

    def next_step(self) -> None:
        self.go_to_step(self.current_step() + 1)

    def previous_step(self) -> None:
        self.go_to_step(self.current_step() - 1)

    def _on_step_changed(self, index: int) -> None:
        if index < 0:
            return
        self.stack.setCurrentIndex(index)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.pages) - 1)
        self.form.set_ui("step", index)
        first = first_field(self.pages[index])
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)
        if hasattr(self, "autosave"):
            self.save_draft()

    # --- the plan and the banner ---------------------------------------------------------
    def _on_plan_ready(self, plan: Any) -> None:
        leftover = self.binder.show_errors([])
        del leftover
        self.plan_panel.show_plan(plan)
        for page in self.pages:
            page.on_plan(plan, self.controller.case)
        self._update_banner()

    def _on_invalid(self, errors: list) -> None:
        self.binder.show_errors(errors)
        self.plan_panel.show_errors(errors)
        self._update_banner()

    def _on_form_changed(self, path: str) -> None:
        if path == "red_flags":
            self._update_banner()  # at once, not after the debounce
        if not path.startswith("_ui.step"):
            self._update_title()

    def _update_banner(self) -> None:
        """Screen flags straight from the form (current at every keystroke); exam-raised flags
        from the last valid plan (the domain decides what the exam raises)."""
        found: dict[str, list[str]] = {}
        for code in self.form.get("red_flags") or []:
            if code in RED_FLAGS:
                found.setdefault(code, []).append(SCREEN_SOURCE)
        plan = self.controller.plan
        for rf in plan.red_flags if plan is not None else ():
            for source in rf.sources:
                if source != SCREEN_SOURCE:
                    found.setdefault(rf.code, []).append(source)
        self.banner.show_flags(found.items())

    # --- saving --------------------------------------------------------------------------
    @property
    def unsaved(self) -> bool:
        return self.form.revision != self.saved_revision

    def save_now(self) -> None:
        self.save_draft()

    def save_draft(self) -> bool:
        """Store the form as the draft when it changed; True when nothing is left unsaved."""
        if self.read_only or not self.unsaved:
            return True
        revision = self.form.revision
        try:
            if self.visit_id is None:
                result = self.clinic.start_draft(self.patient.id, self.form.raw())
                self.visit_id = result.visit_id
                recovery.mark_open(self.settings, self.clinic.location, self.visit_id)
            else:
                assert self.version is not None
                result = self.clinic.save_draft(self.visit_id, self.form.raw(), self.version)
        except VisitLockedError as exc:
            return self._on_locked(exc)
        except ConflictError:
            return self._on_conflict()
        except ServiceError as exc:
            self.status.setText(self.tr("Not saved: %s (your entries are kept)") % exc)
            return False
        self.version = result.version
        self.saved_revision = revision
        self.status.setText(
            self.tr("Draft saved %s") % result.saved_at.astimezone().strftime("%H:%M:%S")
        )
        self.saved.emit(self.visit_id)
        self._update_title()
        return not self.unsaved

    def _on_conflict(self) -> bool:
        assert self.visit_id is not None
        theirs = self.clinic.get_visit(self.visit_id)
        if theirs.status != "draft":
            return self._on_locked(VisitLockedError(self.tr("this visit was signed meanwhile")))
        when = theirs.updated_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        dialog = ConflictDialog(self.form.raw(), theirs.draft_data, theirs.updated_by, when, self)
        self.autosave.stop()
        choice = dialog.exec()
        self.version = theirs.version
        if choice == ConflictDialog.TAKE_THEIRS:
            self.form.load(theirs.draft_data or {})
            self.saved_revision = self.form.revision
        if not self.read_only:
            self.autosave.start()
        return self.save_draft()

    def _on_locked(self, exc: Exception) -> bool:
        """The visit was signed or discarded elsewhere: keep the edits as a new draft."""
        self.autosave.stop()
        QMessageBox.warning(
            self,
            self.tr("Visit closed elsewhere"),
            self.tr("%s\n\nYour entries are kept: they are saved now as a new draft visit.") % exc,
        )
        self.visit_id, self.version = None, None
        self.autosave.start()
        return self.save_draft()

    # --- signing and export --------------------------------------------------------------
    def sign(self) -> None:
        self.controller.refresh()
        if self.controller.case is None:
            self.decision_page.show_problem(
                self.tr(
                    "The case has errors: fix the fields marked "
                    "in red (listed in the plan panel) first."
                )
            )
            return
        if not self.save_draft():
            return
        level, reason = self.decision_page.decision()
        assert self.visit_id is not None and self.version is not None
        try:
            record = self.clinic.sign_visit(
                self.visit_id,
                self.form.case_dict(),
                self.version,
                override_level=level,
                override_reason=reason,
                chosen_procedure=self.decision_page.chosen_procedure(),
            )
        except ServiceError as exc:
            self.decision_page.show_problem(str(exc))
            # Signing stored the clean case first; put the full draft (screen answers) back.
            self.version = self.clinic.get_visit(self.visit_id).version
            self.saved_revision = -1
            self.save_draft()
            return
        self.decision_page.show_problem("")
        self.decision_page.show_signed(record.plan, record.chosen_procedure)
        self.read_only = True
        self.autosave.stop()
        self.stack.setEnabled(False)
        self.version = record.version
        self.status.setText(self.tr("Signed: %s") % label(record.final_level))
        recovery.mark_closed(self.settings, self.clinic.location, self.visit_id)
        self.saved.emit(self.visit_id)
        self._update_title()

    def export_case(self) -> Path | None:
        """Save, then write the case file as the services hand it out (Ctrl+E): checked against
        the user's roles and audited like every export, never written from the form alone."""
        if not self.save_draft() or self.visit_id is None:
            return None
        try:
            data = self.clinic.export_case(self.visit_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Not exported"), str(exc))
            return None
        return export_case_file(self, data, self.controller)

    def export_fhir(self) -> Path | None:
        """Save, then write the visit as a FHIR R4 Bundle (Ctrl+Shift+E)."""
        if not self.save_draft() or self.visit_id is None:
            return None
        return export_fhir_file(self, self.clinic, self.visit_id)

    def _saved_visit_id(self) -> int | None:
        """Save first (a summary prints what is stored); the visit's id, or None if unsaved."""
        return self.visit_id if self.save_draft() else None

    def preview_patient_summary(self) -> PdfPreviewDialog | None:
        """Save, then preview the summary the patient takes home (print, save, open from there)."""
        return self.summaries.preview_patient()

    # --- closing -------------------------------------------------------------------------
    def ask_keep_draft(self) -> str:
        """ "keep", "discard" or "cancel": what to do with an unsigned visit on close."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Close this visit?"),
            self.tr("This visit is not signed. It is saved as a draft and can be finished later."),
            parent=self,
        )
        keep = box.addButton(self.tr("&Keep draft and close"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("&Discard visit"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        return "keep" if clicked is keep else "discard" if clicked is discard else "cancel"

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.read_only and (self.visit_id is not None or self.unsaved):
            self.save_draft()
            choice = self.ask_keep_draft()
            if choice == "cancel":
                event.ignore()
                return
            if choice == "discard" and self.visit_id is not None and self.version is not None:
                flagged = self.banner.level is not None
                if not discard_with_reason(self, self.clinic, self.visit_id, self.version,
                                           flagged=flagged):  # fmt: skip
                    event.ignore()
                    return
        self.autosave.stop()
        save_geometry(self, self.settings, "visit_window")
        if self.visit_id is not None:
            recovery.mark_closed(self.settings, self.clinic.location, self.visit_id)
            self.closed.emit(self.visit_id)
        event.accept()

    def _update_title(self) -> None:
        p = self.patient
        if self.read_only:
            state = self.tr("signed")
        else:
            state = self.tr("unsaved changes") if self.unsaved else self.tr("draft saved")
        visit_date = self.form.get("visit_date") or "?"
        name = p.name or self.tr("Patient")
        self.setWindowTitle(fill(self.tr("%1 · Visit %2 · %3"), name, visit_date, state))
        age = age_on(p.date_of_birth, date.today())
        self.header.setText(
            fill(
                self.tr("<b>%1</b> · record %2 · born %3 (%4) · visit %5"),
                p.name or "—", p.record_number or "—", p.date_of_birth.isoformat(), age, visit_date,
            )
        )  # fmt: skip


def first_field(page: QWidget) -> QWidget | None:
    """The first widget of ``page`` that takes the keyboard, in tab order."""
    w = page.nextInFocusChain()
    while w is not None and w is not page:
        if (page.isAncestorOf(w) and w.isVisibleTo(page) and w.isEnabled()
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus):  # fmt: skip
            return w
        w = w.nextInFocusChain()
    return None
