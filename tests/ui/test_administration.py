"""Running the clinic from the app (issue 15): users, sign-out and switching user, languages.
Real widgets driven through the signals a user triggers, a real SQLite file (two connections
where workstations matter), PDFs read back. The settings and the audit viewer are in
test_admin_settings.py.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from intake_desktop.services.records import PatientDetails
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.password_dialog import ChangePasswordDialog
from intake_desktop.ui.session_switch import Workstation
from intake_desktop.ui.sign_in import FirstAdminDialog, SignInDialog
from intake_desktop.ui.users_window import ResetPasswordDialog, UserDialog, UsersWindow
from tests.signing import SIGN_OFF

OK = QDialogButtonBox.StandardButton.Ok
EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "04_mild_candidate.json"
ADMIN_PASSWORD = "Harbour-lights-2026"
DESK_PASSWORD = "Front-desk-mornings-7"
CLIN_PASSWORD = "Clinic-afternoons-9"


def _type(qtbot, text_: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text_)


def _key(qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def _first_admin_by_keyboard(qtbot, clinic: Clinic) -> None:
    """Keyboard only: name, Tab, password, Tab, the password again, Tab, Space on OK."""
    dialog = FirstAdminDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.username)
    _type(qtbot, "boss")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, ADMIN_PASSWORD)
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.confirm
    _type(qtbot, ADMIN_PASSWORD)
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.buttons.button(OK)
    with qtbot.waitSignal(dialog.accepted):
        _key(qtbot, Qt.Key.Key_Space)


def test_first_administrator_set_up_with_the_keyboard_alone_is_not_a_clinician(
    qtbot, tmp_path
) -> None:
    """It always failed: the repeat field came after OK in the tab order."""
    clinic = Clinic.open(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    try:
        _first_admin_by_keyboard(qtbot, clinic)
        assert clinic.actor.username == "boss" and clinic.actor.roles == {"admin"}
    finally:
        clinic.close()


def test_first_administrator_may_also_be_a_clinician_when_chosen(qtbot, tmp_path) -> None:
    clinic = Clinic.open(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    try:
        dialog = FirstAdminDialog(clinic)
        qtbot.addWidget(dialog)
        dialog.username.setText("dr.boss")
        dialog.password.setText(ADMIN_PASSWORD)
        dialog.confirm.setText(ADMIN_PASSWORD)
        dialog.clinician.click()
        dialog.buttons.button(OK).click()
        assert clinic.actor.roles == {"admin", "clinician"}
    finally:
        clinic.close()


def _new_clinic(qtbot, tmp_path: Path) -> tuple[Clinic, Workstation]:
    clinic = Clinic.open(f"sqlite:///{tmp_path / 'clinic.sqlite3'}")
    _first_admin_by_keyboard(qtbot, clinic)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    station = Workstation(QApplication.instance(), clinic, window)
    station.begin()
    return clinic, station


def _add_user(qtbot, users: UsersWindow, name: str, password: str, role: str, **extra: str):
    users.add_button.click()
    dialog = users.dialog
    assert isinstance(dialog, UserDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.username.setText(name)
    dialog.password.setText(password)
    dialog.again.setText(password)
    dialog.full_name.setText(extra.get("full_name", ""))
    dialog.credentials.setText(extra.get("credentials", ""))
    dialog.roles[role].click()
    dialog.buttons.button(OK).click()
    assert not dialog.isVisible(), dialog.error.text()


def _sign_in_at_prompt(qtbot, station: Workstation, name: str, password: str) -> None:
    prompt = station.prompt
    assert isinstance(prompt, SignInDialog) and prompt.isVisible()
    prompt.username.setText(name)
    prompt.password.setText(password)
    with qtbot.waitSignal(station.signed_in):
        prompt.buttons.button(OK).click()


def _shows_no_patient(window: MainWindow) -> None:
    assert window.patient is None and window.search.box.text() == ""
    assert window.search.model.rowCount() == 0
    assert window.today.rowCount() == 0 and window.drafts.rowCount() == 0
    assert window.history.rowCount() == 0 and window.trends is None


def test_admin_adds_users_who_each_see_what_their_roles_allow_on_one_window(
    qtbot, tmp_path
) -> None:
    clinic, station = _new_clinic(qtbot, tmp_path)
    window = station.window
    try:
        actions = window.actions_by_name
        # The administrator: administration, and no patient work.
        assert window.admin_menu.menuAction().isVisible()
        assert not actions["New patient"].isEnabled()
        window.admin_actions["users"].trigger()
        users = window.open_dialog
        assert isinstance(users, UsersWindow)
        _add_user(qtbot, users, "desk", DESK_PASSWORD, "front_desk")
        _add_user(
            qtbot,
            users,
            "ana",
            CLIN_PASSWORD,
            "clinician",
            full_name="Ana Ruiz",
            credentials="MD, pain medicine",
        )
        listed = {u.username: u for u in users.users}
        assert listed["desk"].roles == {"front_desk"} and listed["ana"].roles == {"clinician"}
        assert users.table.rowCount() == 3

        # Sign out (the menu's action, Ctrl+Shift+Q), then the front desk signs in.
        assert window.account_actions["sign_out"].shortcut().toString() == "Ctrl+Shift+Q"
        window.account_actions["sign_out"].trigger()
        _shows_no_patient(window)
        assert not users.isVisible()  # the administrator's window went with them
        assert not window.admin_menu.menuAction().isVisible()
        _sign_in_at_prompt(qtbot, station, "desk", DESK_PASSWORD)
        assert station.window is window  # the same window, the next user
        assert clinic.actor.roles == {"front_desk"}
        assert actions["New patient"].isEnabled() and not actions["Export case file"].isEnabled()
        assert not window.admin_menu.menuAction().isVisible()
        patient = clinic.register_patient(
            PatientDetails(name="Ana Test", date_of_birth=date(1955, 4, 2), record_number="MRN-1")
        )
        window.search.box.setText("Ana Test")
        window.search.run_query()
        assert window.search.model.rowCount() == 1
        window.show_patient(patient.id)
        visit = window.new_visit()
        assert visit is not None and visit.visit_id is None
        visit.form.set("history.duration_weeks", 12)  # typed, not yet saved

        # Sign out with the intake open: saved as a draft, closed without a question.
        window.account_actions["sign_out"].trigger()
        assert not window.open_windows and not visit.isVisible()
        _shows_no_patient(window)
        _sign_in_at_prompt(qtbot, station, "ana", CLIN_PASSWORD)
        assert clinic.actor.roles == {"clinician"}
        assert actions["Export case file"].isEnabled()
        assert not window.admin_menu.menuAction().isVisible()
        assert window.patient is None and window.search.box.text() == ""
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert len(titles) == len(set(titles))  # one board, one trends tab: made again, once
        (draft,) = window.drafts.visits  # the desk's intake, saved at the sign-out
        assert clinic.get_visit(draft.id).draft_data["history"]["duration_weeks"] == 12
    finally:
        station.stop()
        clinic.close()


def test_a_reset_password_must_be_changed_at_the_next_sign_in(qtbot, tmp_path) -> None:
    clinic, station = _new_clinic(qtbot, tmp_path)
    try:
        clinic.add_user("desk", DESK_PASSWORD, {"front_desk"})
        station.window.admin_actions["users"].trigger()
        users = station.window.open_dialog
        users.select("desk")
        users.reset_button.click()
        reset = users.dialog
        assert isinstance(reset, ResetPasswordDialog)
        reset.password.setText("a" * 12)
        reset.again.setText("a" * 12)
        reset.buttons.button(OK).click()
        assert reset.isVisible() and reset.error.text()  # a weak password, said why
        reset.password.setText("Temporary-pass-42")
        reset.again.setText("Temporary-pass-42")
        reset.buttons.button(OK).click()
        assert not reset.isVisible(), reset.error.text()
        assert (
            "new password at next sign-in"
            in users.table.item(
                users.users.index(next(u for u in users.users if u.username == "desk")), 4
            ).text()
        )
        users.close()
        station.window.account_actions["sign_out"].trigger()
        prompt = station.prompt
        prompt.username.setText("desk")
        prompt.password.setText("Temporary-pass-42")

        def choose_new() -> None:
            dialog = prompt.findChild(ChangePasswordDialog)
            dialog.new.setText("My-own-secret-2026")
            dialog.again.setText("My-own-secret-2026")
            dialog.buttons.button(OK).click()

        QTimer.singleShot(0, choose_new)
        with qtbot.waitSignal(station.signed_in):
            prompt.buttons.button(OK).click()
        assert clinic.actor.username == "desk" and not clinic.must_change_password()
        # The reset password allowed nothing; the new one's session holds the desk's roles.
        assert clinic.may("patient.search")
        clinic.sign_out()
        clinic.sign_in("desk", "My-own-secret-2026")
    finally:
        station.stop()
        clinic.close()


def _pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def _file_menu_title(window: MainWindow) -> str:
    return window.menuBar().actions()[0].text()


def test_each_user_works_in_their_own_language_without_any_variable(
    qtbot, tmp_path, monkeypatch
) -> None:
    monkeypatch.delenv("INTAKE_DESKTOP_LANGUAGE", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    clinic, station = _new_clinic(qtbot, tmp_path)
    app = QApplication.instance()
    try:
        assert _file_menu_title(station.window) == "&File"
        station.window.admin_actions["users"].trigger()
        users = station.window.open_dialog
        users.add_button.click()
        dialog = users.dialog
        dialog.username.setText("maria")
        dialog.password.setText(DESK_PASSWORD)
        dialog.again.setText(DESK_PASSWORD)
        dialog.roles["front_desk"].click()
        dialog.language.setCurrentIndex(dialog.language.findData("es"))
        dialog.buttons.button(OK).click()
        assert not dialog.isVisible(), dialog.error.text()
        users.close()
        first = station.window
        first.account_actions["sign_out"].trigger()
        _sign_in_at_prompt(qtbot, station, "maria", DESK_PASSWORD)
        assert station.window is not first  # rebuilt in Spanish before any record showed
        assert _file_menu_title(station.window) == "&Archivo"
        # The user switches back to English from the Account menu: at once, and remembered.
        station.window.language_actions.actions()[1].trigger()  # English
        assert _file_menu_title(station.window) == "&File"
        assert clinic.own_language() == "en"
        station.window.language_actions.actions()[2].trigger()  # Español
        assert _file_menu_title(station.window) == "&Archivo"
        station.window.account_actions["sign_out"].trigger()
        _sign_in_at_prompt(qtbot, station, "boss", ADMIN_PASSWORD)
        assert _file_menu_title(station.window) == "&File"  # the clinic's default
    finally:
        station.stop()
        from intake_desktop.ui.app import remove_translators

        remove_translators(app, getattr(app, "_intake_translators", []))
        app._intake_translators = []
        clinic.close()


def test_the_locked_screen_lets_someone_else_sign_in_and_keeps_the_first_users_draft(
    qtbot, tmp_path
) -> None:
    clinic, station = _new_clinic(qtbot, tmp_path)
    try:
        clinic.add_user("desk", DESK_PASSWORD, {"front_desk"})
        clinic.add_user("desk2", DESK_PASSWORD, {"front_desk"})
        station.window.account_actions["sign_out"].trigger()
        _sign_in_at_prompt(qtbot, station, "desk", DESK_PASSWORD)
        window = station.window
        patient = clinic.register_patient(
            PatientDetails(name="Ana Test", date_of_birth=date(1955, 4, 2), record_number="MRN-1")
        )
        window.show_patient(patient.id)
        visit = window.new_visit()
        visit.form.set("history.duration_weeks", 7)
        station.idle.lock()
        assert not window.isVisible() and not visit.isVisible()
        unlock = station.idle.dialog
        unlock.switch_button.click()
        assert not window.open_windows
        assert window.isVisible() and window.patient is None
        _shows_no_patient(window)
        _sign_in_at_prompt(qtbot, station, "desk2", DESK_PASSWORD)
        assert clinic.actor.username == "desk2" and not station.idle.is_locked
        (draft,) = window.drafts.visits
        assert clinic.get_visit(draft.id).draft_data["history"]["duration_weeks"] == 7
        entries = [(e.username, e.action) for e in _as_admin_entries(tmp_path)]
        assert ("desk", "session.lock") in entries and ("desk", "session.sign_out") in entries
    finally:
        station.stop()
        clinic.close()


def _as_admin_entries(tmp_path: Path):
    other = Clinic.open(f"sqlite:///{tmp_path / 'clinic.sqlite3'}")
    try:
        other.sign_in("boss", ADMIN_PASSWORD)
        return other.audit_entries()
    finally:
        other.close()


def test_the_signature_prints_the_name_and_credentials_the_users_window_holds(
    qtbot, tmp_path
) -> None:
    clinic, station = _new_clinic(qtbot, tmp_path)
    url = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    desk_side = Clinic.open(url)
    try:
        clinic.add_user("ana", CLIN_PASSWORD, {"clinician"}, full_name="Ana Ruiz")
        station.window.admin_actions["users"].trigger()
        users = station.window.open_dialog
        users.select("ana")
        users.edit_button.click()
        dialog = users.dialog
        assert isinstance(dialog, UserDialog) and dialog.full_name.text() == "Ana Ruiz"
        dialog.full_name.setText("Ana Ruiz Soto")
        dialog.credentials.setText("MD, FIPP")
        dialog.buttons.button(OK).click()
        assert not dialog.isVisible(), dialog.error.text()

        desk_side.sign_in("ana", CLIN_PASSWORD)
        result = desk_side.import_case(json.loads(EXAMPLE.read_text(encoding="utf-8")))
        version = desk_side.get_visit(result.visit_id).version
        desk_side.sign_visit(result.visit_id, version, **SIGN_OFF)
        printed = _pdf_text(desk_side.summary_pdf(result.visit_id, "clinician")[0])
        assert "Ana Ruiz Soto" in printed and "MD, FIPP" in printed
    finally:
        station.stop()
        desk_side.close()
        clinic.close()
