"""One visit: the red-flag banner on top, the steps, and the live plan beside them.

The window owns the visit's :class:`FormModel`; pages write into it, the :class:`PlanController`
validates and evaluates it through the domain. The window *shows* a :class:`DraftSession`, which
runs the visit's life through the services (saves every few seconds, on every step change and on
close, so nothing typed is lost; conflicts, locks, signing, amending): what the session answers
becomes a dialog here, and the signing and amending dialogs are opened by :mod:`.visit_signing`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.domain.codes import CASE_FORMAT, RED_FLAGS
from intake_desktop.domain.plan import plan_from_dict
from intake_desktop.services.errors import ServiceError
from intake_desktop.services.records import PatientRecord, VisitRecord
from intake_desktop.ui.code_labels import label

from . import recovery, visit_saving, visit_signing
from .binding import Binder
from .clinic import Clinic
from .clinician_pages.decision import DecisionPage
from .clinician_pages.exam import ExamPage
from .clinician_pages.framework import FrameworkPage
from .clinician_pages.imaging import ImagingPage
from .clinician_pages.locked import lock_for_non_clinician
from .discard_dialog import discard_with_reason
from .draft_session import DraftSession
from .field_locator import locate
from .followup import CarriedMarks, follow_up_data
from .form_model import FormModel
from .intake_pages.activity import ActivityPage
from .intake_pages.questionnaires import QuestionnairesPage
from .intake_pages.red_flags import RedFlagPage
from .intake_pages.symptoms import SymptomsPage
from .intake_pages.treatment import TreatmentPage
from .patient_marks import PatientMarks
from .pdf_preview import PdfPreviewDialog
from .plan_controller import PlanController
from .plan_panel import PlanPanel
from .red_flag_banner import RedFlagBanner
from .signature_banner import SignatureBanner
from .step_page import StepPage
from .summary_actions import SummaryActions
from .theme import style
from .visit_io import export_case_file, export_fhir_file
from .visit_view import VisitView
from .window_state import restore_geometry, save_geometry

AUTOSAVE_MS = 3000
#: How the domain names a flag recorded by the red-flag screen (RedFlagFinding.sources).
SCREEN_SOURCE = QT_TRANSLATE_NOOP("RedFlagBanner", "red-flag screen")
INTAKE_STEPS = (SymptomsPage, ActivityPage, RedFlagPage, TreatmentPage, QuestionnairesPage)
CLINICIAN_STEPS = (ExamPage, ImagingPage, FrameworkPage, DecisionPage)
FIRST_CLINICIAN_STEP = len(INTAKE_STEPS)
#: The window's own state: the step the user was on (stored beside the draft).
STEP_KEY = "step"


def new_visit_data(patient: PatientRecord, today: date) -> dict[str, Any]:
    """The form of a new visit: the patient block as registered, the visit date today."""
    block: dict[str, Any] = {"date_of_birth": patient.date_of_birth.isoformat()}
    for key, value in (("id", patient.record_number), ("name", patient.name),
                       ("sex", patient.sex), ("language", patient.language)):  # fmt: skip
        if value:
            block[key] = value
    return {"format": CASE_FORMAT, "patient": block, "visit_date": today.isoformat()}


class VisitWindow(VisitView):
    """The visit window; its signals (``saved``, ``closed``) and parts are named in VisitView."""

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
        self.session = DraftSession(clinic, patient.id, visit)
        self.form = FormModel(self)
        self.binder = Binder(self.form)
        self.controller = PlanController(self.form, self)
        self.banner = RedFlagBanner(self)
        self.signature_banner = SignatureBanner(self)
        self.plan_panel = PlanPanel(self)
        self.pages: list[StepPage] = []
        self._build(start_step)
        if visit is not None:
            self.form.load(visit.data or {}, visit.ui_state)
            self.session.loaded(self.form.revision)
            if visit.is_signed and not visit.amending:
                self.decision_page.show_signed(visit.plan, visit.chosen_procedure)
                if visit.plan:
                    self.controller.signed_plan = plan_from_dict(visit.plan)
        else:  # a follow-up starts from the last signed visit (issue 7)
            fresh = new_visit_data(patient, date.today())
            data, state = follow_up_data(clinic, patient, fresh) or (fresh, {})
            self.form.load(data, state)
        self.carried_marks = CarriedMarks(self.form, self.binder, self.pages, self)
        self.patient_marks = PatientMarks(self.form, self.binder, self.pages, self)
        self.controller.plan_ready.connect(self._on_plan_ready)
        self.controller.invalid.connect(self._on_invalid)
        self.form.changed.connect(self._on_form_changed)
        self.controller.refresh()
        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_draft)
        self.sign_dialog: Any = None
        #: Set on a sign-out: close keeping the draft (just saved) without asking.
        self.keep_on_close = False
        self.show_mode()
        restore_geometry(self, self.settings, "visit_window", (1200, 760))

    # --- building ------------------------------------------------------------------------
    def _build(self, start_step: int) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(self.banner)
        outer.addWidget(self.signature_banner)
        self.header = QLabel(self)
        self.header.setObjectName("visitHeader")
        self.header.setAccessibleName(self.tr("Patient"))
        outer.addWidget(self.header)
        self.mode_note = QLabel(self)
        self.mode_note.setObjectName("visitMode")
        self.mode_note.setWordWrap(True)
        outer.addWidget(self.mode_note)
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
        if not self.clinic.may("visit.edit_clinical"):  # the front desk sees them read-only
            for page in self.pages[FIRST_CLINICIAN_STEP:]:
                lock_for_non_clinician(page)

    def limit_to_roles(self) -> None:
        """Grey out what the user's roles do not allow, saying why, rather than let them try
        and be refused (the services refuse and audit it either way)."""
        for widget, operation in (
            (self.export_button, "case.export"),
            (self.decision_page.sign_button, "visit.sign"),
            (self.amend_button, "visit.amend"),
        ):
            if not self.clinic.may(operation):
                widget.setEnabled(False)
                widget.setToolTip(self.tr("Needs the clinician role."))

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
        self.amend_button = QPushButton(self.tr("&Amend…"), self)
        self.amend_button.setToolTip(self.tr("Change the signed visit, with a reason"))
        self.history_button = QPushButton(self.tr("&Versions…"), self)
        self.history_button.setToolTip(self.tr("Each signed version and what it changed"))
        self.status = QLabel(self)
        self.status.setObjectName("saveStatus")
        self.status.setAccessibleName(self.tr("Save status"))
        # Long messages wrap rather than widen the window past a 1366-pixel screen.
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(120)
        self.summaries = SummaryActions(self, self.clinic, self._saved_visit_id, self.status)
        self.summary_button = self.summaries.patient_button
        buttons = (self.prev_button, self.next_button, self.save_button, self.export_button,
                   *self.summaries.buttons, self.amend_button, self.history_button)  # fmt: skip
        for w in buttons:
            w.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            row.addWidget(w)
        row.addWidget(self.summaries.progress)
        row.addWidget(self.status, 1)
        self.prev_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        self.save_button.clicked.connect(self.save_now)
        self.export_button.clicked.connect(self.export_case)
        self.amend_button.clicked.connect(self.amend)
        self.history_button.clicked.connect(self.show_history)
        return row

    def page_by_title(self, title: str) -> Any:
        return next(p for p in self.pages if p.title == title)

    def page(self, cls: type) -> Any:
        return next(p for p in self.pages if isinstance(p, cls))

    def show_mode(self) -> None:
        """Show what the session allows: editing (a draft, an amendment) or reading (signed)."""
        visit_signing.show_mode(self)

    # --- steps ---------------------------------------------------------------------------
    def current_step(self) -> int:
        return self.stack.currentIndex()

    def go_to_step(self, index: int) -> None:
        self.steps.setCurrentRow(max(0, min(index, len(self.pages) - 1)))

    def next_step(self) -> None:
        self.go_to_step(self.current_step() + 1)

    def previous_step(self) -> None:
        self.go_to_step(self.current_step() - 1)

    def go_to_field(self, path: str) -> QWidget | None:
        """Show the step holding the field at ``path`` and put the keyboard on it."""
        found = locate(self.pages, self.binder, path)
        if found is None:
            return None
        index, widget = found
        self.go_to_step(index)
        scroll = self.stack.widget(index)
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(widget)
        self.activateWindow()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    def _on_step_changed(self, index: int) -> None:
        if index < 0:
            return
        self.stack.setCurrentIndex(index)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.pages) - 1)
        if not self.read_only:
            self.form.set_ui(STEP_KEY, index)
        first = first_field(self.pages[index])
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)
        if hasattr(self, "autosave"):
            self.save_draft()

    # --- the plan and the banner ---------------------------------------------------------
    def _on_plan_ready(self, plan: Any) -> None:
        self.binder.show_errors([])
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
        visit_saving.update_title(self)

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
    def save_now(self) -> None:
        self.save_draft()

    def save_draft(self) -> bool:
        """Store the form as the draft when it changed; True when nothing is left unsaved."""
        outcome = self.session.save(self.form.case_dict(), self.form.ui_state(), self.form.revision)
        return visit_saving.after_save(self, outcome)

    # --- signing, amending, export -------------------------------------------------------
    def sign(self) -> Any:
        """Check, then confirm with the password (see :mod:`.visit_signing`)."""
        return visit_signing.open_sign_dialog(self)

    def amend(self) -> Any:
        """Ask the amendment's reason, then open the signed visit for editing."""
        return visit_signing.open_amend_dialog(self)

    def show_history(self) -> Any:
        """Each signed version and what it changed."""
        return visit_signing.open_history(self)

    def after_signing(self, record: VisitRecord) -> None:
        """The session signed: show the visit read-only and tell the lists."""
        if record.plan:
            self.controller.signed_plan = plan_from_dict(record.plan)
            self.controller.refresh()
        self.status.setText(self.tr("Signed: %s") % label(record.final_level))
        assert self.visit_id is not None
        recovery.mark_closed(self.settings, self.clinic.location, self.visit_id)
        self.show_mode()
        self.saved.emit(self.visit_id)

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
    def _discard(self) -> bool:
        """Discard the draft (a reason when it has a red flag), or cancel an open amendment."""
        if self.session.mode == "amending":
            try:
                self.session.discard()
            except ServiceError as exc:
                QMessageBox.warning(self, self.tr("Not discarded"), str(exc))
                return False
            return True
        if self.visit_id is None or self.version is None:
            return True
        flagged = self.banner.level is not None
        return discard_with_reason(self, self.clinic, self.visit_id, self.version,
                                   flagged=flagged)  # fmt: skip

    def ask_keep_draft(self) -> str:
        """ "keep", "discard" or "cancel": what to do with an unsigned visit on close."""
        return visit_saving.ask_keep_draft(self)

    def ask_close_unsaved(self) -> bool:
        """True to close although the last changes could not be saved (they are lost)."""
        return visit_saving.ask_close_unsaved(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.read_only and (self.visit_id is not None or self.unsaved):
            if not self.save_draft() and not self.ask_close_unsaved():
                event.ignore()  # stay, to correct what stops the save
                return
            choice = "keep" if self.keep_on_close else self.ask_keep_draft()
            if choice == "cancel":
                event.ignore()
                return
            if choice == "discard" and not self._discard():
                event.ignore()
                return
        self.autosave.stop()
        save_geometry(self, self.settings, "visit_window")
        if self.visit_id is not None:
            recovery.mark_closed(self.settings, self.clinic.location, self.visit_id)
            self.closed.emit(self.visit_id)
        event.accept()


def first_field(page: QWidget) -> QWidget | None:
    """The first widget of ``page`` that takes the keyboard, in tab order."""
    w = page.nextInFocusChain()
    while w is not None and w is not page:
        if (page.isAncestorOf(w) and w.isVisibleTo(page) and w.isEnabled()
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus):  # fmt: skip
            return w
        w = w.nextInFocusChain()
    return None
