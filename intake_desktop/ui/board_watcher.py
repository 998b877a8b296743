"""Keeping a day's board in step with every workstation, as the red-flag alerts are.

On PostgreSQL a worker thread listens for the board's notifications on a connection of its own
(``services.board.listen_for_board``) with a slow poll as a safety net; on SQLite the board asks
again every :data:`SQLITE_POLL_MS`. :attr:`BoardWatcher.changed` carries the rows whenever they
differ from the last ones seen.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from intake_desktop.services.errors import ServiceError

from .workstation_alerts import SERVER_POLL_MS, SQLITE_POLL_MS

if TYPE_CHECKING:
    from intake_desktop.services.board import BoardRow

    from .clinic import Clinic


class BoardWatcher(QObject):
    """Emits :attr:`changed` with the day's rows whenever they change anywhere."""

    changed = Signal(list)  # list[BoardRow]
    _notified = Signal()

    def __init__(self, clinic: Clinic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.day: date | None = None  # None: today, whatever the date is now
        self.rows: list[BoardRow] = []
        self._seen: tuple = ()
        self._stop = threading.Event()
        self.listening = threading.Event()
        self._thread: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self._notified.connect(self.refresh, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        """Fetch now, then keep up (listen on PostgreSQL, poll on SQLite)."""
        if not self.clinic.may("board.view"):
            return
        server = self.clinic.db.dialect == "postgresql"
        if server and self._thread is None:
            from intake_desktop.services.board import listen_for_board

            self._thread = threading.Thread(
                target=listen_for_board,
                args=(self.clinic.db, lambda _payload: self._notified.emit(), self._stop),
                kwargs={"ready": self.listening},
                name="day board",
                daemon=True,
            )
            self._thread.start()
        self.timer.start(SERVER_POLL_MS if server else SQLITE_POLL_MS)
        self.refresh()

    def stop(self) -> None:
        self.timer.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def refresh(self, force: bool = False) -> None:
        """Ask for the day's rows; emit :attr:`changed` when they differ (or ``force``)."""
        try:
            rows = self.clinic.day_board(self.day)
        except ServiceError:
            return  # signed out or locked meanwhile: the next poll tries again
        seen = tuple((r.entry_id, r.state, r.state_since, r.urgency, r.red_flags) for r in rows)
        if force or seen != self._seen:
            self._seen, self.rows = seen, list(rows)
            self.changed.emit(self.rows)
