"""The visit window's printed summaries: preview, print and save each kind, for who may.

Kept apart from the visit window, which only lends it a way to get the saved visit's id and a
place to say what happened. The patient summary is for everyone who records visits (a draft
prints with its DRAFT mark, so the front desk can hand the patient a sheet before the clinician
signs); the clinician summary is greyed out, with the reason, for users without the clinician
role. The services check and audit either way: greying out only spares the user a refusal.

Every button's slot here takes no argument, so a ``clicked(bool)`` never lands in a parameter
(the "Patient summary…" button once passed ``False`` as the kind of summary).
"""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolButton,
    QWidget,
)

from intake_desktop.services.errors import ServiceError, SignatureMismatchError

from .clinic import Clinic, SummaryPdf
from .code_labels import fill
from .pdf_preview import PdfPreviewDialog, preview_summary
from .printing import Destination, PrintRequest, PrintTask, default_destination

PATIENT, CLINICIAN = "patient", "clinician"
# The services' operation for each kind (what the roles are checked against).
OPERATIONS = {PATIENT: "summary.print_patient", CLINICIAN: "summary.print_clinician"}


class SummaryActions(QObject):
    """Buttons and shortcuts for the summaries of the visit shown in ``window``.

    ``saved_visit`` saves the visit first and returns its id (None when it cannot be saved);
    ``status`` is where outcomes are written. ``destination`` overrides where "Print" goes.
    """

    def __init__(
        self,
        window: QWidget,
        clinic: Clinic,
        saved_visit: Callable[[], int | None],
        status: QLabel,
        destination: Destination | None = None,
    ) -> None:
        super().__init__(window)
        # No strong reference back to the window (its parent): a cycle would keep a closed
        # window's Python side alive after Qt deleted it.
        self._saved_visit = (
            weakref.WeakMethod(saved_visit)
            if inspect.ismethod(saved_visit)
            else lambda: saved_visit
        )
        self.clinic = clinic
        self.status, self.destination = status, destination
        self.task: PrintTask | None = None
        self.patient_button = QPushButton(self.tr("Patient s&ummary…"), window)
        self.patient_button.setToolTip(
            self.tr("Preview, print or save the patient's summary (Ctrl+P)")
        )
        self.patient_button.clicked.connect(self.preview_patient)
        self.print_button = QPushButton(self.tr("Print"), window)
        self.print_button.setToolTip(
            self.tr("Print the patient's summary on the default printer (Ctrl+Shift+P)")
        )
        self.print_button.clicked.connect(self.print_patient)
        self.clinician_button = QToolButton(window)
        self.clinician_button.setText(self.tr("Clinician summar&y"))
        self.clinician_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.clinician_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.clinician_button)
        self.clinician_preview = QAction(self.tr("&Preview…"), menu)
        self.clinician_print = QAction(self.tr("P&rint on the default printer"), menu)
        self.clinician_save = QAction(self.tr("&Save as PDF…"), menu)
        self.clinician_preview.triggered.connect(self.preview_clinician)
        self.clinician_print.triggered.connect(self.print_clinician)
        self.clinician_save.triggered.connect(self.save_clinician)
        menu.addActions([self.clinician_preview, self.clinician_print, self.clinician_save])
        self.clinician_button.setMenu(menu)
        self.clinician_button.setDefaultAction(self.clinician_preview)
        self.clinician_button.setText(
            self.tr("Clinician summar&y")
        )  # setDefaultAction took the text
        self.clinician_button.setToolTip(
            self.tr("Preview, print or save the clinician's summary (Ctrl+Shift+L)")
        )
        self.progress = QProgressBar(window)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(100)
        self.progress.setAccessibleName(self.tr("Printing"))
        self.progress.hide()
        for keys, slot in (
            (QKeySequence.StandardKey.Print, self.preview_patient),
            ("Ctrl+Shift+P", self.print_patient),
            ("Ctrl+Shift+L", self.preview_clinician),
        ):
            QShortcut(QKeySequence(keys), window, activated=slot)
        self._limit_to_roles()

    @property
    def window(self) -> QWidget:
        return self.parent()  # type: ignore[return-value]

    def saved_visit(self) -> int | None:
        method = self._saved_visit()
        return method() if method is not None else None

    @property
    def buttons(self) -> tuple[QWidget, ...]:
        return (self.patient_button, self.print_button, self.clinician_button)

    def _limit_to_roles(self) -> None:
        if not self.clinic.may(OPERATIONS[CLINICIAN]):
            self.clinician_button.setEnabled(False)
            for action in (self.clinician_preview, self.clinician_print, self.clinician_save):
                action.setEnabled(False)
            self.clinician_button.setToolTip(self.tr("Needs the clinician role."))
        if not self.clinic.may(OPERATIONS[PATIENT]):
            for button in (self.patient_button, self.print_button):
                button.setEnabled(False)
                button.setToolTip(self.tr("Needs the front desk or clinician role."))

    # --- the slots the buttons and keys reach (no arguments) ------------------------------
    def preview_patient(self) -> PdfPreviewDialog | None:
        return self.preview(PATIENT)

    def preview_clinician(self) -> PdfPreviewDialog | None:
        return self.preview(CLINICIAN)

    def print_patient(self) -> PrintTask | None:
        return self.print_now(PATIENT)

    def print_clinician(self) -> PrintTask | None:
        return self.print_now(CLINICIAN)

    def save_clinician(self) -> Path | None:
        return self.save_as(CLINICIAN)

    # --- the work --------------------------------------------------------------------------
    def _title(self, kind: str) -> str:
        return self.tr("Patient summary") if kind == PATIENT else self.tr("Clinician summary")

    def render(self, kind: str) -> SummaryPdf | None:
        """Save the visit, then the ``kind`` summary from the services (checked, audited)."""
        if kind not in OPERATIONS:
            raise ValueError(f"kind: must be one of {', '.join(OPERATIONS)}, not {kind!r}")
        visit_id = self.saved_visit()
        if visit_id is None:
            return None
        try:
            rendered = self.clinic.summary_pdf(visit_id, kind)
        except SignatureMismatchError as exc:  # changed outside the program: never printed
            QMessageBox.critical(self.window, self.tr("Signature does not match"), str(exc))
            self.status.setText(self.tr("Not printed: the signature does not match."))
            return None
        except ServiceError as exc:
            QMessageBox.warning(self.window, self.tr("No summary yet"), str(exc))
            return None
        session = getattr(self.window, "session", None)  # the visit window's DraftSession
        if getattr(session, "mode", None) == "amending":
            self.status.setText(
                self.tr("The amendment is not signed yet: the summary is the signed version.")
            )
        return rendered

    def preview(self, kind: str) -> PdfPreviewDialog | None:
        rendered = self.render(kind)
        if rendered is None:
            return None
        # A patient summary goes home whole (its warning signs and next steps with every copy),
        # and any summary reporting red flags prints whole: a page left out could hold them.
        whole = kind == PATIENT or rendered.red_flags
        dialog = preview_summary(
            self.window, rendered.data, rendered.name, self._title(kind), whole=whole
        )
        dialog.destination = self.destination
        if rendered.warnings:
            dialog.setToolTip("\n".join(rendered.warnings))
        return dialog

    def print_now(self, kind: str) -> PrintTask | None:
        """One click: the summary to the default printer, in the background, with progress."""
        if self.task is not None and self.task.running:
            self.status.setText(self.tr("Still printing the last summary…"))
            return None
        rendered = self.render(kind)
        if rendered is None:
            return None
        destination = self.destination or default_destination()
        self.task = PrintTask(destination, PrintRequest(rendered.data, rendered.name), self)
        self.task.progress.connect(self.progress.setValue)
        self.task.finished.connect(lambda ok, detail, k=kind: self._on_printed(k, ok, detail))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(fill(self.tr("Printing: %1…"), self._title(kind)))
        return self.task.start()

    def _on_printed(self, kind: str, ok: bool, detail: str) -> None:
        self.progress.hide()
        if ok:
            where = fill(self.tr(" (%1)"), detail) if detail else ""
            sent = self.tr("%1: sent to the printer%2.")
            self.status.setText(fill(sent, self._title(kind), where))
            return
        self.status.setText(fill(self.tr("%1 not printed."), self._title(kind)))
        QMessageBox.warning(self.window, self.tr("Not printed"),
                            fill(self.tr("Not printed: %1"), detail))  # fmt: skip

    def save_as(self, kind: str) -> Path | None:
        rendered = self.render(kind)
        if rendered is None:
            return None
        data = rendered.data
        target, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save summary as"), str(Path.home() / rendered.name),
            self.tr("PDF documents (*.pdf)"),
        )  # fmt: skip
        if not target:
            return None
        from intake_desktop.reporting import write_atomic

        try:
            write_atomic(Path(target), data, overwrite=True)  # the dialog asked before replacing
        except OSError as exc:
            QMessageBox.warning(self.window, self.tr("Not saved"), str(exc))
            return None
        self.status.setText(fill(self.tr("Saved %1."), target))
        return Path(target)
