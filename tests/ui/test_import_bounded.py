"""The app's "Import case file" reads as the command line does (issue 17): a FIFO or a device
is refused at once instead of hanging the window, and a duplicated key or an oversized file is
refused with a message naming the file; nothing is imported."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

from intake_desktop.ui.main_window import MainWindow
from tests.actors import TEST_PASSWORD

from .conftest import EXAMPLES
from .helpers import ModalWatch


def _refused(qtbot, main: MainWindow, path: Path) -> str:
    with ModalWatch() as watch:
        started = time.monotonic()
        window = main.import_case_path(path)
        qtbot.waitUntil(lambda: bool(watch.seen))
    assert window is None
    assert time.monotonic() - started < 5
    return watch.seen[0]


def test_import_refuses_what_the_command_line_refuses(qtbot, clinic, settings, tmp_path) -> None:
    clinic.sign_in("tester", TEST_PASSWORD)
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    example = next(p for p in EXAMPLES if "01_lumbar" in p.name).read_text(encoding="utf-8")

    duplicated = tmp_path / "twice.json"
    duplicated.write_text(example.replace("{", '{"format": "x", ', 1), encoding="utf-8")
    assert "format" in _refused(qtbot, main, duplicated)  # the duplicated key is named

    big = tmp_path / "big.json"
    big.write_text(json.dumps({"pad": "x" * (3 * 1024 * 1024)}), encoding="utf-8")
    assert "may be at most 2.0 MB" in _refused(qtbot, main, big)

    assert "not a regular file" in _refused(qtbot, main, Path("/dev/zero"))

    fifo = tmp_path / "case.fifo"
    os.mkfifo(fifo)
    # A writer that would hand the pipe a valid case if the app ever waited on it.
    writer = threading.Thread(target=lambda: fifo.write_text(example), daemon=True)
    writer.start()
    try:
        assert "not a regular file" in _refused(qtbot, main, fifo)
    finally:  # let the writer go
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        writer.join(5)
        os.close(fd)
    assert clinic.list_drafts() == []  # nothing imported
