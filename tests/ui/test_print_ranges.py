""" "Print to…" prints only the pages the user chose in the print dialog, wherever it prints.

The dialog is Qt's own, driven through its widgets as a user would (the range boxes, "Current
page", the file name, its Print button); where offscreen Qt offers no printer to pick (``lp``),
the range is set on the QPrinter the way the dialog leaves it. Outputs are real PDFs read back
with pypdf; ``lp`` is the stand-in program of test_printing.py, which keeps its arguments.
"""

from __future__ import annotations

import io
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPointF, QTimer
from PySide6.QtGui import QPageRanges
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QRadioButton, QSpinBox

from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import parse_case
from intake_desktop.reporting import VisitDocument, render_pdf, suggested_filename
from intake_desktop.ui.pdf_preview import PdfPreviewDialog
from intake_desktop.ui.print_range import chosen_pages, page_numbers, ranges_text
from intake_desktop.ui.printing import (
    CupsDestination,
    FolderDestination,
    PrintRequest,
    PrintTask,
    QtPrinterDestination,
)
from tests.ui import test_printing, test_translation
from tests.ui.helpers import ModalWatch

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
# Fixtures: a stand-in lp that keeps its arguments; the Spanish interface for one test.
stand_in_lp = test_printing.stand_in_lp
spanish = test_translation.spanish


def _summary(example: str = "03_interventional.json", kind: str = "clinician"):
    """A real rendered summary; the interventional clinician summary has three pages."""
    case = parse_case(json.loads((EXAMPLES / example).read_text(encoding="utf-8")))
    doc = VisitDocument(case=case, plan=evaluate(case), patient_name="Lucía Fernández Soto",
                        record_number="MRN-7001", visit_id=12, status="draft")  # fmt: skip
    return render_pdf(kind, doc, language="en"), suggested_filename(doc, kind)


def _page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _preview(qtbot, data: bytes, name: str) -> PdfPreviewDialog:
    preview = PdfPreviewDialog(data, name, "Clinician summary", whole=False)  # in part allowed
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready)
    return preview


def _answer_print_dialog(parent, choose: Callable[[QPrintDialog], None]) -> list[dict]:
    """When the print dialog is up, let ``choose`` fill it in; what it offered is returned."""
    seen: list[dict] = []

    def attempt() -> None:
        shown = [d for d in parent.findChildren(QPrintDialog) if d.isVisible()]
        if not shown:
            QTimer.singleShot(20, attempt)
            return
        dialog = shown[0]
        last = dialog.findChild(QSpinBox, "to").maximum()
        current = not dialog.findChild(QRadioButton, "printCurrentPage").isHidden()
        seen.append({"last": last, "current": current})
        choose(dialog)

    QTimer.singleShot(0, attempt)
    return seen


def _to_file(path: Path, pick: Callable[[QPrintDialog], None]) -> Callable[[QPrintDialog], None]:
    """Print to ``path`` (Qt's "Print to File (PDF)") with the pages ``pick`` chooses."""

    def choose(dialog: QPrintDialog) -> None:
        dialog.findChild(QLineEdit, "filename").setText(str(path))
        pick(dialog)
        box = dialog.findChild(QDialogButtonBox)
        box.button(QDialogButtonBox.StandardButton.Ok).click()  # the dialog's "Print"

    return choose


def _pages_from_to(first: int, last: int) -> Callable[[QPrintDialog], None]:
    def pick(dialog: QPrintDialog) -> None:
        dialog.findChild(QRadioButton, "printRange").click()  # "Pages from … to …"
        dialog.findChild(QSpinBox, "from").setValue(first)
        dialog.findChild(QSpinBox, "to").setValue(last)

    return pick


def _printer_with_range(text: str) -> QPrinter:
    """A QPrinter as the print dialog leaves it after "Pages from … to …"."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(QPageRanges.fromString(text))
    return printer


def _said(modals: ModalWatch) -> list[str]:
    """What the message boxes the watch closed said."""
    return [seen.removeprefix("QMessageBox: ") for seen in modals.seen]


def _finished(qtbot, task: PrintTask | None) -> list:
    assert task is not None
    if task.outcome is None:
        with qtbot.waitSignal(task.finished, timeout=20_000):
            pass
    assert task.outcome is not None
    return list(task.outcome)


def test_pages_2_to_2_chosen_in_the_dialog_print_only_page_2_to_the_pdf_file(
    qtbot, tmp_path: Path
) -> None:
    """The bug: "pages 2-2" in the dialog printed every page."""
    pdf, name = _summary("02_cauda_equina.json", "patient")
    assert pdf.pages == 2
    preview = _preview(qtbot, pdf.data, name)
    out = tmp_path / "printed" / "page-2.pdf"
    out.parent.mkdir()
    offered = _answer_print_dialog(preview, _to_file(out, _pages_from_to(2, 2)))
    preview.choose_button.click()
    assert _finished(qtbot, preview.task) == [True, str(out)]
    texts = _page_texts(out.read_bytes())
    assert len(texts) == 1
    assert "Page 2 of 2" in texts[0] and "Page 1 of 2" not in texts[0]
    assert offered == [{"last": 2, "current": True}]  # the boxes stop at the last page
    assert texts[0] == _page_texts(pdf.data)[1]  # the very page, vectors and text kept
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary left behind


def test_current_page_in_the_dialog_prints_the_page_on_screen(qtbot, tmp_path: Path) -> None:
    pdf, name = _summary()
    assert pdf.pages == 3
    preview = _preview(qtbot, pdf.data, name)
    preview.view.pageNavigator().jump(1, QPointF(), 0)  # the user scrolled to page 2
    out = tmp_path / "current.pdf"
    _answer_print_dialog(preview, _to_file(out, lambda d: d.findChild(
        QRadioButton, "printCurrentPage").click()))  # fmt: skip
    preview.choose_button.click()
    assert _finished(qtbot, preview.task) == [True, str(out)]
    texts = _page_texts(out.read_bytes())
    assert len(texts) == 1 and "Page 2 of 3" in texts[0]


def test_every_page_when_the_dialog_says_all(qtbot, tmp_path: Path) -> None:
    pdf, name = _summary()
    preview = _preview(qtbot, pdf.data, name)
    out = tmp_path / "all.pdf"
    _answer_print_dialog(preview, _to_file(out, lambda d: d.findChild(
        QRadioButton, "printAll").click()))  # fmt: skip
    preview.choose_button.click()
    assert _finished(qtbot, preview.task) == [True, str(out)]
    assert out.read_bytes() == pdf.data  # all pages: the preview's very bytes, as before


def test_lp_gets_the_range_as_its_page_list_and_the_copies(
    qtbot, stand_in_lp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CUPS prints the pages of ``-P``; the job is the whole PDF, so its "page 2 of 3" footers
    stay true. Offscreen Qt lists no CUPS printer, so the range is set as the dialog sets it."""
    monkeypatch.setenv("PATH", f"{stand_in_lp.parent}{os.pathsep}{os.environ['PATH']}")
    pdf, name = _summary()
    preview = _preview(qtbot, pdf.data, name)
    printer = _printer_with_range("2-3")
    printer.setCopyCount(2)
    assert _finished(qtbot, preview.print_to(printer)) == [True, "ClinicPDF-7"]
    spooled = Path(os.environ["LP_STAND_IN_DIR"])
    argv = json.loads((spooled / "argv.json").read_text())
    assert argv == ["-t", name, "-n", "2", "-P", "2-3"]
    assert (spooled / "job.pdf").read_bytes() == pdf.data


def test_the_print_folder_gets_a_pdf_of_the_chosen_pages(qtbot, tmp_path: Path) -> None:
    pdf, name = _summary()
    folder = tmp_path / "to-print"
    pages = chosen_pages(_printer_with_range("2-3"))
    assert pages == ((2, 3),)
    task = PrintTask(FolderDestination(folder), PrintRequest(pdf.data, name, pages=pages))
    ok, where = _finished(qtbot, task.start())
    assert ok, where
    out = Path(where)
    texts = _page_texts(out.read_bytes())
    assert len(texts) == 2
    assert "Page 2 of 3" in texts[0] and "Page 3 of 3" in texts[1]
    assert PdfReader(out).metadata.title == PdfReader(io.BytesIO(pdf.data)).metadata.title
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] == [name]


def test_the_raster_fallback_draws_only_the_chosen_pages(qtbot, tmp_path: Path) -> None:
    pdf, name = _summary()
    out = tmp_path / "raster.pdf"
    steps: list[int] = []
    task = PrintTask(QtPrinterDestination(output_file=out),
                     PrintRequest(pdf.data, name, copies=1, pages=((3, 3),)))  # fmt: skip
    task.progress.connect(steps.append)
    assert _finished(qtbot, task.start()) == [True, str(out)]
    assert len(PdfReader(out).pages) == 1
    assert steps == [100]  # one page drawn, not three


def test_a_range_past_the_last_page_says_which_pages_there_are_and_sends_nothing(
    qtbot, tmp_path: Path, stand_in_lp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", f"{stand_in_lp.parent}{os.pathsep}{os.environ['PATH']}")
    pdf, name = _summary("02_cauda_equina.json", "patient")
    preview = _preview(qtbot, pdf.data, name)
    out = tmp_path / "never.pdf"
    to_file = _printer_with_range("2-4")
    to_file.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    to_file.setOutputFileName(str(out))
    with ModalWatch() as modals:  # the message box, read and closed
        for printer in (to_file, _printer_with_range("3")):  # a file, then lp
            assert preview.print_to(printer) is None
    assert _said(modals) == [
        "The chosen pages (2-4) are not all in this summary: it has 2 page(s), 1 to 2. "
        "Nothing was printed.",
        "The chosen pages (3) are not all in this summary: it has 2 page(s), 1 to 2. "
        "Nothing was printed.",
    ]
    assert preview.info.text() == "Not printed." and preview.task is None
    assert not out.exists()
    assert list(Path(os.environ["LP_STAND_IN_DIR"]).iterdir()) == []  # lp never ran


def test_the_print_task_itself_refuses_pages_the_pdf_lacks(qtbot, stand_in_lp: Path) -> None:
    """Whoever builds the request, nothing reaches the print system."""
    pdf, name = _summary("02_cauda_equina.json", "patient")
    task = PrintTask(CupsDestination(str(stand_in_lp)),
                     PrintRequest(pdf.data, name, pages=((3, 4),))).start()  # fmt: skip
    assert _finished(qtbot, task) == [
        False, "the chosen pages (3-4) are not all in this summary: it has 2 pages, 1 to 2"
    ]  # fmt: skip
    assert list(Path(os.environ["LP_STAND_IN_DIR"]).iterdir()) == []


def test_page_lists_as_cups_and_people_write_them() -> None:
    ranges = ((1, 1), (3, 5))
    assert ranges_text(ranges) == "1,3-5"
    assert page_numbers(ranges) == [1, 3, 4, 5]
    assert chosen_pages(_printer_with_range("1,3-5")) == ranges
    assert chosen_pages(QPrinter()) == ()  # every page


def test_the_refusal_is_in_spanish_with_the_spanish_interface(spanish, qtbot) -> None:
    pdf, name = _summary("02_cauda_equina.json", "patient")
    preview = _preview(qtbot, pdf.data, name)
    with ModalWatch() as modals:
        assert preview.print_to(_printer_with_range("3-4")) is None
    assert _said(modals) == [
        "Este resumen no tiene todas las páginas elegidas (3-4): tiene 2 páginas, de la 1 a "
        "la 2. No se imprimió nada."
    ]
