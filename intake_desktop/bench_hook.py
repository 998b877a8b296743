"""Measurement hooks for the benchmark suite, off unless ``INTAKE_DESKTOP_BENCH`` is set.

``start``: report ``ready`` on standard output once the main window is shown with the search box
ready for typing, then quit (the cold-start figure). ``records``: report once the clinic is open,
the user signed in and the lists filled (search answers from then on). ``scroll``: after that,
also search, page through every fetchable row and scroll to the end (the peak-memory figure).
``dialog``: once the records are open and the sign-in dialog waits, type the name and password
given in ``INTAKE_DESKTOP_BENCH_USER``/``_PASSWORD`` into it and press OK, and report ``ready``
with the milliseconds from OK to the lists filled (the sign-in a user sees).

It lives outside ``ui/`` because it is no part of the interface: the benchmarks and the smoke
tests of the wheel and the desktop bundle (``INTAKE_DESKTOP_BENCH=start``: the window shows, then
the program quits by itself) use it. It knows the main window only by the few attributes it
touches (:class:`Window`), so it imports nothing of the package.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox


class Window(Protocol):
    """What the hook needs of the main window (``ui.main_window.MainWindow``)."""

    search: Any
    records_ready: Any
    sign_in_awaited: Any

    def isVisible(self) -> bool: ...

    def findChildren(self, kind: type[QDialog]) -> list[Any]: ...


PREFIXES = ("a", "ma", "gar", "l", "s", "DEMO-00", "jo", "e")


def install(app: QApplication, window: Window) -> bool:
    """Arm the hook named by the environment; True when one was armed."""
    mode = os.environ.get("INTAKE_DESKTOP_BENCH")
    if mode not in ("start", "records", "scroll", "dialog"):
        return False
    pressed: list[float] = []

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
        after_ok = f" {(time.perf_counter() - pressed[0]) * 1000:.2f}" if pressed else ""
        print(f"ready{after_ok}", flush=True, file=sys.stdout)
        app.quit()

    def sign_in() -> None:
        dialog = next((d for d in window.findChildren(QDialog) if hasattr(d, "password")), None)
        if dialog is None:
            print("not ready: no sign-in dialog", flush=True, file=sys.stderr)
            app.exit(1)
            return
        dialog.username.setText(os.environ.get("INTAKE_DESKTOP_BENCH_USER", ""))
        dialog.password.setText(os.environ.get("INTAKE_DESKTOP_BENCH_PASSWORD", ""))
        pressed.append(time.perf_counter())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():  # refused: the dialog stays, and the run would wait forever
            print(f"not ready: {dialog.error.text()}", flush=True, file=sys.stderr)
            app.exit(1)

    if mode == "start":
        QTimer.singleShot(0, ready)
    else:
        window.records_ready.connect(ready)
    if mode == "dialog":
        window.sign_in_awaited.connect(lambda: QTimer.singleShot(0, sign_in))
    return True
