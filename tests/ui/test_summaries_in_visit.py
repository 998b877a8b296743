"""The visit window's summaries: the patient's for everyone who records visits, the clinician's
for clinicians; a draft prints with its DRAFT mark, a signed visit without. Real windows, a real
SQLite file, real PDFs read back; prints go to a print folder (no printer exists offscreen).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from intake_desktop.services import sign_visit
from intake_desktop.services.audit import audit_entries
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.pdf_preview import PdfPreviewDialog
from intake_desktop.ui.printing import FolderDestination
from tests.actors import as_user, open_unlocked
from tests.signing import SIGN_OFF
from tests.ui.helpers import ModalWatch, intake_only, open_imported_visit

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "02_cauda_equina.json"


def _main(qtbot, db_url: str, settings, roles: set[str], name: str = "someone") -> MainWindow:
    clinic = Clinic(open_unlocked(db_url), actor=as_user(name, roles=roles))
    window = MainWindow(clinic, settings)
    qtbot.addWidget(window)
    window.destroyed.connect(lambda *_: clinic.close())
    return window


def _text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def _previews() -> list[PdfPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)]


def _printed(qtbot, window, folder: Path, button) -> Path:
    window.summaries.destination = FolderDestination(folder)
    button.click()
    task = window.summaries.task
    assert task is not None, window.status.text()
    if task.running:
        with qtbot.waitSignal(task.finished, timeout=10_000):
            pass
    ok, where = task.outcome
    assert ok, where
    return Path(where)


def test_the_patient_summary_button_opens_the_preview(qtbot, db_url, settings) -> None:
    """It always failed: clicked(bool) landed in the ``kind`` parameter as False."""
    main = _main(qtbot, db_url, settings, {"front_desk"})
    window = open_imported_visit(qtbot, main, EXAMPLE)
    with ModalWatch() as modals:
        window.summary_button.click()
        qtbot.waitUntil(lambda: len(_previews()) == 1 or bool(modals.seen))
    assert modals.seen == []  # was: "No summary yet: kind: must be one of patient, clinician"
    dialog = _previews()[0]
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    assert dialog.windowTitle() == "Patient summary"
    assert dialog.suggested_name.endswith("-patient-summary-DRAFT.pdf")
    dialog.close()


def test_the_front_desk_prints_a_draft_for_the_patient_marked_draft(
    qtbot, db_url, settings, tmp_path
) -> None:
    main = _main(qtbot, db_url, settings, {"front_desk"}, name="desk.anna")
    window = open_imported_visit(qtbot, main, EXAMPLE)
    assert window.summaries.print_button.isEnabled()
    out = _printed(qtbot, window, tmp_path / "printed", window.summaries.print_button)
    text = _text(out.read_bytes())
    assert "DRAFT" in text
    assert "emergency department" in text.lower()  # the red flag's advice is on the sheet
    assert "sent to the printer" in window.status.text()
    admin = as_user("audit.reader", roles={"admin"})
    printed = audit_entries(main.clinic.db, admin, action="summary.print_patient")
    assert [(e.username, e.visit_id, e.outcome) for e in printed] == [
        ("desk.anna", window.visit_id, "allowed")
    ]


def test_the_front_desk_sees_the_clinician_summary_greyed_with_the_reason(
    qtbot, db_url, settings
) -> None:
    main = _main(qtbot, db_url, settings, {"front_desk"})
    window = open_imported_visit(qtbot, main, EXAMPLE)
    summaries = window.summaries
    assert not summaries.clinician_button.isEnabled()
    assert summaries.clinician_button.toolTip() == "Needs the clinician role."
    for action in (summaries.clinician_preview, summaries.clinician_print,
                   summaries.clinician_save):  # fmt: skip
        assert not action.isEnabled()
    summaries.clinician_button.click()
    assert _previews() == []


def test_a_clinician_previews_prints_and_saves_the_clinician_summary(
    qtbot, db_url, settings, tmp_path, monkeypatch
) -> None:
    main = _main(qtbot, db_url, settings, {"clinician"}, name="dr.ruiz")
    window = open_imported_visit(qtbot, main, EXAMPLE)
    summaries = window.summaries
    assert summaries.clinician_button.isEnabled()
    summaries.clinician_button.click()  # its default action: the preview
    qtbot.waitUntil(lambda: len(_previews()) == 1)
    dialog = _previews()[0]
    assert dialog.windowTitle() == "Clinician summary"
    assert dialog.suggested_name.endswith("-clinician-summary-DRAFT.pdf")
    dialog.close()
    summaries.destination = FolderDestination(tmp_path / "printed")
    summaries.clinician_print.trigger()
    with qtbot.waitSignal(summaries.task.finished, timeout=10_000) as done:
        pass
    printed = Path(done.args[1])
    assert printed.name.endswith("-clinician-summary-DRAFT.pdf")
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(
        "intake_desktop.ui.summary_actions.QFileDialog.getSaveFileName",
        lambda *a: (str(target), ""),
    )
    summaries.clinician_save.trigger()
    assert target.read_bytes()[:5] == b"%PDF-"
    assert "DRAFT" in _text(target.read_bytes())
    admin = as_user("audit.reader", roles={"admin"})
    entries = audit_entries(main.clinic.db, admin, action="summary.print_clinician")
    assert [(e.username, e.outcome) for e in entries] == [("dr.ruiz", "allowed")] * 3


def test_a_signed_visit_prints_without_the_draft_mark(qtbot, db_url, settings, tmp_path) -> None:
    main = _main(qtbot, db_url, settings, {"front_desk"})
    imported = main.clinic.import_case(json.loads(intake_only(EXAMPLE).read_text(encoding="utf-8")))
    visit_id = imported.visit_id
    clinician = as_user("dr.ruiz", roles={"clinician"})
    version = main.clinic.get_visit(visit_id).version
    sign_visit(main.clinic.db, visit_id, expected_version=version, actor=clinician, **SIGN_OFF)
    signed = main.open_visit(visit_id)
    qtbot.addWidget(signed)
    signed.show()
    out = _printed(qtbot, signed, tmp_path / "printed", signed.summaries.print_button)
    assert "DRAFT" not in out.name
    text = _text(out.read_bytes())
    assert "DRAFT" not in text
    assert "emergency department" in text.lower()
