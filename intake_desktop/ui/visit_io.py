"""Case files to and from disk: the file dialogs and JSON, around the services' import/export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from intake_desktop.domain.validation import CaseValidationError, parse_case
from intake_desktop.input_files import CASE_FILE_LIMIT, read_json_file
from intake_desktop.private_files import write_private

FILTER = "Case files (*.json);;All files (*)"


def write_case(path: Path, data: dict[str, Any]) -> None:
    """Write a case file (UTF-8, indented, 0600, replaced whole so a crash leaves no half file).

    The save dialog has already asked before replacing a file; a link, folder or device is
    still refused (an OSError the callers show).
    """
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    write_private(path, text.encode("utf-8"), force=True)


def read_case(path: Path) -> Any:
    """The case file's JSON, read as the command line reads it: a regular file of at most
    2 MB, no duplicate keys, bounded nesting (a FIFO or /dev/zero is refused at once, never
    waited on). Raises :class:`~intake_desktop.input_files.FileRefused` (a ValueError)."""
    return read_json_file(path, "a case file", CASE_FILE_LIMIT)


def import_case_file(parent: QWidget, clinic: Any, path: Path) -> Any | None:
    """Store the case file at ``path`` as a new draft visit (the services' ImportResult), or
    say in a message box why not (unreadable file, not JSON, refused) and return None."""
    from intake_desktop.services.errors import ServiceError

    # Translated in the main window's context, where these words were first (explicit, so that
    # lupdate files them there too).
    try:
        return clinic.import_case(read_case(path))
    except (OSError, ValueError) as exc:
        title = QCoreApplication.translate("MainWindow", "Cannot read the file")
        QMessageBox.warning(parent, title, str(exc))
    except ServiceError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("MainWindow", "Not imported"), str(exc)
        )
    return None


def export_listed_case(window: QMainWindow, clinic: Any, visit: Any | None) -> None:
    """The main window's *Export case file*: ask where, write the selected visit's case file,
    and say in the status bar where it went (or that a visit must be selected first)."""

    if visit is None:
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Select a visit in a list first."), 5000
        )
        return
    target, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("MainWindow", "Export case file"),
        f"case-{visit.id}.json",
        FILTER,
    )
    if target:
        try:
            write_case(Path(target), clinic.export_case(visit.id))
        except OSError as exc:  # a link, a device, a read-only folder: say so, keep going
            QMessageBox.warning(
                window, QCoreApplication.translate("MainWindow", "Not exported"), str(exc)
            )
            return
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Exported to %s") % target, 5000
        )


def export_case_file(parent: QWidget, data: dict[str, Any], controller: Any = None) -> Path | None:
    """Ask where, check the case is valid, write it. Returns the path written, or None."""
    try:
        parse_case(data)
    except CaseValidationError as exc:
        QMessageBox.warning(
            parent,
            parent.tr("Cannot export yet"),
            parent.tr("The case file would not be valid:\n\n%s")
            % "\n".join(str(e) for e in exc.errors[:10]),
        )
        return None
    name = (
        f"case-{data.get('patient', {}).get('id') or 'patient'}-{data.get('visit_date', '')}.json"
    )
    target, _ = QFileDialog.getSaveFileName(parent, parent.tr("Export case file"), name, FILTER)
    if not target:
        return None
    path = Path(target)
    try:
        write_case(path, data)
    except OSError as exc:
        QMessageBox.warning(parent, parent.tr("Not exported"), str(exc))
        return None
    return path


def export_fhir_file(parent: QWidget, clinic: Any, visit_id: int) -> Path | None:
    """Ask where, then write the visit as a FHIR R4 Bundle (audited by the services)."""
    from intake_desktop.interop import NotExportable
    from intake_desktop.services.errors import ServiceError

    try:
        bundle = clinic.fhir_bundle(visit_id)
    except (ServiceError, NotExportable, CaseValidationError) as exc:
        QMessageBox.warning(parent, parent.tr("Cannot export yet"), str(exc))
        return None
    target, _ = QFileDialog.getSaveFileName(
        parent, parent.tr("Export FHIR bundle"), f"visit-{visit_id}-fhir.json", FILTER
    )
    if not target:
        return None
    path = Path(target)
    try:
        write_case(path, bundle)
    except OSError as exc:
        QMessageBox.warning(parent, parent.tr("Not exported"), str(exc))
        return None
    return path
