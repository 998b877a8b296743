"""The follow-up alerts of a patient's latest visit, worse ones first, in words and colour."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from intake_desktop.domain.followup import Alert

from .theme import DARK, LIGHT, is_dark

TITLES = {
    "walking_distance_shrinking": "Painless walking distance down 15 % or more",
    "injection_cap_reached": "Injection cap reached",
    "more_medication_less_activity": "More medication, less activity",
    "odi_change": "ODI changed meaningfully",
    "ndi_change": "NDI changed meaningfully",
    "nrs_change": "Pain rating changed meaningfully",
}


class AlertsView(QWidget):
    """A short list: each alert's title and its numbers; 'no alerts' when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.tr("Alerts"), self)
        self.heading.setObjectName("pageHeading")
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Follow-up alerts"))
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(130)
        lay.addWidget(self.heading)
        lay.addWidget(self.list)
        self.alerts: list[Alert] = []

    def show_alerts(self, alerts: Sequence[Alert], since: str | None = None) -> None:
        self.alerts = sorted(alerts, key=lambda a: a.direction != "worse")
        self.heading.setText(
            self.tr("Alerts since the visit of %s") % since if since else self.tr("Alerts")
        )
        self.list.clear()
        colours = DARK if is_dark(self.palette()) else LIGHT
        for a in self.alerts:
            mark = "▼" if a.direction == "worse" else "▲"
            title = self.tr(TITLES.get(a.code, a.code.replace("_", " ")))
            item = QListWidgetItem(f"{mark} {title} ({self.tr(a.direction)}): {a.message}")
            item.setData(Qt.ItemDataRole.UserRole, a.code)
            item.setToolTip(a.message)
            if a.direction == "worse":
                item.setForeground(QColor(colours["error"]))
            self.list.addItem(item)
        if not self.alerts:
            self.list.addItem(self.tr("No alerts: nothing slipped or changed meaningfully."))

    def codes(self) -> list[str]:
        return [a.code for a in self.alerts]
