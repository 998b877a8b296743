"""Opening the clinic on a worker thread while the window shows (see :mod:`.startup`)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from intake_desktop.services.errors import PermissionDenied, ServiceError

if TYPE_CHECKING:
    from .clinic import Clinic


#: Signing in from the environment with a password an administrator reset (exit 3).
RESET_FROM_ENVIRONMENT = (
    "an administrator reset this password: start the app without INTAKE_DESKTOP_USER and "
    "INTAKE_DESKTOP_PASSWORD and choose your own at its sign-in"
)


class ClinicOpener(QObject):
    """Opens the clinic on a worker thread while the window shows: the database layer takes
    longer to import than the whole window takes to appear, so start-up overlaps the two.

    With credentials (``INTAKE_DESKTOP_USER``/``_PASSWORD``) the worker also signs in, so the
    password check runs beside the event loop too; its argon2 starts first, on a thread of its
    own, beside the imports (:mod:`intake_desktop.services.early_password`). :attr:`opened` is
    delivered on the thread that made the opener; :attr:`clinic`, :attr:`error` (the database
    could not be opened, or an unexpected failure) and :attr:`refusal` (sign-in refused) say how
    it went.
    """

    opened = Signal()
    _done = Signal()

    def __init__(self, db_url: str | None, credentials: tuple[str, str] | None) -> None:
        super().__init__()
        self.db_url, self.credentials = db_url, credentials
        self.clinic: Clinic | None = None
        self.error: Exception | None = None
        self.refusal: ServiceError | None = None
        #: Whether the database has any user yet (else the first-run dialog is shown).
        self.has_users = True
        self._done.connect(self._deliver)  # queued: the signal comes from the worker
        self._thread = threading.Thread(target=self._work, name="clinic-opener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
        if self._thread.ident is not None:  # started
            self._thread.join()

    def _work(self) -> None:
        from intake_desktop.services import early_password

        try:
            # The password check first, on a thread of its own: argon2 runs on the other core
            # while the database layer loads here (the sign-in below takes its answer).
            early = None
            if self.credentials is not None:
                early = early_password.start_early_check(self.db_url, *self.credentials)
            from .clinic import Clinic

            self.clinic = Clinic.open(self.db_url)
            if self.credentials is not None:
                try:
                    with early_password.offered(early):
                        self.clinic.sign_in(*self.credentials)
                    if self.clinic.must_change_password():  # its session may do nothing
                        self.clinic.sign_out()
                        raise PermissionDenied(RESET_FROM_ENVIRONMENT)
                except ServiceError as exc:
                    self.refusal = exc
            else:
                self.has_users = self.clinic.has_users()
                # While the user types: what the first patient shown needs (the Trends tab's
                # Qt Charts), loaded here off the UI. Signed in already, the window waits for
                # nothing more: the tab makes its panel when first needed (trends_tab).
                from . import patient_trends  # noqa: F401
        except Exception as exc:  # handed to the UI thread, which reports it (see run)
            self.error = exc
        finally:
            self._done.emit()

    @Slot()
    def _deliver(self) -> None:
        self.opened.emit()
