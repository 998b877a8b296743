"""The daily checkpoint of the audit trail from an administrator's open app session.

Checkpoints are made at every administrator sign-in and backup (``services.checkpoints``); a
workstation where an administrator stays signed in for days would make none, so this timer asks
every hour, and the services seal when the newest checkpoint is a day old. Only an
administrator's session holds the unlocked key, so for anyone else the call does nothing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from .clinic import Clinic

log = logging.getLogger(__name__)
HOUR_MS = 3_600_000


class SealTimer(QObject):
    """Calls ``clinic.seal_if_due()`` every ``interval_ms`` while the app runs."""

    def __init__(self, parent: QObject, clinic: Clinic, interval_ms: int = HOUR_MS) -> None:
        super().__init__(parent)
        self._clinic = clinic
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        try:
            self._clinic.seal_if_due()
        except Exception:  # a missed checkpoint must never disturb the user's work
            log.warning("the daily checkpoint of the audit trail failed", exc_info=True)
