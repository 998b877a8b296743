"""Find a patient as you type: a small model fed by the search service, never the whole list.

Each query asks the service for one page (``PAGE`` rows, an index range scan); scrolling to the
end fetches the next page, up to the service's maximum. Typing is debounced, so a fast typist
causes one query, not one per key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.domain.findings import age_on
from intake_desktop.services.records import PatientSummary

PAGE = 100
MAX_ROWS = 500
#: A search answers in about a millisecond, so keystrokes are only coalesced (a zero timer runs
#: once per pass of the event loop, after a burst of typing or a paste) and never delayed.
DEBOUNCE_MS = 0
#: How long the selection must rest before the patient beside the list is loaded.
SETTLE_MS = 200
Index = QModelIndex | QPersistentModelIndex


class PatientSearchModel(QAbstractTableModel):
    """Rows of :class:`PatientSummary` for the current query, fetched a page at a time."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("PatientSearchModel", "Name"),
        QT_TRANSLATE_NOOP("PatientSearchModel", "Record number"),
        QT_TRANSLATE_NOOP("PatientSearchModel", "Date of birth"),
        QT_TRANSLATE_NOOP("PatientSearchModel", "Sex"),
    )

    def __init__(
        self, search: Callable[[str, int], list[PatientSummary]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._rows: list[PatientSummary] = []
        self._query = ""
        self._limit = PAGE
        self._exhausted = True  # the last query returned fewer rows than asked: nothing more
        self.queries = 0  # how many times the service was asked (tests watch it)

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        self.beginResetModel()
        self._query = text.strip()
        self._limit = PAGE
        self._rows = self._run(self._limit)
        self._exhausted = len(self._rows) < self._limit
        self.endResetModel()

    def _run(self, limit: int) -> list[PatientSummary]:
        if not self._query:
            return []
        self.queries += 1
        return self._search(self._query, limit)

    def patient(self, row: int) -> PatientSummary:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and self._limit < MAX_ROWS

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._limit = min(self._limit + PAGE, MAX_ROWS)
        rows = self._run(self._limit)
        known = {r.id for r in self._rows}
        extra = [r for r in rows if r.id not in known]
        if extra:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(extra) - 1)
            self._rows.extend(extra)
            self.endInsertRows()
        self._exhausted = len(rows) < self._limit

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            col = index.column()
            if col == 0:
                return p.name or "—"
            if col == 1:
                return p.record_number or "—"
            if col == 2:
                from datetime import date

                return f"{p.date_of_birth.isoformat()} ({age_on(p.date_of_birth, date.today())})"
            return p.sex or "—"
        if role == Qt.ItemDataRole.UserRole:
            return p.id
        return None


class PatientSearchWidget(QWidget):
    """The search box, the results, and a guide while nothing has been typed."""

    patient_activated = Signal(int)
    patient_selected = Signal(int)

    def __init__(
        self, search: Callable[[str, int], list[PatientSummary]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("&Find patient:"), self)
        self.box = QLineEdit(self)
        self.box.setObjectName("patientSearchBox")
        self.box.setPlaceholderText(self.tr("Name, record number or date of birth"))
        self.box.setAccessibleName(self.tr("Find patient"))
        self.box.setClearButtonEnabled(True)
        caption.setBuddy(self.box)
        lay.addWidget(caption)
        lay.addWidget(self.box)
        self.model = PatientSearchModel(search, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Patients found"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        # Widths come from the font once: resizing to contents would measure every row on every
        # keystroke (it was most of the time from a keystroke to the list).
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.view.fontMetrics()
        for column, sample in ((1, "WWWW-00000000"), (2, "0000-00-00 (000)"), (3, "unknown")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._on_row_activated)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.guide = QLabel(self)
        self.guide.setObjectName("searchGuide")
        self.guide.setWordWrap(True)
        self.guide.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty = QLabel(
            self.tr("No patient matches. Press Ctrl+N to register a new one."), self
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget(self)
        for w in (self.guide, self.view, self.empty):
            self.stack.addWidget(w)
        lay.addWidget(self.stack, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_query)
        # The patient shown beside the list follows the selection once it settles, so typing
        # (which reselects the first row on every keystroke) does not open a record each time.
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self._emit_selected)
        self.box.textChanged.connect(self._on_text_changed)
        self.box.installEventFilter(self)
        self.set_guide(first_run=False)

    def set_guide(self, *, first_run: bool) -> None:
        intro = (self.tr("<h3>Welcome</h3><p>This database has no patients yet.</p>") if first_run
                 else self.tr("<h3>Find a patient</h3>"))  # fmt: skip
        self.guide.setText(
            intro
            + self.tr(
                "<p>Type any part of a name, a record number, or a date of birth "
                "(2026-01-31 or 31.01.2026); the list follows as you type. "
                "Press Enter or Down to reach the list.</p>"
                "<ul><li><b>Ctrl+N</b> registers a new patient</li>"
                "<li><b>Ctrl+I</b> starts an intake for the selected patient</li>"
                "<li><b>Ctrl+O</b> imports a case file</li>"
                "<li><b>Ctrl+F</b> comes back to this box</li></ul>"
                "<p>To explore with made-up patients, run <code>intake-desktop demo</code>.</p>"
            )
        )

    def _on_text_changed(self, _text: str) -> None:
        self.timer.start()

    def run_query(self) -> None:
        self.timer.stop()
        self.model.set_query(self.box.text())
        if not self.model.query:
            self._show(self.guide)
        elif self.model.rowCount() == 0:
            self._show(self.empty)
        else:
            self._show(self.view)
            self.view.selectRow(0)

    def _show(self, widget: QWidget) -> None:
        if self.stack.currentWidget() is not widget:
            self.stack.setCurrentWidget(widget)

    def current_patient_id(self) -> int | None:
        index = self.view.currentIndex()
        if self.stack.currentWidget() is not self.view or not index.isValid():
            return None
        return self.model.patient(index.row()).id

    def eventFilter(self, obj: object, event: Any) -> bool:
        if (
            obj is self.box
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if self.timer.isActive():
                self.run_query()
            if self.model.rowCount():
                self.view.setFocus()
                if event.key() != Qt.Key.Key_Down:
                    self._on_row_activated(self.view.currentIndex())
                return True
        return super().eventFilter(obj, event)

    def _on_row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.patient_activated.emit(self.model.patient(index.row()).id)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.settle.start()

    def _emit_selected(self) -> None:
        patient_id = self.current_patient_id()
        if patient_id is not None:
            self.patient_selected.emit(patient_id)
