"""Follow-up visits: start from the last signed visit, and mark what was carried forward.

The front desk only updates what changed: a follow-up draft starts as the previous visit's case
(:func:`domain.followup.carry_forward`, which also fills the previous painless walking distance so
the 15 % rule and its escalation sign work). Every carried field is tinted, with a tooltip naming
the visit it came from, until someone edits it or confirms it (one click per field, or one for
the whole page). The marks are screen state: they live in the window's own state, stored beside
the draft (``FormModel.ui_state``), and never reach the case.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from intake_desktop.domain.followup import CARRIED_FROM_KEY, VisitSnapshot, carry_forward
from intake_desktop.domain.followup import CARRIED_KEY as _CARRIED_KEY
from intake_desktop.services.errors import ServiceError
from intake_desktop.services.records import SIGNED_STATUSES, PatientRecord

from .binding import Binder, Binding
from .form_model import FormModel
from .theme import is_dark

if TYPE_CHECKING:
    from .clinic import Clinic
    from .step_page import StepPage

SIGNED = SIGNED_STATUSES
CARRIED_KEY = _CARRIED_KEY  # ui_state["carried"]: the dotted paths still marked
FROM_KEY = CARRIED_FROM_KEY  # ui_state["carried_from"]: the date of the visit they came from


def history_of(clinic: Clinic, patient_id: int) -> list[VisitSnapshot]:
    """The patient's signed visits as snapshots, oldest first (unreadable ones left out)."""
    return list(clinic.patient_history(patient_id))


def follow_up_data(
    clinic: Clinic, patient: PatientRecord, base: dict[str, Any], today: date | None = None
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """A follow-up draft and its window state (the carried marks) from the patient's last
    signed visit, or ``None`` for a first visit.

    ``base`` is the new visit's form as it would start without history (the patient block as
    registered now), which wins over the patient block of the old case.
    """
    today = today or date.today()
    try:
        last = next((v for v in clinic.patient_visits(patient.id) if v.status in SIGNED), None)
        record = clinic.get_visit(last.id) if last is not None else None
    except ServiceError:
        return None  # not allowed to read the history: start a blank visit
    if record is None:
        return None
    data, carried = carry_forward(record.case_data or {}, today)
    data["patient"] = {**data.get("patient", {}), **base.get("patient", {})}
    return data, {CARRIED_KEY: sorted(carried), FROM_KEY: record.visit_date.isoformat()}


def _related(a: str, b: str) -> bool:
    """Whether one path holds the other (or they are the same field)."""
    return a == b or a.startswith((b + ".", b + "[")) or b.startswith((a + ".", a + "["))


class CarriedMarks(QObject):
    """Tints carried fields of a visit window and clears the marks on edit or confirmation."""

    def __init__(
        self, form: FormModel, binder: Binder, pages: Sequence[StepPage], parent: QWidget
    ) -> None:
        # No reference to the window itself: the window owns this object, and a Python cycle
        # back to it would keep a closed (deleted-on-close) window's wrapper alive.
        super().__init__(parent)
        self.form, self.binder, self.pages = form, binder, list(pages)
        self.styles: dict[int, str] = {}
        self.confirm_buttons: dict[str, QPushButton] = {}  # by binding path
        self.page_bars: dict[int, QWidget] = {}
        self.form.changed.connect(self._on_form_changed)
        self.form.reset.connect(self.refresh)
        self.refresh()

    # --- state ---------------------------------------------------------------------------
    @property
    def carried(self) -> list[str]:
        return list(self.form.ui(CARRIED_KEY) or [])

    @property
    def source_date(self) -> str:
        return str(self.form.ui(FROM_KEY) or "")

    def is_marked(self, path: str) -> bool:
        return any(_related(path, p) for p in self.carried)

    def marked_bindings(self, page: QWidget | None = None) -> list[Binding]:
        return [
            b
            for b in self.binder.bindings
            if self.is_marked(b.path) and (page is None or page.isAncestorOf(b.widget))
        ]

    def confirm(self, path: str) -> None:
        """The value at ``path`` was checked and is still right: drop its mark."""
        self._drop(lambda p: _related(path, p))

    def confirm_page(self, page: QWidget) -> None:
        paths = [b.path for b in self.marked_bindings(page)]
        self._drop(lambda p: any(_related(path, p) for path in paths))

    def _drop(self, match: Any) -> None:
        left = [p for p in self.carried if not match(p)]
        if left != self.carried:
            self.form.set_ui(CARRIED_KEY, left)  # saved with the draft, like the step
            self.refresh()

    def _on_form_changed(self, path: str) -> None:
        if self.is_marked(path):
            self.confirm(path)  # an edited field is no longer a carried one

    # --- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        tint = self._tint()
        tip = self.tr("Carried forward from the visit of %s: change it or confirm it.")
        for binding in self.binder.bindings:
            marked = self.is_marked(binding.path)
            self._style(binding.widget, tint if marked else None,
                        tip % self.source_date if marked else None)  # fmt: skip
            self._button(binding, marked)
        for page in self.pages:
            self._page_bar(page)

    def _tint(self) -> str:
        # A pale amber under dark text, a deep amber under the light text of a dark scheme.
        dark = is_dark(self.pages[0].palette()) if self.pages else False
        return f"background-color: {'#4a3b00' if dark else '#fff1cc'};"

    def _style(self, widget: QWidget, tint: str | None, tip: str | None) -> None:
        key = id(widget)
        if tint is not None:
            if key not in self.styles:
                self.styles[key] = widget.styleSheet()
                widget.setProperty("plain_tooltip", widget.toolTip())
            widget.setStyleSheet(tint)
            widget.setToolTip(tip or "")
            widget.setProperty("carried", True)
        elif key in self.styles:
            widget.setStyleSheet(self.styles.pop(key))
            widget.setToolTip(widget.property("plain_tooltip") or "")
            widget.setProperty("carried", False)

    def _button(self, binding: Binding, marked: bool) -> None:
        button = self.confirm_buttons.get(binding.path)
        if button is None and marked:
            parent = binding.widget.parentWidget()
            layout = parent.layout() if parent is not None else None
            if not isinstance(layout, QBoxLayout) or layout.indexOf(binding.widget) < 0:
                return  # no room beside this widget: the page's "confirm all" covers it
            button = QPushButton(self.tr("✓ Confirm carried-forward value"), parent)
            button.setFlat(True)
            button.setAccessibleName(
                self.tr("Confirm %s") % (binding.widget.accessibleName() or binding.path)
            )
            button.clicked.connect(lambda *_, p=binding.path: self.confirm(p))
            layout.insertWidget(layout.indexOf(binding.widget) + 1, button)
            self.confirm_buttons[binding.path] = button
        if button is not None:
            button.setVisible(marked)

    def _page_bar(self, page: StepPage) -> None:
        count = len(self.marked_bindings(page))
        bar = self.page_bars.get(id(page))
        if bar is None and count:
            bar = CarriedBar(page)
            bar.button.clicked.connect(lambda *_: self.confirm_page(page))
            page.layout_.insertWidget(_after_heading(page), bar)
            self.page_bars[id(page)] = bar
        if bar is not None:
            bar.note.setText(
                self.tr("%d answers come from the visit of %s (tinted). Change what is different "
                        "today; confirm what is still right.") % (count, self.source_date)
            )  # fmt: skip
            bar.setVisible(bool(count))


class CarriedBar(QWidget):
    """The note on top of a page with carried answers, and its 'confirm all' button."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("carriedBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.button = QPushButton(self.tr("Confirm &all on this page"), self)
        row.addWidget(self.note, 1)
        row.addWidget(self.button)


def _after_heading(page: StepPage) -> int:
    """The layout position under the page's heading and intro."""
    index = 0
    for i in range(page.layout_.count()):
        w = page.layout_.itemAt(i).widget()
        if isinstance(w, QLabel) and w.objectName() in ("pageHeading", "pageIntro"):
            index = i + 1
        else:
            break
    return index
