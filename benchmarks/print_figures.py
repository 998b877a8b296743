"""Printing figures: a 2-page patient summary from a click to spooled output, against its export.

The floor is the export the command line does (``export-pdf``): render the summary and write the
file. Printing renders the same summary and hands it to the print path the app uses (a
:class:`~intake_desktop.ui.printing.PrintTask` on the thread pool), timed until the window hears
that the job was taken: a CUPS queue's request id, or a file in a print folder. Both are timed
in turn, so they see the same machine. Sizes: the spooled job (CUPS' own spool file, when it can
be read) or the folder's file, against the exported file. The old way, every page drawn as an
image on a 600 dpi QPrinter, is measured a few times for comparison.

By default prints go to a print folder (as CUPS-PDF does): a benchmark must not send dozens of
jobs to a real printer. ``--print-queue NAME`` sends them to that CUPS queue instead; pause it
first (``cupsdisable NAME``: jobs are spooled, not printed) and ``cancel -a NAME`` afterwards.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.stats import Row, timed_against_floor

SPOOL_DIR = Path("/var/spool/cups")


def print_rows(queue: str | None = None, runs: int = 20) -> list[Row]:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from benchmarks.pdf_figures import sample_document
    from intake_desktop.reporting import render_pdf, suggested_filename, write_atomic
    from intake_desktop.ui.printing import (
        CupsDestination,
        Destination,
        FolderDestination,
        PrintRequest,
        PrintTask,
    )

    QApplication.instance() or QApplication([])
    doc = sample_document()
    name = suggested_filename(doc, "patient")
    pages = render_pdf("patient", doc).pages
    work = Path(tempfile.mkdtemp(prefix="bench-print-"))
    destination: Destination = CupsDestination() if queue else FolderDestination(work / "printed")
    where = f"CUPS queue {queue}" if queue else "print folder"
    export_sizes: list[float] = []
    print_sizes: list[float] = []
    counter = iter(range(10**6))

    def export(_: object) -> None:
        data = render_pdf("patient", doc).data
        out = work / "exported" / f"{next(counter)}.pdf"
        out.parent.mkdir(exist_ok=True)
        write_atomic(out, data)
        export_sizes.append(out.stat().st_size / 1024)

    def run_task(dest: Destination, request: PrintRequest) -> str:
        task = PrintTask(dest, request)
        loop = QEventLoop()
        task.finished.connect(loop.quit)
        task.start()
        loop.exec()
        assert task.outcome is not None
        ok, detail = task.outcome
        if not ok:
            raise RuntimeError(f"not printed: {detail}")
        return detail

    def print_once(_: object) -> None:
        data = render_pdf("patient", doc).data
        detail = run_task(destination, PrintRequest(data, name, printer=queue))
        print_sizes.append(_spooled_size(detail, len(data)) / 1024)

    printed, exported = timed_against_floor(print_once, export, [(None, None)] * runs, warmup=2)
    figure = f"print {pages}-page patient summary, to spooled ({where})"
    size_figure = "print: spooled size against the exported PDF"
    rows = [
        Row(figure, printed, floor=exported).check(ratio_at_most=2),
        Row(size_figure, print_sizes[-runs:], unit="KB", floor=export_sizes[-runs:]).check(
            ratio_at_most=2
        ),
    ]
    raster_times, raster_sizes = [], []
    for i in range(3):  # the old way, for comparison: page images on a 600 dpi printer
        out = work / f"raster-{i}.pdf"
        start = time.perf_counter()
        data = render_pdf("patient", doc).data
        run_task(_OldRaster(out), PrintRequest(data, name))
        raster_times.append(time.perf_counter() - start)
        raster_sizes.append(out.stat().st_size / 1024)
    rows.append(Row("print, old way: 600 dpi page images (time)", raster_times, floor=exported))
    rows.append(Row("print, old way: 600 dpi page images (size)", raster_sizes, unit="KB",
                    floor=export_sizes[-runs:]))  # fmt: skip
    return rows


class _OldRaster:
    """What printing did before issue 13: each page as an image at the printer's 600 dpi."""

    def __init__(self, out: Path) -> None:
        self.out = out

    def send(self, request: Any, progress: Any) -> str:
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrinter

        from intake_desktop.ui.printing import draw_pages

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.out))
        printer.setResolution(600)
        painter = QPainter(printer)
        try:
            draw_pages(painter, printer, request.data, progress)
        finally:
            painter.end()
        return str(self.out)


def _spooled_size(detail: str, default: int) -> int:
    """The size of what was spooled: CUPS' spool file of job ``QUEUE-ID`` when it can be read
    (as root), a print folder's file, else the bytes handed to the print system."""
    path = Path(detail)
    if path.is_absolute() and path.exists():
        return path.stat().st_size
    job = detail.rsplit("-", 1)[-1]
    if job.isdigit():
        spool = SPOOL_DIR / f"d{int(job):05d}-001"
        if os.access(spool, os.R_OK):
            return spool.stat().st_size
    return default
