"""Opens each top-level window and dialog of the app on the screen it is run on and prints, as
JSON, the available screen area, each window's frame and its visible buttons' rectangles.

Run by tests/ui/test_fits_the_screen.py in a fresh interpreter, whose offscreen screen has the
size under test (a screen's size cannot change inside a running Qt application).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QWidget,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "02_cauda_equina.json"


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def _global(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def measure(name: str, window: QWidget) -> dict:
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    # Buttons inside scrolled content (the steps' pages) are reached by scrolling, not at once.
    scrolled = [a.viewport() for a in window.findChildren(QAbstractScrollArea)]
    inner = [w for w in window.findChildren(QAbstractButton) if w.isVisibleTo(window)
             and not any(v.isAncestorOf(w) for v in scrolled)]  # fmt: skip
    labels = [w for w in window.findChildren(QLabel) if w.objectName() == "saveStatus"]
    return {
        "name": name,
        "frame": _rect(window.frameGeometry()),
        "size": [window.width(), window.height()],
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "buttons": {
            (b.text() or b.objectName() or type(b).__name__): _rect(_global(b))
            for b in inner
            if b.window() is window
        },
        "status": [_rect(_global(label)) for label in labels],
    }


def main(db_url: str, settings_file: str) -> None:
    from intake_desktop.ui.clinic import Clinic
    from intake_desktop.ui.conflict_dialog import ConflictDialog
    from intake_desktop.ui.main_window import MainWindow
    from intake_desktop.ui.patient_dialog import PatientDialog
    from intake_desktop.ui.sign_in import FirstAdminDialog, SignInDialog, UnlockDialog
    from tests.actors import as_user, open_unlocked

    app = QApplication.instance() or QApplication([])
    settings = QSettings(settings_file, QSettings.Format.IniFormat)
    clinic = Clinic(
        open_unlocked(db_url), actor=as_user("probe", roles={"front_desk", "clinician"})
    )
    main_window = MainWindow(clinic, settings)
    windows = [measure("main window", main_window)]
    visit = main_window.import_case_path(EXAMPLE)
    visit.ask_keep_draft = lambda: "keep"
    windows.append(measure("visit window", visit))
    preview = visit.summaries.preview_patient()
    windows.append(measure("print preview", preview))
    case = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    dialogs = {
        "patient dialog": PatientDialog(clinic, parent=main_window),
        "sign-in dialog": SignInDialog(clinic, main_window),
        "first administrator dialog": FirstAdminDialog(clinic, main_window),
        "unlock dialog": UnlockDialog(clinic, main_window),
        "conflict dialog": ConflictDialog(
            case, {**case, "visit_date": "2026-01-02"}, "someone", "12:00", visit
        ),
    }
    for name, dialog in dialogs.items():
        windows.append(measure(name, dialog))
        dialog.close()
    screen = app.primaryScreen()
    print(json.dumps({"available": _rect(screen.availableGeometry()), "windows": windows}))
    preview.close()
    visit.close()
    main_window.close()
    clinic.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
