"""Summaries that print whole: a patient's summary always (its warning signs and next steps go
home with every copy), any summary that reports red flags (a page left out could be the one that
says them). Their print dialog offers no page range, and a range reaching the preview another way
is refused; a clinician summary without red flags keeps its page ranges (test_print_ranges.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QRadioButton

from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.pdf_preview import PdfPreviewDialog
from tests.actors import as_user, open_unlocked
from tests.ui.helpers import ModalWatch, open_imported_visit
from tests.ui.test_print_ranges import (
    _answer_print_dialog,
    _finished,
    _page_texts,
    _preview,
    _printer_with_range,
    _said,
    _summary,
    _to_file,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


def _previews() -> dict[str, PdfPreviewDialog]:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)]
    return {p.windowTitle(): p for p in shown if p.isVisible()}


@pytest.mark.parametrize(
    ("example", "clinician_whole"),
    [("02_cauda_equina.json", True), ("03_interventional.json", False)],
)
def test_the_visit_window_opens_previews_that_print_whole_where_they_must(
    qtbot, db_url, settings, example: str, clinician_whole: bool
) -> None:
    clinic = Clinic(
        open_unlocked(db_url), actor=as_user("dr.all", roles={"front_desk", "clinician"})
    )
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    try:
        window = open_imported_visit(qtbot, main, EXAMPLES / example)
        window.summaries.patient_button.click()
        window.summaries.clinician_button.click()
        previews = _previews()
        assert previews["Patient summary"].whole is True
        assert previews["Clinician summary"].whole is clinician_whole
        tip = previews["Clinician summary"].choose_button.toolTip()
        assert ("prints whole" in tip) is clinician_whole
        for preview in previews.values():
            preview.close_button.click()
    finally:
        clinic.close()


def test_a_summary_printed_whole_offers_no_range_and_refuses_one(qtbot, tmp_path: Path) -> None:
    pdf, name = _summary("02_cauda_equina.json", "patient")
    preview = _preview(qtbot, pdf.data, name)
    preview.whole = True  # as the visit window makes it for this summary (above)
    out = tmp_path / "all.pdf"
    offered: list[bool] = []

    def look(dialog) -> None:  # the dialog's box of page choices (range, current page)
        choices = dialog.findChild(QRadioButton, "printRange").parentWidget()
        offered.append(choices.isEnabled() and not choices.isHidden())

    _answer_print_dialog(preview, _to_file(out, look))
    preview.choose_button.click()  # through the dialog: every page, as it offers nothing else
    assert offered == [False]
    assert _finished(qtbot, preview.task) == [True, str(out)]
    assert out.read_bytes() == pdf.data
    preview.whole = False  # the same summary, were it allowed in part: the box is there
    _answer_print_dialog(preview, lambda dialog: (look(dialog), dialog.reject()))
    preview.choose_button.click()
    assert offered == [False, True]
    preview.whole = True
    # A range that reaches the preview some other way: refused, nothing written.
    page_two = _printer_with_range("2")
    page_two.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    page_two.setOutputFileName(str(tmp_path / "page-2.pdf"))
    preview.task = None
    with ModalWatch() as modals:  # the message box, read and closed
        assert preview.print_to(page_two) is None
    shown = _said(modals)
    assert not (tmp_path / "page-2.pdf").exists()
    assert len(shown) == 1 and "printed whole" in shown[0] and "red flags" in shown[0]
    assert preview.info.text() == "Not printed."
    # Naming every page is every page.
    both = _printer_with_range("1-2")
    both.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    both.setOutputFileName(str(tmp_path / "both.pdf"))
    assert _finished(qtbot, preview.print_to(both)) == [True, str(tmp_path / "both.pdf")]
    assert len(_page_texts((tmp_path / "both.pdf").read_bytes())) == 2
