"""Preview a visit summary inside the app, then print it, save it or open it in a viewer.

The front desk hands the patient a printout, so printing goes through the system print dialog from
the same bytes the preview shows; nothing is rendered twice and nothing is written unless asked.
Saving never replaces a file silently: the save dialog asks, and the write is atomic.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PdfPreviewDialog(QDialog):
    """Shows one rendered summary, with Print (Ctrl+P), Save as (Ctrl+S) and Open in viewer."""

    def __init__(
        self, data: bytes, suggested_name: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(820, 900)
        self.data = data
        self.suggested_name = suggested_name
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
        info = QLabel(self.tr("%n page(s)", "", pages), self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.save_button = QPushButton(self.tr("&Save as…"), self)
        self.open_button = QPushButton(self.tr("&Open in viewer"), self)
        close = QPushButton(self.tr("Close"), self)
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        self.open_button.clicked.connect(self.open_in_viewer)
        close.clicked.connect(self.accept)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.print_dialog)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self.save_dialog)
        row = QHBoxLayout()
        row.addWidget(info)
        row.addStretch(1)
        for button in (self.print_button, self.save_button, self.open_button, close):
            row.addWidget(button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addLayout(row)
        self.print_button.setDefault(True)
        self.print_button.setFocus()

    # --- printing ------------------------------------------------------------------------

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print summary"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Draw every page on ``printer`` at its resolution; returns the pages printed."""
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.windowTitle(), self.tr("The printer cannot be used."))
            return 0
        try:
            rect = printer.pageLayout().paintRectPixels(printer.resolution())
            for i in range(self.document.pageCount()):
                if i:
                    printer.newPage()
                points = self.document.pagePointSize(i)
                scale = min(rect.width() / points.width(), rect.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                image = self.document.render(i, size)
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
        return self.document.pageCount()

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
        """Hand a private temporary copy to the system's PDF viewer."""
        folder = Path(tempfile.mkdtemp(prefix="intake-summary-"))
        os.chmod(folder, 0o700)
        path = folder / self.suggested_name
        if not self.save_to(path):
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path


def preview_summary(
    parent: QWidget, data: bytes, suggested_name: str, title: str
) -> PdfPreviewDialog:
    """Open the preview as a window of its own (non-modal, so the visit stays usable)."""
    dialog = PdfPreviewDialog(data, suggested_name, title, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
