"""Files written from the windows are private (0600) under the usual umask, and a link, a device
or a folder chosen in a save dialog is refused with a message instead of being written through.
Real widgets, a real SQLite file; only the file dialog's answer and the message box are stood in.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from intake_desktop.ui.printing import PrintRequest, PrintTask, QtPrinterDestination
from tests.storage.readonly import a_device
from tests.ui.helpers import open_imported_visit
from tests.ui.test_printing import _pdf
from tests.ui.test_roles_in_ui import EXAMPLE, _main


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _answer(monkeypatch, target: Path) -> list[str]:
    monkeypatch.setattr(
        "intake_desktop.ui.visit_io.QFileDialog.getSaveFileName", lambda *a: (str(target), "")
    )
    warnings: list[str] = []
    monkeypatch.setattr(
        "intake_desktop.ui.visit_io.QMessageBox.warning", lambda *a: warnings.append(a[-1])
    )
    return warnings


def test_the_export_button_writes_a_private_case_file(
    qtbot, db_url, settings, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "case.json"
    warnings = _answer(monkeypatch, target)
    main = _main(qtbot, db_url, settings, {"front_desk", "clinician"})
    window = open_imported_visit(qtbot, main, EXAMPLE)
    window.export_button.click()
    assert warnings == []
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_text(encoding="utf-8"))["format"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("case")] == ["case.json"]


def test_a_link_chosen_in_the_dialog_is_refused_with_a_message(
    qtbot, db_url, settings, tmp_path, monkeypatch
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "link.json"
    link.symlink_to(victim)
    warnings = _answer(monkeypatch, link)
    main = _main(qtbot, db_url, settings, {"front_desk", "clinician"})
    window = open_imported_visit(qtbot, main, EXAMPLE)
    window.export_button.click()
    assert len(warnings) == 1 and "symbolic link" in warnings[0] and str(link) in warnings[0]
    assert victim.read_text() == "precious" and link.is_symlink()


def test_print_to_file_through_qt_is_private(qtbot, tmp_path: Path) -> None:
    pdf, name = _pdf("patient")
    (tmp_path / "prints").mkdir()
    out = tmp_path / "prints" / "printed.pdf"
    task = PrintTask(QtPrinterDestination(output_file=out), PrintRequest(pdf.data, name))
    task.start()
    with qtbot.waitSignal(task.finished, timeout=60_000) as done:
        pass
    assert done.args == [True, str(out)]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert len(PdfReader(out).pages) == pdf.pages
    assert [p.name for p in out.parent.iterdir()] == ["printed.pdf"]  # the temporary is gone


def test_the_main_windows_export_refuses_a_device_with_a_message(
    qtbot, db_url, settings, tmp_path, monkeypatch
) -> None:
    main = _main(qtbot, db_url, settings, {"front_desk", "clinician"})
    open_imported_visit(qtbot, main, EXAMPLE)
    device = a_device(tmp_path)
    monkeypatch.setattr(
        "intake_desktop.ui.main_window.QFileDialog.getSaveFileName",
        lambda *a: (str(device), ""),
    )
    warnings: list[str] = []
    monkeypatch.setattr(
        "intake_desktop.ui.main_window.QMessageBox.warning", lambda *a: warnings.append(a[-1])
    )
    for index in range(main.tabs.count()):
        main.tabs.setCurrentIndex(index)
        listed = main.current_list()
        if listed is not None and listed.visits:
            listed.setCurrentCell(0, 0)
            break
    assert main.current_list() is not None and main.current_list().current_visit() is not None
    main.actions_by_name["Export case file"].trigger()
    assert len(warnings) == 1 and str(device) in warnings[0] and "a device" in warnings[0]
    assert stat.S_ISCHR(os.lstat(device).st_mode)
