"""A list of visits (today's, a patient's history, open drafts) as a small table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from intake_desktop.ui.code_labels import label

from .qt_values import USER_ROLE
from .urgency_mark import urgency_item

if TYPE_CHECKING:
    from intake_desktop.services.records import VisitSummary

STATUS = {
    "draft": QT_TRANSLATE_NOOP("VisitList", "Draft"),
    "signed": QT_TRANSLATE_NOOP("VisitList", "Signed"),
    "amended": QT_TRANSLATE_NOOP("VisitList", "Amended"),
    "discarded": QT_TRANSLATE_NOOP("VisitList", "Discarded"),
    # A signed visit with an amendment opened and not signed yet (open work, like a draft).
    "amending": QT_TRANSLATE_NOOP("VisitList", "Signed, amendment open"),
}
#: Column headers (translated when shown). "Alert" holds the red mark and the word.
HEADERS = (
    QT_TRANSLATE_NOOP("VisitList", "Alert"),
    QT_TRANSLATE_NOOP("VisitList", "Date"),
    QT_TRANSLATE_NOOP("VisitList", "Patient"),
    QT_TRANSLATE_NOOP("VisitList", "Record"),
    QT_TRANSLATE_NOOP("VisitList", "Status"),
    QT_TRANSLATE_NOOP("VisitList", "Level"),
    QT_TRANSLATE_NOOP("VisitList", "Last saved by"),
)


class VisitList(QTableWidget):
    """Visits, one a row; an emergency or urgent one starts with the red mark and the word."""

    visit_activated = Signal(int)

    def __init__(self, name: str, *, show_patient: bool = True, parent: QWidget | None = None):
        headers = list(HEADERS)
        self.show_patient = show_patient
        if not show_patient:
            headers = [h for h in headers if h not in ("Patient", "Record")]
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels([self.tr(h) for h in headers])
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.itemActivated.connect(self._on_item_activated)
        self.visits: list[VisitSummary] = []

    def set_visits(self, visits: Sequence[VisitSummary]) -> None:
        self.visits = list(visits)
        self.setRowCount(len(self.visits))
        palette = self.palette()
        for row, v in enumerate(self.visits):
            mark = urgency_item(v.urgency, palette)
            mark.setData(USER_ROLE, v.id)
            self.setItem(row, 0, mark)
            cells = [v.visit_date.isoformat()]
            if self.show_patient:
                cells += [v.patient_name or "—", v.record_number or "—"]
            status = "amending" if v.amending else v.status
            cells += [self.tr(STATUS.get(status, status)),
                      label(v.level) if v.level else "—", v.updated_by]  # fmt: skip
            for col, text in enumerate(cells, start=1):
                item = QTableWidgetItem(text)
                item.setData(USER_ROLE, v.id)
                self.setItem(row, col, item)

    def current_visit(self) -> VisitSummary | None:
        row = self.currentRow()
        return self.visits[row] if 0 <= row < len(self.visits) else None

    def _on_item_activated(self, item: QTableWidgetItem) -> None:
        self.visit_activated.emit(item.data(USER_ROLE))
