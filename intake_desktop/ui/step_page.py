"""The base of every step of a visit: one page renders one step and decides nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from .binding import Binder
from .form_model import FormModel


class StepPage(QWidget):
    """A page of the visit window. Subclasses build their fields in ``__init__``."""

    #: Short title shown in the step list (translated through ``title_text``).
    title = ""

    def __init__(self, form: FormModel, binder: Binder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.binder = binder
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(12, 12, 12, 12)
        self.layout_.setSpacing(10)

    def title_text(self) -> str:
        return self.tr(self.title)

    def heading(self, text: str, intro: str = "") -> None:
        h = QLabel(text, self)
        h.setObjectName("pageHeading")
        h.setAccessibleName(text)
        self.layout_.addWidget(h)
        if intro:
            i = QLabel(intro, self)
            i.setWordWrap(True)
            i.setObjectName("pageIntro")
            self.layout_.addWidget(i)

    def group(self, title: str, *, add: bool = True) -> QFormLayout:
        """A titled group of labelled fields (added to the page); returns its form layout."""
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        if add:
            self.layout_.addWidget(box)
        return form

    def on_plan(self, plan: object, case: object) -> None:
        """A new plan was computed (override where a page shows what the findings suggest)."""
