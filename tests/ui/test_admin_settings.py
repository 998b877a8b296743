"""Running the clinic from the app (issue 15), continued from test_administration.py: settings
shared through the records, the idle lock and the logo they hold, and the audit viewer.
"""

from __future__ import annotations

import csv
import io
import json
import stat

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from intake_desktop.reporting.paths import DEFAULT_TEMPLATES_DIR
from intake_desktop.ui.audit_window import AuditWindow
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.settings_window import SettingsWindow
from tests.ui.test_administration import (
    ADMIN_PASSWORD,
    CLIN_PASSWORD,
    DESK_PASSWORD,
    EXAMPLE,
    _new_clinic,
    _pdf_text,
    _sign_in_at_prompt,
)


def test_a_setting_saved_on_one_connection_prints_through_another(qtbot, tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    admin_side, station = _new_clinic(qtbot, tmp_path)
    other = Clinic.open(url)  # another workstation: its own engine and connections
    try:
        admin_side.add_user(
            "ana", CLIN_PASSWORD, {"clinician"}, full_name="Ana Ruiz", credentials="MD"
        )
        other.sign_in("ana", CLIN_PASSWORD)
        result = other.import_case(json.loads(EXAMPLE.read_text(encoding="utf-8")))
        before = _pdf_text(other.summary_pdf(result.visit_id, "patient")[0])
        assert "Riverside Spine" in before  # the template's clinic.toml

        station.window.admin_actions["settings"].trigger()
        window = station.window.open_dialog
        assert isinstance(window, SettingsWindow)
        fields = window.fields
        fields["clinic.emergency_number"].setText("")
        window.save_button.click()
        assert "Emergency number is required" in window.error.text()
        assert QApplication.focusWidget() in (fields["clinic.emergency_number"], None)
        fields["colours.primary"].setText("#FFFF00")
        fields["clinic.emergency_number"].setText("112")
        window.save_button.click()
        assert "Heading colour" in window.error.text() and "too light" in window.error.text()
        fields["colours.primary"].setText("#1F4E79")
        fields["clinic.name"].setText("Lakeside Back Clinic")
        fields["page.size"].setCurrentIndex(fields["page.size"].findData("A4"))
        window.save_button.click()
        assert window.error.text().startswith("Saved"), window.error.text()

        data = other.summary_pdf(result.visit_id, "patient")[0]
        after = _pdf_text(data)
        assert "Lakeside Back Clinic" in after and "Riverside" not in after
        assert "112" in after
        page = PdfReader(io.BytesIO(data)).pages[0]
        assert round(float(page.mediabox.width)) == 595  # A4, not letter's 612
        changes = [e for e in admin_side.audit_entries(action="settings.change")]
        assert {e.detail for e in changes} == {
            "clinic.name",
            "clinic.emergency_number",
            "page.size",
        }
    finally:
        station.stop()
        other.close()
        admin_side.close()


def test_the_audit_viewer_filters_exports_and_finds_a_tampered_entry(qtbot, tmp_path) -> None:
    clinic, station = _new_clinic(qtbot, tmp_path)
    try:
        clinic.add_user("desk", DESK_PASSWORD, {"front_desk"})
        station.window.admin_actions["audit"].trigger()
        viewer = station.window.open_dialog
        assert isinstance(viewer, AuditWindow)
        viewer.user.setText("boss")
        viewer.action.setCurrentIndex(viewer.action.findData("user.add"))
        viewer.filter_button.click()
        assert [e.action for e in viewer.entries] == ["user.add"]
        viewer.use_dates.click()
        viewer.since.setDate(viewer.since.date().addYears(-1))
        viewer.filter_button.click()
        assert len(viewer.entries) == 1
        out = viewer.export_to(tmp_path / "audit.csv")
        assert out is not None and stat.S_IMODE(out.stat().st_mode) == 0o600
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
        assert [(r["username"], r["action"]) for r in rows] == [("boss", "user.add")]

        viewer.verify_button.click()
        assert "intact" in viewer.result_label.text()
        target = viewer.entries[0].seq
        with clinic.db.engine.begin() as conn:
            conn.execute(text("DROP TRIGGER audit_entries_no_update"))
            conn.execute(
                text(f"UPDATE audit_entries SET detail = 'roles=admin' WHERE seq = {target}")
            )
        viewer.verify_button.click()
        words = viewer.result_label.text()
        assert f"breaks at entry {target}" in words and f"entry {target} was edited" in words
        assert viewer.table.item(viewer.table.currentRow(), 0).text() == str(target)
    finally:
        station.stop()
        clinic.close()


def test_the_idle_lock_takes_the_clinics_stored_minutes(qtbot, tmp_path) -> None:
    clinic, station = _new_clinic(qtbot, tmp_path)
    try:
        assert station.idle.timer.interval() == 10 * 60_000  # nothing stored: the default
        station.window.admin_actions["settings"].trigger()
        window = station.window.open_dialog
        window.fields["session.idle_lock_minutes"].setValue(3)
        window.save_button.click()
        assert station.idle.timer.interval() == 3 * 60_000  # at once on this workstation
        window.close()
        # Ctrl+Shift+Q, typed: signed out; the next sign-in keeps the stored time.
        station.window.activateWindow()
        qtbot.waitUntil(station.window.isActiveWindow)
        qtbot.keyClick(
            station.window,
            Qt.Key.Key_Q,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert not clinic.signed_in and station.prompt is not None
        _sign_in_at_prompt(qtbot, station, "boss", ADMIN_PASSWORD)
        assert station.idle.timer.interval() == 3 * 60_000
    finally:
        station.stop()
        clinic.close()


def test_a_logo_is_stored_and_the_templates_one_comes_back_with_its_button(qtbot, tmp_path) -> None:
    clinic, station = _new_clinic(qtbot, tmp_path)
    try:
        picture = DEFAULT_TEMPLATES_DIR / "logo.png"
        mine = tmp_path / "our-logo.png"
        mine.write_bytes(picture.read_bytes())
        station.window.admin_actions["settings"].trigger()
        window = station.window.open_dialog
        window.load_logo(mine)
        window.save_button.click()
        assert clinic.settings().logo == mine.read_bytes()
        window.default_logo_button.click()
        window.save_button.click()
        assert clinic.settings().logo is None and "clinic.logo" not in clinic.settings().stored
    finally:
        station.stop()
        clinic.close()
