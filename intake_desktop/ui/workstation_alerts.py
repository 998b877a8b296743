"""Red-flag alerts from any workstation, shown in every signed-in clinician's main window.

:class:`AlertWatcher` learns of new and acknowledged alerts: on PostgreSQL from the server's
notifications, heard on a connection of its own in a worker thread (``services.alerts``), with a
slow poll as a safety net; on SQLite (one file, no notifications) by asking every
:data:`SQLITE_POLL_MS`. :class:`AlertPanel` shows each pending alert above the lists, white on
dark red like the visit window's banner, with the level's word, the red flags, the patient and who
recorded it where, and two buttons: open the visit, and acknowledge (a clinician takes charge;
audited, and the alert leaves every window).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.services.errors import ServiceError
from intake_desktop.ui.code_labels import fill, label

from .identity import patient_identity
from .listening_watcher import ListeningWatcher
from .urgency_mark import MARK, urgency_word

if TYPE_CHECKING:
    from intake_desktop.services.alerts import AlertRecord

    from .clinic import Clinic

#: At most this many alerts are listed; the rest are counted ("and 3 more").
SHOWN = 4


class AlertWatcher(ListeningWatcher):
    """Emits :attr:`changed` with the pending alerts whenever they change."""

    changed = Signal(list)  # list[AlertRecord]
    permission = "alert.list"
    thread_name = "red-flag alerts"

    def __init__(self, clinic: Clinic, parent: QObject | None = None) -> None:
        super().__init__(clinic, parent)
        self.alerts: list[AlertRecord] = []

    def listener(self) -> Callable[..., Any]:
        from intake_desktop.services.alerts import listen_for_alerts

        return listen_for_alerts

    def refresh(self) -> None:
        """Ask for the pending alerts; emit :attr:`changed` when they differ from the last."""
        try:
            alerts = self.clinic.pending_alerts()
        except ServiceError:
            return  # signed out or locked meanwhile: the next poll tries again
        seen = tuple(a.id for a in alerts)
        if seen != self._seen:
            self._seen, self.alerts = seen, list(alerts)
            self.changed.emit(self.alerts)


class AlertPanel(QFrame):
    """The pending alerts, one line each with "Open visit" and "Acknowledge"; hidden when none."""

    open_requested = Signal(int)  # visit id
    acknowledge_requested = Signal(int)  # alert id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workstationAlerts")
        # Fixed colours, as the red-flag banner: white on dark red reads in both schemes.
        self.setStyleSheet(
            "#workstationAlerts { background: #a4161a; border: 3px solid #ffd60a; }"
            "#workstationAlerts QLabel { color: #ffffff; background: transparent; }"
        )
        self.setAccessibleName(self.tr("Red-flag alerts from the workstations"))
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(10, 6, 10, 6)
        self.lay.setSpacing(4)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.lay.addWidget(self.heading)
        self.rows: list[QWidget] = []
        self.alerts: list[AlertRecord] = []
        self.setVisible(False)

    def show_alerts(self, alerts: Sequence[AlertRecord]) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        # Emergencies first, then the newest: what must be acted on first is on top.
        self.alerts = sorted(alerts, key=lambda a: (a.level != "emergency", -a.id))
        if not self.alerts:
            self.setVisible(False)
            return
        self.heading.setText(
            fill(
                self.tr("%1 Red flag recorded: %2 alert(s) waiting for a clinician"),
                MARK,
                len(self.alerts),
            )
        )
        for alert in self.alerts[:SHOWN]:
            self.rows.append(self._row(alert))
            self.lay.addWidget(self.rows[-1])
        if len(self.alerts) > SHOWN:
            more = QLabel(self.tr("and %d more") % (len(self.alerts) - SHOWN), self)
            self.rows.append(more)
            self.lay.addWidget(more)
        text = "; ".join(self.describe(a) for a in self.alerts)
        self.setAccessibleDescription(text)
        self.setVisible(True)

    def describe(self, alert: AlertRecord) -> str:
        """One alert in words: level, red flags, patient, who recorded it, where and when."""
        when = alert.raised_at.astimezone().strftime("%H:%M")
        flags = ", ".join(label(c) for c in alert.red_flags)
        return fill(
            self.tr("%1: %2 · %3 · recorded by %4 at %5, %6"),
            urgency_word(alert.level).upper(), flags, self.patient(alert),
            alert.raised_by, alert.workstation, when,
        )  # fmt: skip

    def patient(self, alert: AlertRecord) -> str:
        """Who the alert is about, by what is recorded (see :mod:`.identity`)."""
        return patient_identity(alert.patient_name, alert.record_number, alert.date_of_birth)

    def _row(self, alert: AlertRecord) -> QWidget:
        row = QWidget(self)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        text = QLabel(f"{MARK} {self.describe(alert)}", row)
        text.setWordWrap(True)
        bold = text.font()
        bold.setBold(True)
        text.setFont(bold)
        open_button = QPushButton(self.tr("Open visit"), row)
        ack_button = QPushButton(self.tr("Acknowledge"), row)
        ack_button.setToolTip(
            self.tr("You take charge of this patient; recorded in the audit trail")
        )
        open_button.setObjectName(f"openAlert{alert.id}")
        ack_button.setObjectName(f"acknowledgeAlert{alert.id}")
        lay.addWidget(text, 1)
        lay.addWidget(open_button)
        lay.addWidget(ack_button)
        open_button.clicked.connect(lambda _=False, v=alert.visit_id: self.open_requested.emit(v))
        ack_button.clicked.connect(lambda _=False, a=alert.id: self.acknowledge_requested.emit(a))
        return row

    def buttons(self, alert_id: int) -> tuple[QPushButton, QPushButton]:
        """(open, acknowledge) of one alert's line (tests drive them)."""
        open_button = self.findChild(QPushButton, f"openAlert{alert_id}")
        ack_button = self.findChild(QPushButton, f"acknowledgeAlert{alert_id}")
        assert open_button is not None and ack_button is not None
        return open_button, ack_button


def watch_alerts(
    window: QWidget, layout: QVBoxLayout, clinic: Clinic
) -> tuple[AlertPanel, AlertWatcher] | None:
    """Red-flag alerts from every workstation, on top of the main window's ``layout`` (above its
    lists), for a user whose roles list them (clinicians); None for anyone else."""
    if not clinic.may("alert.list"):
        return None
    panel = AlertPanel(window)
    layout.insertWidget(0, panel)
    return panel, install_alerts(window, clinic, panel)


def install_alerts(window: QWidget, clinic: Clinic, panel: AlertPanel) -> AlertWatcher:
    """Connect a main window's panel to a watcher for ``clinic`` and start it.

    The window must have ``open_visit(visit_id)``; a new alert also flashes the window in the
    task bar (QApplication.alert) so a clinician working elsewhere on the screen notices.
    """
    watcher = AlertWatcher(clinic, window)
    known: set[int] = set()

    def on_changed(alerts: list) -> None:
        panel.show_alerts(alerts)
        new = {a.id for a in alerts} - known
        known.update(new)
        if new:
            QApplication.alert(window)

    def on_acknowledge(alert_id: int) -> None:
        try:
            done = clinic.acknowledge_alert(alert_id)
        except ServiceError as exc:
            panel.heading.setText(str(exc))
            return
        if done.acknowledged_by != clinic.actor.username and hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                QCoreApplication.translate("AlertPanel", "Already acknowledged by %s")
                % done.acknowledged_by,
                5000,
            )
        watcher.refresh()

    watcher.changed.connect(on_changed)
    panel.acknowledge_requested.connect(on_acknowledge)
    panel.open_requested.connect(window.open_visit)
    watcher.start()
    return watcher
