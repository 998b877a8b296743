"""What the red-flag alerts and the day's board share: keeping one list in step with every
workstation.

On PostgreSQL a worker thread listens for the server's notifications on a connection of its own,
with a slow poll as a safety net (a lost connection misses notifications); on SQLite (one file, no
notifications) the list is asked for again every :data:`SQLITE_POLL_MS`. Subclasses say which
permission the list needs, which listener to run and how to refresh.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

if TYPE_CHECKING:
    from .clinic import Clinic

#: How often a window on SQLite asks again (the issues ask for "within seconds").
SQLITE_POLL_MS = 1500
#: On PostgreSQL notifications do the work; this poll only catches what a lost connection missed.
SERVER_POLL_MS = 30_000


class ListeningWatcher(QObject):
    """Calls :meth:`refresh` when the server notifies, or on a poll; see the module's text."""

    _notified = Signal()  # from the listening thread, queued to this object's thread
    #: The operation the user needs to see the list (nothing is watched without it).
    permission = ""
    #: The worker thread's name (shown by debuggers and py-spy).
    thread_name = "listener"

    def __init__(self, clinic: Clinic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self._seen: tuple = ()
        self._stop = threading.Event()
        self.listening = threading.Event()  # set once the LISTEN is in place (PostgreSQL)
        self._thread: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self._notified.connect(self.refresh, Qt.ConnectionType.QueuedConnection)

    def listener(self) -> Callable[..., Any]:
        """The services' function that listens for this list's notifications."""
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def start(self) -> None:
        """Fetch now, then keep up (listen on PostgreSQL, poll on SQLite)."""
        if not self.clinic.may(self.permission):
            return
        server = self.clinic.db.dialect == "postgresql"
        if server and self._thread is None:
            self._thread = threading.Thread(
                target=self.listener(),
                args=(self.clinic.db, lambda _payload: self._notified.emit(), self._stop),
                kwargs={"ready": self.listening},
                name=self.thread_name,
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
