"""Today's board, the main window's first view: who is expected, waiting, answering, ready,
with the clinician, signed, printed, and for how long; red-flag visits on top, in words and red.

The front desk checks patients in here (a booking, or the patient selected in the search as a
walk-in), hands the tablet to a checked-in patient, marks a visit ready, books the next visit.
The board follows every workstation's changes (:mod:`.board_watcher`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.services.errors import ServiceError
from intake_desktop.ui.code_labels import label

from .board_watcher import BoardWatcher
from .identity import patient_identity
from .qt_values import USER_ROLE
from .urgency_mark import urgency_colour, urgency_item

if TYPE_CHECKING:
    from intake_desktop.services.board import BoardRow
    from intake_desktop.services.records import PatientRecord

    from .clinic import Clinic
    from .patient_entry.window import PatientEntryWindow

STATES = {
    "expected": QT_TRANSLATE_NOOP("BoardView", "Expected"),
    "checked_in": QT_TRANSLATE_NOOP("BoardView", "Checked in"),
    "answering": QT_TRANSLATE_NOOP("BoardView", "Answering on the tablet"),
    "ready": QT_TRANSLATE_NOOP("BoardView", "Ready for the clinician"),
    "with_clinician": QT_TRANSLATE_NOOP("BoardView", "With the clinician"),
    "signed": QT_TRANSLATE_NOOP("BoardView", "Signed"),
    "printed": QT_TRANSLATE_NOOP("BoardView", "Printed"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("BoardView", "Alert"),
    QT_TRANSLATE_NOOP("BoardView", "Booked"),
    QT_TRANSLATE_NOOP("BoardView", "Patient"),
    QT_TRANSLATE_NOOP("BoardView", "State"),
    QT_TRANSLATE_NOOP("BoardView", "In this state"),
    QT_TRANSLATE_NOOP("BoardView", "Red flags"),
)
#: How often the minutes in each state are redrawn (the rows themselves follow the watcher).
CLOCK_MS = 30_000
#: The next visit a booking suggests, in days.
NEXT_VISIT_DAYS = 42


def state_text(state: str) -> str:
    return QCoreApplication.translate("BoardView", STATES.get(state, state))


def minutes_text(since: datetime, now: datetime) -> str:
    """ "12 min" or "1 h 05 min": how long a visit has been in its state."""
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 60:
        return QCoreApplication.translate("BoardView", "%d min") % minutes
    return QCoreApplication.translate("BoardView", "%d h %02d min") % divmod(minutes, 60)


class BoardView(QWidget):
    """The day's visits with their state; buttons act on the selected line."""

    open_visit_requested = Signal(int)  # visit id

    def __init__(
        self,
        clinic: Clinic,
        current_patient: Callable[[], PatientRecord | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.current_patient = current_patient
        self.rows: list[BoardRow] = []
        self.tablets: list[PatientEntryWindow] = []
        self.tabs: QTabWidget | None = None  # the main window's, when the board is a tab
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        self.heading = QLabel(self)
        self.heading.setObjectName("boardHeading")
        self.heading.setAccessibleName(self.tr("Today's board"))
        lay.addWidget(self.heading)
        buttons = QHBoxLayout()
        self.check_in_button = QPushButton(self.tr("Check i&n"), self)
        self.tablet_button = QPushButton(self.tr("Patient &answers on the tablet"), self)
        self.ready_button = QPushButton(self.tr("&Mark ready"), self)
        self.open_button = QPushButton(self.tr("&Open visit"), self)
        self.book_button = QPushButton(self.tr("Boo&k next visit…"), self)
        self.table_tip = self.tr("Ctrl+B comes back to the board; Enter opens the visit")
        self.check_in_button.setToolTip(
            self.tr("Check in the selected booking, or the patient selected in the search")
        )
        for button, slot in ((self.check_in_button, self.check_in),
                             (self.tablet_button, self.open_tablet),
                             (self.ready_button, self.mark_ready),
                             (self.open_button, self.open_selected),
                             (self.book_button, self.book_next)):  # fmt: skip
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.setAccessibleName(self.tr("Today's visits and their state"))
        self.table.setToolTip(self.table_tip)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable_buttons)
        self.table.cellActivated.connect(lambda *_: self.open_selected())
        lay.addWidget(self.table, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Board messages"))
        lay.addWidget(self.status)
        self.watcher = BoardWatcher(clinic, self)
        self.watcher.changed.connect(self.show_rows)
        self.clock = QTimer(self)
        self.clock.timeout.connect(lambda: self.show_rows(self.rows))
        self._enable_buttons()

    def start(self) -> None:
        self.watcher.start()
        self.clock.start(CLOCK_MS)

    def stop(self) -> None:
        self.watcher.stop()
        self.clock.stop()

    def refresh(self) -> None:
        self.watcher.refresh(force=True)

    # --- showing -------------------------------------------------------------------------
    def show_rows(self, rows: list[BoardRow]) -> None:
        selected = self.selected()
        self.rows = list(rows)
        now = datetime.now(UTC)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            self._fill(i, row, now)
        self.table.resizeRowsToContents()
        waiting = sum(1 for r in self.rows if r.state in ("checked_in", "answering", "ready"))
        flagged = sum(1 for r in self.rows if r.flagged)
        day = (self.watcher.day or date.today()).strftime("%Y-%m-%d")
        text = self.tr("%1 · %2 visit(s), %3 waiting, %4 with a red flag")
        self.heading.setText(
            text.replace("%1", day).replace("%2", str(len(self.rows)))
            .replace("%3", str(waiting)).replace("%4", str(flagged))
        )  # fmt: skip
        if selected is not None:
            for i, row in enumerate(self.rows):
                if row.entry_id == selected.entry_id:
                    self.table.selectRow(i)
        self._enable_buttons()

    def _fill(self, i: int, row: BoardRow, now: datetime) -> None:
        palette = self.table.palette()
        who = patient_identity(row.patient_name, row.record_number, row.date_of_birth)
        # Two short lines fit a narrow column: the name, then the record number (or birth
        # date); the whole identity is in the tooltip.
        name = who.partition(" · ")[0]
        short = f"{name}\n{row.record_number or row.date_of_birth.isoformat()}"
        flags = ", ".join(label(c) for c in row.red_flags)
        booked = row.booked_time.strftime("%H:%M") if row.booked_time else self.tr("walk-in")
        cells = [
            urgency_item(row.urgency, palette),
            QTableWidgetItem(booked),
            QTableWidgetItem(short),
            QTableWidgetItem(state_text(row.state)),
            QTableWidgetItem(self._waited(row, now)),
            QTableWidgetItem(flags),
        ]
        steps = "\n".join(
            f"{state_text(s)}: {at.astimezone().strftime('%H:%M')}" for s, at in row.timeline
        )
        for column, item in enumerate(cells):
            if row.flagged and column:
                item.setForeground(urgency_colour(palette))
                bold = QFont(item.font())
                bold.setBold(True)
                item.setFont(bold)
            if column == 4 and steps:
                item.setToolTip(steps)
            if column == 2:
                item.setToolTip(who)
            item.setData(USER_ROLE, row.entry_id)
            self.table.setItem(i, column, item)

    def _waited(self, row: BoardRow, now: datetime) -> str:
        """Time in the state; a booking counts from its booked time (late, or nothing yet)."""
        if row.state != "expected":
            return minutes_text(row.state_since, now)
        if row.booked_time is None:
            return ""
        booked = datetime.combine(row.day, row.booked_time).astimezone(UTC)
        return self.tr("late %s") % minutes_text(booked, now) if booked < now else ""

    def selected(self) -> BoardRow | None:
        index = self.table.currentRow()
        items = self.table.selectedItems()
        if not items or index < 0 or index >= len(self.rows):
            return None
        return self.rows[index]

    def focus_board(self) -> None:
        """To the board by keyboard (Ctrl+B): the first patient ready for review selected."""
        if self.tabs is not None:
            self.tabs.setCurrentWidget(self)
        self.table.setFocus()
        if self.selected() is None and self.rows:
            ready = [i for i, r in enumerate(self.rows) if r.state == "ready"]
            self.table.selectRow(ready[0] if ready else 0)

    def select_entry(self, entry_id: int) -> None:
        for i, row in enumerate(self.rows):
            if row.entry_id == entry_id:
                self.table.selectRow(i)
                return

    def _enable_buttons(self) -> None:
        row = self.selected()
        desk = self.clinic.may("board.check_in")
        self.check_in_button.setEnabled(desk and (row is None or row.state == "expected"))
        draft = row is not None and row.visit_id is not None and row.visit_status == "draft"
        self.tablet_button.setEnabled(desk and draft and row.state == "checked_in")  # type: ignore[union-attr]
        self.ready_button.setEnabled(desk and draft and row.state in ("checked_in", "answering"))  # type: ignore[union-attr]
        self.open_button.setEnabled(row is not None and row.visit_id is not None)
        self.book_button.setEnabled(desk and row is not None)

    # --- acting --------------------------------------------------------------------------
    def _do(self, action: Callable[[], object]) -> object | None:
        try:
            done = action()
        except ServiceError as exc:
            self.status.setText(str(exc))
            return None
        self.status.setText("")
        self.refresh()
        return done

    def check_in(self) -> BoardRow | None:
        """The selected booking arrives, or (no booking selected) the searched-for patient."""
        row = self.selected()
        if row is not None and row.state == "expected":
            done = self._do(lambda: self.clinic.check_in(entry_id=row.entry_id))
        else:
            patient = self.current_patient()
            if patient is None:
                self.status.setText(
                    self.tr("Select a booking on the board, or find the patient first (Ctrl+F).")
                )
                return None
            done = self._do(lambda: self.clinic.check_in(patient_id=patient.id))
        if done is not None:
            self.select_entry(done.entry_id)  # type: ignore[attr-defined]
        return done  # type: ignore[return-value]

    def mark_ready(self) -> None:
        row = self.selected()
        if row is not None and row.visit_id is not None:
            visit_id = row.visit_id
            self._do(lambda: self.clinic.move_visit(visit_id, "ready"))

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None and row.visit_id is not None:
            self.open_visit_requested.emit(row.visit_id)

    def open_tablet(self) -> PatientEntryWindow | None:
        """Hand the tablet to the selected, checked-in patient: full screen, locked to them."""
        from .patient_entry.window import PatientEntryWindow

        row = self.selected()
        if row is None or row.visit_id is None:
            return None
        try:
            self.clinic.start_answering(row.visit_id)
        except ServiceError as exc:
            self.status.setText(str(exc))
            return None
        self.refresh()
        window = PatientEntryWindow(self.clinic, row)
        window.finished.connect(self.refresh)
        window.left.connect(lambda w=window: self.tablets.remove(w) if w in self.tablets else None)
        self.tablets.append(window)
        window.show_locked()
        return window

    def book_next(self) -> BoardRow | None:
        row = self.selected()
        if row is None:
            return None
        dialog = BookDialog(row.day + timedelta(days=NEXT_VISIT_DAYS), self)
        if not dialog.exec():
            return None
        day = dialog.day()
        from_visit = row.visit_id if row.visit_status == "draft" else None
        done = self._do(lambda: self.clinic.book_visit(row.patient_id, day,
                                                       from_visit_id=from_visit))  # fmt: skip
        if done is not None:
            self.status.setText(self.tr("Booked for %s.") % day.isoformat())
        return done  # type: ignore[return-value]


class BookDialog(QDialog):
    """The day of the next visit (the follow-up date the summary prints)."""

    def __init__(self, suggested: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Book the next visit"))
        form = QFormLayout(self)
        self.date = QDateEdit(QDate(suggested.year, suggested.month, suggested.day), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName(self.tr("Day of the next visit"))
        form.addRow(self.tr("&Day of the next visit:"), self.date)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Book"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def day(self) -> date:
        return self.date.date().toPython()  # type: ignore[return-value]


def install_board(window: QWidget, clinic: Clinic) -> BoardView | None:
    """The board as the first tab of the main window, shown first (desk and clinicians)."""
    if not clinic.may("board.view"):
        return None
    view = BoardView(clinic, lambda: getattr(window, "patient", None))
    tabs = window.tabs  # type: ignore[attr-defined]
    tabs.insertTab(0, view, QCoreApplication.translate("BoardView", "Today's &board"))
    tabs.setCurrentIndex(0)
    view.tabs = tabs
    view.open_visit_requested.connect(window.open_visit)  # type: ignore[attr-defined]
    view.shortcut = QShortcut(QKeySequence("Ctrl+B"), window, activated=view.focus_board)
    view.start()
    return view


def visit_opened(clinic: Clinic, visit_id: int, status: str) -> None:
    """A clinician opened a draft: the board shows the patient with the clinician."""
    if status != "draft" or not clinic.may("visit.sign"):
        return
    # The board is a convenience; opening the visit must not fail for it.
    with contextlib.suppress(ServiceError):
        clinic.move_visit(visit_id, "with_clinician")
