"""The summary preview shows the real PDF pages, prints them and saves without clobbering."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import parse_case
from intake_desktop.reporting import VisitDocument, render_pdf, suggested_filename
from intake_desktop.ui.pdf_preview import PdfPreviewDialog

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "02_cauda_equina.json"


def rendered(kind: str = "patient"):
    case = parse_case(json.loads(EXAMPLE.read_text()))
    doc = VisitDocument(
        case=case,
        plan=evaluate(case),
        patient_name="Lucía Fernández Soto",
        record_number="MRN-7001",
        visit_id=12,
        status="draft",
    )
    return doc, render_pdf(kind, doc, language="en")


def test_preview_loads_every_page(qtbot) -> None:
    doc, pdf = rendered()
    dialog = PdfPreviewDialog(pdf.data, suggested_filename(doc, "patient"), "Patient summary")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    assert dialog.document.pageCount() == pdf.pages >= 1
    assert dialog.view.document() is dialog.document


def test_print_to_file_from_the_print_dialog_writes_the_pdf_itself(qtbot, tmp_path) -> None:
    """ "Print to file" in the print dialog keeps the vectors: the very bytes of the preview."""
    from intake_desktop.ui.printing import PrintTask, chosen_destination

    doc, pdf = rendered("clinician")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    destination, request = chosen_destination(
        printer, pdf.data, suggested_filename(doc, "clinician")
    )
    assert request.pages == ()  # every page
    task = PrintTask(destination, request)
    with qtbot.waitSignal(task.finished, timeout=10_000) as done:
        task.start()
    assert done.args == [True, str(out)]
    assert out.read_bytes() == pdf.data
    assert len(PdfReader(out).pages) == pdf.pages


def test_save_refuses_to_replace_without_asking(qtbot, tmp_path: Path, monkeypatch) -> None:
    doc, pdf = rendered()
    dialog = PdfPreviewDialog(pdf.data, suggested_filename(doc, "patient"), "Patient summary")
    qtbot.addWidget(dialog)
    warnings: list[str] = []
    monkeypatch.setattr(
        "intake_desktop.ui.pdf_preview.QMessageBox.warning",
        lambda *args: warnings.append(args[2]),
    )
    target = tmp_path / "summary.pdf"
    assert dialog.save_to(target)
    assert target.read_bytes() == pdf.data
    target.write_bytes(b"someone else's file")
    assert not dialog.save_to(target)
    assert target.read_bytes() == b"someone else's file"
    assert warnings == ["A file with that name already exists."]
    assert dialog.save_to(target, overwrite=True)
    assert "DRAFT" in PdfReader(target).pages[0].extract_text()


def test_ctrl_p_in_a_visit_previews_the_audited_summary(qtbot, clinic, settings) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from intake_desktop.services.audit import audit_entries
    from intake_desktop.ui.main_window import MainWindow
    from tests.actors import as_user
    from tests.ui.helpers import open_imported_visit, press

    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    window = open_imported_visit(qtbot, main, EXAMPLE)
    press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: any(isinstance(w, PdfPreviewDialog) for w in QApplication.topLevelWidgets())
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog))
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    assert dialog.document.pageCount() >= 1
    assert dialog.suggested_name.endswith("-patient-summary-DRAFT.pdf")
    first_page = PdfReader(__import__("io").BytesIO(dialog.data)).pages[0].extract_text()
    assert "emergency department" in first_page.lower()
    admin = as_user("audit.reader", roles={"admin"})
    printed = audit_entries(clinic.db, admin, action="summary.print_patient")
    assert [(e.visit_id, e.outcome) for e in printed] == [(window.visit_id, "allowed")]
    dialog.close()


def test_fhir_export_from_the_visit_window(qtbot, clinic, settings, tmp_path, monkeypatch) -> None:
    """Ctrl+Shift+E writes the visit's FHIR R4 Bundle where the user chose, audited."""
    from PySide6.QtCore import Qt

    from intake_desktop.services.audit import audit_entries
    from intake_desktop.ui.main_window import MainWindow
    from tests.actors import as_user
    from tests.ui.helpers import open_imported_visit, press

    target = tmp_path / "bundle.json"
    monkeypatch.setattr(
        "intake_desktop.ui.visit_io.QFileDialog.getSaveFileName",
        lambda *args: (str(target), ""),
    )
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    window = open_imported_visit(qtbot, main, EXAMPLE)
    press(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(target.exists)
    bundle = __import__("json").loads(target.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle"
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert {"Patient", "Encounter", "QuestionnaireResponse", "CarePlan"} <= kinds
    admin = as_user("audit.reader", roles={"admin"})
    exported = audit_entries(clinic.db, admin, action="fhir.export")
    assert [(e.visit_id, e.outcome) for e in exported] == [(window.visit_id, "allowed")]
