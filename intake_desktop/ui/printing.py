"""Printing a summary: the PDF itself goes to the print system, from a worker thread.

Drawing page images on a QPrinter made a 16 MB raster job for two pages and held the window for
seconds. CUPS (Linux, macOS) takes PDF as it is, so the very bytes the preview shows are handed
to ``lp`` on its standard input: the printout stays vectors (sharp text, a job the size of the
exported file) and we write nothing to disk. Where there is no ``lp`` (Windows), the pages are
drawn on the system printer at 300 dpi, in the worker too. A clinic may instead print to a
folder (setting ``printing/folder``), as CUPS-PDF does, for a print server or an archive to
pick up. All three run in :class:`PrintTask` on the thread pool: the window keeps working and
hears progress and the outcome through signals.

A print may ask for some pages only (the print dialog's page range, :mod:`.print_range`): ``lp``
gets them as its page list (``-P 2-3``), the raster fallback draws only those, and a file or the
print folder gets a PDF of those pages alone. A range the summary does not have is refused
before anything is sent.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import (
    QByteArray,
    QObject,
    QRect,
    QRunnable,
    QSettings,
    QSize,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from .print_range import PageRanges, chosen_pages, page_numbers, pages_missing, ranges_text
from .settings import PRINT_FOLDER

#: How long ``lp`` may take to accept a job before the print is reported as failed.
SPOOL_TIMEOUT_S = 60
#: The fallback raster path draws pages at most this fine (600 dpi made 16 MB for two pages).
RASTER_DPI = 300

Progress = Callable[[int], None]


class PrintError(Exception):
    """The print system did not take the job; the message says why, in its own words."""


@dataclass(frozen=True, slots=True)
class PrintRequest:
    """One summary to print. ``title`` names the job in the print queue, which other people can
    see, so it is the file name (visit number, date, kind), never the patient's name."""

    data: bytes
    title: str
    printer: str | None = None  # None: the default printer
    copies: int = 1
    pages: PageRanges = ()  # 1-based (first, last) pairs; () is every page


def check_pages(request: PrintRequest) -> None:
    """Refuse a page range the PDF does not have, naming the pages it has (nothing is sent)."""
    if not request.pages:
        return
    from intake_desktop.reporting.pages import pdf_page_count

    count = pdf_page_count(request.data)
    if pages_missing(request.pages, count):
        raise PrintError(
            f"the chosen pages ({ranges_text(request.pages)}) are not all in this summary: "
            f"it has {count} page{'s' if count != 1 else ''}, 1 to {count}"
        )


def data_to_send(request: PrintRequest) -> bytes:
    """The PDF of the pages asked for: the very bytes when every page is, else a PDF of just
    those pages copied out of them (vectors and text kept)."""
    if not request.pages:
        return request.data
    from intake_desktop.reporting.pages import pdf_with_pages

    try:
        return pdf_with_pages(request.data, page_numbers(request.pages))
    except IndexError as exc:
        raise PrintError(str(exc)) from None


class Destination(Protocol):
    """Where a print goes; ``send`` runs in a worker thread and returns where the job went."""

    def send(self, request: PrintRequest, progress: Progress) -> str: ...


class CupsDestination:
    """The PDF to CUPS through ``lp`` on standard input (no temporary file of ours)."""

    def __init__(self, command: str = "lp") -> None:
        self.command = command

    def send(self, request: PrintRequest, progress: Progress) -> str:
        args = [self.command, "-t", request.title, "-n", str(max(1, request.copies))]
        if request.printer:
            args += ["-d", request.printer]
        if request.pages:  # CUPS' page-ranges: the filters print only these pages
            args += ["-P", ranges_text(request.pages)]
        progress(10)
        try:
            run = subprocess.run(  # a fixed program; the arguments are ours
                args, input=request.data, capture_output=True, timeout=SPOOL_TIMEOUT_S, check=False
            )
        except FileNotFoundError:
            raise PrintError(f"{self.command}: no print system found") from None
        except subprocess.TimeoutExpired:
            raise PrintError(f"{self.command}: no answer in {SPOOL_TIMEOUT_S} s") from None
        if run.returncode != 0:
            said = run.stderr.decode(errors="replace").strip().splitlines()
            raise PrintError(said[-1] if said else f"{self.command} exited with {run.returncode}")
        progress(100)
        found = re.search(r"request id is (\S+)", run.stdout.decode(errors="replace"))
        return found.group(1) if found else (request.printer or "")


class FolderDestination:
    """Each print becomes a PDF file in ``folder`` (0600, written atomically, never replacing
    an earlier print: a second one of the same name gets ``-2``), as CUPS-PDF would leave it."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def send(self, request: PrintRequest, progress: Progress) -> str:
        from intake_desktop.private_files import make_private_folder
        from intake_desktop.reporting import OutputExistsError, write_atomic

        data = data_to_send(request)
        progress(10)
        try:
            make_private_folder(self.folder)  # 0700 whatever the umask
            stem, suffix = Path(request.title).stem, Path(request.title).suffix or ".pdf"
            for n in range(1, 1000):
                path = self.folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
                try:
                    write_atomic(path, data)
                except OutputExistsError:
                    continue
                progress(100)
                return str(path)
        except OSError as exc:
            raise PrintError(f"{self.folder}: {exc.strerror or exc}") from None
        raise PrintError(f"{self.folder}: too many prints named {request.title}")


class FileDestination:
    """ "Print to file" chosen in the print dialog: the PDF itself, as the preview shows it
    (the dialog has already asked before replacing an existing file)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def send(self, request: PrintRequest, progress: Progress) -> str:
        from intake_desktop.reporting import write_atomic

        data = data_to_send(request)
        progress(10)
        try:
            write_atomic(self.path, data, overwrite=True)
        except OSError as exc:
            raise PrintError(f"{self.path}: {exc.strerror or exc}") from None
        progress(100)
        return str(self.path)


class QtPrinterDestination:
    """The system printer through Qt, for platforms without ``lp``: each page drawn as an image
    at :data:`RASTER_DPI` (QtPdf renders only to images). ``output_file`` prints to a PDF file
    instead, as Qt's own "print to file" does."""

    def __init__(self, output_file: Path | None = None) -> None:
        self.output_file = output_file

    def send(self, request: PrintRequest, progress: Progress) -> str:
        if self.output_file is None:
            return self._print(request, progress, None)
        # Qt would write the file itself with the umask's permissions and through a link: it
        # writes a private temporary file instead, renamed into place when complete.
        from intake_desktop.private_files import check_target, partial_file, place

        try:
            out = check_target(self.output_file, force=True)  # the dialog asked to replace
            with partial_file(out) as tmp:
                self._print(request, progress, tmp)
                place(tmp, out, force=True)
        except OSError as exc:
            raise PrintError(str(exc)) from None
        return str(self.output_file)

    def _print(self, request: PrintRequest, progress: Progress, output: Path | None) -> str:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if output is not None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(output))
        elif request.printer:
            printer.setPrinterName(request.printer)
        printer.setDocName(request.title)
        printer.setCopyCount(max(1, request.copies))
        printer.setResolution(RASTER_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(f"{printer.printerName() or 'printer'}: cannot be used")
        try:
            draw_pages(painter, printer, request.data, progress, page_numbers(request.pages))
        finally:
            painter.end()
        return printer.printerName()


def draw_pages(
    painter: QPainter,
    printer: QPrinter,
    data: bytes,
    progress: Progress,
    pages: list[int] | None = None,
) -> int:
    """Draw ``pages`` (1-based; empty or None: every page) of the PDF ``data`` on ``printer``,
    each fitted to its printable area; returns how many were drawn."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtPdf import QPdfDocument

    raw = QByteArray(data)
    buffer = QBuffer(raw)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    count = document.pageCount()
    if count <= 0:
        raise PrintError("the summary could not be read back for printing")
    wanted = [n - 1 for n in pages] if pages else list(range(count))
    for i in wanted:
        if not 0 <= i < count:
            raise PrintError(f"page {i + 1}: the summary has pages 1 to {count}")
    rect = printer.pageLayout().paintRectPixels(printer.resolution())
    for done, i in enumerate(wanted):
        if done:
            printer.newPage()
        points = document.pagePointSize(i)
        scale = min(rect.width() / points.width(), rect.height() / points.height())
        size = QSize(int(points.width() * scale), int(points.height() * scale))
        painter.drawImage(QRect(0, 0, size.width(), size.height()), document.render(i, size))
        progress(int(100 * (done + 1) / len(wanted)))
    document.close()
    return len(wanted)


def default_destination(settings: QSettings | None = None) -> Destination:
    """The clinic's print folder when set, else CUPS when ``lp`` exists, else Qt's printer."""
    folder = PRINT_FOLDER.read(settings or QSettings())
    if folder:
        return FolderDestination(Path(folder))
    if shutil.which("lp"):
        return CupsDestination()
    return QtPrinterDestination()


def chosen_destination(
    printer: QPrinter, data: bytes, title: str, *, current_page: int | None = None
) -> tuple[Destination, PrintRequest]:
    """Where the print dialog's choice sends the PDF ``data``, and the request for it: the
    printer, the copies and the pages chosen (``current_page``, 1-based, is the page the
    preview shows, for "Current page")."""
    pages = chosen_pages(printer, current_page)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        # A file holds the pages once; copies are for paper.
        return FileDestination(Path(printer.outputFileName())), PrintRequest(
            data, title, pages=pages
        )
    request = PrintRequest(data, title, printer=printer.printerName() or None,
                           copies=printer.copyCount(), pages=pages)  # fmt: skip
    if shutil.which("lp"):
        return CupsDestination(), request
    return QtPrinterDestination(), request


class _Signals(QObject):
    """Lives in the GUI thread; the worker's emits reach it queued."""

    progress = Signal(int)
    sent = Signal(str)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, destination: Destination, request: PrintRequest, signals: _Signals):
        super().__init__()
        self.destination, self.request, self.signals = destination, request, signals

    def run(self) -> None:
        try:
            check_pages(self.request)  # before anything goes anywhere
            where = self.destination.send(self.request, self.signals.progress.emit)
        except PrintError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a worker must report, never die silently
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.sent.emit(where)


class PrintTask(QObject):
    """One print running on the thread pool. ``finished(ok, detail)``: ``detail`` is where the
    job went (a CUPS job id, a file) or, when not ``ok``, why it failed."""

    progress = Signal(int)
    finished = Signal(bool, str)

    def __init__(
        self, destination: Destination, request: PrintRequest, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.destination, self.request = destination, request
        self.running = False
        self.outcome: tuple[bool, str] | None = None
        self._signals = _Signals(self)
        self._signals.progress.connect(self.progress)
        self._signals.sent.connect(lambda where: self._done(True, where))
        self._signals.failed.connect(lambda why: self._done(False, why))

    def start(self, pool: QThreadPool | None = None) -> PrintTask:
        self.running = True
        self._job = _Job(self.destination, self.request, self._signals)
        self._job.setAutoDelete(False)  # Python holds it until the outcome arrives
        (pool or QThreadPool.globalInstance()).start(self._job)
        return self

    def _done(self, ok: bool, detail: str) -> None:
        self.running = False
        self.outcome = (ok, detail)
        self.finished.emit(ok, detail)
