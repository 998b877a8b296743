"""The start of the desktop app: the window and the sign-in dialog at once, the records behind them.

The user can type their name and password while the database layer loads and the records open on
a worker thread (:class:`~.clinic_opener.ClinicOpener`): the two waits overlap instead of adding
up. The window shows no record until someone has signed in (:meth:`MainWindow.attach`). Should OK
be pressed before the records are open, the password check waits for them. A database without
users swaps the dialog for the first-run one that creates the administrator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from intake_desktop import start_collector
from intake_desktop.services.errors import ServiceError, UnavailableError

from .main_window import MainWindow

if TYPE_CHECKING:
    from .clinic import Clinic
    from .clinic_opener import ClinicOpener
    from .session_switch import Workstation


class _OpeningClinic:
    """What the early sign-in dialog talks to: the clinic once the opener has opened it.

    Everything the dialog asks (sign in, must the password change, ...) waits for the records to
    finish opening, which is usually long done while the user typed, then goes to the clinic.
    """

    def __init__(self, opener: ClinicOpener) -> None:
        self.opener = opener

    def _clinic(self) -> Clinic:
        self.opener.wait()
        if self.opener.clinic is None:
            raise UnavailableError("the records could not be opened")
        return self.opener.clinic

    def __getattr__(self, name: str) -> Any:
        return getattr(self._clinic(), name)


class Startup(QObject):
    """Show the window and (without credentials from the environment) the sign-in dialog now;
    attach the window to the clinic once it is open and someone has signed in.

    :attr:`exit_code` says how a failed start ended (1 database not opened, 3 sign-in from the
    environment refused); the application is asked to exit with it.
    """

    def __init__(
        self, app: QApplication, db_url: str | None, credentials: tuple[str, str] | None
    ) -> None:
        super().__init__()
        from .clinic_opener import ClinicOpener

        self.app = app
        self.window = MainWindow()
        self.window.show()
        self.opener = ClinicOpener(db_url, credentials)
        self.opener.opened.connect(self._on_opened)
        self.exit_code = 0
        #: The signed-in session (language, records, menus, idle lock), once someone signed in.
        self.workstation: Workstation | None = None
        self.bench_armed = False
        self.dialog: QDialog | None = None
        self.recovery_dialog: QDialog | None = None
        if credentials is None:
            from .sign_in import SignInDialog

            opening = _OpeningClinic(self.opener)
            self._ask(SignInDialog(opening, parent=self.window, recovery=True))  # type: ignore[arg-type]

    def start(self) -> None:
        """Begin opening the records (after the window's first paint, see :func:`.app.run`)."""
        self.opener.start()

    def _ask(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self._answered)
        dialog.rejected.connect(self._cancelled)
        dialog.open()

    def _drop_dialog(self) -> None:
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.accepted.disconnect(self._answered)
            dialog.rejected.disconnect(self._cancelled)
            dialog.close()
            dialog.deleteLater()

    def _answered(self) -> None:
        """A first administrator of an encrypted database sees the recovery key once, before
        the window opens on the records."""
        key = getattr(self.dialog, "recovery_key", None)
        if not key:
            self._attach_if_ready()
            return
        from .recovery_key_dialog import RecoveryKeyDialog

        self.recovery_dialog = RecoveryKeyDialog(key, self.window)
        self.recovery_dialog.accepted.connect(self._attach_if_ready)
        self.recovery_dialog.open()

    def _cancelled(self) -> None:
        self.app.exit(0)

    def _on_opened(self) -> None:
        opener = self.opener
        if opener.error is not None or opener.clinic is None:
            self._drop_dialog()
            error = opener.error
            reason = (
                str(error)
                if isinstance(error, ServiceError)
                else f"Unexpected error ({type(error).__name__}). Start the program from "
                "a terminal with INTAKE_DESKTOP_DEBUG=1 set to see the details."
            )
            QMessageBox.critical(
                self.window, "Spine intake", f"The database cannot be opened.\n\n{reason}"
            )
            self._fail(1)
            return
        if opener.refusal is not None:
            import sys

            print(f"intake-desktop: {opener.refusal}", file=sys.stderr)
            self._fail(3)
            return
        clinic = opener.clinic
        if clinic.signed_in:
            # Signed in from the environment. Signed in at the dialog (OK pressed before the
            # records were open), the dialog attaches once it is done: it may still be asking
            # for a password of the user's own, in a loop that delivers this signal meanwhile.
            if self.dialog is None:
                self._attach_if_ready()
            return
        start_collector.resume()  # the imports are done; the user is typing
        self.window.await_sign_in()
        offer = getattr(self.dialog, "offer_recovery_key", None)
        if offer is not None:  # the sign-in dialog's recovery key: encrypted files only
            offer(clinic.encrypted)
        if not opener.has_users and self.dialog is not None:
            from .sign_in import FirstAdminDialog

            self._drop_dialog()
            self._ask(FirstAdminDialog(clinic, parent=self.window))

    def _fail(self, code: int) -> None:
        self.exit_code = code
        self.app.exit(code)

    def _attach_if_ready(self) -> None:
        clinic: Clinic | None = self.opener.clinic
        if clinic is None or not clinic.signed_in or self.workstation is not None:
            return
        from .seal_timer import SealTimer
        from .session_switch import Workstation

        self.workstation = Workstation(self.app, clinic, self.window)
        self.workstation.quit_requested.connect(self.app.quit)
        try:
            self.workstation.begin()  # the user's language, records, menus and the idle lock
            SealTimer(self.app, clinic)  # the daily checkpoint of the audit trail (admins)
        finally:
            start_collector.resume()
        if not self.bench_armed:
            start_later(self.workstation.window)

    def close(self) -> None:
        """After the event loop: stop the idle lock, sign out, close the records."""
        self.opener.wait()
        if self.workstation is not None:
            self.workstation.stop()
        clinic = self.opener.clinic
        if clinic is not None:
            if clinic.signed_in:
                clinic.sign_out()
            clinic.close()


def start_later(window: MainWindow) -> None:
    """After the window shows: offer back drafts a crash left open."""
    QTimer.singleShot(0, window.offer_recovery)
