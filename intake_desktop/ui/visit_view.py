"""What the visit window's helper modules may use of it: :class:`VisitView`.

The window's modes, saving and signing live in :mod:`.visit_saving` and :mod:`.visit_signing`,
which the window imports. They are typed against this base class rather than against
:class:`~intake_desktop.ui.visit_window.VisitWindow`, so that no module imports one that imports
it back (an import circle, even one for type checking only, ties the modules into one).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QStackedWidget, QWidget

from intake_desktop.services.records import PatientRecord, VisitRecord

from .binding import Binder
from .clinic import Clinic
from .clinician_pages.decision import DecisionPage
from .draft_session import DraftSession
from .form_model import FormModel
from .plan_controller import PlanController
from .signature_banner import SignatureBanner
from .step_page import StepPage


class VisitView(QMainWindow):
    """The visit window's parts and the few of its methods its helpers call."""

    saved = Signal(int)  # visit id
    closed = Signal(int)

    clinic: Clinic
    patient: PatientRecord
    settings: QSettings
    session: DraftSession
    form: FormModel
    binder: Binder
    controller: PlanController
    pages: list[StepPage]
    autosave: QTimer
    sign_dialog: Any
    header: QLabel
    signature_banner: SignatureBanner
    mode_note: QLabel
    stack: QStackedWidget
    save_button: QPushButton
    amend_button: QPushButton
    history_button: QPushButton
    status: QLabel

    # --- what the session holds ----------------------------------------------------------
    @property
    def visit_id(self) -> int | None:
        return self.session.visit_id

    @property
    def version(self) -> int | None:
        return self.session.version

    @property
    def read_only(self) -> bool:
        return not self.session.editable

    @property
    def unsaved(self) -> bool:
        return self.session.unsaved(self.form.revision)

    @property
    def decision_page(self) -> DecisionPage:
        return next(p for p in self.pages if isinstance(p, DecisionPage))

    # --- what the window does (VisitWindow) --------------------------------------------
    def show_mode(self) -> None:
        raise NotImplementedError

    def save_draft(self) -> bool:
        raise NotImplementedError

    def limit_to_roles(self) -> None:
        raise NotImplementedError

    def go_to_field(self, path: str) -> QWidget | None:
        raise NotImplementedError

    def after_signing(self, record: VisitRecord) -> None:
        raise NotImplementedError
