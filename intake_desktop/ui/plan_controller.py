"""Keeps a plan in step with the form: debounce, validate with the domain, evaluate.

The domain decides; this only schedules. After each change (debounced so typing stays smooth)
the form's case dict goes through :func:`parse_case`; a valid case is evaluated and the plan
published, an invalid one publishes the field errors and the last valid plan stays as it was.
A signed visit publishes the plan it was signed with (``signed_plan``), never today's rules.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.plan import Plan
from intake_desktop.domain.validation import CaseValidationError, FieldError, parse_case

from .form_model import FormModel

DEBOUNCE_MS = 150


class PlanController(QObject):
    """Turns form changes into ``plan_ready(plan)`` or ``invalid(errors)``."""

    plan_ready = Signal(object)  # Plan
    invalid = Signal(list)  # list[FieldError]

    def __init__(
        self,
        form: FormModel,
        parent: QObject | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._today = today
        self.plan = None
        self.case = None
        self.errors: list[FieldError] = []
        #: The stored plan of a signed visit; while set it is published instead of a new one.
        self.signed_plan: Plan | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        form.changed.connect(self._on_form_changed)
        form.reset.connect(self.refresh)

    def _on_form_changed(self, path: str) -> None:
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def refresh(self) -> None:
        """Validate and evaluate now (also the end of every debounce)."""
        self._timer.stop()
        try:
            case = parse_case(self._form.case_dict(), today=self._today())
        except CaseValidationError as exc:
            self.errors = list(exc.errors)
            self.case = None
            self.invalid.emit(self.errors)
            return
        self.errors = []
        self.case = case
        self.plan = self.signed_plan or evaluate(case)
        self.plan_ready.emit(self.plan)
