"""From a field's path (``exam.hoffmann_sign``, ``red_flag_screen.fever``) to its widget.

The sign dialog lists what is missing by path; choosing a line shows the step that holds the
field and puts the keyboard on it. Paths are the services' and the validator's, so one lookup
serves a missing item and an invalid field alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from intake_desktop.domain.signing import NOT_EXAMINED_KEY, OVERRIDE_REASON_PATH, SCREEN_PATH

from .binding import Binder
from .clinician_pages.decision import DecisionPage
from .clinician_pages.exam import ExamPage
from .intake_pages.red_flags import RedFlagPage
from .step_page import StepPage


def locate(pages: Sequence[StepPage], binder: Binder, path: str) -> tuple[int, QWidget] | None:
    """The step index and the widget of ``path``, or None when no widget shows it."""
    head, _, rest = path.partition(".")
    widget: QWidget | None = None
    if head == SCREEN_PATH:
        page = next(p for p in pages if isinstance(p, RedFlagPage))
        widget = page.switches.get(rest)
    elif path == f"exam.{NOT_EXAMINED_KEY}":
        widget = next(p for p in pages if isinstance(p, ExamPage)).not_examined.reason
    elif path == OVERRIDE_REASON_PATH:
        widget = next(p for p in pages if isinstance(p, DecisionPage)).reason
    else:
        probe = path
        while probe and widget is None:  # the nearest bound field (a list's row, a group)
            widget = binder.widget_for(probe)
            probe = probe.rpartition(".")[0] if "." in probe else ""
    if widget is None:
        return None
    for index, page in enumerate(pages):
        if page.isAncestorOf(widget):
            return index, widget
    return None
