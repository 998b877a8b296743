"""Keeping a day's board in step with every workstation, as the red-flag alerts are.

On PostgreSQL a worker thread listens for the board's notifications on a connection of its own
(``services.board.listen_for_board``) with a slow poll as a safety net; on SQLite the board asks
again every :data:`SQLITE_POLL_MS`. :attr:`BoardWatcher.changed` carries the rows whenever they
differ from the last ones seen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from intake_desktop.services.errors import ServiceError

from .listening_watcher import ListeningWatcher

if TYPE_CHECKING:
    from intake_desktop.services.board import BoardRow

    from .clinic import Clinic


class BoardWatcher(ListeningWatcher):
    """Emits :attr:`changed` with the day's rows whenever they change anywhere."""

    changed = Signal(list)  # list[BoardRow]
    permission = "board.view"
    thread_name = "day board"

    def __init__(self, clinic: Clinic, parent: QObject | None = None) -> None:
        super().__init__(clinic, parent)
        self.day: date | None = None  # None: today, whatever the date is now
        self.rows: list[BoardRow] = []

    def listener(self) -> Callable[..., Any]:
        from intake_desktop.services.board import listen_for_board

        return listen_for_board

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
