"""Measurement hooks for the benchmark suite, off unless ``INTAKE_DESKTOP_BENCH`` is set.

``start``: report ``ready`` on standard output once the main window is shown with the search box
ready for typing, then quit (the cold-start figure). ``records``: report once the clinic is open,
the user signed in and the lists filled (search answers from then on). ``scroll``: after that,
also search, page through every fetchable row and scroll to the end (the peak-memory figure).

It lives outside ``ui/`` because it is no part of the interface: the benchmarks and the smoke
tests of the wheel and the desktop bundle (``INTAKE_DESKTOP_BENCH=start``: the window shows, then
the program quits by itself) use it. It knows the main window only by the few attributes it
touches (:class:`Window`), so it imports nothing of the package.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


class Window(Protocol):
    """What the hook needs of the main window (``ui.main_window.MainWindow``)."""

    search: Any
    records_ready: Any

    def isVisible(self) -> bool: ...


PREFIXES = ("a", "ma", "gar", "l", "s", "DEMO-00", "jo", "e")


def install(app: QApplication, window: Window) -> bool:
    """Arm the hook named by the environment; True when one was armed."""
    mode = os.environ.get("INTAKE_DESKTOP_BENCH")
    if mode not in ("start", "records", "scroll"):
        return False

    def ready() -> None:
        box = window.search.box
        if not (window.isVisible() and box.isVisible() and box.isEnabled()):
            print("not ready: the search box is not shown", flush=True, file=sys.stderr)
            app.exit(1)
            return
        if mode == "scroll":
            for prefix in PREFIXES:
                box.setText(prefix)
                window.search.run_query()
                model = window.search.model
                while model.canFetchMore():
                    model.fetchMore()
                window.search.view.scrollToBottom()
                app.processEvents()
        print("ready", flush=True, file=sys.stdout)
        app.quit()

    if mode == "start":
        QTimer.singleShot(0, ready)
    else:
        window.records_ready.connect(ready)
    return True
