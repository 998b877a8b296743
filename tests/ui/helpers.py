"""Driving the real widgets from tests: keys go to whatever has the keyboard focus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def tab(times: int = 1) -> None:
    for _ in range(times):
        press(Qt.Key.Key_Tab)


def when_modal(action: Callable[[QWidget], None]) -> None:
    """Run ``action(dialog)`` once a modal dialog is up (the test's code is blocked in exec)."""

    def _poll() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if dialog is None or focus is None or not dialog.isAncestorOf(focus):
            if dialog is not None:
                dialog.activateWindow()
            QTimer.singleShot(20, _poll)
            return
        try:
            action(dialog)
        except BaseException:
            dialog.close()  # never leave the test blocked in exec()
            if dialog.isVisible():
                dialog.done(0)
            raise

    QTimer.singleShot(0, _poll)


def open_visit_window(qtbot, window):
    """Show a visit window for a test; closing it at the end keeps the draft without asking."""
    window.ask_keep_draft = lambda: "keep"
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def intake_only(path: Path) -> Path:
    """A copy of a case file without the clinician's part (exam, imaging, four questions): what
    a front-desk user may import (the services refuse the rest to them)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for section in ("exam", "imaging", "framework"):
        data.pop(section, None)
    copy = Path(tempfile.mkdtemp(prefix="intake-only-")) / path.name
    copy.write_text(json.dumps(data), encoding="utf-8")
    return copy


def open_imported_visit(qtbot, main, path):
    """Import a case file through the main window and bring its visit window to the front
    (a front-desk user imports the intake part of it, as the services allow)."""
    if not main.clinic.may("visit.edit_clinical"):
        path = intake_only(path)
    window = main.import_case_path(path)
    assert window is not None
    window.ask_keep_draft = lambda: "keep"
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


class ModalWatch:
    """Closes every modal dialog that opens while it watches and keeps what each said, so a
    test clicking buttons never blocks in ``exec()`` and can assert on the messages."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._close)

    def __enter__(self) -> ModalWatch:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.stop()

    def _close(self) -> None:
        from PySide6.QtWidgets import QDialog, QMessageBox

        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        text = dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()
        self.seen.append(f"{type(dialog).__name__}: {text}")
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()


def answer_screen_and_skip_exam(window, reason: str = "patient in a wheelchair today") -> None:
    """As a user would: every red-flag question not already yes answered No, and the exam
    marked not done with a reason (what signing needs besides the case)."""
    from intake_desktop.ui.intake_pages.red_flags import RedFlagPage

    page = window.page(RedFlagPage)
    for switch in page.switches.values():
        if switch.value() is None:
            QTest.keyClick(switch, Qt.Key.Key_N)
    box = window.pages[5].not_examined
    box.check.click()
    QTest.keyClicks(box.reason, reason)


def sign_through_dialog(qtbot, window, password: str):
    """Click Sign, type the password in the confirmation, sign; returns the dialog."""
    window.decision_page.sign_button.click()
    dialog = window.sign_dialog
    assert dialog is not None and dialog.confirming, [str(m) for m in dialog.missing]
    qtbot.waitExposed(dialog)
    dialog.password.setText(password)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: window.read_only)
    return dialog


def launch_app(db_url: str, bench: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m intake_desktop --db URL`` as a user starts it (offscreen), measured by the
    bench hook ``bench`` (intake_desktop.bench_hook), with ``env`` set; credentials from the
    environment only where ``env`` gives them (none inherited from the test run)."""
    variables = {k: v for k, v in os.environ.items()
                 if k not in ("INTAKE_DESKTOP_USER", "INTAKE_DESKTOP_PASSWORD")}  # fmt: skip
    variables.update(QT_QPA_PLATFORM="offscreen", INTAKE_DESKTOP_BENCH=bench, **env)
    return subprocess.run(
        [sys.executable, "-m", "intake_desktop", "--db", db_url],
        capture_output=True, text=True, env=variables, timeout=120, check=False,
    )  # fmt: skip
