"""Locking an idle session: every window hidden until the same user types their password again.

An application-wide event filter restarts a timer on every key press, mouse press or wheel; when
it runs out, the session is locked (and audited): every visible top-level window is hidden, so no
patient detail stays on screen, and the unlock prompt is shown. The windows are hidden, never
closed, so a half-filled intake keeps every typed answer and is shown again as it was.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from intake_desktop.services.errors import ServiceError

from .sign_in import SWITCH_USER, UnlockDialog

if TYPE_CHECKING:
    from .clinic import Clinic

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    """Locks ``clinic``'s session after ``idle_ms`` without input; ``locked``/``unlocked``."""

    locked = Signal()
    unlocked = Signal()
    #: "Sign in as someone else" on the locked screen (see session_switch.Workstation).
    switch_requested = Signal()

    def __init__(self, app: QApplication, clinic: Clinic, idle_ms: int) -> None:
        super().__init__(app)
        self.app, self.clinic = app, clinic
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self.lock)
        self.is_locked = False
        self.hidden: list[QWidget] = []
        self.dialog: UnlockDialog | None = None
        app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.is_locked and event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False

    def lock(self) -> None:
        """Hide every window and ask for the password (also for a "lock now" command)."""
        if self.is_locked or not self.clinic.signed_in:
            return
        self.is_locked = True
        self.timer.stop()
        self.hidden = [w for w in self.app.topLevelWidgets() if w.isVisible()]
        for window in self.hidden:
            window.hide()
        # The screen is locked anyway; the entry is best effort when the server is gone.
        with contextlib.suppress(ServiceError):
            self.clinic.lock()
        self.locked.emit()
        self.dialog = UnlockDialog(self.clinic)
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.open()

    def _on_dialog_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if result == SWITCH_USER:
            self.switch_requested.emit()
            return
        if result != QDialog.DialogCode.Accepted:
            # Cancel does not unlock: ask again.
            self.dialog = UnlockDialog(self.clinic)
            self.dialog.finished.connect(self._on_dialog_finished)
            self.dialog.open()
            return
        self.is_locked = False
        for window in self.hidden:
            window.show()
        self.hidden = []
        self.timer.start()
        self.unlocked.emit()

    def ask_again(self, message: str = "") -> None:
        """Stay locked and show the unlock prompt again (with ``message`` in its error line)."""
        self.dialog = UnlockDialog(self.clinic)
        self.dialog.error.setText(message)
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.open()

    def release(self) -> None:
        """End the lock without showing the hidden windows: someone else signs in, and the
        first user's windows were closed (see session_switch)."""
        self.is_locked = False
        self.hidden = []

    def stop(self) -> None:
        self.timer.stop()
        self.app.removeEventFilter(self)
