"""Printing hands the PDF itself to the print system, from a worker, and the window keeps working.

No printer exists offscreen, so the tests print where a real job can still be read back: a print
folder (the production "print to folder" target, as CUPS-PDF leaves files), Qt's own
print-to-PDF for the raster fallback, and, for the ``lp`` path, a stand-in ``lp`` program on a
real pipe that keeps what it was given. Outputs are opened with pypdf: vector pages have their
text; the raster fallback's have none.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QElapsedTimer, QTimer

from intake_desktop.ui.pdf_preview import PdfPreviewDialog
from intake_desktop.ui.printing import (
    CupsDestination,
    FolderDestination,
    PrintRequest,
    PrintTask,
    QtPrinterDestination,
    default_destination,
)
from intake_desktop.ui.settings import PRINT_FOLDER
from tests.ui.test_pdf_preview import rendered

STAND_IN_LP = """#!{python}
# Stands in for CUPS' lp: keeps the job it reads on standard input and answers as lp does.
import json, os, sys, time
out = os.environ["LP_STAND_IN_DIR"]
time.sleep(float(os.environ.get("LP_STAND_IN_DELAY", "0")))
if os.environ.get("LP_STAND_IN_FAIL"):
    sys.stderr.write("lp: Error - No default destination.\\n")
    sys.exit(1)
data = sys.stdin.buffer.read()
with open(os.path.join(out, "job.pdf"), "wb") as fh:
    fh.write(data)
with open(os.path.join(out, "argv.json"), "w") as fh:
    json.dump(sys.argv[1:], fh)
print("request id is ClinicPDF-7 (0 file(s))")
"""


@pytest.fixture
def stand_in_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "spooled"
    folder.mkdir()
    script = tmp_path / "bin" / "lp"
    script.parent.mkdir()
    script.write_text(STAND_IN_LP.format(python=sys.executable), encoding="utf-8")
    script.chmod(0o700)
    monkeypatch.setenv("LP_STAND_IN_DIR", str(folder))
    return script


def _pdf(kind: str = "patient"):
    from intake_desktop.reporting import suggested_filename

    doc, pdf = rendered(kind)
    return pdf, suggested_filename(doc, kind)


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_print_button_sends_the_pdf_itself_as_vectors(qtbot, tmp_path: Path) -> None:
    pdf, name = _pdf()
    folder = tmp_path / "printed"
    dialog = PdfPreviewDialog(pdf.data, name, "Patient summary",
                              destination=FolderDestination(folder))  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.print_button.click()
    assert dialog.task is not None
    with qtbot.waitSignal(dialog.task.finished, timeout=10_000) as done:
        pass
    ok, where = done.args
    assert ok, where
    out = Path(where)
    assert out.parent == folder and out.name == name
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert out.stat().st_size <= 2 * len(pdf.data)  # the export's size, not a 16 MB raster
    text = _text(out.read_bytes())
    assert "DRAFT" in text and "emergency department" in text.lower()
    assert len(PdfReader(out).pages) == pdf.pages
    assert [p.name for p in folder.iterdir()] == [name]  # no temporary left behind
    assert dialog.info.text().startswith("Sent to the printer")


def test_a_second_print_of_the_same_summary_never_replaces_the_first(qtbot, tmp_path) -> None:
    pdf, name = _pdf()
    folder = tmp_path / "printed"
    destination = FolderDestination(folder)
    for _ in range(2):
        task = PrintTask(destination, PrintRequest(pdf.data, name)).start()
        with qtbot.waitSignal(task.finished, timeout=10_000):
            pass
    stem = name.removesuffix(".pdf")
    assert sorted(p.name for p in folder.iterdir()) == [f"{stem}-2.pdf", name]


def test_lp_gets_the_pdf_on_its_standard_input(qtbot, stand_in_lp: Path) -> None:
    """CUPS takes PDF as it is: lp reads the very bytes of the preview, no file of ours."""
    pdf, name = _pdf("clinician")
    task = PrintTask(CupsDestination(str(stand_in_lp)),
                     PrintRequest(pdf.data, name, printer="Room-2", copies=2)).start()  # fmt: skip
    with qtbot.waitSignal(task.finished, timeout=20_000) as done:
        pass
    assert done.args == [True, "ClinicPDF-7"]
    spooled = Path(os.environ["LP_STAND_IN_DIR"])
    assert (spooled / "job.pdf").read_bytes() == pdf.data
    argv = json.loads((spooled / "argv.json").read_text())
    assert argv == ["-t", name, "-n", "2", "-d", "Room-2"]
    assert "Lucía" not in " ".join(argv)  # the queue, visible to others, never names the patient


def test_a_refused_print_says_what_the_print_system_said(
    qtbot, stand_in_lp: Path, monkeypatch
) -> None:
    monkeypatch.setenv("LP_STAND_IN_FAIL", "1")
    pdf, name = _pdf()
    dialog = PdfPreviewDialog(pdf.data, name, "Patient summary",
                              destination=CupsDestination(str(stand_in_lp)))  # fmt: skip
    qtbot.addWidget(dialog)
    shown: list[str] = []
    monkeypatch.setattr(
        "intake_desktop.ui.pdf_preview.QMessageBox.warning", lambda *a: shown.append(a[2])
    )
    dialog.print_button.click()
    with qtbot.waitSignal(dialog.task.finished, timeout=20_000):
        pass
    assert shown == ["Not printed: lp: Error - No default destination."]
    assert dialog.print_button.isEnabled()  # another try is possible


def test_the_window_keeps_working_while_printing(qtbot, stand_in_lp: Path, monkeypatch) -> None:
    """A print that takes a second (a slow print server) leaves the event loop running: a
    timer keeps ticking and a click is handled during the print."""
    monkeypatch.setenv("LP_STAND_IN_DELAY", "1.0")
    pdf, name = _pdf()
    dialog = PdfPreviewDialog(pdf.data, name, "Patient summary",
                              destination=CupsDestination(str(stand_in_lp)))  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()

    def tick() -> None:
        gaps.append(clock.restart())

    timer = QTimer(dialog)
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    dialog.print_button.click()
    task = dialog.task
    assert task is not None and task.running
    clicked_while_printing: list[bool] = []
    dialog.open_button.clicked.disconnect()
    dialog.open_button.clicked.connect(lambda: clicked_while_printing.append(task.running))
    QTimer.singleShot(300, dialog.open_button.click)
    assert not dialog.print_button.isEnabled()  # one print at a time
    assert dialog.progress.isVisible()
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    timer.stop()
    assert clicked_while_printing == [True]
    assert len(gaps) >= 25, gaps  # about 50 ticks in a second, when nothing blocks
    assert max(gaps) < 250, gaps
    assert dialog.print_button.isEnabled() and not dialog.progress.isVisible()


def test_without_lp_the_pages_are_drawn_in_the_worker(qtbot, tmp_path: Path) -> None:
    """The fallback for systems without CUPS: Qt's printer, drawn off the GUI thread."""
    pdf, name = _pdf("clinician")
    out = tmp_path / "qt-printed.pdf"
    steps: list[int] = []
    task = PrintTask(QtPrinterDestination(output_file=out), PrintRequest(pdf.data, name))
    task.progress.connect(steps.append)
    task.start()
    with qtbot.waitSignal(task.finished, timeout=60_000) as done:
        pass
    assert done.args == [True, str(out)]
    assert len(PdfReader(out).pages) == pdf.pages
    assert steps[-1] == 100 and len(steps) == pdf.pages


def test_the_print_folder_setting_chooses_the_folder(settings, tmp_path: Path) -> None:
    settings.setValue(PRINT_FOLDER.key, str(tmp_path / "to-print"))
    chosen = default_destination(settings)
    assert isinstance(chosen, FolderDestination)
    assert chosen.folder == tmp_path / "to-print"


def test_a_viewer_copy_is_private(qtbot, monkeypatch) -> None:
    from intake_desktop.ui import pdf_preview

    opened: list[str] = []
    monkeypatch.setattr(
        "intake_desktop.ui.pdf_preview.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()),
    )
    pdf, name = _pdf()
    dialog = PdfPreviewDialog(pdf.data, name, "Patient summary")
    qtbot.addWidget(dialog)
    path = dialog.open_in_viewer()
    assert path is not None and opened == [str(path)]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    pdf_preview._remove_viewer_copies()  # what the program does when it ends
    assert not path.parent.exists()


def _cups_pdf_queue() -> str | None:
    """A CUPS queue whose device is CUPS-PDF on this machine, if any (none on CI)."""
    if not shutil.which("lpstat") or not shutil.which("lp"):
        return None
    run = subprocess.run(["lpstat", "-v"], capture_output=True, text=True, check=False)
    for line in run.stdout.splitlines():  # "device for ClinicPDF: cups-pdf:/"
        if line.startswith("device for ") and line.rstrip().endswith("cups-pdf:/"):
            return line.removeprefix("device for ").split(":")[0]
    return None


@pytest.mark.skipif(_cups_pdf_queue() is None, reason="needs a CUPS queue with CUPS-PDF")
def test_a_real_cups_queue_takes_the_pdf(qtbot) -> None:
    """Against the real ``lp`` and CUPS: the job is accepted under its request id, then
    cancelled (the test leaves no printout behind)."""
    queue = _cups_pdf_queue()
    pdf, name = _pdf()
    task = PrintTask(CupsDestination(), PrintRequest(pdf.data, name, printer=queue)).start()
    with qtbot.waitSignal(task.finished, timeout=30_000) as done:
        pass
    ok, job = done.args
    assert ok, job
    assert job.startswith(f"{queue}-")
    subprocess.run(["cancel", job], capture_output=True, check=False)
