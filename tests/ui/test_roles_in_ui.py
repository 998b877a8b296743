"""What a role may not do is greyed out, with the reason, and the case export is the services'.

The services refuse and audit whatever a role may not do (tests/services/test_permissions.py);
the windows should not offer it in the first place. Real widgets, a real SQLite file.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from intake_desktop.services.audit import audit_entries
from intake_desktop.services.records import PatientDetails
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.main_window import MainWindow
from tests.actors import as_user, open_unlocked
from tests.ui.helpers import open_imported_visit, open_visit_window

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "04_mild_candidate.json"
CLINICIAN_ONLY = {"Export case file"}


def _main(qtbot, db_url: str, settings, roles: set[str]) -> MainWindow:
    clinic = Clinic(open_unlocked(db_url), actor=as_user("someone", roles=roles))
    window = MainWindow(clinic, settings)
    qtbot.addWidget(window)
    window.destroyed.connect(lambda *_: clinic.close())
    return window


def test_the_front_desk_sees_clinician_work_greyed_out(qtbot, db_url, settings) -> None:
    main = _main(qtbot, db_url, settings, {"front_desk"})
    for name in CLINICIAN_ONLY:
        assert not main.actions_by_name[name].isEnabled(), name
    assert main.actions_by_name["New patient"].isEnabled()
    assert main.actions_by_name["New intake"].isEnabled()
    window = open_imported_visit(qtbot, main, EXAMPLE)
    assert not window.export_button.isEnabled()
    assert not window.decision_page.sign_button.isEnabled()
    assert window.decision_page.sign_button.toolTip() == "Needs the clinician role."
    assert window.summary_button.isEnabled()


def test_a_clinician_has_them(qtbot, db_url, settings) -> None:
    main = _main(qtbot, db_url, settings, {"clinician"})
    for name in CLINICIAN_ONLY:
        assert main.actions_by_name[name].isEnabled(), name
    window = open_imported_visit(qtbot, main, EXAMPLE)
    assert window.export_button.isEnabled()
    assert window.decision_page.sign_button.isEnabled()


def test_an_administrator_alone_cannot_start_work_on_a_patient(qtbot, db_url, settings) -> None:
    desk = Clinic(open_unlocked(db_url), actor=as_user("desk"))
    desk.register_patient(PatientDetails(name="Rosa Test", date_of_birth=date(1950, 1, 2)))
    desk.close()
    main = _main(qtbot, db_url, settings, {"admin"})
    assert not main.actions_by_name["New patient"].isEnabled()
    assert not main.actions_by_name["New intake"].isEnabled()
    main.search.box.setText("rosa")
    main.search.run_query()
    assert main.search.model.rowCount() == 0  # admins manage users, they do not read records


def test_the_visit_window_exports_what_the_services_hand_out(
    qtbot, db_url, settings, tmp_path, monkeypatch
) -> None:
    """Ctrl+E saves, then writes the case the services export: checked and audited."""
    target = tmp_path / "case.json"
    monkeypatch.setattr(
        "intake_desktop.ui.visit_io.QFileDialog.getSaveFileName", lambda *a: (str(target), "")
    )
    main = _main(qtbot, db_url, settings, {"front_desk", "clinician"})
    window = open_imported_visit(qtbot, main, EXAMPLE)
    assert window.export_case() == target
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written == main.clinic.export_case(window.visit_id)
    assert "_ui" not in written
    admin = as_user("audit.reader", roles={"admin"})
    exports = audit_entries(main.clinic.db, admin, action="case.export")
    assert window.visit_id in {e.visit_id for e in exports}
    open_visit_window(qtbot, window)  # closes without asking at the end
