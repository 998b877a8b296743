"""The patient view's Trends tab: the charts, the latest alerts and a row per signed visit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.domain.findings import INJECTION_CAP
from intake_desktop.domain.followup import VisitSnapshot, alerts, injections_in_year, trends
from intake_desktop.services.errors import ServiceError
from intake_desktop.ui.code_labels import label, number_text

from .alerts_view import AlertsView
from .followup import SIGNED, history_of
from .theme import style
from .trend_chart import TrendChart

if TYPE_CHECKING:
    from .clinic import Clinic

COLUMNS = (
    QT_TRANSLATE_NOOP("PatientTrendsPanel", "Date"),
    QT_TRANSLATE_NOOP("PatientTrendsPanel", "Walking (m)"),
    QT_TRANSLATE_NOOP("PatientTrendsPanel", "Standing (min)"),
    QT_TRANSLATE_NOOP("PatientTrendsPanel", "ODI / NDI %"),
    QT_TRANSLATE_NOOP("PatientTrendsPanel", "Medication"),
    QT_TRANSLATE_NOOP("PatientTrendsPanel", "Opioid"),
    QT_TRANSLATE_NOOP("PatientTrendsPanel", "Injections, 12 months"),
    QT_TRANSLATE_NOOP("PatientTrendsPanel", "Recommended"),
    QT_TRANSLATE_NOOP("PatientTrendsPanel", "Accepted"),
)


class PatientTrendsPanel(QScrollArea):
    """Reads the patient's signed visits through the clinic and shows their trends."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style(self)
        self.clinic = clinic
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Trends of the selected patient"))
        body = QWidget(self)
        lay = QVBoxLayout(body)
        self.alerts = AlertsView(body)
        self.chart = TrendChart(body)
        self.table = QTableWidget(0, len(COLUMNS), body)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(self.tr("Outcomes visit by visit"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(160)
        for w in (self.alerts, self.chart, self.table):
            lay.addWidget(w)
        self.setWidget(body)
        self.patient_id: int | None = None
        self.visits: list[VisitSnapshot] = []
        self._seen: tuple = ()

    def show_patient(self, patient_id: int | None) -> None:
        """Redraw for ``patient_id`` when its signed visits changed since the last call."""
        try:
            summaries = self.clinic.patient_visits(patient_id) if patient_id is not None else []
            key = (patient_id, *((s.id, s.version) for s in summaries if s.status in SIGNED))
            if key == self._seen:
                return
            visits = history_of(self.clinic, patient_id) if patient_id is not None else []
        except ServiceError:
            visits, key = [], ()
        self.patient_id, self._seen, self.visits = patient_id, key, visits
        self.chart.show_visits(visits)
        previous = visits[-2] if len(visits) >= 2 else None
        since = previous.case.visit_date.isoformat() if previous else None
        self.alerts.show_alerts(alerts(previous, visits[-1]) if visits else [], since)
        self._fill_table(visits)

    def _fill_table(self, visits: list[VisitSnapshot]) -> None:
        """One row per visit, newest first, each from its own visit's values.

        Not from the trend series looked up by date: two visits on the same day would both
        show the later one's numbers (a walking distance of 300 m in the row that recorded 800).
        """

        def cell(values: dict[str, Any], name: str) -> str:
            value = values.get(name)
            if value is None:
                return "–"
            if isinstance(value, bool):
                return self.tr("yes") if value else self.tr("no")
            return label(value) if isinstance(value, str) else number_text(value)

        self.table.setRowCount(len(visits))
        for row, v in enumerate(reversed(visits)):  # newest first, as in the history list
            day = v.case.visit_date
            values = {name: points[0][1] for name, points in trends([v]).items()}
            odi_ndi = " / ".join(cell(values, n) for n in ("odi_percent", "ndi_percent"))
            cells = [day.isoformat(), cell(values, "walking_distance_m"),
                     cell(values, "standing_tolerance_min"), odi_ndi,
                     cell(values, "medication_trend"), cell(values, "opioid_use"),
                     f"{injections_in_year(v.case)} / {INJECTION_CAP}",
                     label(v.level_recommended) if v.level_recommended else "–",
                     label(v.level_accepted) if v.level_accepted else "–"]  # fmt: skip
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
