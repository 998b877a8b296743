"""One workstation's session: who is signed in, their language, sign-out and switching user.

A shared front-desk PC changes hands many times a day. :class:`Workstation` owns what lives
across those hand-overs (the open clinic, the main window, the idle lock, the installed
translation) and does the hand-over itself, in one order: every open visit is saved as a draft
and its window closed; the sign-out is audited; the main window forgets the patients it showed
(search, lists, history, trends, alerts); then the next person signs in and the window is filled
for them, in their language. A save that fails stops the hand-over (nothing typed is lost).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from intake_desktop.services.clinic_settings import DEFAULT_LANGUAGE, IDLE_LOCK_MINUTES
from intake_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from .clinic import Clinic
    from .idle_lock import IdleLock
    from .main_window import MainWindow
    from .sign_in import SignInDialog
    from .visit_window import VisitWindow


def language_code(locale: QLocale) -> str:
    """``en``, ``es`` ... of a locale (the C locale is English)."""
    code = locale.name().split("_")[0]
    return "en" if code in ("", "C") else code


class Workstation(QObject):
    """The signed-in session of one app, and its hand-over to the next user."""

    #: The main window was rebuilt (another language); the new one is passed.
    window_replaced = Signal(object)
    #: Someone signed in (again) and the window shows their records.
    signed_in = Signal()
    #: The sign-in prompt after a sign-out was cancelled: the app should end.
    quit_requested = Signal()

    def __init__(self, app: QApplication, clinic: Clinic, window: MainWindow) -> None:
        super().__init__(app)
        self.app, self.clinic, self.window = app, clinic, window
        self.idle: IdleLock | None = None
        self.prompt: SignInDialog | None = None
        from .translators import ui_locale

        self.start_language = language_code(ui_locale())
        self.language = self.start_language

    # --- starting ------------------------------------------------------------------------
    def begin(self) -> None:
        """After the first sign-in: the user's language, their records, menus, the idle lock."""
        self.apply_language()
        self._fill_window()
        from .idle_lock import IdleLock

        self.idle = IdleLock(self.app, self.clinic, self.idle_minutes() * 60_000)
        self.idle.switch_requested.connect(self.switch_after_lock)

    def idle_minutes(self) -> int:
        """The clinic's idle-lock setting when one is stored, else this workstation's."""
        settings = self.clinic.session_settings()
        if IDLE_LOCK_MINUTES in settings.stored:
            return settings.idle_lock_minutes
        from .settings import IDLE_LOCK_MINUTES as LOCAL

        return LOCAL.read(QSettings())

    def apply_idle_minutes(self) -> None:
        """Take the idle-lock time now (after a sign-in, or the settings were saved)."""
        if self.idle is not None:
            self.idle.timer.setInterval(self.idle_minutes() * 60_000)
            if not self.idle.is_locked:
                self.idle.timer.start()

    def stop(self) -> None:
        if self.idle is not None:
            self.idle.stop()

    # --- language ------------------------------------------------------------------------
    def wanted_language(self) -> str:
        """The user's own language, else the clinic's stored default, else the system's."""
        own = self.clinic.own_language() if self.clinic.signed_in else None
        if own:
            return own
        settings = self.clinic.session_settings()
        if DEFAULT_LANGUAGE in settings.stored:
            return settings.default_language
        return self.start_language

    def apply_language(self) -> bool:
        """Install the translation the user wants; the main window is rebuilt in it (before
        it shows any record). True when the language changed."""
        wanted = self.wanted_language()
        if wanted == self.language:
            return False
        from .translators import install_translators, remove_translators

        remove_translators(self.app, getattr(self.app, "_intake_translators", []))
        self.app._intake_translators = install_translators(self.app, QLocale(wanted))  # type: ignore[attr-defined]
        self.language = wanted
        self._replace_window()
        return True

    def change_language(self, code: str | None) -> bool:
        """The user chose a language in the menu: stored with them, shown at once (their open
        visits are saved as drafts and closed first, as the window is rebuilt). False when the
        window keeps its language for now (a visit could not be saved: it applies at the next
        sign-in)."""
        try:
            self.clinic.set_own_language(code)
        except ServiceError as exc:
            QMessageBox.warning(self.window, self.tr("Language"), str(exc))
            return False
        if self.wanted_language() == self.language:
            return True
        if close_visit_windows(self.window) is not None:
            return False
        self.apply_language()
        self._fill_window()
        return True

    def _replace_window(self) -> None:
        from .main_window import MainWindow

        old = self.window
        clear_window(old)
        new = MainWindow(settings=old.settings)
        new.set_shortcuts()
        if old.isVisible():
            new.setGeometry(old.geometry())
            new.show()
        old.hide()
        old.deleteLater()
        self.window = new
        self.window_replaced.emit(new)

    # --- signing out, switching ----------------------------------------------------------
    def sign_out(self) -> bool:
        """Save and close every visit, sign out, clear the window, ask who signs in next.

        False (and nothing else done) when a visit could not be saved: its window is shown."""
        failed = close_visit_windows(self.window)
        if failed is not None:
            failed.show()
            failed.raise_()
            QMessageBox.warning(
                self.window,
                self.tr("Not signed out"),
                self.tr("This visit could not be saved; resolve it, then sign out again."),
            )
            return False
        self._hand_over()
        return True

    def switch_after_lock(self) -> None:
        """From the locked screen: someone else signs in; the first user's visits are saved as
        drafts and closed. A visit that cannot be saved keeps the lock for its owner."""
        failed = close_visit_windows(self.window)
        if failed is not None:
            if self.idle is not None:
                self.idle.ask_again(
                    self.tr(
                        "An open visit could not be saved; its user must sign in to resolve it."
                    )
                )
            return
        if self.idle is not None:
            self.idle.release()
        self.window.show()
        self._hand_over()

    def _hand_over(self) -> None:
        try:
            self.clinic.sign_out()
        except ServiceError:
            self.clinic._actor = None  # the entry is best effort when the server is gone
        clear_window(self.window)
        from .sign_in import SignInDialog

        self.prompt = SignInDialog(self.clinic, parent=self.window)
        self.prompt.finished.connect(self._on_prompt_finished)
        self.prompt.open()

    def _on_prompt_finished(self, result: int) -> None:
        prompt, self.prompt = self.prompt, None
        if prompt is not None:
            prompt.deleteLater()
        if result != QDialog.DialogCode.Accepted or not self.clinic.signed_in:
            self.quit_requested.emit()
            return
        self.apply_language()
        self._fill_window()
        self.apply_idle_minutes()

    def _fill_window(self) -> None:
        from .admin_menu import install_menus

        self.window.attach(self.clinic)
        install_menus(self.window, self)
        self.signed_in.emit()


def close_visit_windows(window: MainWindow) -> VisitWindow | None:
    """Save every open visit as a draft and close its window, asking nothing; the first window
    whose save failed (left open), or None when all are closed."""
    for visit in list(window.open_windows):
        needs_save = not visit.read_only and (visit.visit_id is not None or visit.unsaved)
        if needs_save and not visit.save_draft():
            return visit
        visit.keep_on_close = True
        visit.close()
        window._forget(visit)
        visit.deleteLater()  # nothing of the patient stays in memory for the next user
    return None


def clear_window(window: MainWindow) -> None:
    """Make the main window forget every patient it showed (before the next user signs in)."""
    dialog = getattr(window, "open_dialog", None)
    if dialog is not None:  # users, settings or the audit trail: not for the next person
        dialog.close()
        dialog.deleteLater()
        window.open_dialog = None  # type: ignore[attr-defined]
    if window.alert_watcher is not None:
        window.alert_watcher.stop()
        window.alert_watcher = None
    if window.alert_panel is not None:
        window.alert_panel.hide()
        window.alert_panel.deleteLater()
        window.alert_panel = None
    board = getattr(window, "board", None)
    if board is not None:  # the day board is made again for the next user (attach)
        board.stop()
        window.tabs.removeTab(window.tabs.indexOf(board))
        board.deleteLater()
        window.board = None
    if window.trends_tab is not None:
        window.tabs.removeTab(window.tabs.indexOf(window.trends_tab))
        window.trends_tab.deleteLater()
        window.trends_tab = None
    window.patient = None
    window.patient_label.setText(QCoreApplication.translate("MainWindow", "No patient selected."))
    for button in (window.intake_button, window.clinician_button, window.edit_button):
        button.setEnabled(False)
    window.search.box.clear()
    if window.attached:
        window.search.run_query()  # signed out: the search answers nothing
        window.refresh_lists()
    window.history.set_visits([])
    window.user_label.setText(QCoreApplication.translate("Workstation", "Signed out"))
    window._set_record_actions_enabled(False)
    from .admin_menu import hide_admin_menu

    hide_admin_menu(window)
