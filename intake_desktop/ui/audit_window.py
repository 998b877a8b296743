"""The administrator's view of the audit trail: filter, export as CSV, check the hash chain.

Reading, exporting and checking are operations of the services (each one audited itself); the
window turns the chain check's findings into sentences naming the entry that broke the chain.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.services.errors import ServiceError
from intake_desktop.services.permissions import PERMISSIONS

from .theme import style

if TYPE_CHECKING:
    from intake_desktop.services.audit import AuditRecord

    from .clinic import Clinic

#: Entries shown at most (the export holds every entry the filter finds).
SHOWN = 5000
#: Actions that are not permission checks (sign-ins, locks, own changes).
OTHER_ACTIONS = (
    "session.sign_in",
    "session.sign_in_failed",
    "session.sign_out",
    "session.lock",
    "user.create_first_admin",
    "user.change_password",
    "user.set_language",
)


class AuditWindow(QDialog):
    """Filters on top, the entries, then Export CSV and Check the chain with its result."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style(self)
        self.clinic = clinic
        self.entries: list[AuditRecord] = []
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(1100, 620)
        lay = QVBoxLayout(self)
        grid = QGridLayout()
        lay.addLayout(grid)
        self.patient = QLineEdit(self)
        self.patient.setObjectName("auditPatient")
        self.patient.setPlaceholderText(self.tr("patient number"))
        self.user = QLineEdit(self)
        self.user.setObjectName("auditUser")
        self.user.setPlaceholderText(self.tr("user name"))
        self.action = QComboBox(self)
        self.action.setObjectName("auditAction")
        self.action.addItem(self.tr("any operation"), None)
        for name in sorted({*PERMISSIONS, *OTHER_ACTIONS}):
            self.action.addItem(name, name)
        self.use_dates = QCheckBox(self.tr("&Between"), self)
        self.use_dates.setObjectName("auditUseDates")
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30), self)
        self.until = QDateEdit(today, self)
        for edit, name in ((self.since, "auditSince"), (self.until, "auditUntil")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        grid.addWidget(_buddy(self.tr("&Patient:"), self, self.patient), 0, 0)
        grid.addWidget(self.patient, 0, 1)
        grid.addWidget(_buddy(self.tr("&User:"), self, self.user), 0, 2)
        grid.addWidget(self.user, 0, 3)
        grid.addWidget(_buddy(self.tr("&Operation:"), self, self.action), 0, 4)
        grid.addWidget(self.action, 0, 5)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.since)
        dates.addWidget(QLabel(self.tr("and"), self))
        dates.addWidget(self.until)
        dates.addStretch(1)
        grid.addLayout(dates, 1, 0, 1, 5)
        self.filter_button = QPushButton(self.tr("&Show"), self)
        self.filter_button.setObjectName("auditShow")
        self.filter_button.setDefault(True)
        grid.addWidget(self.filter_button, 1, 5)
        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("When (UTC)"),
                self.tr("User"),
                self.tr("Workstation"),
                self.tr("Operation"),
                self.tr("Outcome"),
                self.tr("Patient"),
                self.tr("Detail"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        self.count = QLabel("", self)
        lay.addWidget(self.count)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.export_button.setObjectName("auditExport")
        self.verify_button = QPushButton(self.tr("&Check the chain"), self)
        self.verify_button.setObjectName("auditVerify")
        close = QPushButton(self.tr("Close"), self)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.verify_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.result_label = QLabel("", self)
        self.result_label.setObjectName("auditResult")
        self.result_label.setWordWrap(True)
        lay.addWidget(self.result_label)
        self.filter_button.clicked.connect(lambda _checked=False: self.refresh())
        self.export_button.clicked.connect(lambda _checked=False: self.export())
        self.verify_button.clicked.connect(lambda _checked=False: self.verify())
        close.clicked.connect(self.accept)
        for box in (self.patient, self.user):
            box.returnPressed.connect(self.refresh)
        self.refresh()

    def filters(self) -> dict[str, Any] | None:
        """The filters as the services take them; None (and a message) when one is not valid."""
        out: dict[str, Any] = {}
        text = self.patient.text().strip()
        if text:
            if not text.isdigit():
                self.result_label.setText(
                    self.tr("Patient: type the patient's number (digits only).")
                )
                self.patient.setFocus()
                return None
            out["patient_id"] = int(text)
        if self.user.text().strip():
            out["username"] = self.user.text().strip()
        if self.action.currentData():
            out["action"] = self.action.currentData()
        if self.use_dates.isChecked():
            start, end = _day(self.since), _day(self.until)
            if end < start:
                self.result_label.setText(self.tr("Dates: the second date is before the first."))
                self.until.setFocus()
                return None
            out["since"] = datetime.combine(start, time(), tzinfo=UTC)
            out["until"] = datetime.combine(end + timedelta(days=1), time(), tzinfo=UTC)
        return out

    def refresh(self) -> None:
        found = self.filters()
        if found is None:
            return
        try:
            self.entries = self.clinic.audit_entries(**found)
        except ServiceError as exc:
            self.result_label.setText(str(exc))
            return
        shown = self.entries[-SHOWN:]
        self.table.setRowCount(len(shown))
        for row, e in enumerate(shown):
            cells = (
                str(e.seq),
                e.at.strftime("%Y-%m-%d %H:%M:%S"),
                e.username,
                e.workstation,
                e.action,
                e.outcome,
                "" if e.patient_id is None else str(e.patient_id),
                e.detail or "",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.count.setText(
            self.tr("%d entries found") % len(self.entries)
            + (self.tr(" (the newest %d shown)") % SHOWN if len(self.entries) > SHOWN else "")
        )

    def export(self) -> Path | None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), "audit.csv", self.tr("CSV files (*.csv)")
        )
        return self.export_to(Path(target), overwrite=True) if target else None  # it asked

    def export_to(self, path: Path, *, overwrite: bool = False) -> Path | None:
        """Write the filtered trail to ``path`` (readable by its owner only; never over a link,
        a device, nor over another file unless ``overwrite``: the save dialog asked first)."""
        from intake_desktop.private_files import write_private

        found = self.filters()
        if found is None:
            return None
        try:
            text = self.clinic.export_audit_csv(**found)
            written = write_private(path, text.encode("utf-8"), force=overwrite)
        except (ServiceError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Not exported"), str(exc))
            return None
        self.result_label.setText(self.tr("Exported to %s") % written)
        return written

    def verify(self) -> list[Any]:
        """Run the chain check; the result in words, with the first broken entry selected."""
        try:
            problems = self.clinic.verify_audit()
        except ServiceError as exc:
            self.result_label.setText(str(exc))
            return []
        if not problems:
            self.result_label.setText(
                self.tr("The audit trail is intact: no entry was changed, removed or reordered.")
            )
            return []
        first = next((p.seq for p in problems if getattr(p, "seq", None) is not None), None)
        lines = [getattr(p, "message", str(p)) for p in problems[:10]]
        more = len(problems) - len(lines)
        head = (
            self.tr("The audit trail was tampered with: the chain breaks at entry %d.") % first
            if first is not None
            else self.tr("The audit trail was tampered with.")
        )
        text = head + "\n• " + "\n• ".join(lines)
        if more > 0:
            text += "\n" + self.tr("and %d more") % more
        self.result_label.setText(text)
        if first is not None:
            self._select_entry(first)
        return problems

    def _select_entry(self, seq: int) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == str(seq):
                self.table.selectRow(row)
                self.table.scrollToItem(item)
                return


def _buddy(text: str, parent: QWidget, buddy: QWidget) -> QLabel:
    """A label whose mnemonic (``&``) moves the focus to ``buddy``."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def _day(edit: QDateEdit) -> date:
    """The day an edit shows, as a Python date."""
    day = edit.date()
    return date(day.year(), day.month(), day.day())
