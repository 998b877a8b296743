"""Preview a visit summary inside the app, then print it, save it or open it in a viewer.

The front desk hands the patient a printout, so the same bytes the preview shows go to the
printer (:mod:`.printing`: the PDF itself, from a worker thread, with progress here); nothing is
rendered twice and nothing is written unless asked. "Print" goes to the default printer at once;
"Print to…" lets the user choose one, the copies and the pages (a range, or the page shown).
Saving never replaces a file silently: the save dialog asks, and the write is atomic.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .code_labels import fill
from .print_range import page_numbers, pages_missing, ranges_text
from .printing import (
    Destination,
    PrintRequest,
    PrintTask,
    chosen_destination,
    default_destination,
)
from .window_state import fit_to_screen

#: Private folders holding copies handed to an outside viewer; removed when the program ends
#: (the viewer may still be reading them while the preview closes).
_VIEWER_COPIES: list[Path] = []


def _remove_viewer_copies() -> None:
    while _VIEWER_COPIES:
        shutil.rmtree(_VIEWER_COPIES.pop(), ignore_errors=True)


atexit.register(_remove_viewer_copies)


class PdfPreviewDialog(QDialog):
    """One rendered summary, with Print (default printer), Print… (Ctrl+P), Save as (Ctrl+S)
    and Open in viewer. ``destination`` overrides where "Print" sends it (else the setting)."""

    def __init__(
        self,
        data: bytes,
        suggested_name: str,
        title: str,
        parent: QWidget | None = None,
        *,
        destination: Destination | None = None,
        whole: bool = True,
    ) -> None:
        super().__init__(parent)
        #: Printed whole only: no page range (a patient summary, or one reporting red flags). On
        #: unless the caller says the summary may be printed in part: forgetting it is safe.
        self.whole = whole
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.data = data
        self.suggested_name = suggested_name
        self.destination = destination
        self.task: PrintTask | None = None
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Summary preview"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        pages = self.document.pageCount()
        self.info = QLabel(self.tr("%n page(s)", "", pages), self)
        self.info.setAccessibleName(self.tr("Print status"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.print_button = QPushButton(self.tr("&Print"), self)
        self.print_button.setToolTip(self.tr("Print on the default printer"))
        self.choose_button = QPushButton(self.tr("Print &to…"), self)
        self.choose_button.setToolTip(
            self.tr("Choose the printer and copies; this summary prints whole (Ctrl+P)")
            if whole
            else self.tr("Choose the printer, copies and pages (Ctrl+P)")
        )
        self.save_button = QPushButton(self.tr("&Save as…"), self)
        self.open_button = QPushButton(self.tr("&Open in viewer"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.print_button.clicked.connect(self.print_now)
        self.choose_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.print_dialog)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self.save_dialog)
        row = QHBoxLayout()
        row.addWidget(self.info, 1)
        row.addWidget(self.progress)
        for button in (self.print_button, self.choose_button, self.save_button,
                       self.open_button, self.close_button):  # fmt: skip
            row.addWidget(button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addLayout(row)
        self.print_button.setDefault(True)
        self.print_button.setFocus()
        fit_to_screen(self, (820, 900))

    # --- printing ------------------------------------------------------------------------

    def print_now(self) -> PrintTask | None:
        """Send the PDF to the default printer (or the clinic's print folder), in the background."""
        destination = self.destination or default_destination()
        return self.start_print(destination, PrintRequest(self.data, self.suggested_name))

    def print_dialog(self) -> PrintTask | None:
        """Choose a printer (or a file), copies and pages, then print there."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print summary"))
        # The range boxes go from 1 to the last page; "Current page" is the one on screen. A
        # summary printed whole offers neither.
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        options = QAbstractPrintDialog.PrintDialogOption
        dialog.setOption(options.PrintPageRange, not self.whole)
        dialog.setOption(options.PrintCurrentPage, not self.whole)
        choices = dialog.findChild(QWidget, "gbPrintRange")  # Qt's box of page choices
        if self.whole and choices is not None:  # Qt's own dialog leaves it on whatever the option
            choices.setEnabled(False)
            choices.setToolTip(self.tr("This summary prints whole, every page together."))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> PrintTask | None:
        """Print where the print dialog's ``printer`` says: its printer or file, its copies and
        only the pages it names. Pages the summary does not have: a message, nothing sent."""
        current = self.view.pageNavigator().currentPage() + 1
        destination, request = chosen_destination(
            printer, self.data, self.suggested_name, current_page=current
        )
        count = self.document.pageCount()
        if self.whole and page_numbers(request.pages) not in ([], list(range(1, count + 1))):
            self.info.setText(self.tr("Not printed."))
            why = self.tr(
                "This summary is printed whole, every page together: a patient's summary always "
                "(its warning signs and next steps go home with every copy), and any summary that "
                "reports red flags. Nothing was printed; choose all pages."
            )
            QMessageBox.warning(self, self.windowTitle(), why)
            return None
        if pages_missing(request.pages, count):
            self.info.setText(self.tr("Not printed."))
            why = self.tr(
                "The chosen pages (%1) are not all in this summary: it has %n page(s), "
                "1 to %n. Nothing was printed.", "", count
            )  # fmt: skip
            QMessageBox.warning(self, self.windowTitle(), fill(why, ranges_text(request.pages)))
            return None
        return self.start_print(destination, request)

    def start_print(self, destination: Destination, request: PrintRequest) -> PrintTask | None:
        """Run one print in the worker; the dialog shows its progress and stays usable."""
        if self.task is not None and self.task.running:
            return None  # one at a time: a second click while printing is not a second copy
        self.task = PrintTask(destination, request, self)
        self.task.progress.connect(self.progress.setValue)
        self.task.finished.connect(self._on_printed)
        self.print_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.info.setText(self.tr("Printing…"))
        return self.task.start()

    def _on_printed(self, ok: bool, detail: str) -> None:
        self.progress.hide()
        self.print_button.setEnabled(True)
        self.choose_button.setEnabled(True)
        if ok:
            self.info.setText(fill(self.tr("Sent to the printer (%1)."), detail)
                              if detail else self.tr("Sent to the printer."))  # fmt: skip
        else:
            self.info.setText(self.tr("Not printed."))
            QMessageBox.warning(self, self.windowTitle(),
                                fill(self.tr("Not printed: %1"), detail))  # fmt: skip

    # --- saving and opening --------------------------------------------------------------

    def save_dialog(self) -> None:
        start = Path.home() / self.suggested_name
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save summary as"), str(start), self.tr("PDF documents (*.pdf)")
        )
        if name:
            # The dialog has already asked before replacing an existing file.
            self.save_to(Path(name), overwrite=True)

    def save_to(self, path: Path, *, overwrite: bool = False) -> bool:
        """Write the PDF atomically; refuses to replace a file unless ``overwrite``."""
        from intake_desktop.reporting import OutputExistsError, write_atomic

        try:
            write_atomic(path, self.data, overwrite=overwrite)
        except OutputExistsError:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("A file with that name already exists.")
            )
            return False
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("The file cannot be written: %1").replace("%1", exc.strerror or str(exc)),
            )
            return False
        return True

    def open_in_viewer(self) -> Path | None:
        """Hand a private copy (0600 in a 0700 folder) to the system's PDF viewer; the copy is
        removed when the program ends."""
        folder = Path(tempfile.mkdtemp(prefix="intake-summary-"))  # 0700 by mkdtemp
        _VIEWER_COPIES.append(folder)
        path = folder / self.suggested_name
        if not self.save_to(path):
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path


def preview_summary(
    parent: QWidget, data: bytes, suggested_name: str, title: str, *, whole: bool
) -> PdfPreviewDialog:
    """Open the preview as a window of its own (non-modal, so the visit stays usable);
    ``whole``: it prints every page or none (see :class:`PdfPreviewDialog`)."""
    dialog = PdfPreviewDialog(data, suggested_name, title, parent, whole=whole)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
